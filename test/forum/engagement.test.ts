import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import { applyPlatformPrivileges } from '../../lib/platform/service';
import { K } from '../../lib/engagement/store';
import { createCategory, createUser, eventually, guest, loginAs, notificationArrives, type TestUser, unique } from '../support/forum';
import type { Envelope, Session } from '../support/http';

const API = '/api/v3/plugins/lvl/engagement';

const texts = (nl: string, fr: string, en: string): Record<string, string> => ({ nl, fr, en });
const ARTICLES = [
	{ title: texts('Hoffelijkheid', 'Courtoisie', 'Civility'), body: texts('Wees **beleefd** tegen elkaar.', 'Soyez courtois les uns envers les autres.', 'Be civil to one another.') },
	{ title: texts('Niet-commercieel', 'Non commercial', 'Non-commercial'), body: texts('Geen verkoop of reclame.', 'Ni vente ni publicité.', 'No selling or advertising.'), nonCommercial: true },
	{ title: texts('Vertrouwelijkheid', 'Confidentialité', 'Confidentiality'), body: texts('Wat hier gedeeld wordt, blijft binnen de Kring.', 'Ce qui est partagé ici reste au sein du Cercle.', 'What is shared here stays within the association.') },
];

interface Article { id: string; number: number; title: string; nonCommercial: boolean }
interface Charter { version: number; articles: Article[] }

async function charterOf(s: Session): Promise<Charter> {
	const res = await s.get<Envelope<Charter>>(`${API}/charter`);
	assert.strictEqual(res.status, 200, res.text);
	return res.body.response;
}

