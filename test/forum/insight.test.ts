/**
 * Insight inside NodeBB: every figure of the dashboard and the pulse against a seeded scenario whose right answers
 * are known. The scenario has its own category and competences; figures that count the whole forum are checked as
 * the difference with a reading taken before seeding. Times in the past are written the way NodeBB keeps them
 * (topics and replies posted with a timestamp, join times in the members group, last-online times).
 */
import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import { applyPlatformPrivileges } from '../../lib/platform/service';
import * as charter from '../../lib/engagement/charter';
import * as roster from '../../lib/membership/roster';
import * as qaTopics from '../../lib/qa/topics';
import { K as QA } from '../../lib/qa/store';
import * as hooks from '../../lib/insight/hooks';
import * as service from '../../lib/insight/service';
import * as store from '../../lib/insight/store';
import { DAY, monthKey, monthStart } from '../../lib/insight/rules';
import { createCategory, createUser, eventually, guest, host, loginAs, type TestUser, unique } from '../support/forum';
import type { Envelope, Session } from '../support/http';

const API = '/api/v3/plugins/lvl';
const HOUR = 60 * 60 * 1000;
// competences no other suite uses: the forum test database is shared by every suite of a run
const GENEALOGY = 'management.governance';
const VAT = 'education.tutoring';

async function profile(s: Session, uid: number, competences: { key: string; level: string; roles: string[] }[]): Promise<void> {
	const current = await s.get<Envelope<{ revision: number }>>(`${API}/profiles/${String(uid)}`);
	const revision = current.status === 200 ? current.body.response.revision : 0;
	const res = await s.put(`${API}/profiles/${String(uid)}`, { revision, competences, languages: ['nl'], availability: 'available' });
	assert.strictEqual(res.status, 200, res.text);
}

