import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import { applyPlatformPrivileges } from '../../lib/platform/service';
import { acceptedIn } from '../../lib/competences';
import * as store from '../../lib/competences/store';
import * as taxonomy from '../../lib/competences/taxonomy';
import { K as QA } from '../../lib/qa/store';
import upgrade from '../../upgrades/lvl-competence-accepted';
import { createCategory, createUser, eventually, loginAs, saveProfile, type TestUser, unique } from '../support/forum';
import type { Envelope, Session } from '../support/http';

const API = '/api/v3/plugins/lvl';

interface Result { uid: number; profession: string; matched: unknown[]; languages: string[]; region: string; availability: string; full: boolean; awayUntil: string; tier: string; domains: unknown[] }
interface DirPage { total: number; results: Result[] }
interface View { uid: number; profession: string; help: string; region: string; languages: string[]; competences: unknown[]; domains: string[]; effectiveTier: string; reach: { email: string; chat: boolean; note: string } | null; completeness: number }

/** What a member at the names tier keeps to themselves: none of it may reach another member through any door. */
const SECRETS = ['Geheimnotaris', 'erfrechtvragen', 'vertrouwelijkenotitie', 'Notariaat'];

function leaks(body: unknown): string[] {
	const text = JSON.stringify(body);
	return SECRETS.filter(s => text.includes(s));
}

async function dir(s: Session, query: string): Promise<DirPage> {
	const res = await s.get<Envelope<DirPage>>(`${API}/directory?${query}`);
	assert.strictEqual(res.status, 200, res.text);
	return res.body.response;
}

async function pageDir(s: Session, query: string): Promise<DirPage> {
	const res = await s.get<DirPage>(`/api/wie-weet-wat?${query}`);
	assert.strictEqual(res.status, 200, res.text);
	return res.body;
}

