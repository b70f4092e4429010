/**
 * The promise ("every member's question gets a member's answer"): claim and cascade, capacity, holiday, "do not
 * disturb", quiet hours, the coordinators, the asker's status line, and the attacks on its routes. The job runs as
 * NodeBB's cron would at a chosen time (jobs.run(now)): a simulated clock.
 */
import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import { applyPlatformPrivileges } from '../../lib/platform/service';
import * as jobs from '../../lib/qa/jobs';
import { localClock } from '../../lib/qa/promise-rules';
import { K } from '../../lib/qa/store';
import * as store from '../../lib/qa/store';
import { createCategory, createUser, eventually, guest, loginAs, notificationArrives, saveProfile, type TestUser, unique } from '../support/forum';
import type { Envelope, Session } from '../support/http';

const API = '/api/v3/plugins/lvl';
const HOUR = 60 * 60 * 1000;
const C = 'health.pharmacy';
const NOBODY = 'engineering.workplace-safety';

const routedTo = async (tid: number): Promise<number[]> => (await nodebb.db().getSortedSetRange(K.routedFor(tid), 0, -1)).map(Number);

async function hasNotification(uid: number, part: string): Promise<boolean> {
	const nids = await nodebb.db().getSortedSetRange(`uid:${String(uid)}:notifications:unread`, 0, -1);
	return nids.some(n => n.includes(part));
}

interface TopicPage { lvlQa?: { promise?: { line: string; state: string; canClaim: boolean; canDecline: boolean; canRelease: boolean; canAssign: boolean } } }

