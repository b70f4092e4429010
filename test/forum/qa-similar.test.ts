/**
 * Similar questions while asking, "me too" and the digest's section, inside NodeBB: members only, only what the
 * member may read, across languages; "me too" once per member, undone, counted for the asker and moderators only,
 * with NodeBB's follow; the digest section for members and nobody else.
 */
import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import { applyPlatformPrivileges } from '../../lib/platform/service';
import { demandOf, DEMAND_K } from '../../lib/qa/demand';
import type { EmailPayload } from '../../lib/qa/digest';
import { SIM_K } from '../../lib/qa/similar-store';
import { createCategory, createUser, eventually, guest, loginAs, saveProfile, type TestUser, unique } from '../support/forum';
import type { Envelope, Session } from '../support/http';

const API = '/api/v3/plugins/lvl';

interface Similar { tid: number; title: string; solved: boolean }
interface Demand { count: number | null; mine: boolean; can: boolean }

async function ask(s: Session, cid: number, title: string, competences: string[], content = 'Wie kan mij daarbij helpen? Alvast bedankt.'): Promise<{ tid: number; pid: number }> {
	const res = await s.post<Envelope<{ tid: number; mainPid: number }>>('/api/v3/topics', { cid, title, content, lvlType: 'question', lvlCompetences: competences });
	assert.strictEqual(res.status, 200, res.text);
	return { tid: res.body.response.tid, pid: res.body.response.mainPid };
}

async function similar(s: Session, query: Record<string, string>): Promise<{ status: number; list: Similar[] }> {
	const res = await s.get<Envelope<{ questions: Similar[] }>>(`${API}/qa/similar?${new URLSearchParams(query).toString()}`);
	return { status: res.status, list: res.status === 200 ? res.body.response.questions : [] };
}

const indexed = async (tid: number): Promise<boolean> => (await nodebb.db().sortedSetScore(SIM_K.docs, String(tid))) !== null;

