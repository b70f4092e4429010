/**
 * Security #12 M5 and the warnings reader: a category moderator could put any member in the plugin's forum-wide post
 * queue (or mute or ban them) for 3,650 days with any warning, and any moderator of any category, member or not,
 * read every member's warnings. Now only the step the ladder proposes, on a warning that still counts, by an admin or
 * a global moderator; a category moderator (a member) warns and reads only within the categories they moderate.
 */
import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import * as charter from '../../../lib/engagement/charter';
import { applyPlatformPrivileges } from '../../../lib/platform/service';
import { createCategory, createUser, loginAs, type TestUser, unique } from '../../support/forum';
import type { Envelope, Session } from '../../support/http';

const API = '/api/v3/plugins/lvl/engagement';
const texts = (s: string): Record<string, string> => ({ nl: `${s} (nl)`, fr: `${s} (fr)`, en: `${s} (en)` });

describe('Security: the warning ladder and who reads warnings (#12 M5, low)', () => {
	let cidA: number; let cidB: number;
	let admin: TestUser;
	let gmodS: Session; let catModS: Session; let strangerModS: Session; let adminS: Session;
	let articleId: string;
	let saved: Pick<settings.Settings, 'platformCids' | 'warningLadder'>;

	async function topic(s: Session, cid: number): Promise<number> {
		const t = await s.post<Envelope<{ mainPid: number }>>('/api/v3/topics', { cid, title: unique('Onderwerp '), content: 'Een gewone bijdrage.' });
		assert.strictEqual(t.status, 200, t.text);
		return t.body.response.mainPid;
	}

	async function warn(s: Session, target: Record<string, unknown>): Promise<{ status: number; id: number; proposal: unknown }> {
		const res = await s.post<Envelope<{ warning: { id: number }; proposal: unknown }>>(`${API}/warnings`, { ...target, articleId });
		return { status: res.status, id: res.status === 200 ? res.body.response.warning.id : 0, proposal: res.status === 200 ? res.body.response.proposal : undefined };
	}

	async function step(s: Session, id: number, action: string, days: number): Promise<number> {
		return (await s.post(`${API}/warnings/${String(id)}/step`, { action, days })).status;
	}

	async function member(): Promise<{ user: TestUser; s: Session }> {
		const user = await createUser('ladderlid', { member: true });
		return { user, s: await loginAs(user) };
	}

	before(async function () {
		this.timeout(60000);
		const s = await settings.get();
		saved = { platformCids: s.platformCids, warningLadder: s.warningLadder };
		[cidA, cidB] = await Promise.all([createCategory(unique('Ladder A ')), createCategory(unique('Ladder B '))]);
		await settings.save({ platformCids: [...s.platformCids, cidA, cidB], warningLadder: '1:queue:14, 2:mute:7' });
		await applyPlatformPrivileges();
		admin = await createUser('ladderbeheer', { admin: true, member: true });
		const [gmod, catMod, strangerMod] = await Promise.all([createUser('laddergmod', { member: true }), createUser('laddercatmod', { member: true }), createUser('ladderbuiten', {})]);
		await nodebb.groups().join('Global Moderators', gmod.uid);
		// NodeBB's ACP makes category moderators this way; the stranger moderates category A but is no member
		await nodebb.groups().join(`cid:${String(cidA)}:privileges:moderate`, catMod.uid);
		await nodebb.groups().join(`cid:${String(cidA)}:privileges:moderate`, strangerMod.uid);
		[adminS, gmodS, catModS, strangerModS] = await Promise.all([loginAs(admin), loginAs(gmod), loginAs(catMod), loginAs(strangerMod)]);
		if (!await charter.current()) {
			const res = await adminS.put(`${API}/charter`, { articles: [{ title: texts('Hoffelijkheid'), body: texts('Wees beleefd.') }, { title: texts('Niet-commercieel'), body: texts('Geen verkoop.'), nonCommercial: true }] });
			assert.strictEqual(res.status, 200, res.text);
		}
		articleId = (await charter.current())?.articles[0]?.id ?? '';
		assert.ok(articleId);
	});

	after(async () => {
		await settings.save(saved);
	});

	it('a category moderator warns on a post in their category, but cannot confirm any step (forum-wide): 403, nothing applied', async () => {
		const m = await member();
		const w = await warn(catModS, { pid: await topic(m.s, cidA) });
		assert.strictEqual(w.status, 200);
		assert.strictEqual(w.proposal, null, 'the proposal goes to who may confirm it');
		assert.strictEqual(await step(catModS, w.id, 'queue', 3650), 403);
		assert.strictEqual(await step(catModS, w.id, 'queue', 14), 403, 'not even the proposed step');
		assert.strictEqual(await step(catModS, w.id, 'ban', 14), 403);
		assert.strictEqual(await nodebb.db().sortedSetScore('lvl:engagement:queue', String(m.user.uid)), null);
		assert.ok(!await nodebb.user().getUserField(m.user.uid, 'banned'));
	});

	it('a category moderator cannot warn outside their categories, nor a member outside a post', async () => {
		const m = await member();
		assert.strictEqual((await warn(catModS, { pid: await topic(m.s, cidB) })).status, 403);
		assert.strictEqual((await warn(catModS, { uid: m.user.uid })).status, 403);
	});

	it('a moderator of a category who is not a member cannot warn, even on a post in that category', async () => {
		const m = await member();
		assert.strictEqual((await warn(strangerModS, { pid: await topic(m.s, cidA) })).status, 403);
	});

	it('a global moderator applies only the step the ladder proposes, for its days, once, on an active warning', async () => {
		const m = await member();
		const w = await warn(gmodS, { pid: await topic(m.s, cidA) });
		assert.deepStrictEqual(w.proposal, { count: 1, action: 'queue', days: 14 });
		const ban = await gmodS.post(`${API}/warnings/${String(w.id)}/step?lang=nl`, { action: 'ban', days: 3650 });
		assert.strictEqual(ban.status, 400);
		assert.match(ban.text, /Alleen de stap die de ladder nu voorstelt/);
		assert.strictEqual(await step(gmodS, w.id, 'queue', 3650), 400, 'not for other days');
		assert.strictEqual(await step(gmodS, w.id, 'mute', 7), 400, 'not the next rung');
		assert.ok(!await nodebb.user().getUserField(m.user.uid, 'banned'));
		assert.strictEqual(await nodebb.db().sortedSetScore('lvl:engagement:queue', String(m.user.uid)), null);
		assert.strictEqual(await step(gmodS, w.id, 'queue', 14), 200);
		const until = Number(await nodebb.db().sortedSetScore('lvl:engagement:queue', String(m.user.uid)));
		assert.ok(until > Date.now() + 13 * 86400000 && until < Date.now() + 15 * 86400000);
		assert.strictEqual(await step(gmodS, w.id, 'queue', 14), 400, 'a warning carries one step');
	});

	it('a revoked warning proposes nothing: no step on it', async () => {
		const m = await member();
		const w = await warn(adminS, { pid: await topic(m.s, cidB) });
		assert.strictEqual((await adminS.del(`${API}/warnings/${String(w.id)}`)).status, 200);
		assert.strictEqual(await step(adminS, w.id, 'queue', 14), 400);
		assert.strictEqual(await nodebb.db().sortedSetScore('lvl:engagement:queue', String(m.user.uid)), null);
	});

	it('a category moderator revokes only warnings in their categories', async () => {
		const m = await member();
		const inB = await warn(gmodS, { pid: await topic(m.s, cidB) });
		assert.strictEqual((await catModS.del(`${API}/warnings/${String(inB.id)}`)).status, 403);
	});

	it('reads warnings only within reach: a non-member moderator none, a category moderator those in their categories', async () => {
		const m = await member();
		const inA = await warn(gmodS, { pid: await topic(m.s, cidA) });
		const inB = await warn(gmodS, { pid: await topic(m.s, cidB) });
		const byUid = await warn(gmodS, { uid: m.user.uid });
		assert.ok(inA.id && inB.id && byUid.id);
		const url = `${API}/members/${String(m.user.uid)}/warnings`;
		assert.strictEqual((await strangerModS.get(url)).status, 403, 'a moderator who is not a member reads nothing');
		const cat = await catModS.get<Envelope<{ warnings: { id: number }[] }>>(url);
		assert.strictEqual(cat.status, 200, cat.text);
		assert.deepStrictEqual(cat.body.response.warnings.map(w => w.id), [inA.id]);
		const global = await gmodS.get<Envelope<{ warnings: { id: number }[] }>>(url);
		assert.deepStrictEqual(global.body.response.warnings.map(w => w.id).sort((a, b) => a - b), [inA.id, inB.id, byUid.id].sort((a, b) => a - b));
		const own = await m.s.get<Envelope<{ warnings: { id: number }[] }>>(url);
		assert.strictEqual(own.body.response.warnings.length, 3, 'the member reads all of their own');
	});
});