describe('Rules of engagement: charter, reports, warnings and the non-commercial guard', () => {
	let cid: number;
	let admin: TestUser; let adminS: Session;
	let member: TestUser; let memberS: Session;
	let other: TestUser; let otherS: Session;
	let catMod: TestUser; let catModS: Session;
	let outsider: TestUser; let outsiderS: Session;

	before(async function () {
		this.timeout(60000);
		cid = await createCategory(unique('Vragen '));
		await settings.save({ platformCids: [cid], guardMode: 'flag', warningLadder: '2:queue:14, 3:mute:7' });
		await applyPlatformPrivileges();
		admin = await createUser('beheer', { admin: true, member: true });
		[member, other, catMod] = await Promise.all([createUser('lid', { member: true }), createUser('ander', { member: true }), createUser('catmod', { member: true })]);
		outsider = await createUser('buiten', {});
		// a category moderator, as NodeBB's ACP makes one
		await nodebb.groups().join(`cid:${String(cid)}:privileges:moderate`, catMod.uid);
		await nodebb.user().setUserField(member.uid, 'reputation', 10);
		await nodebb.user().setUserField(other.uid, 'reputation', 10);
		// the member reads in French
		await nodebb.db().setObjectField(`user:${String(member.uid)}:settings`, 'userLang', 'fr');
		[adminS, memberS, otherS, catModS, outsiderS] = await Promise.all([loginAs(admin), loginAs(member), loginAs(other), loginAs(catMod), loginAs(outsider)]);
	});

	describe('the charter', () => {
		it('refuses an empty charter or an incomplete article, with a translated error, and publishes nothing', async () => {
			const empty = await adminS.put(`${API}/charter?lang=nl`, { articles: [] });
			assert.strictEqual(empty.status, 400);
			assert.match(empty.text, /minstens één artikel|at least one article/);
			const incomplete = await adminS.put(`${API}/charter`, { articles: [{ title: texts('A', 'A', ''), body: texts('b', 'b', 'b') }] });
			assert.strictEqual(incomplete.status, 400);
			assert.strictEqual((await charterOf(memberS)).version, 0);
		});

		it('lets only admins publish; members and guests cannot', async () => {
			assert.strictEqual((await memberS.put(`${API}/charter`, { articles: ARTICLES })).status, 403);
			assert.strictEqual((await guest().put(`${API}/charter`, { articles: ARTICLES })).status, 401, 'no session');
		});

		it('publishes version 1; publishing the same text again makes no new version', async () => {
			const first = await adminS.put<Envelope<{ version: number; created: boolean }>>(`${API}/charter`, { articles: ARTICLES });
			assert.strictEqual(first.status, 200, first.text);
			assert.deepStrictEqual(first.body.response, { version: 1, created: true });
			const c = await charterOf(memberS);
			const again = await adminS.put<Envelope<{ version: number; created: boolean }>>(`${API}/charter`, { articles: ARTICLES.map((a, i) => ({ ...a, id: c.articles[i]?.id })) });
			assert.deepStrictEqual(again.body.response, { version: 1, created: false });
		});

		it('shows the charter to anyone in their language (a prospective member reads the rules first)', async () => {
			const fr = await guest().get<Envelope<Charter>>(`${API}/charter?lang=fr`);
			assert.deepStrictEqual(fr.body.response.articles.map(a => a.title), ['Courtoisie', 'Non commercial', 'Confidentialité']);
			const page = await guest().get('/gedragscode?lang=nl', { accept: 'text/html' });
			assert.strictEqual(page.status, 200);
			assert.match(page.text, /Artikel 1 · Hoffelijkheid/);
			assert.ok(!page.text.includes('lvl-my-warnings'), 'a guest sees no member section');
		});

		it('asks a new person to accept the charter at registration and records it with the new account', async () => {
			const name = unique('nieuw');
			const s = guest();
			await s.refreshCsrf();
			const reg = await s.post<{ next?: string }>('/register', { username: name, password: 'Wachtwoord-123!', 'password-confirm': 'Wachtwoord-123!', email: `${name}@example.org`, gdpr_agree_data: 'on', gdpr_agree_email: 'on' });
			assert.strictEqual(reg.body.next, '/register/complete', reg.text);
			const step = await s.get('/register/complete?lang=nl', { accept: 'text/html' });
			assert.match(step.text, /lvl\/charter-step/);
			assert.match(step.text, /Ik heb de gedragscode \(versie 1\) gelezen/);
			const refused = await s.post('/register/complete', { gdpr_agree_data: 'on', gdpr_agree_email: 'on', lvlAction: 'later', lvlCharterVersion: '1' });
			assert.match(String(refused.headers.get('location')), /register\/complete/, 'not accepted: back to the steps');
			assert.strictEqual(await nodebb.user().getUidByUsername(name), null);
			const done = await s.post('/register/complete', { gdpr_agree_data: 'on', gdpr_agree_email: 'on', lvlAction: 'later', lvlCharterAccept: 'on', lvlCharterVersion: '1' });
			assert.ok(!String(done.headers.get('location')).includes('/register/complete'), String(done.headers.get('location')));
			const uid = await eventually(() => nodebb.user().getUidByUsername(name), 'the new account');
			await eventually(async () => await nodebb.db().sortedSetScore(K.accepted, String(uid)) === 1, 'the acceptance of version 1');
		});

		it('records a member\'s acceptance; they see their own, the admin sees who has and has not accepted', async () => {
			assert.strictEqual((await memberS.post(`${API}/charter/accept`, { version: 1 })).status, 200);
			const me = await memberS.get<Envelope<{ pending: number; acceptances: { version: number; at: number }[] }>>(`${API}/me`);
			assert.strictEqual(me.body.response.pending, 0);
			assert.strictEqual(me.body.response.acceptances[0]?.version, 1);
			const pending = await adminS.get<Envelope<{ version: number; accepted: number; rows: { uid: number }[] }>>(`${API}/acceptances?filter=pending&count=200`);
			assert.strictEqual(pending.status, 200, pending.text);
			const pendingUids = pending.body.response.rows.map(r => r.uid);
			assert.ok(pendingUids.includes(other.uid) && !pendingUids.includes(member.uid));
			const accepted = await adminS.get<Envelope<{ rows: { uid: number; version: number }[] }>>(`${API}/acceptances?filter=accepted&count=200`);
			assert.ok(accepted.body.response.rows.some(r => r.uid === member.uid && r.version === 1));
			assert.strictEqual((await memberS.get(`${API}/acceptances`)).status, 403);
		});

		it('a stale version cannot be accepted', async () => {
			const res = await otherS.post(`${API}/charter/accept`, { version: 7 });
			assert.strictEqual(res.status, 400);
		});
	});

	describe('reports that cite an article', () => {
		let pid: number; let tid: number; let flagId: number; let articles: Article[];

		before(async () => {
			articles = (await charterOf(memberS)).articles;
			const t = await otherS.post<Envelope<{ tid: number; mainPid: number }>>('/api/v3/topics', { cid, title: unique('Een onbeleefd onderwerp '), content: 'Jullie zijn allemaal sukkels en weten niets.' });
			assert.strictEqual(t.status, 200, t.text);
			({ tid, mainPid: pid } = t.body.response);
		});

		it('refuses a tampered reason (an article that does not exist), translated, and stores nothing', async () => {
			const res = await memberS.post('/api/v3/flags', { type: 'post', id: pid, reason: '[[lvl-engagement:flag.article, 9, art-999]]' });
			assert.strictEqual(res.status, 400);
			assert.match(res.text, /n'existe pas/, 'in the member\'s French');
			assert.strictEqual(await nodebb.db().exists(`flags:byPid:${String(pid)}`), false);
		});

		it('stores the article with the report, and NodeBB\'s flag list filters by it', async () => {
			const civility = articles[0]!;
			const res = await memberS.post('/api/v3/flags', { type: 'post', id: pid, reason: `[[lvl-engagement:flag.article, 1, ${civility.id}]]` });
			assert.strictEqual(res.status, 200, res.text);
			// NodeBB answers the flag id to moderators only
			flagId = Number(await nodebb.db().getObjectField(`post:${String(pid)}`, 'flagId'));
			await eventually(() => nodebb.db().isSortedSetMember(K.flagsByArticle(civility.id), String(flagId)), 'the report indexed by article');
			const list = await adminS.get<{ flags: { flagId: number | string }[] }>(`/api/flags?lvlArticle=${civility.id}`);
			assert.deepStrictEqual(list.body.flags.map(f => Number(f.flagId)), [flagId]);
			const none = await adminS.get<{ flags: unknown[] }>(`/api/flags?lvlArticle=${articles[2]!.id}`);
			assert.strictEqual(none.body.flags.length, 0);
			const detail = await adminS.get(`/flags/${String(flagId)}?lang=nl`, { accept: 'text/html' });
			assert.match(detail.text, /Gedragscode, artikel 1/);
		});

		it('a member who is not a moderator cannot warn (403), nor see the flag\'s article', async () => {
			const res = await otherS.post(`${API}/warnings`, { pid, articleId: articles[0]!.id });
			assert.strictEqual(res.status, 403);
			assert.strictEqual((await otherS.get(`${API}/flags/${String(flagId)}`)).status, 403);
			assert.strictEqual((await guest().get(`${API}/me`)).status, 401);
		});

		it('an administrator is never warned through the charter', async () => {
			const res = await catModS.post(`${API}/warnings`, { uid: admin.uid, articleId: articles[0]!.id });
			assert.strictEqual(res.status, 403, 'a category moderator cannot warn a member outside a post');
			const byAdmin = await adminS.post(`${API}/warnings`, { uid: admin.uid, articleId: articles[0]!.id });
			assert.strictEqual(byAdmin.status, 403, 'not oneself');
			const mod2 = await createUser('globalmod', { member: true });
			await nodebb.groups().join('Global Moderators', mod2.uid);
			const res2 = await (await loginAs(mod2)).post(`${API}/warnings?lang=nl`, { uid: admin.uid, articleId: articles[0]!.id });
			assert.strictEqual(res2.status, 400);
			assert.match(res2.text, /Beheerders en globale moderatoren/);
		});

		it('a category moderator warns on the flag: the member is told in French with the article quoted, and it is in the moderation notes', async () => {
			const res = await catModS.post<Envelope<{ active: number; proposal: unknown; warning: { id: number } }>>(`${API}/warnings`, { flagId, articleId: articles[0]!.id, note: 'Scheldwoorden <b>horen</b> hier niet.' });
			assert.strictEqual(res.status, 200, res.text);
			assert.strictEqual(res.body.response.active, 1);
			assert.strictEqual(res.body.response.proposal, null, 'one warning: the ladder proposes nothing yet');
			const n = await notificationArrives(other.uid, 'lvl:engagement:warning:');
			// "other" reads in the test forum's default language (English): the article is cited in it
			assert.strictEqual(String(n.bodyShort), '[[lvl-engagement:notification.warning, 1, Civility]]');
			const ownRes = await otherS.get<Envelope<{ warnings: { title: string; quote: string; note: string }[] }>>(`${API}/me`);
			assert.strictEqual(ownRes.body.response.warnings.length, 1);
			assert.strictEqual(ownRes.body.response.warnings[0]?.note, 'Scheldwoorden <b>horen</b> hier niet.');
			const notes = await nodebb.db().getSortedSetRevRange(`uid:${String(other.uid)}:moderation:notes`, 0, -1);
			assert.strictEqual(notes.length, 1);
			const note = await nodebb.db().getObject(`uid:${String(other.uid)}:moderation:note:${notes[0] ?? ''}`);
			assert.strictEqual(Number(note?.uid), catMod.uid);
			assert.match(String(note?.note), /1/);
		});

		it('the French member is told in French, with the article quoted', async () => {
			const t = await memberS.post<Envelope<{ mainPid: number }>>('/api/v3/topics', { cid, title: unique('Vente '), content: 'Rien à voir.' });
			const res = await adminS.post(`${API}/warnings`, { pid: t.body.response.mainPid, articleId: articles[2]!.id });
			assert.strictEqual(res.status, 200, res.text);
			const n = await notificationArrives(member.uid, 'lvl:engagement:warning:');
			assert.strictEqual(String(n.bodyShort), '[[lvl-engagement:notification.warning, 3, Confidentialité]]');
			assert.match(String(n.bodyLong), /reste au sein du Cercle/);
			const page = await memberS.get('/gedragscode', { accept: 'text/html' });
			assert.match(page.text, /Confidentialité/);
			assert.match(page.text, /reste au sein du Cercle/);
		});

		it('a second warning makes the ladder propose the post queue; confirmed, the member\'s next post is queued', async () => {
			const t = await otherS.post<Envelope<{ mainPid: number }>>('/api/v3/topics', { cid, title: unique('Nogmaals '), content: 'Weer onbeleefd.' });
			const res = await adminS.post<Envelope<{ active: number; proposal: { action: string; days: number } | null; warning: { id: number } }>>(`${API}/warnings`, { pid: t.body.response.mainPid, articleId: articles[0]!.id });
			assert.strictEqual(res.body.response.active, 2);
			assert.deepStrictEqual(res.body.response.proposal, { count: 2, action: 'queue', days: 14 });
			assert.strictEqual((await otherS.post(`${API}/warnings/${String(res.body.response.warning.id)}/step`, { action: 'queue', days: 14 })).status, 403);
			const step = await adminS.post(`${API}/warnings/${String(res.body.response.warning.id)}/step`, { action: 'queue', days: 14 });
			assert.strictEqual(step.status, 200, step.text);
			const queued = await otherS.post<Envelope<{ queued?: boolean; id?: string }>>('/api/v3/topics', { cid, title: unique('In de wachtrij '), content: 'Dit gaat eerst langs een moderator.' });
			assert.strictEqual(queued.status, 202, queued.text);
			assert.strictEqual(queued.body.response.queued, true);
		});

		it('a third warning proposes a mute, which NodeBB applies', async () => {
			const res = await adminS.post<Envelope<{ active: number; proposal: { action: string } | null; warning: { id: number } }>>(`${API}/warnings`, { uid: other.uid, articleId: articles[1]!.id });
			assert.strictEqual(res.body.response.proposal?.action, 'mute');
			const step = await adminS.post(`${API}/warnings/${String(res.body.response.warning.id)}/step`, { action: 'mute', days: 7 });
			assert.strictEqual(step.status, 200, step.text);
			assert.ok(Number(await nodebb.user().getUserField(other.uid, 'mutedUntil')) > Date.now() + 6 * 24 * 3600 * 1000);
		});

		it('an article deleted while reports and warnings cite it: their history stays readable', async () => {
			const civility = articles[0]!;
			const keep = [{ ...ARTICLES[1], id: articles[1]!.id }, { ...ARTICLES[2], id: articles[2]!.id }];
			const v2 = await adminS.put<Envelope<{ version: number }>>(`${API}/charter`, { articles: keep });
			assert.strictEqual(v2.body.response.version, 2);
			const ws = await adminS.get<Envelope<{ warnings: { articleId: string; title: string; quote: string; version: number }[] }>>(`${API}/members/${String(other.uid)}/warnings?lang=nl`);
			const cited = ws.body.response.warnings.filter(w => w.articleId === civility.id);
			assert.strictEqual(cited.length, 2);
			assert.deepStrictEqual([cited[0]?.title, cited[0]?.quote, cited[0]?.version], ['Hoffelijkheid', 'Wees **beleefd** tegen elkaar.', 1]);
			const stats = await adminS.get<Envelope<{ perArticle: { id: string; number: number; reports: number; title: { nl: string } | null }[]; activeWarnings: number }>>(`${API}/stats`);
			const row = stats.body.response.perArticle.find(a => a.id === civility.id);
			assert.deepStrictEqual([row?.number, row?.reports, row?.title?.nl], [0, 1, 'Hoffelijkheid']);
			assert.ok(stats.body.response.activeWarnings >= 4);
			const diff = await adminS.get<Envelope<{ changes: { id: string; status: string }[] }>>(`${API}/charter/diff?from=1&to=2`);
			assert.strictEqual(diff.body.response.changes.find(c => c.id === civility.id)?.status, 'removed');
			// a report citing the deleted article is now refused
			const late = await memberS.post('/api/v3/flags', { type: 'user', id: other.uid, reason: `[[lvl-engagement:flag.article, 1, ${civility.id}]]` });
			assert.strictEqual(late.status, 400);
		});

		it('a member who has not accepted the new version is sent to the charter step at their next visit', async () => {
			const page = await memberS.get('/recent', { accept: 'text/html' });
			assert.ok([302, 307].includes(page.status), String(page.status));
			assert.match(String(page.headers.get('location')), /\/register\/complete/);
			const step = await memberS.get('/register/complete', { accept: 'text/html' });
			assert.match(step.text, /version 2/);
			const done = await memberS.post('/register/complete', { lvlCharterAccept: 'on', lvlCharterVersion: '2', gdpr_agree_data: 'on', gdpr_agree_email: 'on' });
			assert.strictEqual(done.status, 302);
			assert.strictEqual(await nodebb.db().sortedSetScore(K.accepted, String(member.uid)), 2);
			assert.ok(!await nodebb.user().getUserField(member.uid, 'lvlCharter'), 'nothing of ours left in the user hash');
			assert.strictEqual((await memberS.get('/recent', { accept: 'text/html' })).status, 200);
		});

		it('resolving a cited report records the time to resolution', async () => {
			await adminS.put(`/api/v3/flags/${String(flagId)}`, { state: 'resolved' });
			await eventually(() => nodebb.db().isSortedSetMember(K.resolved, String(flagId)), 'the resolution time');
			const stats = await adminS.get<Envelope<{ resolved: number; medianResolutionMs: number }>>(`${API}/stats`);
			assert.strictEqual(stats.body.response.resolved, 1);
			assert.ok(stats.body.response.medianResolutionMs >= 0);
			assert.ok(tid > 0);
		});
	});

	describe('the non-commercial guard and the disclaimer', () => {
		it('refuses an invalid or catastrophic pattern, translated, and keeps the lists as they were', async () => {
			const before = await adminS.get<Envelope<Record<string, string>>>(`${API}/guard/patterns`);
			const bad = await adminS.put(`${API}/guard/patterns?lang=nl`, { ...before.body.response, nl: 'te koop\n/(\\w+)\\1/' });
			assert.strictEqual(bad.status, 400);
			assert.match(bad.text, /regel 2.*lamleggen/);
			const invalid = await adminS.put(`${API}/guard/patterns`, { ...before.body.response, fr: '/(prix/' });
			assert.strictEqual(invalid.status, 400);
			const after = await adminS.get<Envelope<Record<string, string>>>(`${API}/guard/patterns`);
			assert.deepStrictEqual(after.body.response, before.body.response);
			const byMember = await otherS.get(`${API}/guard/patterns`);
			assert.strictEqual(byMember.status, 403, byMember.text);
		});

		it('reports a commercial post citing the non-commercial article; a moderator dismisses it in one click', async () => {
			const t = await memberS.post<Envelope<{ tid: number; mainPid: number }>>('/api/v3/topics', { cid, title: unique('Appartement à vendre '), content: 'Prix : 250.000 € à discuter.' });
			assert.strictEqual(t.status, 200, t.text);
			const pid = t.body.response.mainPid;
			const flagId = Number(await eventually(() => nodebb.db().getObjectField(`post:${String(pid)}`, 'flagId'), 'the guard\'s report'));
			const nonCommercial = (await charterOf(adminS)).articles.find(a => a.nonCommercial);
			assert.ok(await nodebb.db().isSortedSetMember(K.flagsByArticle(nonCommercial!.id), String(flagId)), 'the report cites the non-commercial article');
			assert.strictEqual((await otherS.post(`${API}/guard/${String(pid)}/dismiss`, {})).status, 403);
			const dismissed = await catModS.post(`${API}/guard/${String(pid)}/dismiss`, {});
			assert.strictEqual(dismissed.status, 200, dismissed.text);
			assert.strictEqual(await nodebb.db().getObjectField(`flag:${String(flagId)}`, 'state'), 'rejected');
		});

		it('in queue mode, a commercial reply goes to NodeBB\'s post queue; an ordinary one does not', async () => {
			await settings.save({ guardMode: 'queue' });
			const t = await memberS.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title: unique('Gewone vraag '), content: 'Wie kent een goede notaris?' });
			assert.strictEqual(t.status, 200, t.text);
			const reply = await memberS.post<Envelope<{ queued?: boolean }>>(`/api/v3/topics/${String(t.body.response.tid)}`, { content: 'Kijk eens op https://www.bol.com/nl/p/notarisgids/1 — nu in promo!' });
			assert.ok([200, 202].includes(reply.status), reply.text);
			assert.strictEqual(reply.body.response.queued, true);
			await settings.save({ guardMode: 'flag' });
		});

		it('shows the disclaimer under a question, in the reader\'s language, editable by the admin', async () => {
			await nodebb.db().setObjectField('lvl:qa:categories', String(cid), JSON.stringify({ types: ['question', 'discussion'], default: 'question' }));
			await adminS.put(`${API}/disclaimer`, texts('De Kring is niet verantwoordelijk.', 'Le Cercle n\'est pas responsable.', 'The association is not responsible.'));
			const bad = await adminS.put(`${API}/disclaimer`, texts('', 'x', 'y'));
			assert.strictEqual(bad.status, 400);
			const q = await memberS.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title: unique('Vraag over erfrecht '), content: 'Hoe werkt een schenking?', lvlType: 'question', lvlCompetences: ['law.family'] });
			assert.strictEqual(q.status, 200, q.text);
			const topic = await memberS.get<{ lvlDisclaimer?: { custom: boolean; blocks: { items: { text: string }[] }[] } }>(`/api/topic/${String(q.body.response.tid)}`);
			assert.strictEqual(topic.body.lvlDisclaimer?.blocks[0]?.items[0]?.text, 'Le Cercle n&#39;est pas responsable.');
			const plain = await memberS.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title: unique('Babbel '), content: 'Gewoon een babbel.', lvlType: 'discussion' });
			const discussion = await memberS.get<{ lvlDisclaimer?: unknown }>(`/api/topic/${String(plain.body.response.tid)}`);
			assert.strictEqual(discussion.body.lvlDisclaimer, undefined);
		});

		it('keeps the members-only data away from guests and unverified accounts', async () => {
			assert.strictEqual((await guest().get(`${API}/stats`)).status, 401);
			assert.strictEqual((await outsiderS.get(`${API}/stats`)).status, 403);
			assert.strictEqual((await outsiderS.get(`${API}/members/${String(member.uid)}/warnings`)).status, 403);
			const page = await outsiderS.get('/gedragscode', { accept: 'text/html' });
			assert.ok(!page.text.includes('lvl-my-warnings'));
		});
	});
});
