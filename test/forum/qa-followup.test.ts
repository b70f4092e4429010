/**
 * What happens after a question is posted: escalation when nobody answers, the reminder to accept, offers and wanted
 * posts that expire, "ask this member", NodeBB's search filters, and the counts on profiles and competence pages.
 * The scheduled job is run as at a chosen time (jobs.run(now)), as NodeBB's cron would run it then.
 */
import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import { applyPlatformPrivileges } from '../../lib/platform/service';
import * as jobs from '../../lib/qa/jobs';
import { K } from '../../lib/qa/store';
import * as store from '../../lib/qa/store';
import { createCategory, saveProfile, createUser, eventually, guest, host, loginAs, notificationArrives, type TestUser, unique } from '../support/forum';
import type { Envelope, Session } from '../support/http';

const API = '/api/v3/plugins/lvl';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

async function post(s: Session, cid: number, body: Record<string, unknown>, title = unique('Stamboomonderzoek in Gent ')): Promise<number> {
	const res = await s.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title, content: 'Waar vind ik de parochieregisters van vóór 1796?', ...body });
	assert.strictEqual(res.status, 200, res.text);
	return res.body.response.tid;
}

async function reply(s: Session, tid: number, content = 'In het Rijksarchief Gent, en gedigitaliseerd op search.arch.be.'): Promise<number> {
	const res = await s.post<Envelope<{ pid: number }>>(`/api/v3/topics/${String(tid)}`, { content });
	assert.strictEqual(res.status, 200, res.text);
	return res.body.response.pid;
}

async function topic(tid: number): Promise<NonNullable<Awaited<ReturnType<typeof store.getTopic>>>> {
	const t = await store.getTopic(tid);
	assert.ok(t, `topic ${String(tid)} exists`);
	return t;
}

const routedTo = async (tid: number): Promise<number[]> => (await nodebb.db().getSortedSetRange(K.routedFor(tid), 0, -1)).map(Number).sort((a, b) => a - b);

async function hasNotification(uid: number, part: string): Promise<boolean> {
	const nids = await nodebb.db().getSortedSetRange(`uid:${String(uid)}:notifications:unread`, 0, -1);
	return nids.some(n => n.includes(part));
}