const near = (actual: number | null, expected: number, tolerance = 60000): void => {
	assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${String(actual)} ≈ ${String(expected)}`);
};

describe('Insight: the board\'s dashboard and the members\' pulse', () => {
	// set when the suite starts, not when the file loads: the whole run may stand between the two
	let now = Date.now();
	let cid: number;
	let asker: TestUser; let expert: TestUser; let second: TestUser; let outsider: TestUser; let board: TestUser;
	let askerS: Session; let expertS: Session; let secondS: Session; let outsiderS: Session; let boardS: Session;
	let m: TestUser[];
	let before0: service.Dashboard;
	let pulse0: service.Pulse;
	let group: string;
	let saved: settings.Settings;
	const created: Record<string, number> = {};
	const tids: Record<string, number> = {};

	async function question(name: string, ago: number, competences: string[], type = 'question'): Promise<number> {
		const at = now - ago;
		const r = await nodebb.topics().post({ uid: asker.uid, cid, title: unique(`Vraag ${name} over de parochieregisters `), content: 'Waar vind ik de registers van vóór 1796?', timestamp: at, lvlType: type, lvlCompetences: competences });
		const tid = r.topicData.tid;
		created[name] = at;
		tids[name] = tid;
		await eventually(async () => (await nodebb.db().isSortedSetMember(QA.mine(asker.uid), String(tid))), `topic ${name} indexed`);
		return tid;
	}

	async function replyAfter(name: string, after: number, u: TestUser): Promise<number> {
		const tid = tids[name]!;
		const r = await nodebb.topics().reply({ tid, uid: u.uid, content: 'In het Rijksarchief Gent, gedigitaliseerd op search.arch.be.', timestamp: created[name]! + after });
		await eventually(async () => (await nodebb.db().sortedSetScore(QA.statFirstReply('all'), String(tid))) !== null, `reply to ${name} recorded`);
		return r.pid;
	}

	before(async function () {
		this.timeout(120000);
		now = Date.now();
		saved = await settings.get();
		group = saved.membersGroup;
		await settings.save({ insightTopContributors: false });
		await service.snapshot(now);
		before0 = await service.dashboard('90d', 'nl', now);

		cid = await createCategory(unique('Genealogie '));
		await settings.save({ platformCids: [...saved.platformCids, cid], qaRouteCount: 0 });
		await applyPlatformPrivileges();
		// admins post without NodeBB's newcomer delay; they are members too
		[asker, expert, second] = await Promise.all([
			createUser('stamboom', { member: true, admin: true }), createUser('archivaris', { member: true, admin: true }), createUser('heemkundige', { member: true }),
		]);
		outsider = await createUser('nietlid', {});
		board = await createUser('bestuur', { member: true });
		m = await Promise.all([1, 2, 3, 4, 5].map(i => createUser(`lid${String(i)}`, { member: true })));
		// the month's figures are kept a minute per process: pages of earlier suites may have filled that memo
		service.resetPulse();
		pulse0 = await service.pulse(second.uid, now);

		// verified (joined the members group) and last seen: known times
		const [m1, m2, m3, , m5] = m as [TestUser, TestUser, TestUser, TestUser, TestUser];
		const db = nodebb.db();
		const joined: [TestUser, number][] = [[m1, now - 200 * DAY], [m2, now - 200 * DAY], [m3, now - 20 * DAY], [m5, now - 120 * DAY]];
		for (const [u, at] of joined) {
			await db.sortedSetAdd(`group:${group}:members`, at, String(u.uid));
		}
		// m3 comes back 15 days after verification: NodeBB's own online update fires action:user.online
		await host<{ onUserOnline(uid: number, ts: number): Promise<void> }>('./src/user').onUserOnline(m3.uid, now - 5 * DAY);
		await eventually(() => store.hasReturned(m3.uid), 'm3 recorded as come back');

		// the roster: one active and one former member
		await roster.addEntry({ memberNumber: unique('I'), lastName: 'Peeters', firstName: 'An', active: true, status: 'actief' }, asker.uid);
		await roster.addEntry({ memberNumber: unique('I'), lastName: 'Janssens', firstName: 'Jan', active: false, status: 'ontslag' }, asker.uid);

		[askerS, expertS, secondS, outsiderS] = await Promise.all([loginAs(asker), loginAs(expert), loginAs(second), loginAs(outsider)]);
		await profile(expertS, expert.uid, [{ key: GENEALOGY, level: 'expert', roles: ['advice'] }]);
		await profile(secondS, second.uid, [{ key: GENEALOGY, level: 'basic', roles: [] }]);
		await profile(await loginAs(m1), m1.uid, [{ key: VAT, level: 'experienced', roles: [] }]);
		await profile(await loginAs(m5), m5.uid, [{ key: VAT, level: 'expert', roles: [] }]);

		// last seen: written after their logins above (a login is a visit)
		const seen: [TestUser, number][] = [[m1, now - 150 * DAY], [m2, now - 10 * DAY], [m5, now - 60 * DAY]];
		for (const [u, at] of seen) {
			await db.sortedSetAdd('users:online', at, String(u.uid));
		}

		await question('q1', 10 * DAY, [GENEALOGY]);
		await question('q2', 5 * DAY, [GENEALOGY]);
		await question('q3', 3 * DAY, [GENEALOGY]);
		await question('q4', 120 * DAY, [GENEALOGY]);
		await question('q5', 40 * DAY, [GENEALOGY]);
		await question('q6', 1 * DAY, [VAT]);
		await question('o1', 1 * DAY, [VAT], 'offer');
		const p1 = await replyAfter('q1', 2 * HOUR, expert);
		await replyAfter('q2', 4 * HOUR, expert);
		await replyAfter('q4', 1 * HOUR, expert);
		// accepted now: 10 days after q1 was asked
		await qaTopics.accept(tids.q1!, p1, asker.uid);

		// the board: a group with the Insight privilege only
		const bestuur = unique('Bestuur ');
		await nodebb.groups().create({ name: bestuur, description: 'Raad van bestuur' });
		await nodebb.groups().join(bestuur, board.uid);
		await host<{ admin: { give(p: string[], g: string): Promise<void> } }>('./src/privileges').admin.give(['groups:admin:lvl-insight'], bestuur);
		boardS = await loginAs(board);

		await service.recount(now);
		service.resetPulse();
	});

	after(async () => {
		await settings.save({ platformCids: saved.platformCids, qaRouteCount: saved.qaRouteCount, insightTopContributors: false });
	});

	describe('participation', () => {
		it('counts accounts, verified members, new ones, the roster and who was active', async () => {
			const d = await service.dashboard('90d', 'nl', now);
			const p = d.participation;
			const b = before0.participation;
			// 9 members (asker, expert, second, board, m1–m5) and one account that is not a member
			assert.strictEqual(p.registered - b.registered, 10);
			assert.strictEqual(p.verified - b.verified, 9);
			const joinedThisMonth = [now, now, now, now, now, now - 20 * DAY].filter(at => at >= monthStart(now)).length;
			assert.strictEqual(p.newThisMonth - b.newThisMonth, joinedThisMonth);
			assert.strictEqual(p.rosterEntries - b.rosterEntries, 2);
			assert.strictEqual(p.rosterActive - b.rosterActive, 1);
			assert.strictEqual(p.verifiedShare, p.verified / p.rosterActive);
			// seen in the last 30 days: asker, expert, second, board, m2, m3, m4 (just created); m5 60 days ago; m1 150
			assert.strictEqual(p.active30 - b.active30, 7);
			assert.strictEqual(p.active90 - b.active90, 8);
		});

		it('knows who came back within three months of verification', async () => {
			const c = (await service.dashboard('90d', 'nl', now)).participation.cohort;
			const b = before0.participation.cohort;
			// three months over: m1 (back at day 50, found by the recount), m2 (seen only at day 190), m5 (back at day 60)
			assert.strictEqual(c.eligible - b.eligible, 3);
			assert.strictEqual(c.returned - b.returned, 2);
			// still running: asker, expert, second, board, m3 (back at day 15, recorded as it happened), m4
			assert.strictEqual(c.pending - b.pending, 6);
			assert.strictEqual(c.pendingReturned - b.pendingReturned, 1);
			assert.ok(await store.hasReturned(m[2]!.uid));
			assert.ok(!await store.hasReturned(m[1]!.uid));
		});
	});

	describe('competences', () => {
		it('counts filled-in profiles and members per domain at their highest level', async () => {
			const d = await service.dashboard('90d', 'nl', now);
			assert.strictEqual(d.competences.withProfile - before0.competences.withProfile, 4);
			const row = (x: service.Dashboard, domain: string): { basic: number; experienced: number; expert: number; members: number } =>
				x.competences.domains.find(r => r.domain === domain) ?? { basic: 0, experienced: 0, expert: 0, members: 0 };
			const culture = row(d, 'management'); const culture0 = row(before0, 'management');
			assert.deepStrictEqual([culture.members - culture0.members, culture.basic - culture0.basic, culture.expert - culture0.expert], [2, 1, 1]);
			const tax = row(d, 'education'); const tax0 = row(before0, 'education');
			assert.deepStrictEqual([tax.members - tax0.members, tax.experienced - tax0.experienced, tax.expert - tax0.expert], [2, 1, 1]);
			assert.strictEqual(d.competences.domains.find(r => r.domain === 'management')?.label, 'Management en HR', 'domains have their Dutch label');
		});

		it('names the competences asked about with fewer than two experienced members, and the domains with nobody', async () => {
			const d = await service.dashboard('90d', 'nl', now);
			const gap = d.competences.gaps.find(g => g.key === GENEALOGY);
			assert.ok(gap, 'governance: four questions, one expert');
			assert.deepStrictEqual([gap.questions, gap.experienced], [4, 1]);
			assert.ok(!d.competences.gaps.some(g => g.key === VAT), 'tutoring: one question, two experienced members');
			assert.ok(d.competences.emptyDomains.every(e => d.competences.domains.find(r => r.domain === e.key)?.members === 0));
			assert.ok(!d.competences.emptyDomains.some(e => e.key === 'management' || e.key === 'education'));
		});
	});

	describe('questions and answers', () => {
		it('gives a category\'s answer rate and medians for the period chosen', async () => {
			const cat = (period: 'month' | '90d' | 'all') => service.dashboard(period, 'nl', now).then(d => d.qa.categories.find(c => c.cid === cid));
			const d90 = await cat('90d');
			assert.ok(d90);
			assert.deepStrictEqual([d90.questions, d90.answered, d90.answerRate, d90.medianFirstReplyMs, d90.solved], [5, 2, 0.4, 3 * HOUR, 1]);
			near(d90.medianAcceptedMs, 10 * DAY);
			const all = await cat('all');
			assert.deepStrictEqual([all?.questions, all?.answered, all?.medianFirstReplyMs], [6, 3, 2 * HOUR]);
		});

		it('gives the same per competence', async () => {
			const d = await service.dashboard('90d', 'nl', now);
			const g = d.qa.competences.find(c => c.key === GENEALOGY);
			assert.ok(g);
			assert.deepStrictEqual([g.questions, g.answered, g.answerRate, g.medianFirstReplyMs, g.experienced], [4, 2, 0.5, 3 * HOUR, 1]);
			assert.ok(g.label && g.label !== GENEALOGY, 'labelled');
		});

		it('counts questions, offers and wanted posts per month and the unanswered backlog by age', async () => {
			const d = await service.dashboard('90d', 'nl', now);
			const expect = new Map<string, number>();
			for (const name of ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']) {
				const key = monthKey(created[name]!);
				expect.set(key, (expect.get(key) ?? 0) + 1);
			}
			for (const month of d.qa.months) {
				const was = before0.qa.months.find(x => x.key === month.key)?.questions ?? 0;
				assert.strictEqual(month.questions - was, expect.get(month.key) ?? 0, month.key);
			}
			const offerMonth = d.qa.months.find(x => x.key === monthKey(created.o1!));
			assert.strictEqual((offerMonth?.offers ?? 0) - (before0.qa.months.find(x => x.key === offerMonth?.key)?.offers ?? 0), 1);
			const delta = Object.fromEntries(d.qa.backlog.map(b => [b.bucket, b.count - (before0.qa.backlog.find(x => x.bucket === b.bucket)?.count ?? 0)]));
			// q6 a day old, q3 three days, q5 forty days; q1, q2 and q4 have replies
			assert.deepStrictEqual(delta, { lt2d: 1, '2to7d': 1, '1to4w': 0, '1to3m': 1, gt3m: 0 });
		});
	});

	describe('the page, the API, CSV and privacy', () => {
		it('is for the Insight privilege: the board reads it, a member does not, a guest must log in', async () => {
			const ok = await boardS.get<Envelope<service.Dashboard>>(`${API}/insight?period=all`);
			assert.strictEqual(ok.status, 200, ok.text);
			assert.strictEqual(ok.body.response.period, 'all');
			assert.strictEqual((await secondS.get(`${API}/insight`)).status, 403);
			assert.strictEqual((await guest().get(`${API}/insight`)).status, 401);
			assert.strictEqual((await outsiderS.post(`${API}/insight/recount`, {})).status, 403);
		});

		it('exports a table as CSV in the reader\'s language, with the same figures', async () => {
			const res = await boardS.get(`${API}/insight/export/categories?period=90d&lang=nl`);
			assert.strictEqual(res.status, 200, res.text);
			assert.match(String(res.headers.get('content-type')), /text\/csv/);
			const lines = res.text.replace(/^\ufeff/, '').split('\r\n');
			assert.match(lines[0]!, /^Categorie;Vragen;Beantwoord;Antwoordgraad \(%\)/);
			const name = String((await nodebb.categories().getCategoriesFields([cid], ['name']))[0]?.name);
			const row = lines.find(l => l.startsWith(name));
			assert.ok(row, lines.join('\n'));
			assert.match(row, /;5;2;40;3;1;240(,0)?$/);
			const fr = await boardS.get(`${API}/insight/export/backlog?lang=fr`);
			assert.match(fr.text, /Ancienneté;Questions/);
			assert.strictEqual((await boardS.get(`${API}/insight/export/secrets`)).status, 400);
		});

		it('lists no member by name unless the admin turns the top contributors on', async () => {
			let d = await service.dashboard('90d', 'nl', now);
			assert.strictEqual(d.top, null);
			const on = await askerS.put(`${API}/settings`, { insightTopContributors: '1' });
			assert.strictEqual(on.status, 200, on.text);
			await service.snapshot(now);
			d = await service.dashboard('90d', 'nl', now);
			const first = d.top?.find(t => t.uid === expert.uid);
			assert.ok(first, JSON.stringify(d.top));
			assert.deepStrictEqual([first.username, first.answered, first.accepted], [expert.username, 3, 1]);
			// other suites' members share the test database: the order is checked, not who leads it
			const top = d.top ?? [];
			assert.ok(top.every((t, i) => i === 0 || (top[i - 1]?.accepted ?? 0) >= t.accepted), `the most accepted answers first: ${JSON.stringify(top)}`);
			await settings.save({ insightTopContributors: false });
			assert.strictEqual((await service.dashboard('90d', 'nl', now)).top, null, 'off again: gone at once');
		});

		it('gives the share of members who accepted the charter in force, reports per article and active warnings', async () => {
			const t = (nl: string, fr: string, en: string): Record<string, string> => ({ nl, fr, en });
			await charter.publish([
				{ title: t('Hoffelijkheid', 'Courtoisie', 'Civility'), body: t('Wees beleefd.', 'Soyez courtois.', 'Be civil.') },
				{ title: t('Niet-commercieel', 'Non commercial', 'Non-commercial'), body: t('Geen reclame.', 'Pas de publicité.', 'No advertising.'), nonCommercial: true },
			], asker.uid);
			const version = (await charter.current())!.version;
			for (const u of [expert, second, m[0]!]) {
				await charter.accept(u.uid, version);
			}
			const d = await service.dashboard('90d', 'fr', now);
			const e = d.engagement;
			assert.strictEqual(e.available, true);
			assert.strictEqual(e.charterVersion, version);
			assert.strictEqual(e.members, d.participation.verified);
			assert.strictEqual(e.accepted, 3);
			assert.strictEqual(e.acceptedShare, 3 / e.members);
			// the rules-of-engagement suite's reports and warnings are there too: nothing of this suite adds any
			assert.strictEqual(e.reports, before0.engagement.reports);
			assert.strictEqual(e.activeWarnings, before0.engagement.activeWarnings);
			assert.deepStrictEqual(e.perArticle.slice(0, 2).map(a => a.title), ['Courtoisie', 'Non commercial'], 'the articles in force, in the reader\'s language');
		});
	});

	describe('the community pulse', () => {
		it('shows members this month\'s questions, the share answered, the median first reply and open questions in their competences', async () => {
			const res = await secondS.get<Envelope<service.Pulse>>(`${API}/insight/pulse`);
			assert.strictEqual(res.status, 200, res.text);
			const p = res.body.response;
			const thisMonth = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].filter(n => created[n]! >= monthStart(now));
			assert.strictEqual(p.questions - pulse0.questions, thisMonth.length);
			const answeredThisMonth = ['q1', 'q2', 'q4'].filter(n => created[n]! >= monthStart(now)).length;
			assert.strictEqual(p.answered - pulse0.answered, answeredThisMonth);
			// second knows genealogy: q2, q3, q4, q5 are open and not answered by them (q1 is solved)
			assert.strictEqual(p.forYou - pulse0.forYou, 4);
		});

		it('shows nothing to guests and accounts that are not members, in the API and in the widget', async () => {
			assert.strictEqual((await guest().get(`${API}/insight/pulse`)).status, 401);
			assert.strictEqual((await outsiderS.get(`${API}/insight/pulse`)).status, 403);
			assert.strictEqual(await hooks.filterWidgetRenderPulse({ uid: outsider.uid, data: {} }), null);
			assert.strictEqual(await hooks.filterWidgetRenderPulse({ uid: 0, data: {} }), null);
			const widgets = await hooks.filterWidgetsGetWidgets([]);
			assert.deepStrictEqual(widgets.map(w => w.widget), ['lvl-pulse']);
		});

		it('forgets a deleted account', async () => {
			await hooks.staticUserDelete({ uid: m[2]!.uid });
			assert.ok(!await store.hasReturned(m[2]!.uid));
		});
	});
});