describe('the promise: claim and cascade, capacity, quiet hours, coordinators', () => {
	let cid: number;
	let coordinators: string;
	let saved: settings.Settings;
	let asker: TestUser; let askerS: Session;
	let h1: TestUser; let h1S: Session;
	let h2: TestUser; let h2S: Session;
	let h3: TestUser; let h3S: Session;
	let h4: TestUser; let h4S: Session;
	let coord: TestUser; let coordS: Session;
	let outsider: TestUser; let outsiderS: Session;

	async function ask(competence = C): Promise<{ tid: number; timestamp: number }> {
		const res = await askerS.post<Envelope<{ tid: number }>>('/api/v3/topics', {
			cid, title: unique('Welk geneesmiddel mag samen met '), content: 'Mijn apotheker is met vakantie: wie weet dit?', lvlType: 'question', lvlCompetences: [competence],
		});
		assert.strictEqual(res.status, 200, res.text);
		const tid = res.body.response.tid;
		// NodeBB's after-post hook routes the question in the background
		await eventually(async () => ((await routedTo(tid)).length || (await nodebb.db().sortedSetScore(K.escalation, String(tid)) ?? Infinity) <= Date.now()) && await store.getTopic(tid), 'routing at posting');
		const t = await store.getTopic(tid);
		return { tid, timestamp: t?.timestamp ?? 0 };
	}

	async function page(s: Session, tid: number): Promise<NonNullable<NonNullable<TopicPage['lvlQa']>['promise']>> {
		const res = await s.get<TopicPage>(`/api/topic/${String(tid)}`);
		assert.strictEqual(res.status, 200, res.text);
		const p = res.body.lvlQa?.promise;
		assert.ok(p, 'the promise is on the topic page');
		return p;
	}

	const quietOff = { capacity: 3, quietOff: true, awayUntil: '' };

	before(async function () {
		this.timeout(90000);
		saved = await settings.get();
		cid = await createCategory(unique('Gezondheid '));
		coordinators = unique('Coördinatoren ');
		await nodebb.groups().create({ name: coordinators, description: 'Vragen die niemand opneemt' });
		await settings.save({
			platformCids: [...saved.platformCids, cid], qaRouteCount: 2, qaWeeklyCap: 50, qaEscalateHours: 24, qaRounds: 2, qaClaimHours: 48, qaCapacity: 3,
			qaTimeZone: 'UTC', qaCoordinatorGroups: `${String(cid)}=${coordinators}`,
		});
		await applyPlatformPrivileges();
		[asker, h1, h2, h3, h4, coord] = await Promise.all([
			createUser('vrager', { member: true }), createUser('apotheker', { member: true }), createUser('verpleger', { member: true }),
			createUser('huisarts', { member: true }), createUser('mantelzorger', { member: true }), createUser('coordinator', { member: true }),
		]);
		outsider = await createUser('buitenstaander', {});
		await nodebb.groups().join(coordinators, coord.uid);
		[askerS, h1S, h2S, h3S, h4S, coordS, outsiderS] = await Promise.all([loginAs(asker), loginAs(h1), loginAs(h2), loginAs(h3), loginAs(h4), loginAs(coord), loginAs(outsider)]);
		await saveProfile(h1S, h1.uid, [{ key: C, level: 'expert', roles: ['advice'] }]);
		await saveProfile(h2S, h2.uid, [{ key: C, level: 'expert', roles: [] }]);
		await saveProfile(h3S, h3.uid, [{ key: C, level: 'experienced', roles: [] }]);
		await saveProfile(h4S, h4.uid, [{ key: C, level: 'basic', roles: [] }]);
		for (const s of [h1S, h2S, h3S, h4S, coordS]) {
			const res = await s.put(`${API}/qa/me/availability`, quietOff);
			assert.strictEqual(res.status, 200, res.text);
		}
	});

	after(async () => {
		await settings.save({
			platformCids: saved.platformCids, qaRouteCount: saved.qaRouteCount, qaWeeklyCap: saved.qaWeeklyCap, qaEscalateHours: saved.qaEscalateHours,
			qaRounds: saved.qaRounds, qaClaimHours: saved.qaClaimHours, qaCapacity: saved.qaCapacity, qaTimeZone: saved.qaTimeZone,
			qaCoordinatorGroups: saved.qaCoordinatorGroups,
		});
	});

	describe('claim and cascade', () => {
		let tid: number;
		let at: number;

		it('the asker sees that the question went to two members; a routed member can claim it, another cannot', async () => {
			({ tid, timestamp: at } = await ask());
			assert.deepStrictEqual((await routedTo(tid)).sort(), [h1.uid, h2.uid].sort());
			await notificationArrives(h1.uid, `lvl:qa:routed:${String(tid)}`);
			assert.strictEqual((await page(askerS, tid)).line, '[[lvl-promise:standing.sent, 2]]');
			const forH1 = await page(h1S, tid);
			assert.strictEqual(forH1.canClaim, true);
			assert.strictEqual(forH1.line, '', 'a routed member does not see the asker\'s line');
			assert.strictEqual((await page(h3S, tid)).canClaim, false, 'not routed to h3');
		});

		it('a member it was not routed to cannot claim it, nor claim it for someone else', async () => {
			const res = await h3S.put(`${API}/qa/topics/${String(tid)}/claim`, { uid: h1.uid });
			assert.strictEqual(res.status, 400, res.text);
			assert.match(res.text, /was not sent to you/);
			const state = await nodebb.db().getObject(K.promise(tid));
			assert.ok(!state?.claimBy, 'nobody holds it');
		});

		it('a claim tells the asker who is on it and holds the cascade past the round', async () => {
			const res = await h1S.put(`${API}/qa/topics/${String(tid)}/claim`, { uid: h2.uid });
			assert.strictEqual(res.status, 200, res.text);
			const n = await notificationArrives(asker.uid, `lvl:qa:claimed:${String(tid)}`);
			assert.match(String(n.bodyShort), /notification\.claimed/);
			assert.strictEqual((await page(askerS, tid)).line, `[[lvl-promise:standing.claimed, ${h1.username}]]`, 'the asker reads who is on it');
			const other = await h2S.put(`${API}/qa/topics/${String(tid)}/claim`, {});
			assert.match(other.text, /Another member already took this question/);
			assert.strictEqual((await page(h1S, tid)).canRelease, true);
			await jobs.run(at + 30 * HOUR);
			assert.deepStrictEqual((await routedTo(tid)).sort(), [h1.uid, h2.uid].sort(), 'no next round while the claim holds');
		});

		it('a claim without a reply expires; the question then goes on to the next members at once', async () => {
			const report = await jobs.run(Date.now() + 48 * HOUR + 1000);
			assert.strictEqual(report.claimsExpired, 1);
			await notificationArrives(h1.uid, `lvl:qa:claim-expired:${String(tid)}`);
			assert.deepStrictEqual((await routedTo(tid)).sort(), [h1.uid, h2.uid, h3.uid, h4.uid].sort());
			assert.strictEqual(await nodebb.db().sortedSetCard(K.claimsBy(h1.uid)), 0, 'h1 carries nothing any more');
			assert.strictEqual((await page(askerS, tid)).line, '[[lvl-promise:standing.passed, 4]]');
		});

		it('after the last round nobody claimed, the coordinators get it; a coordinator assigns a member in one click', async () => {
			const t = await store.getTopic(tid);
			const state = await nodebb.db().getObject(K.promise(tid));
			const roundAt = Number(state?.roundAt);
			await jobs.run(roundAt + 24 * HOUR + 1);
			const n = await notificationArrives(coord.uid, `lvl:qa:coordinator:${String(tid)}`);
			assert.strictEqual(n.type, 'lvl-qa-coordinator');
			assert.strictEqual((await page(askerS, tid)).line, '[[lvl-promise:standing.coordinator]]');
			const panel = await page(coordS, tid);
			assert.strictEqual(panel.canAssign, true);
			const suggestions = await coordS.get<Envelope<{ members: { uid: number }[] }>>(`${API}/qa/topics/${String(tid)}/suggestions`);
			assert.strictEqual(suggestions.status, 200, suggestions.text);
			assert.ok(suggestions.body.response.members.some(m => m.uid === h2.uid));
			// a member cannot assign, nor can anyone but the coordinators ask for suggestions
			const byMember = await h3S.put(`${API}/qa/topics/${String(tid)}/assign`, { uid: h3.uid });
			assert.strictEqual(byMember.status, 403);
			assert.strictEqual((await h3S.get(`${API}/qa/topics/${String(tid)}/suggestions`)).status, 403);
			const res = await coordS.put(`${API}/qa/topics/${String(tid)}/assign`, { uid: h2.uid });
			assert.strictEqual(res.status, 200, res.text);
			await notificationArrives(h2.uid, `lvl:qa:assigned:${String(tid)}`);
			assert.match((await page(askerS, tid)).line, /^\[\[lvl-promise:standing\.assigned, /);
			assert.ok(t);
			const claimed = await h2S.put(`${API}/qa/topics/${String(tid)}/claim`, {});
			assert.strictEqual(claimed.status, 200, claimed.text);
		});

		it('a reply ends the claim (the member carries one less) and the asker reads "answered"', async () => {
			const res = await h2S.post(`/api/v3/topics/${String(tid)}`, { content: 'Vraag het altijd even na bij de huisarts, maar dit kan samen.' });
			assert.strictEqual(res.status, 200, res.text);
			await eventually(async () => (await nodebb.db().sortedSetCard(K.claimsBy(h2.uid))) === 0, 'the claim fulfilled');
			assert.strictEqual((await page(askerS, tid)).line, '[[lvl-promise:standing.answered]]');
		});
	});

	describe('declines', () => {
		it('when everyone asked says "not for me", the next run passes the question on without waiting for the round', async () => {
			const { tid } = await ask();
			const first = await routedTo(tid);
			assert.strictEqual(first.length, 2);
			for (const uid of first) {
				const s = [h1S, h2S, h3S, h4S][[h1, h2, h3, h4].findIndex(u => u.uid === uid)]!;
				const res = await s.put(`${API}/qa/topics/${String(tid)}/decline`, {});
				assert.strictEqual(res.status, 200, res.text);
			}
			await jobs.run(Date.now() + 1000);
			const now = await routedTo(tid);
			assert.strictEqual(now.length, 4, 'two more members asked');
		});
	});

	describe('who is not routed to', () => {
		it('nobody past capacity, on holiday, and "do not disturb" waits; the directory shows "full" and "away"', async () => {
			// h1: capacity 1 and one open claim; h2: on holiday; h3: do not disturb; h4 is free
			await nodebb.db().sortedSetAdd(K.claimsBy(h1.uid), Date.now() + 48 * HOUR, '999999');
			assert.strictEqual((await h1S.put(`${API}/qa/me/availability`, { ...quietOff, capacity: 1 })).status, 200);
			const later = new Date(Date.now() + 5 * 24 * HOUR).toISOString().slice(0, 10);
			assert.strictEqual((await h2S.put(`${API}/qa/me/availability`, { ...quietOff, awayUntil: later })).status, 200);
			await nodebb.user().setUserField(h3.uid, 'status', 'dnd');
			await settings.save({ qaRouteCount: 5 });
			try {
				const { tid } = await ask();
				const routed = await routedTo(tid);
				assert.ok(!routed.includes(h1.uid), 'at capacity');
				assert.ok(!routed.includes(h2.uid), 'on holiday');
				assert.ok(routed.includes(h3.uid) && routed.includes(h4.uid));
				await notificationArrives(h4.uid, `lvl:qa:routed:${String(tid)}`);
				assert.strictEqual(await hasNotification(h3.uid, `lvl:qa:routed:${String(tid)}`), false, 'not while "do not disturb"');
				await jobs.run(Date.now() + 10 * 60 * 1000);
				assert.strictEqual(await hasNotification(h3.uid, `lvl:qa:routed:${String(tid)}`), false, 'still "do not disturb"');
				await nodebb.user().setUserField(h3.uid, 'status', 'online');
				const report = await jobs.run(Date.now() + 20 * 60 * 1000);
				assert.strictEqual(report.delivered, 1);
				await notificationArrives(h3.uid, `lvl:qa:routed:${String(tid)}`);
				const dir = await askerS.get<Envelope<{ results: { uid: number; full: boolean; awayUntil: string }[] }>>(`${API}/directory?c=${C}`);
				assert.strictEqual(dir.status, 200, dir.text);
				const row = (uid: number): { full: boolean; awayUntil: string } | undefined => dir.body.response.results.find(r => r.uid === uid);
				assert.strictEqual(row(h1.uid)?.full, true);
				assert.strictEqual(row(h2.uid)?.awayUntil, later);
			} finally {
				await settings.save({ qaRouteCount: 2 });
				await nodebb.db().sortedSetRemove(K.claimsBy(h1.uid), '999999');
				await h1S.put(`${API}/qa/me/availability`, quietOff);
				await h2S.put(`${API}/qa/me/availability`, quietOff);
				await nodebb.user().setUserField(h3.uid, 'status', 'online');
			}
		});

		it('a question whose competence no available member has reaches the coordinators within one run', async () => {
			const { tid } = await ask(NOBODY);
			assert.deepStrictEqual(await routedTo(tid), []);
			const report = await jobs.run(Date.now());
			assert.strictEqual(report.coordinators, 1);
			await notificationArrives(coord.uid, `lvl:qa:coordinator:${String(tid)}`);
		});
	});

	describe('quiet hours', () => {
		it('a routed question waits for the end of the member\'s quiet hours, and two runs at once deliver it once', async () => {
			// quiet from an hour ago to an hour from now (the forum's time zone is UTC here)
			const { minutes } = localClock(Date.now(), 'UTC');
			const hhmm = (m: number): string => `${String(Math.floor(((m + 1440) % 1440) / 60)).padStart(2, '0')}:${String((m + 1440) % 60).padStart(2, '0')}`;
			const res = await h4S.put(`${API}/qa/me/availability`, { capacity: 3, quietFrom: hhmm(minutes - 60), quietTo: hhmm(minutes + 60) });
			assert.strictEqual(res.status, 200, res.text);
			await settings.save({ qaRouteCount: 5 });
			try {
				const { tid } = await ask();
				assert.ok((await routedTo(tid)).includes(h4.uid));
				await notificationArrives(h1.uid, `lvl:qa:routed:${String(tid)}`);
				assert.strictEqual(await hasNotification(h4.uid, `lvl:qa:routed:${String(tid)}`), false, 'nothing during quiet hours');
				const waiting = await nodebb.db().getSortedSetRangeWithScores(K.pending, 0, -1);
				const mine = waiting.find(w => w.value.startsWith(`${String(h4.uid)}|lvl:qa:routed:${String(tid)}`));
				assert.ok(mine, 'waiting for the end of the quiet hours');
				assert.strictEqual((await jobs.run(mine.score - 1000)).delivered, 0, 'not before the end');
				const reports = await Promise.all([jobs.run(mine.score + 1000), jobs.run(mine.score + 1000)]);
				assert.strictEqual(reports.reduce((sum, r) => sum + r.delivered, 0), 1, 'delivered once');
				await notificationArrives(h4.uid, `lvl:qa:routed:${String(tid)}`);
				const again = await jobs.run(mine.score + 2000);
				assert.strictEqual(again.delivered, 0, 'a later run (after a restart) sends nothing again');
			} finally {
				await settings.save({ qaRouteCount: 2 });
				await h4S.put(`${API}/qa/me/availability`, quietOff);
			}
		});

		it('a member\'s settings are checked: capacity within the forum\'s, a real date, real times', async () => {
			for (const body of [{ ...quietOff, capacity: 0 }, { ...quietOff, capacity: 9 }, { ...quietOff, awayUntil: '2020-01-01' }, { capacity: 2, quietFrom: '25:00', quietTo: '08:00' }]) {
				const res = await h4S.put(`${API}/qa/me/availability`, body);
				assert.strictEqual(res.status, 400, JSON.stringify(body));
				assert.match(res.text, /Choose a number from 1 to 3|Choose a date|hh:mm/);
			}
			const form = await h4S.get<Envelope<{ capacity: number; quietOff: boolean }>>(`${API}/qa/me/availability`);
			assert.deepStrictEqual([form.body.response.capacity, form.body.response.quietOff], [3, true], 'nothing saved from the bad input');
		});
	});

	describe('Insight', () => {
		it('the board sees the promise: answered within 48 hours, time to first claim, concentration; members do not', async () => {
			const admin = await createUser('bestuur', { admin: true, member: true });
			const adminS = await loginAs(admin);
			const res = await adminS.get<Envelope<{ medianFirstClaimMs: number | null; topShare: number | null; gaps: unknown[] }>>(`${API}/insight/promise`);
			assert.strictEqual(res.status, 200, res.text);
			assert.ok(res.body.response.medianFirstClaimMs !== null, 'claims were made above');
			assert.ok(res.body.response.topShare !== null && res.body.response.topShare > 0, 'answers were given above');
			assert.ok(Array.isArray(res.body.response.gaps));
			assert.strictEqual((await h1S.get(`${API}/insight/promise`)).status, 403);
			const pageRes = await adminS.get('/admin/plugins/lvl/insight');
			assert.strictEqual(pageRes.status, 200);
			assert.match(pageRes.text, /component="lvl\/insight\/promise"/);
		});
	});

	describe('the routes are for members only', () => {
		it('a non-member and a guest cannot claim, decline, assign, see suggestions or settings', async () => {
			const { tid } = await ask();
			const paths: [string, string][] = [
				['put', `/qa/topics/${String(tid)}/claim`], ['delete', `/qa/topics/${String(tid)}/claim`], ['put', `/qa/topics/${String(tid)}/decline`],
				['put', `/qa/topics/${String(tid)}/assign`], ['get', `/qa/topics/${String(tid)}/suggestions`], ['get', '/qa/me/availability'], ['put', '/qa/me/availability'],
			];
			for (const s of [guest(), outsiderS]) {
				for (const [method, path] of paths) {
					const res = await s.request(method.toUpperCase(), `${API}${path}`, method === 'get' ? undefined : { uid: h1.uid });
					assert.ok([401, 403].includes(res.status), `${method} ${path}: ${String(res.status)}`);
				}
			}
			assert.ok(!(await nodebb.db().getObject(K.promise(tid)))?.claimBy);
			assert.ok(outsider.uid > 0);
		});
	});
});