describe('Q&A after posting: escalation, expiry, direct requests, search and counts', () => {
	let cid: number;
	let asker: TestUser; let askerS: Session;
	let first: TestUser; let firstS: Session;
	let second: TestUser; let secondS: Session;
	let notNow: TestUser; let notNowS: Session;
	let helper: TestUser;
	let outsider: TestUser;
	let group: string;
	let saved: settings.Settings;

	before(async function () {
		this.timeout(60000);
		saved = await settings.get();
		cid = await createCategory(unique('Genealogie '));
		group = unique('Helpdesk ');
		await nodebb.groups().create({ name: group, description: 'Onbeantwoorde vragen' });
		await settings.save({ platformCids: [...saved.platformCids, cid], qaRouteCount: 1, qaWeeklyCap: 5, qaDirectRequests: 3, qaEscalationGroup: group, qaEscalateHours: 48 });
		await applyPlatformPrivileges();
		[asker, first, second, notNow, helper] = await Promise.all([
			createUser('stamboom', { member: true }), createUser('archivaris', { member: true }), createUser('heemkundige', { member: true }),
			createUser('nietnu', { member: true }), createUser('helpdesk', { member: true }),
		]);
		outsider = await createUser('nietlid', {});
		await nodebb.groups().join(group, helper.uid);
		[askerS, firstS, secondS, notNowS] = await Promise.all([loginAs(asker), loginAs(first), loginAs(second), loginAs(notNow)]);
		await saveProfile(firstS, first.uid, [{ key: 'culture.genealogy', level: 'expert', roles: ['advice'] }]);
		await saveProfile(secondS, second.uid, [{ key: 'culture.genealogy', level: 'experienced', roles: ['advice'] }]);
		await saveProfile(notNowS, notNow.uid, [{ key: 'culture.genealogy', level: 'basic', roles: [] }], { availability: 'not-now' });
	});

	after(async () => {
		await settings.save({
			platformCids: saved.platformCids, qaRouteCount: saved.qaRouteCount, qaWeeklyCap: saved.qaWeeklyCap,
			qaDirectRequests: saved.qaDirectRequests, qaEscalationGroup: saved.qaEscalationGroup, qaEscalateHours: saved.qaEscalateHours,
		});
	});

	describe('escalation of a question nobody answers', () => {
		let tid: number;
		let at: number;

		it('after 48 hours without a reply the question goes to the next matching member, not again to the first', async () => {
			tid = await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] });
			assert.deepStrictEqual(await eventually(async () => ((await routedTo(tid)).length ? routedTo(tid) : null), 'routing'), [first.uid]);
			at = (await topic(tid)).timestamp;
			await jobs.run(at + 47 * HOUR);
			assert.deepStrictEqual(await routedTo(tid), [first.uid], 'nothing before 48 hours');
			await jobs.run(at + 48 * HOUR);
			assert.deepStrictEqual(await routedTo(tid), [first.uid, second.uid].sort((a, b) => a - b));
			await notificationArrives(second.uid, `lvl:qa:routed:${String(tid)}`);
			assert.strictEqual((await topic(tid)).escalation, 1);
			assert.ok(!(await routedTo(tid)).includes(notNow.uid), 'a "not now" member is never asked');
		});

		it('after 7 days without a reply the chosen group is told, once, and the job then leaves the question alone', async () => {
			await jobs.run(at + 6 * DAY);
			assert.strictEqual(await hasNotification(helper.uid, `lvl:qa:escalated:${String(tid)}`), false);
			await jobs.run(at + 7 * DAY);
			const n = await notificationArrives(helper.uid, `lvl:qa:escalated:${String(tid)}`);
			assert.strictEqual(n.path, `/topic/${String(tid)}`);
			assert.strictEqual((await topic(tid)).escalation, 2);
			assert.strictEqual(await nodebb.db().sortedSetScore(K.escalation, String(tid)), null, 'no longer scheduled');
			assert.strictEqual(await hasNotification(asker.uid, `lvl:qa:escalated:${String(tid)}`), false, 'the asker is not among those told');
		});

		it('a reply stops the escalation; without an accepted answer the asker is reminded 7 days later, once', async () => {
			await reply(firstS, tid);
			const replied = await eventually(async () => (await topic(tid)).firstReplyAt || null, 'the first reply recorded');
			await jobs.run(replied + 6 * DAY);
			assert.strictEqual(await hasNotification(asker.uid, `lvl:qa:remind-accept:${String(tid)}`), false);
			await jobs.run(replied + 7 * DAY);
			const n = await notificationArrives(asker.uid, `lvl:qa:remind-accept:${String(tid)}`);
			assert.strictEqual(n.path, `/topic/${String(tid)}`);
			assert.strictEqual((await topic(tid)).escalation, 3);
		});

		it('two runs at the same moment (two processes) escalate a question exactly once', async () => {
			const q = await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] });
			await eventually(async () => (await routedTo(q)).length > 0, 'routing');
			const t = await topic(q);
			// the first member was asked above; clear the week's count so both remaining members are candidates
			const week = await nodebb.db().getSortedSetRange(K.routings, 0, -1);
			await nodebb.db().sortedSetRemove(K.routings, week.filter(v => v.startsWith(`${String(first.uid)}:`) || v.startsWith(`${String(second.uid)}:`)));
			const reports = await Promise.all([jobs.run(t.timestamp + 49 * HOUR), jobs.run(t.timestamp + 49 * HOUR)]);
			assert.strictEqual((await routedTo(q)).length, 2, 'one more member, not two');
			assert.ok(reports.some(r => Object.values(r).every(v => v === 0)), 'the second run found the job busy');
		});

		it('a solved question is neither escalated nor reminded', async () => {
			const q = await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] });
			const pid = await reply(secondS, q);
			const ok = await askerS.put(`${API}/qa/topics/${String(q)}/accepted`, { pid });
			assert.strictEqual(ok.status, 200, ok.text);
			const t = await topic(q);
			await jobs.run(t.timestamp + 30 * DAY);
			assert.strictEqual(await hasNotification(asker.uid, `lvl:qa:remind-accept:${String(q)}`), false);
			assert.strictEqual(await hasNotification(helper.uid, `lvl:qa:escalated:${String(q)}`), false);
		});
	});

	describe('offers and wanted posts expire', () => {
		let tid: number;

		it('the author is reminded 5 days before, then the post expires, leaves the open list and the author is told', async () => {
			tid = await post(askerS, cid, { lvlType: 'offer', lvlCompetences: ['culture.genealogy'] }, unique('Ik help met stamboomsoftware '));
			const t = await topic(tid);
			assert.ok(t.expiresAt > t.timestamp + 59 * DAY, 'expires after the default 60 days');
			await jobs.run(t.expiresAt - 6 * DAY);
			assert.strictEqual(await hasNotification(asker.uid, `lvl:qa:expiry-reminder:${String(tid)}`), false);
			await jobs.run(t.expiresAt - 5 * DAY);
			await notificationArrives(asker.uid, `lvl:qa:expiry-reminder:${String(tid)}`);
			const offers = await askerS.get<Envelope<{ tids: number[] }>>(`${API}/qa/lists/offers`);
			assert.ok(offers.body.response.tids.includes(tid), 'still open until it expires');
			await jobs.run(t.expiresAt + 1000);
			assert.strictEqual((await topic(tid)).status, 'expired');
			await notificationArrives(asker.uid, `lvl:qa:expired:${String(tid)}`);
			const after = await askerS.get<Envelope<{ tids: number[] }>>(`${API}/qa/lists/offers`);
			assert.ok(!after.body.response.tids.includes(tid), 'an expired offer leaves the open list');
		});

		it('the author reopens it, and extends an open one by another period, with a topic event', async () => {
			const reopened = await askerS.put<Envelope<{ status: string; expiresAt: number }>>(`${API}/qa/topics/${String(tid)}/status`, { status: 'open' });
			assert.strictEqual(reopened.status, 200, reopened.text);
			const firstExpiry = reopened.body.response.expiresAt;
			assert.ok(firstExpiry > Date.now() + 59 * DAY);
			await new Promise(r => setTimeout(r, 20));
			const extended = await askerS.put<Envelope<{ status: string; expiresAt: number }>>(`${API}/qa/topics/${String(tid)}/status`, { status: 'open' });
			assert.strictEqual(extended.body.response.status, 'open');
			assert.ok(extended.body.response.expiresAt > firstExpiry, 'a new expiry date');
			assert.strictEqual(await nodebb.db().sortedSetScore(K.expiry, String(tid)), extended.body.response.expiresAt);
			const events = await nodebb.db().getSortedSetRange(`topic:${String(tid)}:events`, 0, -1);
			const texts = (await nodebb.db().getObjects(events.map(id => `topicEvent:${id}`))).map(e => String(e?.text));
			assert.ok(texts.includes('extended'), 'the extension is in the topic\'s timeline');
			const other = await secondS.put(`${API}/qa/topics/${String(tid)}/status`, { status: 'open' });
			assert.strictEqual(other.status, 400, 'another member cannot extend it');
		});
	});

	describe('"ask this member"', () => {
		let q1: number; let q2: number; let q3: number; let q4: number;
		let requestId: number;

		it('an asker puts an open question of their own to a member, who is told and sees it on the Q&A page', async () => {
			[q1, q2, q3, q4] = [
				await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] }),
				await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] }),
				await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] }),
				await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] }),
			];
			const res = await askerS.post<Envelope<{ id: number; state: string }>>(`${API}/qa/requests`, { uid: second.uid, tid: q1 });
			assert.strictEqual(res.status, 200, res.text);
			assert.strictEqual(res.body.response.state, 'open');
			requestId = res.body.response.id;
			const n = await notificationArrives(second.uid, `lvl:qa:request:${String(requestId)}`);
			assert.strictEqual(n.path, '/vragen?list=requests');
			const page = await secondS.get<{ requests: { received: { id: number; title: string }[] }; showRequests: boolean }>('/api/vragen?list=requests');
			assert.strictEqual(page.status, 200);
			assert.strictEqual(page.body.showRequests, true);
			assert.deepStrictEqual(page.body.requests.received.map(r => r.id), [requestId]);
			assert.match(page.body.requests.received[0]?.title ?? '', /Stamboomonderzoek/);
		});

		it('refuses the wrong requests with a clear, translated message', async () => {
			const cases: [Session, Record<string, unknown>, RegExp][] = [
				[askerS, { uid: asker.uid, tid: q2 }, /jezelf|yourself/],
				[secondS, { uid: first.uid, tid: q2 }, /eigen vragen|your own questions/],
				[askerS, { uid: second.uid, tid: q1 }, /al voorgelegd|already put/],
				[askerS, { uid: notNow.uid, tid: q2 }, /geen rechtstreekse vragen|cannot take direct requests/],
				[askerS, { uid: outsider.uid, tid: q2 }, /geen rechtstreekse vragen|cannot take direct requests/],
				[askerS, { uid: second.uid, tid: 99999999 }, /Alleen een vraag|Only a question/],
			];
			for (const [s, body, message] of cases) {
				const res = await s.post(`${API}/qa/requests`, body);
				assert.strictEqual(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
				assert.match(res.text, message);
			}
			assert.strictEqual((await guest().post(`${API}/qa/requests`, { uid: second.uid, tid: q2 })).status, 401);
		});

		it('an asker has at most 3 open requests; a 4th is refused until one is answered or withdrawn', async () => {
			assert.strictEqual((await askerS.post(`${API}/qa/requests`, { uid: second.uid, tid: q2 })).status, 200);
			assert.strictEqual((await askerS.post(`${API}/qa/requests`, { uid: second.uid, tid: q3 })).status, 200);
			const fourth = await askerS.post(`${API}/qa/requests`, { uid: second.uid, tid: q4 });
			assert.strictEqual(fourth.status, 400);
			assert.match(fourth.text, /al 3 open verzoeken|already have 3 open requests/);
			const mine = await askerS.get<Envelope<{ sent: { id: number; tid: number }[]; limit: number }>>(`${API}/qa/requests`);
			assert.strictEqual(mine.body.response.sent.length, 3);
			assert.strictEqual(mine.body.response.limit, 3);
			const q3Request = mine.body.response.sent.find(r => r.tid === q3);
			const withdrawn = await askerS.del(`${API}/qa/requests/${String(q3Request?.id ?? 0)}`);
			assert.strictEqual(withdrawn.status, 200, withdrawn.text);
			assert.strictEqual((await askerS.post(`${API}/qa/requests`, { uid: second.uid, tid: q4 })).status, 200, 'room again');
		});

		it('only the member asked answers, once: accepting follows the question and tells the asker; declining tells the asker too', async () => {
			const stranger = await firstS.put(`${API}/qa/requests/${String(requestId)}`, { answer: 'accept' });
			assert.strictEqual(stranger.status, 400);
			const bad = await secondS.put(`${API}/qa/requests/${String(requestId)}`, { answer: 'maybe' });
			assert.strictEqual(bad.status, 400);
			const accepted = await secondS.put<Envelope<{ state: string }>>(`${API}/qa/requests/${String(requestId)}`, { answer: 'accept' });
			assert.strictEqual(accepted.body.response.state, 'accepted');
			const following = await host<{ isFollowing(tids: number[], uid: number): Promise<boolean[]> }>('./src/topics').isFollowing([q1], second.uid);
			assert.deepStrictEqual(following, [true]);
			await notificationArrives(asker.uid, `lvl:qa:request:${String(requestId)}:accepted`);
			const again = await secondS.put(`${API}/qa/requests/${String(requestId)}`, { answer: 'decline' });
			assert.strictEqual(again.status, 400);
			assert.match(again.text, /al geantwoord|already been answered/);
			const open = await secondS.get<Envelope<{ received: { id: number; tid: number }[] }>>(`${API}/qa/requests`);
			const q2Request = open.body.response.received.find(r => r.tid === q2);
			assert.ok(q2Request, 'the request about the second question waits');
			const declined = await secondS.put<Envelope<{ state: string }>>(`${API}/qa/requests/${String(q2Request.id)}`, { answer: 'decline' });
			assert.strictEqual(declined.body.response.state, 'declined');
			await notificationArrives(asker.uid, `lvl:qa:request:${String(q2Request.id)}:declined`);
		});

		it('an accepted answer closes the question\'s open requests', async () => {
			const before4 = await secondS.get<Envelope<{ received: { tid: number }[] }>>(`${API}/qa/requests`);
			assert.ok(before4.body.response.received.some(r => r.tid === q4), `q4 ${String(q4)} waits: ${JSON.stringify(before4.body)}`);
			const pid = await reply(firstS, q4);
			assert.strictEqual((await askerS.put(`${API}/qa/topics/${String(q4)}/accepted`, { pid })).status, 200);
			const after4 = await secondS.get<Envelope<{ received: { tid: number }[] }>>(`${API}/qa/requests`);
			assert.ok(!after4.body.response.received.some(r => r.tid === q4), 'no longer waiting on the member');
		});

		it('purging a question and deleting an account leave no request behind', async () => {
			const q = await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] });
			const sent = await askerS.post<Envelope<{ id: number }>>(`${API}/qa/requests`, { uid: first.uid, tid: q });
			assert.strictEqual(sent.status, 200, sent.text);
			await nodebb.topics().purgePostsAndTopic(q, 1);
			await eventually(async () => !await nodebb.db().exists(K.request(sent.body.response.id)), 'the request purged with its question');
			assert.strictEqual(await nodebb.db().exists(K.requestsFor(q)), false);
			assert.strictEqual(await nodebb.db().sortedSetScore(K.requestsTo(first.uid), String(sent.body.response.id)), null);

			const leaving = await createUser('vertrekker', { member: true });
			const leavingS = await loginAs(leaving);
			const lq = await post(leavingS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] });
			const r = await leavingS.post<Envelope<{ id: number }>>(`${API}/qa/requests`, { uid: first.uid, tid: lq });
			assert.strictEqual(r.status, 200, r.text);
			await nodebb.user().delete(1, leaving.uid);
			assert.strictEqual(await nodebb.db().exists(K.request(r.body.response.id)), false);
			assert.strictEqual(await nodebb.db().exists(K.requestsOf(leaving.uid)), false);
			assert.strictEqual(await nodebb.db().sortedSetScore(K.requestsOf(first.uid), String(r.body.response.id)), null);
		});
	});

	describe('the fair spread', () => {
		it('nobody gets more routed questions in a week than the cap; the member sees the week\'s count', async () => {
			await settings.save({ qaWeeklyCap: 2 });
			try {
				const artist = await createUser('kunstkenner', { member: true });
				const artistS = await loginAs(artist);
				await saveProfile(artistS, artist.uid, [{ key: 'culture.art', level: 'expert', roles: ['advice'] }]);
				const asked: number[] = [];
				for (let i = 0; i < 3; i += 1) {
					const q = await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.art'] });
					asked.push(q);
					// routing runs after the reply: wait for it before the next question
					await eventually(async () => (i < 2 ? (await routedTo(q)).length > 0 : (await nodebb.db().exists(`topic:${String(q)}`))), 'routing');
				}
				await new Promise(r => setTimeout(r, 800));
				assert.deepStrictEqual(await routedTo(asked[0] ?? 0), [artist.uid]);
				assert.deepStrictEqual(await routedTo(asked[1] ?? 0), [artist.uid]);
				assert.deepStrictEqual(await routedTo(asked[2] ?? 0), [], 'the third question of the week is not sent to the same member');
				const page = await artistS.get<{ routing: { week: number } }>('/api/vragen');
				assert.strictEqual(page.body.routing.week, 2);
			} finally {
				await settings.save({ qaWeeklyCap: 5 });
			}
		});
	});

	describe('the open questions\' own list', () => {
		it('follows accept and undo, and the upgrade rebuilds it from the statuses as they are', async () => {
			const q = await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] });
			const isOpen = async (): Promise<boolean> => (await nodebb.db().sortedSetScore(K.openQuestions, String(q))) !== null;
			const unsolved = async (): Promise<number[]> => (await askerS.get<Envelope<{ tids: number[] }>>(`${API}/qa/lists/unsolved`)).body.response.tids;
			// NodeBB runs action:topic.post after its reply: the lists follow a moment later
			assert.ok(await eventually(isOpen, 'the new question in the open list'));
			assert.ok((await unsolved()).includes(q));
			const pid = await reply(firstS, q);
			assert.strictEqual((await askerS.put(`${API}/qa/topics/${String(q)}/accepted`, { pid })).status, 200);
			assert.strictEqual(await isOpen(), false, 'solved: out of the open list');
			assert.ok(!(await unsolved()).includes(q));
			assert.strictEqual((await askerS.del(`${API}/qa/topics/${String(q)}/accepted/${String(pid)}`)).status, 200);
			assert.ok(await isOpen(), 'undone: open again');

			const all = await nodebb.db().getSortedSetRange(K.openQuestions, 0, -1);
			await nodebb.db().delete(K.openQuestions);
			const upgrade = (await import('../../upgrades/lvl-qa-open-questions')).default;
			await upgrade.method();
			assert.deepStrictEqual((await nodebb.db().getSortedSetRange(K.openQuestions, 0, -1)).sort(), [...all].sort());
		});
	});

	describe('NodeBB\'s post queue', () => {
		it('a new member\'s question that goes to the queue is checked when posted, and routed once approved', async () => {
			const meta = host<{ configs: { setMultiple(data: Record<string, unknown>): Promise<void> }; config: Record<string, unknown> }>('./src/meta');
			const was = { postQueue: meta.config.postQueue ?? 0 };
			await meta.configs.setMultiple({ postQueue: 1 });
			await nodebb.db().setObjectField(`category:${String(cid)}`, 'postQueue', 1);
			try {
				const newcomer = await createUser('nieuwkomer', { member: true });
				const s = await loginAs(newcomer);
				const bad = await s.post('/api/v3/topics', { cid, title: unique('Zonder competentie '), content: 'Een vraag zonder competentie.', lvlType: 'question', lvlCompetences: [] });
				assert.strictEqual(bad.status, 400, bad.text);
				assert.match(bad.text, /competentie|competence/i);
				const queuedBefore = await nodebb.db().sortedSetCard('post:queue');
				const good = await s.post<Envelope<{ queued: boolean; id: string }>>('/api/v3/topics', {
					cid, title: unique('Parochieregisters '), content: 'Waar vind ik ze?', lvlType: 'question', lvlCompetences: ['culture.genealogy'],
				});
				assert.strictEqual(good.status, 202, good.text);
				assert.strictEqual(good.body.response.queued, true);
				assert.strictEqual(await nodebb.db().sortedSetCard('post:queue'), queuedBefore + 1, 'only the valid question waits in the queue');
				const approved = await host<{ submitFromQueue(id: string): Promise<{ tid?: number; topicData?: { tid: number } } | null> }>('./src/posts').submitFromQueue(good.body.response.id);
				const tid = approved?.topicData?.tid ?? approved?.tid ?? 0;
				assert.ok(tid > 0, 'the approved question exists');
				assert.strictEqual((await topic(tid)).type, 'question');
				await eventually(async () => (await routedTo(tid)).length > 0, 'routing after approval');
			} finally {
				await meta.configs.setMultiple(was);
				await nodebb.db().deleteObjectField(`category:${String(cid)}`, 'postQueue');
			}
		});
	});

	describe('search, profiles and competence pages', () => {
		it('NodeBB\'s search keeps only the topics of the chosen type and status, and reports each result\'s type', async () => {
			const question = await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.genealogy'] });
			const offer = await post(askerS, cid, { lvlType: 'offer', lvlCompetences: ['culture.genealogy'] });
			const plugins = host<{ hooks: { fire(hook: string, payload: unknown): Promise<Record<string, unknown>> } }>('./src/plugins');
			const topicsData = await host<{ getTopicsData(tids: number[]): Promise<Record<string, unknown>[]> }>('./src/topics').getTopicsData([question, offer]);
			const posts = topicsData.map(t => ({ pid: Number(t.mainPid), tid: Number(t.tid), topic: t }));
			const only = async (qs: Record<string, string>): Promise<number[]> => {
				const r = await plugins.hooks.fire('filter:search.filterAndSort', { pids: posts.map(p => p.pid), posts, data: { qs } }) as { posts: { tid: number }[] };
				return r.posts.map(p => p.tid);
			};
			assert.deepStrictEqual(await only({ lvlType: 'question' }), [question]);
			assert.deepStrictEqual(await only({ lvlType: 'offer', lvlStatus: 'open' }), [offer]);
			assert.deepStrictEqual(await only({ lvlStatus: 'solved' }), []);
			assert.deepStrictEqual(await only({ lvlType: 'bogus' }), [question, offer], 'an unknown value filters nothing');
			const result = { posts: posts.map(p => ({ pid: p.pid, topic: { tid: p.tid } })) };
			await plugins.hooks.fire('filter:search.contentGetResult', { result, data: {} });
			assert.deepStrictEqual(result.posts.map(p => (p.topic as Record<string, unknown>).lvlType), ['question', 'offer']);
		});

		it('a member\'s profile shows questions asked, answered and accepted, and accepted answers per competence', async () => {
			const view = await askerS.get<{ reciprocity: Record<string, number>; profile: { competences: { key: string; accepted: number }[] } }>(`/api/user/${first.username}/competenties`);
			assert.strictEqual(view.status, 200, view.text);
			const counts = await store.counts(first.uid);
			assert.deepStrictEqual(view.body.reciprocity, { asked: counts.asked ?? 0, answered: counts.answered ?? 0, accepted: counts.accepted ?? 0 });
			assert.ok((counts.answered ?? 0) >= 2, 'first answered two questions in this suite');
			assert.ok((counts.accepted ?? 0) >= 1, 'and one of those answers was accepted');
			assert.strictEqual(view.body.profile.competences.find(c => c.key === 'culture.genealogy')?.accepted, counts['c:culture.genealogy']);
			assert.strictEqual((await guest().get(`/api/user/${first.username}/competenties`)).status === 200, false, 'not for guests');
		});

		it('"Wie weet wat?" ranks a member whose answers in that competence were accepted above an otherwise equal one', async () => {
			const equal = await createUser('gelijke', { member: true });
			const proven = await createUser('bewezen', { member: true });
			const [equalS, provenS] = await Promise.all([loginAs(equal), loginAs(proven)]);
			for (const [s, u] of [[equalS, equal], [provenS, proven]] as const) {
				await saveProfile(s, u.uid, [{ key: 'culture.heritage', level: 'expert', roles: ['advice'] }]);
			}
			const find = async (): Promise<number[]> => {
				const res = await askerS.get<Envelope<{ results: { uid: number }[] }>>(`${API}/directory?c=culture.heritage`);
				assert.strictEqual(res.status, 200, res.text);
				return res.body.response.results.map(r => r.uid);
			};
			// the same level, availability and advice: without accepted answers the one online more recently comes first
			await nodebb.user().setUserField(equal.uid, 'lastonline', Date.now() + 60000);
			const before = await find();
			assert.ok(before.indexOf(equal.uid) >= 0 && before.indexOf(equal.uid) < before.indexOf(proven.uid), `equal profiles: the most recently online first: ${JSON.stringify(before)}`);
			const q = await post(askerS, cid, { lvlType: 'question', lvlCompetences: ['culture.heritage'] });
			const pid = await reply(provenS, q);
			assert.strictEqual((await askerS.put(`${API}/qa/topics/${String(q)}/accepted`, { pid })).status, 200);
			const after = await find();
			assert.ok(after.indexOf(proven.uid) >= 0 && after.indexOf(proven.uid) < after.indexOf(equal.uid), `accepted answer first: ${JSON.stringify(after)}`);
		});

		it('a competence\'s page lists its newest questions', async () => {
			const page = await askerS.get<{ questions: { tid: number; title: string }[] }>('/api/wie-weet-wat/culture.genealogy');
			assert.strictEqual(page.status, 200, page.text);
			assert.ok(page.body.questions.length > 0 && page.body.questions.length <= 10);
			const shown = await store.getTopics(page.body.questions.map(q => q.tid));
			assert.ok(shown.every(t => t?.type === 'question' && t.competences.includes('culture.genealogy')), 'questions of this competence only');
			const times = shown.map(t => t?.timestamp ?? 0);
			assert.deepStrictEqual(times, [...times].sort((a, b) => b - a), 'newest first');
		});
	});
});