describe('Q&A: similar questions while asking, "me too" and the digest', () => {
	let cid: number; let hidden: number;
	let saved: settings.Settings;
	let asker: TestUser; let askerS: Session;
	let other: TestUser; let otherS: Session;
	let third: TestUser; let thirdS: Session;
	let mod: TestUser; let modS: Session;
	let outsider: TestUser; let outsiderS: Session;
	let french: number;
	let dutch: number;
	let secret: number;
	// a made-up word keeps these questions apart from those of other test files in the shared database
	const word = `kwartelkoning${String(Date.now() % 100000)}`;

	before(async function () {
		this.timeout(60000);
		saved = await settings.get();
		[cid, hidden] = await Promise.all([createCategory(unique('Vragen ')), createCategory(unique('Bestuur ')), createCategory(unique('Los '))]);
		await settings.save({ platformCids: [...saved.platformCids, cid, hidden] });
		await applyPlatformPrivileges();
		// the board's category: members may not read it
		await nodebb.privileges().categories.rescind(['groups:topics:read', 'groups:read', 'groups:find'], hidden, saved.membersGroup);
		[asker, other, third] = await Promise.all([createUser('vrager', { member: true }), createUser('ookik', { member: true }), createUser('derde', { member: true })]);
		mod = await createUser('beheer', { admin: true, member: true });
		outsider = await createUser('buiten', {});
		[askerS, otherS, thirdS, modS, outsiderS] = await Promise.all([loginAs(asker), loginAs(other), loginAs(third), loginAs(mod), loginAs(outsider)]);
		await saveProfile(otherS, other.uid, [{ key: 'tax.personal', level: 'expert', roles: ['advice'] }]);
		({ tid: french } = await ask(askerS, cid, `Comment remplir sa déclaration d'impôts ${word} quand on est retraité ?`, ['tax.personal']));
		({ tid: dutch } = await ask(thirdS, cid, `Schenking van een woning ${word} aan de kinderen`, ['tax.estate-planning']));
		({ tid: secret } = await ask(modS, hidden, `Belastingaangifte ${word} van de voorzitter`, ['tax.personal']));
		await eventually(async () => (await indexed(french)) && (await indexed(dutch)) && indexed(secret), 'the questions indexed');
	});

	after(async () => {
		await settings.save({ platformCids: saved.platformCids });
	});

	describe('similar questions', () => {
		it('are for members only', async () => {
			assert.strictEqual((await similar(guest(), { title: `belastingaangifte ${word}`, cid: String(cid) })).status, 401);
			assert.strictEqual((await similar(outsiderS, { title: `belastingaangifte ${word}`, cid: String(cid) })).status, 403);
		});

		it('finds a question asked in French while a member types in Dutch, accents and case aside', async () => {
			const r = await similar(otherS, { title: `Mijn BELASTINGAANGIFTE ${word} invullen als gepensioneerde`, cid: String(cid), competences: 'tax.personal' });
			assert.strictEqual(r.status, 200);
			assert.ok(r.list.some(q => q.tid === french), JSON.stringify(r.list));
			const plain = await similar(otherS, { title: `declaration d'impots ${word.toUpperCase()}`, cid: String(cid) });
			assert.strictEqual(plain.list[0]?.tid, french, JSON.stringify(plain.list));
		});

		it('never shows a question the member may not read', async () => {
			const member = await similar(otherS, { title: `Belastingaangifte ${word} van de voorzitter`, cid: String(cid), competences: 'tax.personal' });
			assert.ok(!member.list.some(q => q.tid === secret), JSON.stringify(member.list));
			const admin = await similar(modS, { title: `Belastingaangifte ${word} van de voorzitter`, cid: String(cid), competences: 'tax.personal' });
			assert.ok(admin.list.some(q => q.tid === secret), 'the admin may read it, and finds it');
		});

		it('looks nothing up outside the platform\'s categories, nor for a too short title', async () => {
			const elsewhere = await createCategory(unique('Elders '));
			assert.deepStrictEqual((await similar(otherS, { title: `déclaration d'impôts ${word}`, cid: String(elsewhere) })).list, []);
			assert.deepStrictEqual((await similar(otherS, { title: 'impôt', cid: String(cid) })).list, []);
		});

		it('shows solved questions first', async () => {
			const { tid: open } = await ask(thirdS, cid, `Déclaration d'impôts ${word} en ligne bloquée`, ['tax.personal']);
			const res = await otherS.post<Envelope<{ pid: number }>>(`/api/v3/topics/${String(french)}`, { content: 'Via Tax-on-web, rubriek pensioenen.' });
			assert.strictEqual(res.status, 200, res.text);
			const accept = await askerS.put(`${API}/qa/topics/${String(french)}/accepted`, { pid: res.body.response.pid });
			assert.strictEqual(accept.status, 200, accept.text);
			await eventually(async () => indexed(open), 'the new question indexed');
			const r = await similar(otherS, { title: `Déclaration d'impôts ${word} en ligne bloquée`, cid: String(cid) });
			assert.deepStrictEqual(r.list.slice(0, 2).map(q => [q.tid, q.solved]), [[french, true], [open, false]]);
		});

		it('follows an edit of the question, and forgets a purged one', async () => {
			const edit = await thirdS.put(`/api/v3/posts/${String((await nodebb.topics().getTopicFields(dutch, ['mainPid'])).mainPid)}`, { title: `Tuinhuis ${word} zonder vergunning`, content: 'Mag dat zomaar?' });
			assert.strictEqual(edit.status, 200, edit.text);
			await eventually(async () => nodebb.db().isSortedSetMember(SIM_K.term('tuinhuis'), String(dutch)), 'the edited title indexed');
			assert.strictEqual(await nodebb.db().isSortedSetMember(SIM_K.term('schenking'), String(dutch)), false, 'the old words left');
			await nodebb.topics().purgePostsAndTopic(dutch, mod.uid);
			await eventually(async () => !await indexed(dutch), 'the purged question out of the index');
			assert.strictEqual(await nodebb.db().isSortedSetMember(SIM_K.term('tuinhuis'), String(dutch)), false);
		});
	});

	describe('"me too"', () => {
		let tid: number;

		before(async () => {
			({ tid } = await ask(askerS, cid, `Opzegtermijn ${word} na twintig jaar dienst`, ['law.labour']));
		});

		const topicPage = async (s: Session): Promise<Demand | undefined> => (await s.get<{ lvlDemand?: Demand }>(`/api/topic/${String(tid)}`)).body.lvlDemand;

		it('follows the question and counts once per member', async () => {
			assert.deepStrictEqual(await topicPage(otherS), { count: null, mine: false, can: true });
			const first = await otherS.put<Envelope<Demand>>(`${API}/qa/topics/${String(tid)}/demand`, {});
			assert.strictEqual(first.status, 200, first.text);
			assert.deepStrictEqual(first.body.response, { count: null, mine: true, can: true });
			const again = await otherS.put(`${API}/qa/topics/${String(tid)}/demand`, {});
			assert.strictEqual(again.status, 200, again.text);
			assert.strictEqual(await demandOf(tid), 1);
			assert.deepStrictEqual(await nodebb.topics().isFollowing([tid], other.uid), [true]);
			await thirdS.put(`${API}/qa/topics/${String(tid)}/demand`, {});
			assert.strictEqual(await demandOf(tid), 2);
		});

		it('shows the count to the asker and moderators, not to other members', async () => {
			assert.strictEqual((await topicPage(askerS))?.count, 2);
			assert.strictEqual((await topicPage(modS))?.count, 2);
			assert.strictEqual((await topicPage(otherS))?.count, null);
		});

		it('is refused on one\'s own question, for non-members and on what one may not read', async () => {
			const own = await askerS.put<Envelope>(`${API}/qa/topics/${String(tid)}/demand`, {});
			assert.strictEqual(own.status, 400);
			assert.match(own.body.status.message, /eigen vraag|own question/);
			assert.strictEqual((await outsiderS.put(`${API}/qa/topics/${String(tid)}/demand`, {})).status, 403);
			assert.strictEqual((await guest().put(`${API}/qa/topics/${String(tid)}/demand`, {})).status, 401);
			assert.notStrictEqual((await otherS.put(`${API}/qa/topics/${String(secret)}/demand`, {})).status, 200);
			assert.strictEqual(await demandOf(secret), 0);
		});

		it('raises the question in the unanswered list', async () => {
			const { tid: newer } = await ask(thirdS, cid, `Nieuwere vraag ${word} over huur`, ['real-estate.rental']);
			await eventually(async () => nodebb.db().isSortedSetMember('lvl:qa:unanswered', String(newer)), 'the newer question listed');
			const page = await otherS.get<Envelope<{ tids: number[] }>>(`${API}/qa/lists/unanswered`);
			assert.strictEqual(page.status, 200, page.text);
			const tids = page.body.response.tids;
			assert.ok(tids.indexOf(tid) >= 0 && tids.indexOf(tid) < tids.indexOf(newer), JSON.stringify(tids.slice(0, 10)));
			assert.strictEqual(new Set(tids).size, tids.length, 'no question twice');
		});

		it('is undone: no longer counted, no longer followed (a follow from before stays)', async () => {
			const undo = await otherS.del<Envelope<Demand>>(`${API}/qa/topics/${String(tid)}/demand`, {});
			assert.strictEqual(undo.status, 200, undo.text);
			assert.deepStrictEqual(undo.body.response, { count: null, mine: false, can: true });
			assert.strictEqual(await demandOf(tid), 1);
			assert.deepStrictEqual(await nodebb.topics().isFollowing([tid], other.uid), [false]);
			// the third member followed the question by themselves first
			await thirdS.del(`${API}/qa/topics/${String(tid)}/demand`, {});
			await nodebb.topics().follow(tid, third.uid);
			await thirdS.put(`${API}/qa/topics/${String(tid)}/demand`, {});
			await thirdS.del(`${API}/qa/topics/${String(tid)}/demand`, {});
			assert.deepStrictEqual(await nodebb.topics().isFollowing([tid], third.uid), [true]);
			assert.strictEqual(await demandOf(tid), 0);
			assert.strictEqual(await nodebb.db().sortedSetScore(DEMAND_K.questions, String(tid)), null);
		});
	});

	describe('the digest', () => {
		const digest = (uid: number): EmailPayload => ({ template: 'digest', uid, html: '<table><tr><td>x</td></tr><tr><td><!-- Button : BEGIN --></td></tr></table>', plaintext: 'x' });

		it('gets a section with open questions in the member\'s competences that they may read, in their language', async () => {
			await nodebb.db().setObjectField(`user:${String(other.uid)}:settings`, 'userLang', 'fr');
			const { tid } = await ask(thirdS, cid, `Question IPP ${word} pour le digest`, ['tax.personal']);
			await eventually(async () => nodebb.db().isSortedSetMember('lvl:qa:c:tax.personal:open', String(tid)), 'the question listed');
			const out = await nodebb.hooks().fire('filter:email.modify', digest(other.uid)) as EmailPayload;
			assert.match(String(out.html), /Questions auxquelles vous pouvez répondre/);
			assert.match(String(out.html), new RegExp(`Question IPP ${word} pour le digest`));
			assert.ok(!String(out.html).includes(`/topic/${String(secret)}/`), 'not the question the member may not read');
			assert.ok(String(out.html).indexOf('data-lvl="digest-questions"') < String(out.html).indexOf('Button : BEGIN'), 'before the button');
			assert.match(String(out.plaintext), /Question IPP/);
		});

		it('has no such section for someone who is not a member, nor in other e-mails', async () => {
			// a former member keeps a profile with the competence, and gets no section
			await saveProfile(thirdS, third.uid, [{ key: 'tax.personal', level: 'expert', roles: ['advice'] }]);
			await nodebb.groups().leave(saved.membersGroup, third.uid);
			try {
				const out = await nodebb.hooks().fire('filter:email.modify', digest(outsider.uid)) as EmailPayload;
				assert.ok(!String(out.html).includes('digest-questions'));
				const former = await nodebb.hooks().fire('filter:email.modify', digest(third.uid)) as EmailPayload;
				assert.ok(!String(former.html).includes('digest-questions'), 'no longer a member: no section');
			} finally {
				await nodebb.groups().join(saved.membersGroup, third.uid);
			}
			const other2 = await nodebb.hooks().fire('filter:email.modify', { ...digest(other.uid), template: 'notification' }) as EmailPayload;
			assert.ok(!String(other2.html).includes('digest-questions'));
		});
	});
});
