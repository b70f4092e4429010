/**
 * Security #12, low findings in the directory, Q&A and uploads: each test is the attack, and what must come of it.
 */
import assert from 'assert';
import fs from 'fs';
import os from 'os';
import path from 'path';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import * as directory from '../../../lib/competences/directory';
import * as charter from '../../../lib/engagement/charter';
import { K as competenceKeys } from '../../../lib/competences/store';
import { applyPlatformPrivileges } from '../../../lib/platform/service';
import { createCategory, createUser, eventually, loginAs, saveProfile, type TestUser, unique } from '../../support/forum';
import type { Envelope, Session } from '../../support/http';

const API = '/api/v3/plugins/lvl';
const MULTER_NAME = /^[0-9a-f]{32}$/;

describe('Security: low findings in the directory, Q&A and uploads (#12)', () => {
	let cid: number; let hiddenCid: number;
	let admin: TestUser; let adminS: Session;
	let asker: TestUser; let askerS: Session;
	let saved: Pick<settings.Settings, 'platformCids' | 'qaDirectRequests'>;

	async function question(s: Session, inCid = cid): Promise<{ tid: number; mainPid: number }> {
		const q = await s.post<Envelope<{ tid: number; mainPid: number }>>('/api/v3/topics', { cid: inCid, title: unique('Vraag over erfrecht '), content: 'Hoe werkt een schenking?', lvlType: 'question', lvlCompetences: ['law.family'] });
		assert.strictEqual(q.status, 200, q.text);
		return q.body.response;
	}

	before(async function () {
		this.timeout(60000);
		const s = await settings.get();
		saved = { platformCids: s.platformCids, qaDirectRequests: s.qaDirectRequests };
		[cid, hiddenCid] = await Promise.all([createCategory(unique('Laag ')), createCategory(unique('Bestuur '))]);
		await settings.save({ platformCids: [...s.platformCids, cid, hiddenCid], qaDirectRequests: 3 });
		await applyPlatformPrivileges();
		for (const c of [cid, hiddenCid]) {
			await nodebb.db().setObjectField('lvl:qa:categories', String(c), JSON.stringify({ types: ['question', 'discussion'], default: 'question' }));
		}
		// the board's category (a platform category, so its questions are Q&A): nobody but admins reads it
		await nodebb.privileges().categories.rescind(['groups:find', 'groups:read', 'groups:topics:read'], hiddenCid, ['registered-users', 'guests', 'spiders', s.membersGroup]);
		admin = await createUser('laagbeheer', { admin: true, member: true });
		asker = await createUser('laagvrager', { member: true });
		assert.strictEqual(await nodebb.privileges().categories.can('topics:read', hiddenCid, asker.uid), false);
		[adminS, askerS] = await Promise.all([loginAs(admin), loginAs(asker)]);
		// a charter in force (other suites publish one) sends whoever has not accepted it to the charter step
		const version = (await charter.current())?.version ?? 0;
		if (version) {
			for (const sess of [adminS, askerS]) {
				assert.strictEqual((await sess.post(`${API}/engagement/charter/accept`, { version })).status, 200);
			}
		}
	});

	after(async () => {
		await settings.save(saved);
	});

	describe('the directory', () => {
		it('clamps a huge page number instead of reading every profile for it', async () => {
			const res = await askerS.get<Envelope<{ page: number }>>(`${API}/directory?page=1000000000`);
			assert.strictEqual(res.status, 200, res.text);
			assert.strictEqual(res.body.response.page, 50);
			const comp = await askerS.get('/wie-weet-wat/law.family?page=99999999', { accept: 'text/html' });
			assert.strictEqual(comp.status, 200);
		});

		it('keeps a bounded number of index copies, whatever keys searches name', async function () {
			this.timeout(60000);
			for (let i = 0; i < directory.MAX_COPIES + 20; i += 1) {
				await directory.byCompetence(`nergens.${String(i)}`, asker.uid, 1);
			}
			assert.ok(directory.copiesHeld() <= directory.MAX_COPIES, String(directory.copiesHeld()));
		});

		it('does not find a member by a full name NodeBB hides from other members; does once they show it', async () => {
			// the site lets members show their full name (NodeBB 4.15's default hides every full name, whatever the member says)
			const wasHidden = nodebb.meta().config.hideFullname;
			await nodebb.meta().configs.setMultiple({ hideFullname: 0 });
			try {
				await hiddenThenShown();
			} finally {
				await nodebb.meta().configs.setMultiple({ hideFullname: Number(wasHidden) || 0 });
			}
		});

		async function hiddenThenShown(): Promise<void> {
			const hidden = await createUser('naamloos', { member: true });
			const hiddenS = await loginAs(hidden);
			await nodebb.user().setUserField(hidden.uid, 'fullname', 'Zebulon Quaxleyson');
			await nodebb.db().setObjectField(`user:${String(hidden.uid)}:settings`, 'showfullname', 0);
			await saveProfile(hiddenS, hidden.uid, [{ key: 'law.family', level: 'expert', roles: [] }]);
			const search = async (): Promise<number[]> => (await askerS.get<Envelope<{ results: { uid: number }[] }>>(`${API}/directory?q=Quaxleyson`)).body.response.results.map(r => r.uid);
			assert.deepStrictEqual(await search(), [], 'a hidden full name is no search term');
			assert.ok(!(await nodebb.db().getSetMembers(competenceKeys.wordsOf(hidden.uid))).includes('quaxleyson'));
			const shown = await hiddenS.put(`/api/v3/users/${String(hidden.uid)}/settings`, { settings: { showfullname: 1 } });
			assert.strictEqual(shown.status, 200, shown.text);
			await eventually(async () => (await search()).includes(hidden.uid), 'the full name indexed once shown');
		}
	});

	describe('Q&A', () => {
		it('refuses the asker accepting their own reply, with a translated error', async () => {
			const q = await question(askerS);
			const reply = await askerS.post<Envelope<{ pid: number }>>(`/api/v3/topics/${String(q.tid)}`, { content: 'Ik heb het zelf gevonden.' });
			assert.strictEqual(reply.status, 200, reply.text);
			const res = await askerS.put(`${API}/qa/topics/${String(q.tid)}/accepted?lang=nl`, { pid: reply.body.response.pid });
			assert.strictEqual(res.status, 400);
			assert.match(res.text, /vraagsteller zelf/);
			assert.ok(!await nodebb.db().getObjectField(`post:${String(reply.body.response.pid)}`, 'lvlAccepted'));
		});

		it('withdrawing and asking again reaches at most twice the open limit of members for one question', async function () {
			this.timeout(60000);
			const q = await question(askerS);
			const helpers = await Promise.all(Array.from({ length: 8 }, () => createUser('laaghelper', { member: true })));
			for (const h of helpers) {
				await saveProfile(await loginAs(h), h.uid, [{ key: 'law.family', level: 'experienced', roles: [] }]);
			}
			const statuses: number[] = [];
			let last = '';
			for (const h of helpers) {
				const res = await askerS.post<Envelope<{ id: number }>>(`${API}/qa/requests?lang=nl`, { uid: h.uid, tid: q.tid });
				statuses.push(res.status);
				last = res.text;
				if (res.status === 200) {
					assert.strictEqual((await askerS.del(`${API}/qa/requests/${String(res.body.response.id)}`)).status, 200);
				}
			}
			assert.deepStrictEqual(statuses, [200, 200, 200, 200, 200, 200, 400, 400]);
			assert.match(last, /al aan 6 leden/);
		});

		it('counts in list totals and figures only the questions the reader may read', async () => {
			await question(askerS);
			const totals = async (): Promise<number[]> => Promise.all([
				askerS.get<Envelope<{ total: number }>>(`${API}/qa/lists/unanswered`).then(r => r.body.response.total),
				adminS.get<Envelope<{ total: number }>>(`${API}/qa/lists/unanswered`).then(r => r.body.response.total),
				askerS.get<Envelope<{ questions: number }>>(`${API}/qa/stats?scope=c:law.family`).then(r => r.body.response.questions),
				adminS.get<Envelope<{ questions: number }>>(`${API}/qa/stats?scope=c:law.family`).then(r => r.body.response.questions),
				askerS.get<Envelope<{ questions: number }>>(`${API}/qa/stats?scope=all`).then(r => r.body.response.questions),
				adminS.get<Envelope<{ questions: number }>>(`${API}/qa/stats?scope=all`).then(r => r.body.response.questions),
			]);
			// the first question's figures are kept as NodeBB's after-post hooks run: take the baseline once they settled
			const [a0, b0, c0, d0, e0, f0] = await eventually(async () => {
				const first = await totals();
				await new Promise(r => setTimeout(r, 250));
				return JSON.stringify(first) === JSON.stringify(await totals()) ? first : null;
			}, 'the figures to settle');
			const hiddenQ = await question(adminS, hiddenCid);
			const list = await askerS.get<Envelope<{ tids: number[] }>>(`${API}/qa/lists/unanswered`);
			assert.ok(!list.body.response.tids.includes(hiddenQ.tid));
			// the board's new question counts for the admin, never for a member who cannot read it
			const after = await eventually(async () => {
				const t = await totals();
				return t[1] === (b0 ?? 0) + 1 && t[3] === (d0 ?? 0) + 1 && t[5] === (f0 ?? 0) + 1 ? t : null;
			}, 'the admin\'s counts to include the new question');
			assert.deepStrictEqual(after, [a0, (b0 ?? 0) + 1, c0, (d0 ?? 0) + 1, e0, (f0 ?? 0) + 1]);
		});
	});

	describe('competence proposals', () => {
		it('holds the limit of 5 pending proposals when a member sends 12 at once', async () => {
			const proposer = await createUser('laagvoorsteller', { member: true });
			const s = await loginAs(proposer);
			const results = await Promise.all(Array.from({ length: 12 }, (_, i) => s.post(`${API}/proposals`, { label: unique(`Imkerij ${String(i)} `) })));
			const passed = results.filter(r => r.status === 200).length;
			// never more than the limit; when all twelve land at once each may see the others and refuse itself (safe)
			assert.ok(passed <= 5, `${String(passed)} proposals passed`);
			const pendingOf = async (): Promise<number> => {
				const pending = await nodebb.db().getSortedSetRange(competenceKeys.pendingProposals, 0, -1);
				return (await nodebb.db().getObjects(pending.map(id => competenceKeys.proposal(Number(id))))).filter(p => Number(p?.uid) === proposer.uid).length;
			};
			assert.ok(await pendingOf() <= 5, `${String(await pendingOf())} pending`);
			// and the burst leaves the member able to propose again, up to the limit
			const next = await s.post(`${API}/proposals`, { label: unique('Imkerij daarna ') });
			assert.strictEqual(next.status, passed < 5 ? 200 : 400, next.text);
			assert.ok(await pendingOf() <= 5);
		});
	});

	describe('uploads', () => {
		function multerFiles(): Set<string> {
			return new Set(fs.readdirSync(os.tmpdir()).filter(f => MULTER_NAME.test(f)));
		}

		function leftWith(marker: string, before: Set<string>): string[] {
			const now = [...multerFiles()].filter(f => !before.has(f));
			return now.filter((f) => {
				try {
					return fs.readFileSync(path.join(os.tmpdir(), f), 'utf8').includes(marker);
				} catch {
					return false;
				}
			});
		}

		async function post(s: Session, url: string, files: number, marker: string): Promise<number> {
			const form = new FormData();
			for (let i = 0; i < files; i += 1) {
				form.append(`file${String(i)}`, new Blob([`Lidnummer;Naam\n1;${marker}\n`]), 'leden.csv');
			}
			return (await s.request('POST', url, form)).status;
		}

		it('removes the temporary files of a refused roster or taxonomy upload, and of every extra file', async () => {
			const before = multerFiles();
			const marker = unique('tijdelijk');
			assert.strictEqual(await post(askerS, `${API}/roster/imports`, 2, marker), 403, 'a member may not import the roster');
			assert.strictEqual(await post(askerS, `${API}/taxonomy/import`, 1, marker), 403);
			assert.strictEqual(await post(adminS, `${API}/taxonomy/import`, 3, marker), 400, 'not a taxonomy');
			await eventually(() => Promise.resolve(leftWith(marker, before).length === 0), 'no temporary file left');
		});
	});
});
