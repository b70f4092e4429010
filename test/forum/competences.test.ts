import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import * as profiles from '../../lib/competences/profiles';
import { AVAILABILITY, indexScore, LEVELS, type Profile, rankingOf, REGIONS, type Role, scoreMatches } from '../../lib/competences/profile-rules';
import * as store from '../../lib/competences/store';
import * as taxonomy from '../../lib/competences/taxonomy';
import { createUser, guest, loginAs, notificationArrives, type TestUser } from '../support/forum';
import type { Envelope, Session } from '../support/http';

const API = '/api/v3/plugins/lvl';

interface ProfileView { uid: number; revision: number; competences: { key: string; level: string; roles: string[]; years: number | null; note: string }[]; languages: string[]; region: string; profession: string; help: string; listed: boolean; completeness: number }
interface DirPage { total: number; results: { uid: number; matched: { key: string; level: string }[]; region: string; profession: string }[] }

async function save(s: Session, uid: number, body: Record<string, unknown>): Promise<{ status: number; body: Envelope<ProfileView> }> {
	const current = await s.get<Envelope<ProfileView>>(`${API}/profiles/${String(uid)}`);
	const revision = current.status === 200 ? current.body.response.revision : 0;
	const res = await s.put<Envelope<ProfileView>>(`${API}/profiles/${String(uid)}`, { revision, ...body });
	return { status: res.status, body: res.body };
}

async function find(s: Session, query: string): Promise<DirPage> {
	const res = await s.get<Envelope<DirPage>>(`${API}/directory?${query}`);
	assert.strictEqual(res.status, 200, res.text);
	return res.body.response;
}

