/**
 * Two NodeBB processes on one database (NodeBB's cluster: the loader forks one worker per port, only the primary runs
 * the cron jobs). The harness is one worker; a second `node app.js` on another port, started as the primary, is the
 * other. Members are driven over HTTP through both; what one process wrote must be what the other reads.
 */
import assert from 'assert';
import path from 'path';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import { applyPlatformPrivileges } from '../../../lib/platform/service';
import * as qaJobs from '../../../lib/qa/jobs';
import * as insight from '../../../lib/insight/service';
import * as access from '../../../lib/membership/access';
import * as rosterStore from '../../../lib/membership/store';
import { K } from '../../../lib/qa/store';
import { createCategory, createUser, eventually, forumUrl, host, type TestUser, unique } from '../../support/forum';
import { type Envelope, Session } from '../../support/http';
import { belgianCsv, type Person, type RosterPreview, upload } from '../../support/roster';
import { joinClusterPubsub, type SecondProcess, startSecondProcess } from '../../support/second-process';

const API = '/api/v3/plugins/lvl';
const JOBS = ['lvl:qa', 'lvl:insight', 'lvl:membership-standing'];

interface DirPage { total: number; results: { uid: number }[] }
interface QaTopic { tid: number; status: string; accepted: number[] }

async function loginOn(base: string, u: TestUser): Promise<Session> {
	const s = new Session(base);
	await s.login(u.username, u.password);
	return s;
}

async function directory(s: Session, query: string): Promise<number[]> {
	const res = await s.get<Envelope<DirPage>>(`${API}/directory?${query}`);
	assert.strictEqual(res.status, 200, res.text);
	return res.body.response.results.map(r => r.uid);
}

async function saveProfile(s: Session, uid: number, body: Record<string, unknown>): Promise<void> {
	const current = await s.get<Envelope<{ revision: number }>>(`${API}/profiles/${String(uid)}`);
	const revision = current.status === 200 ? current.body.response.revision : 0;
	const res = await s.put(`${API}/profiles/${String(uid)}`, { revision, languages: ['nl'], availability: 'available', ...body });
	assert.strictEqual(res.status, 200, res.text);
}

async function acceptedCount(uid: number): Promise<number> {
	return Number(await nodebb.db().getObjectField(K.counts(uid), 'accepted') ?? 0);
}

function person(nr: string, last: string): Person {
	return { nr, last, first: 'Jan', email: `${last.toLowerCase()}.${nr}@example.org`, born: '1970-05-01' };
}