describe('Competences: directory tiers (hidden, names only, profile, contact)', () => {
	let cid: number;
	let an: TestUser; let anS: Session;
	let noor: TestUser; let noorS: Session;
	let hugo: TestUser; let hugoS: Session;
	let cas: TestUser; let casS: Session;
	let admin: TestUser; let adminS: Session;
	let lawDomain: string;

	before(async function () {
		this.timeout(60000);
		cid = await createCategory(unique('Vragen '));
		await settings.save({ platformCids: [...(await settings.get()).platformCids, cid], qaRouteCount: 10, qaWeeklyCap: 10 });
		await applyPlatformPrivileges();
		[an, noor, hugo, cas] = await Promise.all([createUser('an', { member: true }), createUser('noor', { member: true }), createUser('hugo', { member: true }), createUser('cas', { member: true })]);
		admin = await createUser('beheer', { admin: true, member: true });
		[anS, noorS, hugoS, casS, adminS] = await Promise.all([loginAs(an), loginAs(noor), loginAs(hugo), loginAs(cas), loginAs(admin)]);
		await nodebb.db().setObjectField(`user:${String(cas.uid)}`, 'email', 'cas@kring.example');
		await nodebb.db().setObjectField(`user:${String(an.uid)}`, 'email', 'an@kring.example');
		const secret = {
			languages: ['fr'], region: 'namur', profession: 'Geheimnotaris', sector: 'Notariaat', availability: 'limited',
			help: 'Stel mij je erfrechtvragen', contact: ['email'], contactNote: 'vertrouwelijkenotitie',
		};
		await saveProfile(noorS, noor.uid, [{ key: 'law.labour', level: 'expert', roles: ['advice'] }], { ...secret, tier: 'names' });
		await saveProfile(hugoS, hugo.uid, [{ key: 'law.labour', level: 'expert', roles: ['advice'] }], { profession: 'Verborgen', tier: 'hidden' });
		await saveProfile(casS, cas.uid, [{ key: 'law.labour', level: 'experienced', roles: ['advice'] }], { tier: 'contact', contact: ['email', 'chat'], contactNote: '0470 12 34 56' });
		await saveProfile(anS, an.uid, [{ key: 'law.labour', level: 'basic', roles: [] }], { tier: 'profile', contact: ['email'], contactNote: 'niet tonen' });
		lawDomain = taxonomy.resolve(await taxonomy.get(), 'law.labour')?.domain ?? '';
		assert.ok(lawDomain);
	});

	describe('names only', () => {
		it('the profile API shows the name\'s domains and nothing else', async () => {
			const res = await anS.get<Envelope<View>>(`${API}/profiles/${String(noor.uid)}`);
			assert.strictEqual(res.status, 200, res.text);
			const v = res.body.response;
			assert.deepStrictEqual([v.profession, v.help, v.region, v.languages, v.competences, v.domains, v.reach, v.completeness], ['', '', '', [], [], [lawDomain], null, 0]);
			assert.deepStrictEqual(leaks(v), []);
			const own = await noorS.get<Envelope<View>>(`${API}/profiles/${String(noor.uid)}`);
			assert.strictEqual(own.body.response.profession, 'Geheimnotaris', 'the member still sees all of their own profile');
		});

		it('is listed and found by name, with the name and domains only', async () => {
			for (const page of [await dir(anS, ''), await dir(anS, `q=${noor.username}`), await pageDir(anS, `q=${noor.username}`)]) {
				const r = page.results.find(x => x.uid === noor.uid);
				assert.ok(r, 'listed');
				assert.deepStrictEqual([r.tier, r.profession, r.matched, r.languages, r.region, r.availability, r.full, r.awayUntil], ['names', '', [], [], '', '', false, '']);
				assert.strictEqual(r.domains.length, 1);
				assert.deepStrictEqual(leaks(r), []);
			}
		});

		it('is never found by a competence, a filter or a word of the profile (each would tell what is hidden)', async () => {
			for (const q of ['c=law.labour', 'c=law.labour&level=expert', 'c=law.labour&q=geheimnotaris', 'region=namur', 'language=fr', 'availability=limited', 'role=advice', 'q=geheimnotaris', 'q=erfrechtvragen', 'q=notariaat']) {
				const page = await dir(anS, q);
				assert.ok(!page.results.some(r => r.uid === noor.uid), q);
			}
			const competence = await anS.get<DirPage>('/api/wie-weet-wat/law.labour');
			assert.strictEqual(competence.status, 200);
			assert.ok(!competence.body.results.some(r => r.uid === noor.uid), 'not on the competence page');
			assert.ok(competence.body.results.some(r => r.uid === cas.uid), 'members at the profile and contact tiers are');
		});

		it('the profile tab and its /api twin show the domains, without Q&A figures or "ask this member"', async () => {
			const tab = await anS.get<{ namesOnly: boolean; shownFully: boolean; domainsShown: { key: string }[]; reciprocity: Record<string, number> }>(`/api/user/${noor.username.toLowerCase()}/competenties`);
			assert.strictEqual(tab.status, 200, tab.text);
			assert.deepStrictEqual([tab.body.namesOnly, tab.body.shownFully, tab.body.domainsShown.map(d => d.key)], [true, false, [lawDomain]]);
			assert.deepStrictEqual(tab.body.reciprocity, { asked: 0, answered: 0, accepted: 0 });
			assert.deepStrictEqual(leaks(tab.body), []);
			const html = await anS.get(`/user/${noor.username.toLowerCase()}/competenties`);
			assert.strictEqual(html.status, 200);
			assert.deepStrictEqual(leaks(html.text), []);
			assert.match(html.text, /component="lvl\/profile\/names-only"/);
			assert.doesNotMatch(html.text, /component="lvl\/ask"/);
			const counts = await anS.get<Envelope<Record<string, number>>>(`${API}/qa/members/${String(noor.uid)}/counts`);
			assert.deepStrictEqual(counts.body.response, {});
		});
	});

	describe('hidden', () => {
		it('is in no list, no search and no profile another member can open', async () => {
			for (const q of ['', `q=${hugo.username}`, 'c=law.labour', 'q=verborgen']) {
				assert.ok(!(await dir(anS, q)).results.some(r => r.uid === hugo.uid), q || 'the list');
			}
			const res = await anS.get(`${API}/profiles/${String(hugo.uid)}`);
			assert.strictEqual(res.status, 404);
			const tab = await anS.get<{ hidden: boolean; profile: unknown }>(`/api/user/${hugo.username.toLowerCase()}/competenties`);
			assert.deepStrictEqual([tab.body.hidden, tab.body.profile], [true, null]);
		});
	});

	describe('routing reaches every tier and tells the asker nothing', () => {
		it('a question in a competence goes to hidden and names-only holders too; the asker sees a count only', async () => {
			const q = await anS.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title: unique('Vraag over ontslag '), content: 'Mag mijn werkgever mij zomaar ontslaan na twintig jaar?', lvlType: 'question', lvlCompetences: ['law.labour'] });
			assert.strictEqual(q.status, 200, q.text);
			const { tid } = q.body.response;
			const routed = await eventually(async () => {
				const uids = (await nodebb.db().getSortedSetRange(QA.routedFor(tid), 0, -1)).map(Number);
				return uids.length >= 3 ? uids : null;
			}, 'routing');
			assert.deepStrictEqual(routed.sort(), [noor.uid, hugo.uid, cas.uid].sort());
			const seen = await anS.get<Envelope>(`${API}/qa/topics/${String(tid)}`);
			assert.strictEqual(seen.body.response.routed, 3);
			// no list in what the asker reads names a member the question went to
			for (const value of Object.values(seen.body.response)) {
				assert.ok(!Array.isArray(value) || ![noor.uid, hugo.uid, cas.uid].some(uid => value.includes(uid)), JSON.stringify(seen.body.response));
			}
		});

		it('"ask this member" is refused at the names and hidden tiers, the same way whatever their availability', async () => {
			const q = await anS.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title: unique('Nog een vraag '), content: 'Hoe lang is de opzegtermijn na tien jaar?', lvlType: 'question', lvlCompetences: ['law.labour'] });
			const { tid } = q.body.response;
			// one after the other: an asker's requests are sent one at a time (a lock per asker)
			const answers = [await anS.post(`${API}/qa/requests`, { uid: noor.uid, tid }), await anS.post(`${API}/qa/requests`, { uid: hugo.uid, tid })];
			assert.deepStrictEqual(answers.map(a => a.status), [400, 400]);
			assert.strictEqual(answers[0]?.text.replace(/\d+/g, ''), answers[1]?.text.replace(/\d+/g, ''));
			const toCas = await anS.post(`${API}/qa/requests`, { uid: cas.uid, tid });
			assert.strictEqual(toCas.status, 200, toCas.text);
		});
	});

	describe('contact', () => {
		it('shows the ways of contact the member chose, only at the contact tier', async () => {
			const res = await anS.get<Envelope<View>>(`${API}/profiles/${String(cas.uid)}`);
			assert.deepStrictEqual(res.body.response.reach, { email: 'cas@kring.example', chat: true, note: '0470 12 34 56' });
			const tab = await anS.get(`/user/${cas.username.toLowerCase()}/competenties`);
			assert.match(tab.text, /cas@kring\.example/);
			assert.match(tab.text, /component="lvl\/profile\/reach-chat"/);
			const profileTier = await casS.get<Envelope<View & { contactNote: string }>>(`${API}/profiles/${String(an.uid)}`);
			assert.deepStrictEqual([profileTier.body.response.reach, profileTier.body.response.contactNote], [null, '']);
			assert.doesNotMatch((await casS.get(`/api/user/${an.username.toLowerCase()}/competenties`)).text, /an@kring\.example|niet tonen/);
		});
	});

	describe('the admin\'s default and lock', () => {
		it('a locked default applies to everyone at once, and unlocking gives members their own choice back', async () => {
			await settings.save({ directoryTier: 'names', directoryTierLocked: true });
			await eventually(async () => !await nodebb.db().isSortedSetMember(store.K.byCompetence('law.labour'), String(cas.uid)), 're-indexed for the lock');
			assert.ok(!(await dir(anS, 'c=law.labour')).results.some(r => r.uid === cas.uid), 'at names only now');
			const seen = await anS.get<Envelope<View>>(`${API}/profiles/${String(cas.uid)}`);
			assert.deepStrictEqual([seen.body.response.effectiveTier, seen.body.response.reach, seen.body.response.competences], ['names', null, []]);
			await settings.save({ directoryTier: 'profile', directoryTierLocked: false });
			await eventually(async () => nodebb.db().isSortedSetMember(store.K.byCompetence('law.labour'), String(cas.uid)), 're-indexed after unlocking');
			assert.ok((await dir(anS, 'c=law.labour')).results.some(r => r.uid === cas.uid));
			assert.ok(!(await dir(anS, 'c=law.labour')).results.some(r => r.uid === noor.uid), 'the names-only member keeps their own choice');
		});

		it('a member who chose nothing follows the default', async () => {
			const dora = await createUser('dora', { member: true });
			const doraS = await loginAs(dora);
			await saveProfile(doraS, dora.uid, [{ key: 'law.labour', level: 'basic', roles: [] }], { profession: 'Geheimnotaris' });
			assert.ok((await dir(anS, 'c=law.labour')).results.some(r => r.uid === dora.uid), 'the default is the profile');
			await settings.save({ directoryTier: 'names' });
			await eventually(async () => !await nodebb.db().isSortedSetMember(store.K.byCompetence('law.labour'), String(dora.uid)), 're-indexed for the new default');
			const seen = await anS.get<Envelope<View>>(`${API}/profiles/${String(dora.uid)}`);
			assert.strictEqual(seen.body.response.profession, '');
			await settings.save({ directoryTier: 'profile' });
			await eventually(async () => nodebb.db().isSortedSetMember(store.K.byCompetence('law.labour'), String(dora.uid)), 're-indexed back');
		});

		it('refuses an unknown tier from a member or the admin, changing nothing', async () => {
			const current = await noorS.get<Envelope<{ revision: number }>>(`${API}/profiles/${String(noor.uid)}`);
			const bad = await noorS.put(`${API}/profiles/${String(noor.uid)}`, { revision: current.body.response.revision, competences: [], tier: 'public' });
			assert.strictEqual(bad.status, 400);
			assert.match(bad.text, /zichtbaarheidsniveaus|visibility tiers|niveaux de visibilité/);
			const still = await anS.get<Envelope<View>>(`${API}/profiles/${String(noor.uid)}`);
			assert.deepStrictEqual(still.body.response.domains, [lawDomain]);
			const badAdmin = await adminS.put(`${API}/settings`, { directoryTier: 'everyone' });
			assert.strictEqual(badAdmin.status, 400);
			assert.strictEqual((await settings.get()).directoryTier, 'profile');
		});
	});

	describe('accepted answers per competence, kept by the competences', () => {
		it('Q&A tells the counter on accept and undo; the upgrade copies what Q&A kept before', async () => {
			const q = await anS.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title: unique('Vraag '), content: 'Wat is de opzegtermijn na vijf jaar dienst?', lvlType: 'question', lvlCompetences: ['law.labour'] });
			const { tid } = q.body.response;
			const answer = await casS.post<Envelope<{ pid: number }>>(`/api/v3/topics/${String(tid)}`, { content: 'Dat hangt af van je anciënniteit en het paritair comité.' });
			const { pid } = answer.body.response;
			const before = (await acceptedIn([cas.uid], ['law.labour']))[0]?.['law.labour'] ?? 0;
			assert.strictEqual((await anS.put(`${API}/qa/topics/${String(tid)}/accepted`, { pid })).status, 200);
			assert.strictEqual((await acceptedIn([cas.uid], ['law.labour']))[0]?.['law.labour'], before + 1);
			assert.strictEqual((await anS.del(`${API}/qa/topics/${String(tid)}/accepted/${String(pid)}`)).status, 200);
			assert.strictEqual((await acceptedIn([cas.uid], ['law.labour']))[0]?.['law.labour'], before);

			await nodebb.db().setObject(QA.counts(hugo.uid), { accepted: 2, 'c:law.family': 2, 'c:tax.vat': 0 });
			await upgrade.method();
			await upgrade.method();
			assert.deepStrictEqual(await acceptedIn([hugo.uid], ['law.family', 'tax.vat']), [{ 'law.family': 2, 'tax.vat': 0 }]);
		});
	});
});