describe('Competences: profiles and the "Wie weet wat?" directory', () => {
	let an: TestUser; let anS: Session;
	let luc: TestUser; let lucS: Session;
	let marie: TestUser; let marieS: Session;
	let admin: TestUser; let adminS: Session;

	before(async () => {
		[an, luc, marie] = await Promise.all([createUser('an', { member: true }), createUser('luc', { member: true }), createUser('marie', { member: true })]);
		admin = await createUser('tax', { admin: true });
		[anS, lucS, marieS, adminS] = await Promise.all([loginAs(an), loginAs(luc), loginAs(marie), loginAs(admin)]);
	});

	describe('taxonomy', () => {
		it('has the starter taxonomy for the Kring after the first start, and seeds it only once', async () => {
			const t = await taxonomy.get();
			assert.ok(t.domains.length >= 13, `${String(t.domains.length)} domains`);
			assert.ok(t.competences.length >= 90, `${String(t.competences.length)} competences`);
			assert.ok(t.competences.some(c => c.key === 'law.labour'));
			assert.strictEqual(await taxonomy.seed(), false);
		});

		it('autocompletes across Dutch, French and English labels and synonyms, ignoring accents and case', async () => {
			for (const [q, key] of [['droit trav', 'law.labour'], ['ARBEIDS', 'law.labour'], ['employment', 'law.labour']] as const) {
				const res = await anS.get<Envelope<{ matches: { key: string }[] }>>(`${API}/competences?q=${encodeURIComponent(q)}`);
				assert.strictEqual(res.status, 200, res.text);
				assert.strictEqual(res.body.response.matches[0]?.key, key, `"${q}" → ${JSON.stringify(res.body.response.matches.slice(0, 3))}`);
			}
		});

		it('exports and imports JSON and CSV', async () => {
			const json = await adminS.get(`${API}/taxonomy/export?format=json`);
			assert.strictEqual(json.status, 200);
			assert.match(json.text, /"law\.labour"/);
			const csv = await adminS.get(`${API}/taxonomy/export?format=csv`);
			assert.match(csv.text, /law\.labour/);
			const form = new FormData();
			form.append('file', new Blob([json.text]), 'competenties.json');
			const imported = await adminS.request<Envelope<{ competences: number }>>('POST', `${API}/taxonomy/import`, form);
			assert.strictEqual(imported.status, 200, imported.text);
			assert.ok(imported.body.response.competences >= 90);
			const bad = new FormData();
			bad.append('file', new Blob(['{"domains": 5}']), 'kapot.json');
			assert.strictEqual((await adminS.request('POST', `${API}/taxonomy/import`, bad)).status, 400);
		});

		it('is edited by admins only', async () => {
			const res = await anS.put(`${API}/taxonomy/competences/law.labour`, { nl: 'x', fr: 'x', en: 'x', domain: 'law' });
			assert.strictEqual(res.status, 403);
		});
	});

	describe('profiles', () => {
		it('a member fills in their profile and another member sees it', async () => {
			const res = await save(anS, an.uid, {
				competences: [
					{ key: 'law.labour', level: 'expert', roles: ['advice', 'mentoring'], years: 25, note: 'Vooral ontslagrecht' },
					{ key: 'tax.personal', level: 'experienced', roles: ['advice'], years: '', note: '' },
				],
				languages: ['nl', 'fr'], region: 'oost-vlaanderen', profession: 'Advocaat', sector: 'Juridisch', availability: 'available',
				help: 'Ik help graag met arbeidsrecht.', listed: true, hidden: [],
			});
			assert.strictEqual(res.status, 200, JSON.stringify(res.body));
			assert.strictEqual(res.body.response.competences.length, 2);
			assert.ok(res.body.response.completeness >= 80);
			const seen = await lucS.get<Envelope<ProfileView>>(`${API}/profiles/${String(an.uid)}`);
			assert.strictEqual(seen.body.response.profession, 'Advocaat');
			assert.deepStrictEqual(seen.body.response.competences[0]?.roles, ['advice', 'mentoring']);
		});

		it('hides the fields the member chose to hide, from the API and the directory', async () => {
			await save(lucS, luc.uid, {
				competences: [{ key: 'law.labour', level: 'basic', roles: [], note: 'privé notitie' }],
				languages: ['fr'], region: 'namur', profession: 'Geheim beroep', availability: 'limited', hidden: ['region', 'profession', 'notes'],
			});
			const seen = await anS.get<Envelope<ProfileView>>(`${API}/profiles/${String(luc.uid)}`);
			assert.strictEqual(seen.body.response.region, '');
			assert.strictEqual(seen.body.response.profession, '');
			assert.strictEqual(seen.body.response.competences[0]?.note, '');
			const byRegion = await find(anS, 'region=namur');
			assert.ok(!byRegion.results.some(r => r.uid === luc.uid), 'a hidden region is not searchable');
			assert.ok(!(await find(anS, 'c=law.labour&region=namur')).results.some(r => r.uid === luc.uid), 'nor with a competence');
			assert.ok((await find(anS, 'c=law.labour&language=fr')).results.some(r => r.uid === luc.uid), 'what is shown still is');
			const byWord = await find(anS, 'q=geheim');
			assert.ok(!byWord.results.some(r => r.uid === luc.uid), 'a hidden profession is not searchable');
			const own = await lucS.get<Envelope<ProfileView>>(`${API}/profiles/${String(luc.uid)}`);
			assert.strictEqual(own.body.response.region, 'namur', 'the owner sees everything');
		});

		it('refuses bad input with a clear message and keeps the stored profile', async () => {
			const before = (await anS.get<Envelope<ProfileView>>(`${API}/profiles/${String(an.uid)}`)).body.response;
			const cases: [Record<string, unknown>, RegExp][] = [
				[{ help: 'x'.repeat(601) }, /at most 600/],
				[{ competences: [{ key: 'no.such', level: 'expert' }] }, /no\.such/],
				[{ competences: [{ key: 'law.labour', level: 'guru' }] }, /level/i],
				[{ competences: Array.from({ length: 31 }, (_, i) => ({ key: `k${String(i)}`, level: 'basic' })) }, /30/],
			];
			for (const [body, message] of cases) {
				const res = await save(anS, an.uid, body);
				assert.strictEqual(res.status, 400, JSON.stringify(body).slice(0, 80));
				assert.match((res.body as unknown as Envelope).status.message, message);
			}
			const after = (await anS.get<Envelope<ProfileView>>(`${API}/profiles/${String(an.uid)}`)).body.response;
			assert.deepStrictEqual(after, before);
		});

		it('stores HTML and script as text and shows it escaped on the profile page', async () => {
			const res = await save(marieS, marie.uid, {
				competences: [{ key: 'ict.cybersecurity', level: 'expert', roles: ['talk'], note: '<img src=x onerror=alert(1)>' }],
				profession: '<script>alert("x")</script> & co', help: 'Ik help & leer <b>graag</b>', languages: ['nl'],
			});
			assert.strictEqual(res.status, 200, JSON.stringify(res.body));
			assert.strictEqual(res.body.response.profession, '<script>alert("x")</script> & co', 'kept as typed');
			const slug = String(await nodebb.user().getUserField(marie.uid, 'userslug'));
			const page = await anS.get(`/user/${slug}/competenties?lang=nl`, { accept: 'text/html' });
			assert.strictEqual(page.status, 200);
			// NodeBB's data island carries the raw values for client code, as JSON inside a script (4.15: a JS assignment)
			const html = page.text.replace(/<script id="ajaxify-data"[\s\S]*?<\/script>/, '');
			assert.ok(!html.includes('<script>alert("x")</script>'), 'no live script');
			assert.ok(!html.includes('<img src=x onerror'), 'no live image');
			assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;(\/|&#x2F;)script&gt; &amp; co/);
			assert.ok(!html.includes('&amp;lt;'), 'not escaped twice');
		});

		it('refuses a save from a second tab that loaded an older revision, losing nothing', async () => {
			const current = (await anS.get<Envelope<ProfileView>>(`${API}/profiles/${String(an.uid)}`)).body.response;
			const tab1 = await anS.put<Envelope<ProfileView>>(`${API}/profiles/${String(an.uid)}`, { ...current, revision: current.revision, profession: 'Advocaat-vennoot' });
			assert.strictEqual(tab1.status, 200, tab1.text);
			const tab2 = await anS.put<Envelope>(`${API}/profiles/${String(an.uid)}?lang=nl`, { ...current, revision: current.revision, profession: 'Overschreven' });
			assert.strictEqual(tab2.status, 400);
			assert.match(tab2.body.status.message, /ondertussen gewijzigd|gewijzigd/);
			const now = (await anS.get<Envelope<ProfileView>>(`${API}/profiles/${String(an.uid)}`)).body.response;
			assert.strictEqual(now.profession, 'Advocaat-vennoot');
		});

		it('lets only the owner save and download their profile', async () => {
			assert.strictEqual((await lucS.put(`${API}/profiles/${String(an.uid)}`, { revision: 0 })).status, 403);
			assert.strictEqual((await lucS.get(`${API}/profiles/${String(an.uid)}/export`)).status, 403);
			const own = await anS.get<{ uid: number; profile: { competences: unknown[] } }>(`${API}/profiles/${String(an.uid)}/export`);
			assert.strictEqual(own.status, 200);
			assert.strictEqual(own.body.uid, an.uid);
			assert.strictEqual(own.body.profile.competences.length, 2);
		});
	});

	describe('directory', () => {
		it('finds members by competence, ranking the expert first', async () => {
			const page = await find(marieS, 'c=law.labour');
			const order = page.results.map(r => r.uid);
			assert.ok(order.indexOf(an.uid) >= 0 && order.indexOf(luc.uid) >= 0);
			assert.ok(order.indexOf(an.uid) < order.indexOf(luc.uid), 'expert before basic');
			assert.strictEqual(page.results[0]?.matched[0]?.key, 'law.labour');
		});

		it('narrows by minimum level, role, language and availability', async () => {
			assert.deepStrictEqual((await find(marieS, 'c=law.labour&level=experienced')).results.map(r => r.uid), [an.uid]);
			assert.deepStrictEqual((await find(marieS, 'c=law.labour&role=mentoring')).results.map(r => r.uid), [an.uid]);
			assert.deepStrictEqual((await find(marieS, 'c=law.labour&language=fr')).results.map(r => r.uid).sort(), [an.uid, luc.uid].sort());
			assert.deepStrictEqual((await find(marieS, 'c=law.labour&availability=limited')).results.map(r => r.uid), [luc.uid]);
		});

		it('combines filters, with and without a competence, and filters alone', async () => {
			assert.deepStrictEqual((await find(marieS, 'c=law.labour&role=advice&language=nl&region=oost-vlaanderen&availability=available')).results.map(r => r.uid), [an.uid]);
			assert.deepStrictEqual((await find(marieS, 'c=law.labour&role=advice&region=namur')).results, []);
			assert.deepStrictEqual((await find(marieS, 'c=law.labour,tax.personal&level=experienced')).results.map(r => r.uid), [an.uid]);
			const alone = await find(marieS, 'language=fr&availability=limited');
			assert.deepStrictEqual(alone.results.map(r => r.uid), [luc.uid]);
			assert.strictEqual(alone.total, 1);
		});

		it('finds the same after the upgrade that re-encodes the index', async () => {
			const before = await find(marieS, 'c=law.labour&role=mentoring&language=nl');
			// an index left by the earlier encoding: plain level scores and per-competence role sets
			await nodebb.db().sortedSetAdd(store.K.byCompetence('law.labour'), 315, String(an.uid));
			await nodebb.db().setAdd('lvl:dir:c:law.labour:r:mentoring', String(an.uid));
			const upgrade = (await import('../../upgrades/lvl-directory-scores')).default;
			await upgrade.method();
			assert.deepStrictEqual((await find(marieS, 'c=law.labour&role=mentoring&language=nl')).results.map(r => r.uid), before.results.map(r => r.uid));
			assert.deepStrictEqual(before.results.map(r => r.uid), [an.uid]);
			assert.strictEqual(await nodebb.db().exists('lvl:dir:c:law.labour:r:mentoring'), false);
		});

		it('finds by free text in name, profession and notes', async () => {
			assert.ok((await find(marieS, 'q=advocaat')).results.some(r => r.uid === an.uid));
			assert.ok((await find(marieS, 'q=ontslagrecht')).results.some(r => r.uid === an.uid));
			assert.ok((await find(lucS, `q=${encodeURIComponent(marie.username.slice(0, 6))}`)).results.some(r => r.uid === marie.uid));
		});

		it('leaves out members who left the directory, at once', async () => {
			await save(lucS, luc.uid, { competences: [{ key: 'law.labour', level: 'basic', roles: [] }], listed: false });
			assert.ok(!(await find(marieS, 'c=law.labour')).results.some(r => r.uid === luc.uid));
			const other = await marieS.get(`${API}/profiles/${String(luc.uid)}`);
			assert.strictEqual(other.status, 404);
		});

		it('leaves out a member whose access was revoked', async () => {
			const { membersGroup } = await settings.get();
			await nodebb.groups().leave(membersGroup, an.uid);
			try {
				assert.ok(!(await find(marieS, 'c=law.labour')).results.some(r => r.uid === an.uid));
			} finally {
				await nodebb.groups().join(membersGroup, an.uid);
			}
		});

		it('pages deep into a large competence with filters: every match once, in ranking order, with the right total', async function () {
			this.timeout(180000);
			const key = 'engineering.mechanical';
			const { membersGroup } = await settings.get();
			// 260 holders (more than the 200 ranked by recent activity), written as a member's save writes them
			const made = new Map<number, Profile>();
			for (let i = 0; i < 260; i += 1) {
				const uid = await nodebb.user().create({ username: `veel-${String(i)}-${Date.now().toString(36)}` });
				await nodebb.groups().join(membersGroup, uid);
				const p: Profile = {
					...store.emptyProfile(),
					competences: [{ key, level: LEVELS[i % 3] ?? 'basic', roles: [i % 4 === 0 ? 'mentoring' : 'advice'] as Role[], years: null, note: '' }],
					languages: i % 5 === 0 ? ['de'] : ['nl', 'fr'],
					region: REGIONS[i % 12] ?? '',
					availability: i % 7 === 0 ? 'limited' : AVAILABILITY[0],
					updatedAt: Date.now(),
				};
				await store.writeProfile(uid, p);
				await profiles.reindex(uid, store.emptyProfile(), p);
				made.set(uid, p);
			}
			const scoreOf = (p: Profile): number => indexScore(p.competences[0] ?? { key, level: 'basic', roles: [], years: null, note: '' }, p);
			const everyPage = async (s: Session, query: string): Promise<{ uids: number[]; total: number }> => {
				const first = await s.get<Envelope<DirPage & { pageCount: number }>>(`${API}/directory?${query}`);
				const uids = first.body.response.results.map(r => r.uid);
				for (let page = 2; page <= first.body.response.pageCount; page += 1) {
					uids.push(...(await find(s, `${query}&page=${String(page)}`)).results.map(r => r.uid));
				}
				return { uids, total: first.body.response.total };
			};
			for (const [query, filter, minLevel] of [
				['language=nl', { role: '', language: 'nl', region: '', availability: '' }, 0],
				['level=experienced&role=mentoring', { role: 'mentoring', language: '', region: '', availability: '' }, 2],
				['availability=available&region=antwerpen', { role: '', language: '', region: 'antwerpen', availability: 'available' }, 0],
				['level=expert', { role: '', language: '', region: '', availability: '' }, 3],
			] as const) {
				const want = [...made].filter(([, p]) => LEVELS.indexOf(p.competences[0]?.level ?? 'basic') + 1 >= minLevel && scoreMatches(scoreOf(p), filter)).map(([uid]) => uid);
				const got = await everyPage(marieS, `c=${key}&${query}`);
				assert.strictEqual(got.total, want.length, query);
				assert.strictEqual(new Set(got.uids).size, got.uids.length, `${query}: a member shown twice`);
				assert.deepStrictEqual([...got.uids].sort((a, b) => a - b), [...want].sort((a, b) => a - b), query);
				const rankings = got.uids.map(uid => rankingOf(scoreOf(made.get(uid) ?? store.emptyProfile())));
				assert.ok(rankings.every((r, i) => i === 0 || r <= (rankings[i - 1] ?? r)), `${query}: level, availability and advice rank first`);
			}
			// a save changes the count at once (the histogram of the index is rebuilt), and the searcher is not counted
			const [firstUid, first] = [...made].find(([, p]) => p.languages.includes('nl')) ?? [0, store.emptyProfile()];
			const moved = { ...first, languages: ['de' as const], updatedAt: Date.now() };
			await store.writeProfile(firstUid, moved);
			await profiles.reindex(firstUid, first, moved);
			const before = [...made.values()].filter(p => p.languages.includes('nl')).length;
			assert.strictEqual((await find(marieS, `c=${key}&language=nl`)).total, before - 1);
			assert.ok((await everyPage(marieS, `c=${key}&language=de`)).uids.includes(firstUid));
			const viewer = await createUser('kijker', { member: true });
			const viewerS = await loginAs(viewer);
			await save(viewerS, viewer.uid, { competences: [{ key, level: 'expert', roles: ['advice'] }], languages: ['nl'] });
			assert.strictEqual((await find(marieS, `c=${key}&language=nl`)).total, before);
			assert.strictEqual((await find(viewerS, `c=${key}&language=nl`)).total, before - 1);
			assert.strictEqual((await find(viewerS, `c=${key}`)).total, made.size);
			assert.strictEqual((await find(marieS, `c=${key}`)).total, made.size + 1);
		});

		it('renders the directory and a competence page in Dutch and French', async () => {
			const nl = await marieS.get('/wie-weet-wat?c=law.labour&lang=nl', { accept: 'text/html' });
			assert.strictEqual(nl.status, 200);
			assert.match(nl.text, /Wie weet wat\?/);
			assert.match(nl.text, /Arbeidsrecht/);
			const fr = await marieS.get('/wie-weet-wat/law.labour?lang=fr', { accept: 'text/html' });
			assert.strictEqual(fr.status, 200);
			assert.match(fr.text, /Droit du travail/);
		});
	});

	describe('members only', () => {
		it('refuses guests and unverified accounts on every competence route', async () => {
			const outsider = await loginAs(await createUser('buiten'));
			const slug = String(await nodebb.user().getUserField(an.uid, 'userslug'));
			for (const [s, status] of [[guest(), 401], [outsider, 403]] as const) {
				for (const path of [`${API}/directory?c=law.labour`, `${API}/competences?q=recht`, `${API}/profiles/${String(an.uid)}`]) {
					const res = await s.get(path);
					assert.strictEqual(res.status, status, `${path}: ${String(res.status)}`);
					assert.ok(!res.text.includes('Advocaat'));
				}
			}
			const page = await outsider.get(`/api/user/${slug}/competenties`);
			assert.ok([401, 403, 404].includes(page.status), `profile tab: ${String(page.status)}`);
			const userApi = await outsider.get(`/api/user/${slug}`);
			assert.ok(!userApi.text.includes('Advocaat') && !userApi.text.includes('law.labour'), 'nothing in NodeBB\'s user API');
		});
	});

	describe('proposals and merges', () => {
		it('a member proposes a missing competence; the admin approves it and the member is told', async () => {
			const res = await anS.post<Envelope<{ id: number }>>(`${API}/proposals`, { label: 'Maritiem recht', domain: 'law', note: 'Scheepvaart' });
			assert.strictEqual(res.status, 200, res.text);
			const approved = await adminS.post(`${API}/proposals/${String(res.body.response.id)}/approve`, { key: 'law.maritime', domain: 'law', nl: 'Maritiem recht', fr: 'Droit maritime', en: 'Maritime law' });
			assert.strictEqual(approved.status, 200, approved.text);
			assert.ok(taxonomy.competence(await taxonomy.get(), 'law.maritime'));
			await notificationArrives(an.uid, 'lvl:proposal:');
		});

		it('merging two competences moves every member\'s entry along', async () => {
			await adminS.put(`${API}/taxonomy/competences/law.dup`, { domain: 'law', nl: 'Dubbel', fr: 'Doublon', en: 'Duplicate' });
			await save(marieS, marie.uid, { competences: [{ key: 'ict.cybersecurity', level: 'expert', roles: ['talk'] }, { key: 'law.dup', level: 'experienced', roles: [] }] });
			const merged = await adminS.post<Envelope<{ moved: number }>>(`${API}/taxonomy/competences/law.dup/merge`, { into: 'law.maritime' });
			assert.strictEqual(merged.status, 200, merged.text);
			assert.strictEqual(merged.body.response.moved, 1);
			assert.ok((await find(anS, 'c=law.maritime')).results.some(r => r.uid === marie.uid));
			const own = await marieS.get<Envelope<ProfileView>>(`${API}/profiles/${String(marie.uid)}`);
			assert.deepStrictEqual(own.body.response.competences.map(c => c.key).sort(), ['ict.cybersecurity', 'law.maritime']);
			// a form opened before the merge still names the old competence: refused with a clear message
			const stale = await save(marieS, marie.uid, { competences: [{ key: 'law.dup', level: 'basic' }] });
			assert.strictEqual(stale.status, 400);
			assert.match((stale.body as unknown as Envelope).status.message, /no longer used/);
		});
	});

	describe('account deletion', () => {
		it('removes every trace of the member\'s competence data', async () => {
			const gone = await createUser('weg', { member: true });
			const s = await loginAs(gone);
			await save(s, gone.uid, { competences: [{ key: 'law.labour', level: 'expert', roles: ['advice'] }], languages: ['nl'], region: 'limburg', profession: 'Notaris', availability: 'available' });
			await s.post(`${API}/proposals`, { label: 'Iets nieuws', note: '' });
			await nodebb.user().delete(admin.uid, gone.uid);
			const u = String(gone.uid);
			const keys = await nodebb.db().scan({ match: 'lvl:*' });
			const leftovers: string[] = [];
			for (const key of keys) {
				if (key.endsWith(`:${u}`)) {
					leftovers.push(key);
					continue;
				}
				if (key.startsWith('lvl:dir:wp:')) {
					const words = await nodebb.db().getSortedSetRangeByLex(key, '-', '+');
					if (words.some(w => w.endsWith(`:${u}`))) {
						leftovers.push(key);
					}
				} else if (key.startsWith('lvl:dir:') || key === store.K.profiles) {
					const [inSet, inZset] = await Promise.all([nodebb.db().isSetMember(key, u).catch(() => false), nodebb.db().isSortedSetMember(key, u).catch(() => false)]);
					if (inSet || inZset) {
						leftovers.push(key);
					}
				} else if (key.startsWith('lvl:tax:proposal:')) {
					if (String(await nodebb.db().getObjectField(key, 'uid')) === u) {
						leftovers.push(key);
					}
				}
			}
			assert.deepStrictEqual(leftovers, []);
		});
	});
});