describe('Two NodeBB processes on one database', function () {
	this.timeout(180000);
	let second: SecondProcess;
	let cid: number;
	let savedPlatformCids: number[];
	let savedConfig: Record<string, unknown>;
	let registeredByHarness: boolean[];
	let leavePubsub: () => Promise<void> = () => Promise.resolve();
	let asker: TestUser; let answerer: TestUser; let seeker: TestUser; let admin: TestUser;
	let askerA: Session; let askerB: Session; let answererA: Session; let answererB: Session;
	let seekerA: Session; let seekerB: Session; let adminA: Session; let adminB: Session;

	before(async () => {
		// everything a second process reads from its own caches (settings, groups, privileges) is set before it starts:
		// the harness publishes its changes in-process only, a real cluster through Redis
		cid = await createCategory(unique('Cluster '));
		savedPlatformCids = (await settings.get()).platformCids;
		await settings.save({ platformCids: [...savedPlatformCids, cid] });
		await applyPlatformPrivileges();
		[asker, answerer, seeker] = await Promise.all([createUser('cvrager', { member: true }), createUser('cantwoord', { member: true }), createUser('czoeker', { member: true })]);
		admin = await createUser('cbeheer', { admin: true, member: true });
		// the harness runs with posting delays and the post queue off in memory (databasemock.js); the second process
		// reads NodeBB's config from the database, so it gets the same values there
		const queue = { postQueue: 0, postDelay: 0, initialPostDelay: 0, newbiePostDelay: 0 };
		savedConfig = await nodebb.db().getObjectFields('config', Object.keys(queue));
		await nodebb.db().setObject('config', queue);
		// the jobs' records are the primary's to write: cleared, so what appears below was written by it
		await nodebb.db().sortedSetRemove('cronJobs', JOBS);
		await nodebb.db().deleteAll(JOBS.map(name => `cronJob:${name}`));
		// the harness is a worker that does not run jobs (runJobs false): registering there must be a no-op
		assert.strictEqual(nodebb.nconf().get('runJobs'), false);
		await Promise.all([qaJobs.start(), insight.startJobs(), access.startJobs()]);
		registeredByHarness = await Promise.all(JOBS.map(name => nodebb.db().exists(`cronJob:${name}`)));
		// the primary runs the upgrades at start: the test database counts as up to date, as a running forum's is (so that
		// none runs against it, whatever an earlier suite recorded)
		const upgrades = (await host<{ getAll(): Promise<string[]> }>('./src/upgrade').getAll()).map(file => path.basename(file, '.js'));
		await nodebb.db().sortedSetAdd('schemaLog', upgrades.map(() => Date.now()), upgrades);
		// the harness joins the cluster's pubsub, as every worker of a cluster does (NodeBB's caches stay coherent)
		leavePubsub = await joinClusterPubsub();
		second = await startSecondProcess(Number(process.env.LVL_TEST_PORT2 ?? Number(new URL(forumUrl()).port) + 5));
		[askerA, askerB, answererA, answererB, seekerA, seekerB, adminA, adminB] = await Promise.all([
			loginOn(forumUrl(), asker), loginOn(second.url, asker), loginOn(forumUrl(), answerer), loginOn(second.url, answerer),
			loginOn(forumUrl(), seeker), loginOn(second.url, seeker), loginOn(forumUrl(), admin), loginOn(second.url, admin),
		]);
	});

	after(async () => {
		await second.stop();
		await leavePubsub();
		const restore = Object.fromEntries(Object.entries(savedConfig).filter(([, v]) => v !== null && v !== undefined));
		if (Object.keys(restore).length) {
			await nodebb.db().setObject('config', restore);
		}
		await settings.save({ platformCids: savedPlatformCids });
		await applyPlatformPrivileges();
	});

	it('each plugin job is scheduled by the one process that runs jobs, never by the other', async () => {
		assert.deepStrictEqual(registeredByHarness, [false, false, false], 'the worker that does not run jobs scheduled none');
		// the second process is the primary: it scheduled each job (its cron ticks there, once)
		const jobs = await eventually(async () => {
			const all = await nodebb.db().getObjects(JOBS.map(name => `cronJob:${name}`));
			return all.every(j => j && String(j.active) === '1') ? all : null;
		}, 'the primary to schedule the jobs', 30000);
		for (const [i, job] of jobs.entries()) {
			assert.strictEqual(job?.name, JOBS[i]);
			assert.ok(Number(job?.nextRun) > Date.now() - 1000, `${JOBS[i] ?? ''} has its next tick ahead`);
		}
		const scheduled = await nodebb.db().getSortedSetRange('cronJobs', 0, -1);
		assert.deepStrictEqual(JOBS.map(name => scheduled.filter(n => n === name).length), [1, 1, 1]);
	});

	it('a member session works on both processes (one session store)', async () => {
		for (const s of [seekerA, seekerB]) {
			const res = await s.get<{ uid: number }>('/api/config');
			assert.strictEqual(res.status, 200);
		}
		const me = await seekerB.get<{ uid: number }>(`/api/user/${encodeURIComponent(seeker.username.toLowerCase())}`);
		assert.strictEqual(me.status, 200, me.text);
	});

	it('a profile saved through one process is found by a directory search through the other at once', async () => {
		const word = unique('Zeevaartkundige');
		// both processes hold their own copy of the competence's index once they searched it
		assert.ok(!(await directory(seekerB, 'c=defence.naval')).includes(answerer.uid));
		assert.ok(!(await directory(seekerA, 'c=defence.naval')).includes(answerer.uid));
		assert.ok(!(await directory(seekerB, 'c=defence.naval,insurance.life')).includes(answerer.uid));
		await saveProfile(answererA, answerer.uid, { competences: [{ key: 'defence.naval', level: 'expert', roles: ['advice'] }, { key: 'insurance.life', level: 'basic', roles: [] }], profession: word });
		assert.ok((await directory(seekerB, 'c=defence.naval')).includes(answerer.uid), 'the other process finds the new holder');
		assert.ok((await directory(seekerB, 'c=defence.naval,insurance.life')).includes(answerer.uid), 'and with two competences');
		assert.ok((await directory(seekerB, `c=defence.naval&q=${encodeURIComponent(word)}`)).includes(answerer.uid), 'and with free text');
		// and back: a change through the second process reaches the first at once
		await saveProfile(answererB, answerer.uid, { competences: [{ key: 'insurance.life', level: 'basic', roles: [] }], profession: word });
		assert.ok(!(await directory(seekerA, 'c=defence.naval')).includes(answerer.uid), 'the first process no longer lists a competence taken off');
		assert.ok((await directory(seekerA, 'c=insurance.life')).includes(answerer.uid));
		assert.ok(!(await directory(seekerB, 'c=defence.naval')).includes(answerer.uid));
	});

	describe('an accepted answer, accepted and taken back through both processes at once', () => {
		let tid: number; let pid: number;

		before(async () => {
			await saveProfile(askerA, asker.uid, { competences: [{ key: 'insurance.life', level: 'basic', roles: [] }] });
			const q = await askerA.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title: unique('Levensverzekering opzeggen '), content: 'Kan ik een tak 21-verzekering vroegtijdig afkopen zonder boete?', lvlType: 'question', lvlCompetences: ['insurance.life'] });
			assert.strictEqual(q.status, 200, q.text);
			tid = q.body.response.tid;
			const r = await answererB.post<Envelope<{ pid: number }>>(`/api/v3/topics/${String(tid)}`, { content: 'Ja, maar de afkoopvergoeding en de roerende voorheffing lopen op in de eerste acht jaar.' });
			assert.strictEqual(r.status, 200, r.text);
			pid = r.body.response.pid;
		});

		async function topic(): Promise<QaTopic> {
			if (nodebb.nconf().get('database') !== 'redis') {
				// on PostgreSQL without Redis the harness hears nothing from the other process: its cached hashes go
				host<{ objectCache?: { reset(): void } }>('./src/database').objectCache?.reset();
			}
			const res = await askerA.get<Envelope<QaTopic>>(`${API}/qa/topics/${String(tid)}`);
			assert.strictEqual(res.status, 200, res.text);
			return res.body.response;
		}

		it('the lock is shared: while one process holds it, the other refuses', async () => {
			await nodebb.db().setObject('lvl:qa:locks', { [`accept:${String(tid)}`]: 1, [`accept:${String(tid)}:at`]: Date.now() });
			try {
				const busy = await askerB.put(`${API}/qa/topics/${String(tid)}/accepted`, { pid });
				assert.notStrictEqual(busy.status, 200);
				assert.match(busy.text, /changing this answer|bezig|en train/i);
			} finally {
				await nodebb.db().deleteObjectFields('lvl:qa:locks', [`accept:${String(tid)}`, `accept:${String(tid)}:at`]);
			}
			assert.deepStrictEqual((await topic()).accepted, []);
		});

		it('six accepts of one answer sent to both processes at once count it once', async () => {
			const sessions = [askerA, askerB, askerA, askerB, askerA, askerB];
			const results = await Promise.all(sessions.map(s => s.put(`${API}/qa/topics/${String(tid)}/accepted`, { pid })));
			assert.strictEqual(results.filter(r => r.status === 200).length, 1, results.map(r => `${String(r.status)} ${r.text.slice(0, 120)}`).join('\n'));
			const t = await topic();
			assert.deepStrictEqual([t.status, t.accepted], ['solved', [pid]]);
			assert.strictEqual(await acceptedCount(answerer.uid), 1);
		});

		it('six undos sent to both processes at once take it back once', async () => {
			const sessions = [askerB, askerA, askerB, askerA, askerB, askerA];
			const results = await Promise.all(sessions.map(s => s.request('DELETE', `${API}/qa/topics/${String(tid)}/accepted/${String(pid)}`)));
			assert.strictEqual(results.filter(r => r.status === 200).length, 1, results.map(r => `${String(r.status)} ${r.text.slice(0, 120)}`).join('\n'));
			const t = await topic();
			assert.deepStrictEqual([t.status, t.accepted], ['open', []]);
			assert.strictEqual(await acceptedCount(answerer.uid), 0);
		});
	});

	it('two rosters previewed on the same roster and applied through both processes at once: one is put in force', async () => {
		const base = unique('9');
		const one = [person(`${base}01`, 'Peeters'), person(`${base}02`, 'Janssens')];
		const two = [person(`${base}11`, 'Maes'), person(`${base}12`, 'Jacobs'), person(`${base}13`, 'Mertens')];
		const [p1, p2] = await Promise.all([upload(adminA, belgianCsv(one)), upload(adminB, belgianCsv(two))]);
		assert.strictEqual(p1.status, 200, JSON.stringify(p1.body));
		assert.strictEqual(p2.status, 200, JSON.stringify(p2.body));
		const previews: RosterPreview[] = [p1.body.response, p2.body.response];
		const before = await rosterStore.getMeta();
		const results = await Promise.all([
			adminA.post(`${API}/roster/imports/${String(previews[0]?.import.id)}/apply`, { confirmStatuses: true }),
			adminB.post(`${API}/roster/imports/${String(previews[1]?.import.id)}/apply`, { confirmStatuses: true }),
		]);
		const applied = results.map(r => r.status === 200);
		assert.strictEqual(applied.filter(Boolean).length, 1, results.map(r => `${String(r.status)} ${r.text.slice(0, 200)}`).join('\n'));
		const refused = results.find(r => r.status !== 200);
		assert.match(refused?.text ?? '', /already being applied|changed since this preview/i);
		const after = await rosterStore.getMeta();
		assert.strictEqual(after.version, before.version + 1, 'one new roster version');
		assert.strictEqual(after.count, applied[0] ? one.length : two.length, 'the roster in force is the one that was applied');
	});
});
