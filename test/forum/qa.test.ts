import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import { applyPlatformPrivileges } from '../../lib/platform/service';
import { K } from '../../lib/qa/store';
import { createCategory, saveProfile, createUser, eventually, guest, loginAs, notificationArrives, type TestUser, unique } from '../support/forum';
import type { Envelope, Session } from '../support/http';

const API = '/api/v3/plugins/lvl';

interface QaTopic { tid: number; type: string; status: string; competences: string[]; accepted: number[]; routed: number }
interface ListPage { tids: number[]; total: number; topics: { tid: number; icons: unknown[] }[] }

async function ask(s: Session, cid: number, body: Record<string, unknown>): Promise<{ status: number; tid: number; pid: number; text: string }> {
	const res = await s.post<Envelope<{ tid: number; mainPid: number }>>('/api/v3/topics', { cid, title: unique('Vraag over arbeidsrecht '), content: 'Mag mijn werkgever mij zomaar ontslaan na twintig jaar dienst?', ...body });
	return { status: res.status, tid: res.status === 200 ? res.body.response.tid : 0, pid: res.status === 200 ? res.body.response.mainPid : 0, text: res.text };
}

async function reply(s: Session, tid: number, content = 'Dat hangt af van de opzegtermijn en de motivering; kijk naar cao 109.'): Promise<number> {
	const res = await s.post<Envelope<{ pid: number }>>(`/api/v3/topics/${String(tid)}`, { content });
	assert.strictEqual(res.status, 200, res.text);
	return res.body.response.pid;
}

async function qa(s: Session, tid: number): Promise<QaTopic> {
	const res = await s.get<Envelope<QaTopic>>(`${API}/qa/topics/${String(tid)}`);
	assert.strictEqual(res.status, 200, res.text);
	return res.body.response;
}

async function list(s: Session, name: string): Promise<ListPage> {
	const res = await s.get<Envelope<ListPage>>(`${API}/qa/lists/${name}`);
	assert.strictEqual(res.status, 200, res.text);
	return res.body.response;
}

describe('Q&A: topic types, accepted answers and routing', () => {
	let cid: number; let questionsOnly: number;
	let asker: TestUser; let askerS: Session;
	let expert: TestUser; let expertS: Session;
	let basic: TestUser; let basicS: Session;
	let paused: TestUser; let pausedS: Session;
	let mod: TestUser; let modS: Session;
	let outsider: TestUser; let outsiderS: Session;

	before(async function () {
		this.timeout(60000);
		[cid, questionsOnly] = await Promise.all([createCategory(unique('Vragen ')), createCategory(unique('Alleen vragen '))]);
		await settings.save({ platformCids: [...(await settings.get()).platformCids, cid, questionsOnly], qaRouteCount: 2, qaWeeklyCap: 3 });
		await applyPlatformPrivileges();
		[asker, expert, basic, paused] = await Promise.all([createUser('vrager', { member: true }), createUser('expert', { member: true }), createUser('beginner', { member: true }), createUser('pauze', { member: true })]);
		mod = await createUser('moderator', { admin: true, member: true });
		outsider = await createUser('buiten', {});
		[askerS, expertS, basicS, pausedS, modS, outsiderS] = await Promise.all([loginAs(asker), loginAs(expert), loginAs(basic), loginAs(paused), loginAs(mod), loginAs(outsider)]);
		const put = await modS.put<Envelope<{ types: string[] }>>(`${API}/qa/categories/${String(questionsOnly)}`, { types: ['question'], default: 'question' });
		assert.strictEqual(put.status, 200, put.text);
		await saveProfile(expertS, expert.uid, [{ key: 'law.family', level: 'expert', roles: ['advice'] }]);
		await saveProfile(basicS, basic.uid, [{ key: 'law.family', level: 'basic', roles: [] }, { key: 'tax.vat', level: 'experienced', roles: ['advice'] }]);
		await saveProfile(pausedS, paused.uid, [{ key: 'law.family', level: 'expert', roles: ['advice', 'mentoring'] }]);
		await saveProfile(askerS, asker.uid, [{ key: 'law.family', level: 'expert', roles: ['advice'] }]);
		const pause = await pausedS.put<Envelope<{ paused: boolean }>>(`${API}/qa/me/routing`, { paused: true });
		assert.strictEqual(pause.body.response.paused, true);
	});

	describe('categories and the composer', () => {
		it('the admin sets which types a category allows; bad settings are refused', async () => {
			const cfg = await askerS.get<Envelope<{ qa: boolean; types: string[]; default: string }>>(`${API}/qa/categories/${String(questionsOnly)}`);
			assert.deepStrictEqual([cfg.body.response.qa, cfg.body.response.types, cfg.body.response.default], [true, ['question'], 'question']);
			const bad = await modS.put(`${API}/qa/categories/${String(cid)}`, { types: ['offer'], default: 'question' });
			assert.strictEqual(bad.status, 400);
			assert.match(bad.text, /standaardtype|default type/i);
			const notAdmin = await askerS.put(`${API}/qa/categories/${String(cid)}`, { types: ['question'], default: 'question' });
			assert.strictEqual(notAdmin.status, 403);
		});

		it('refuses a question without a competence, with an unknown one, or a type the category does not allow', async () => {
			const none = await ask(askerS, cid, { lvlType: 'question', lvlCompetences: [] });
			assert.strictEqual(none.status, 400, none.text);
			assert.match(none.text, /competentie|competence/i);
			const unknown = await ask(askerS, cid, { lvlType: 'question', lvlCompetences: ['law.does-not-exist'] });
			assert.strictEqual(unknown.status, 400);
			const offer = await ask(askerS, questionsOnly, { lvlType: 'offer', lvlCompetences: ['law.family'] });
			assert.strictEqual(offer.status, 400);
			const plain = await ask(askerS, questionsOnly, {});
			assert.strictEqual(plain.status, 400, 'a questions-only category wants the competences of a question');
		});

		it('a topic posted without a type in a mixed category is a discussion', async () => {
			const plain = await ask(askerS, cid, {});
			assert.strictEqual(plain.status, 200, plain.text);
			assert.strictEqual((await qa(askerS, plain.tid)).type, 'discussion');
		});

		it('counts the members who could help while the member writes', async () => {
			const res = await askerS.get<Envelope<{ count: number }>>(`${API}/qa/helpers?c=law.family`);
			assert.strictEqual(res.body.response.count, 3, 'expert, beginner and the paused member; never the asker');
		});
	});

	describe('a question, its answers and the accepted one', () => {
		let tid: number; let mainPid: number; let answerPid: number; let otherPid: number;

		it('routes a new question to the best matching members: never the asker, never a paused member', async () => {
			const q = await ask(askerS, cid, { lvlType: 'question', lvlCompetences: ['law.family'] });
			assert.strictEqual(q.status, 200, q.text);
			({ tid, pid: mainPid } = q);
			const routed = await eventually(async () => {
				const uids = (await nodebb.db().getSortedSetRange(K.routedFor(tid), 0, -1)).map(Number);
				return uids.length ? uids : null;
			}, 'routing');
			assert.deepStrictEqual(routed.sort(), [expert.uid, basic.uid].sort());
			const n = await notificationArrives(expert.uid, `lvl:qa:routed:${String(tid)}`);
			assert.strictEqual(n.path, `/topic/${String(tid)}`);
			const t = await qa(askerS, tid);
			assert.deepStrictEqual([t.type, t.status, t.competences], ['question', 'open', ['law.family']]);
			assert.ok((await list(askerS, 'unanswered')).tids.includes(tid));
			assert.ok((await list(expertS, 'for-you')).tids.includes(tid), 'open questions in my competences');
			assert.ok(!(await list(askerS, 'for-you')).tids.includes(tid), 'never my own');
			assert.ok((await list(askerS, 'mine')).tids.includes(tid));
		});

		it('shows the type and status as badges in topic lists', async () => {
			const page = await list(askerS, 'unsolved');
			const topic = page.topics.find(t => t.tid === tid);
			assert.ok(topic, 'in the unsolved list');
			// HTML on NodeBB 4.11, Harmony's label objects from 4.14: the classes are in either
			const icons = topic.icons.map(i => JSON.stringify(i));
			assert.ok(icons.some(i => i.includes('lvl-type-question')) && icons.some(i => i.includes('lvl-status-open')));
			const cat = await askerS.get<{ topics: { tid: number }[] }>(`/api/category/${String(cid)}?lvlType=question`);
			assert.ok(cat.body.topics.some(t => t.tid === tid));
			assert.ok(cat.body.topics.every(t => t.tid !== (tid - 1)), 'the discussion is filtered out');
		});

		it('a reply takes the question off the unanswered list', async () => {
			answerPid = await reply(expertS, tid);
			otherPid = await reply(basicS, tid, 'Ik weet het niet zeker, maar vraag raad aan een vakbond.');
			await eventually(async () => !(await list(askerS, 'unanswered')).tids.includes(tid), 'unanswered list update');
			assert.ok(!(await list(expertS, 'for-you')).tids.includes(tid), 'no longer "for you" once I answered');
		});

		it('refuses an accept by someone else than the asker, of the question itself, or of a post from another topic', async () => {
			const stranger = await basicS.put(`${API}/qa/topics/${String(tid)}/accepted`, { pid: answerPid });
			assert.strictEqual(stranger.status, 400);
			assert.match(stranger.text, /vraag stelde|asker/i);
			const itself = await askerS.put(`${API}/qa/topics/${String(tid)}/accepted`, { pid: mainPid });
			assert.match(itself.text, /vraag zelf|question itself/i);
			const other = await ask(askerS, cid, { lvlType: 'question', lvlCompetences: ['tax.vat'] });
			const elsewhere = await reply(expertS, other.tid);
			const wrong = await askerS.put(`${API}/qa/topics/${String(tid)}/accepted`, { pid: elsewhere });
			assert.match(wrong.text, /hoort niet|does not belong/i);
			const nonMember = await outsiderS.put(`${API}/qa/topics/${String(tid)}/accepted`, { pid: answerPid });
			assert.strictEqual(nonMember.status, 403);
			assert.deepStrictEqual((await qa(askerS, tid)).accepted, []);
		});

		it('the asker accepts an answer: status, counts per competence, a topic event and the answerer told', async () => {
			const res = await askerS.put<Envelope<QaTopic>>(`${API}/qa/topics/${String(tid)}/accepted`, { pid: answerPid });
			assert.strictEqual(res.status, 200, res.text);
			const t = await qa(askerS, tid);
			assert.deepStrictEqual([t.status, t.accepted], ['solved', [answerPid]]);
			const counts = await expertS.get<Envelope<Record<string, number>>>(`${API}/qa/members/${String(expert.uid)}/counts`);
			assert.strictEqual(counts.body.response.accepted, 1);
			assert.strictEqual(counts.body.response['c:law.family'], 1);
			assert.ok((counts.body.response.answered ?? 0) >= 1);
			await notificationArrives(expert.uid, `lvl:qa:accepted:${String(answerPid)}`);
			const events = await nodebb.db().getSortedSetRange(`topic:${String(tid)}:events`, 0, -1);
			const types = await Promise.all(events.map(id => nodebb.db().getObjectField(`topicEvent:${id}`, 'type')));
			assert.ok(types.includes('lvl-accepted'));
			assert.ok((await list(askerS, 'solved')).tids.includes(tid));
			assert.ok(!(await list(askerS, 'unsolved')).tids.includes(tid));
			const second = await askerS.put(`${API}/qa/topics/${String(tid)}/accepted`, { pid: otherPid });
			assert.match(second.text, /al een aanvaard|already has an accepted/i, 'one accepted answer by default');
			const page = await askerS.get<{ icons: unknown[]; lvlQa: { accepted: number[]; canAccept: boolean } }>(`/api/topic/${String(tid)}`);
			assert.ok(page.body.icons.some(i => JSON.stringify(i).includes('lvl-status-solved')), 'the topic page shows it solved');
			assert.deepStrictEqual(page.body.lvlQa.accepted, [answerPid]);
			assert.strictEqual(page.body.lvlQa.canAccept, true);
		});

		it('undo and accept at the same moment from two sessions leave one consistent state', async () => {
			const [a, b] = await Promise.all([
				askerS.del(`${API}/qa/topics/${String(tid)}/accepted/${String(answerPid)}`),
				modS.del(`${API}/qa/topics/${String(tid)}/accepted/${String(answerPid)}`),
			]);
			assert.deepStrictEqual([a.status, b.status].filter(s => s === 200).length, 1, `${a.text} ${b.text}`);
			const t = await qa(askerS, tid);
			assert.deepStrictEqual([t.status, t.accepted], ['open', []]);
			const counts = await expertS.get<Envelope<Record<string, number>>>(`${API}/qa/members/${String(expert.uid)}/counts`);
			assert.strictEqual(counts.body.response.accepted, 0);
			assert.strictEqual(await nodebb.db().getObjectField(`post:${String(answerPid)}`, 'lvlAccepted'), null);
		});

		it('a moderator accepts for the asker, who is told', async () => {
			const res = await modS.put(`${API}/qa/topics/${String(tid)}/accepted`, { pid: otherPid });
			assert.strictEqual(res.status, 200, res.text);
			await notificationArrives(asker.uid, `lvl:qa:accepted-for:${String(otherPid)}`);
		});

		it('refuses to change the type of a question that has answers', async () => {
			const res = await askerS.put(`${API}/qa/topics/${String(tid)}/type`, { lvlType: 'discussion' });
			assert.match(res.text, /antwoorden|replies/i);
			assert.strictEqual((await qa(askerS, tid)).type, 'question');
		});

		it('purging the accepted post undoes the acceptance and its counts', async () => {
			await nodebb.posts().purge(otherPid, mod.uid);
			await eventually(async () => (await qa(askerS, tid)).accepted.length === 0, 'accepted answer undone');
			const counts = await basicS.get<Envelope<Record<string, number>>>(`${API}/qa/members/${String(basic.uid)}/counts`);
			assert.strictEqual(counts.body.response.accepted, 0);
			assert.strictEqual((await qa(askerS, tid)).status, 'open');
		});

		it('moving a question into a category that does not allow questions puts it back', async () => {
			const cfg = await modS.put(`${API}/qa/categories/${String(cid)}`, { types: ['question', 'discussion'], default: 'question' });
			assert.strictEqual(cfg.status, 200);
			const offers = await createCategory(unique('Aanbod '));
			await settings.save({ platformCids: [...(await settings.get()).platformCids, offers] });
			await applyPlatformPrivileges();
			await modS.put(`${API}/qa/categories/${String(offers)}`, { types: ['offer', 'wanted'], default: 'offer' });
			const res = await modS.put(`/api/v3/topics/${String(tid)}/move`, { cid: offers });
			assert.strictEqual(res.status, 200, res.text);
			await eventually(async () => String((await nodebb.topics().getTopicFields(tid, ['cid'])).cid) === String(cid), 'the move undone');
			await notificationArrives(mod.uid, `lvl:qa:moved-back:${String(tid)}`);
		});

		it('purging the topic removes it from every list and figure, and the counts follow', async () => {
			const before = (await nodebb.db().getObject(K.counts(asker.uid))) ?? {};
			await nodebb.topics().purgePostsAndTopic(tid, mod.uid);
			await eventually(async () => !(await nodebb.db().isSortedSetMember(K.mine(asker.uid), String(tid))), 'lists cleaned');
			const leftovers = async (): Promise<string[]> => {
				const left: string[] = [];
				for (const key of await nodebb.db().scan({ match: 'lvl:qa:*' })) {
					// the topic's own keys by name (per-member keys can end in the same number: uids and tids both start at 1
					// on a fresh forum), every other key by membership
					if ([K.answerers(tid), K.routedFor(tid), K.requestsFor(tid), K.promise(tid), K.declined(tid)].includes(key) || await nodebb.db().isSortedSetMember(key, String(tid)).catch(() => false)) {
						left.push(key);
					}
				}
				return left;
			};
			// NodeBB does not wait for its action hooks: the clean-up finishes a moment after the purge
			await eventually(async () => (await leftovers()).length === 0, 'no key left').catch(() => null);
			assert.deepStrictEqual(await leftovers(), []);
			const after = (await nodebb.db().getObject(K.counts(asker.uid))) ?? {};
			assert.strictEqual(Number(after.asked), Number(before.asked) - 1);
			const expertCounts = (await nodebb.db().getObject(K.counts(expert.uid))) ?? {};
			assert.strictEqual(Number(expertCounts.accepted ?? 0), 0);
		});
	});

	describe('offers and wanted posts', () => {
		it('open, then fulfilled by the author; nobody else may change it', async () => {
			const o = await ask(askerS, cid, { lvlType: 'offer', lvlCompetences: ['law.family'] });
			assert.strictEqual(o.status, 400, 'this category no longer allows offers');
			const offers = (await settings.get()).platformCids.at(-1) ?? 0;
			const offer = await ask(askerS, offers, { lvlType: 'offer', lvlCompetences: ['law.family'], title: 'Ik leen mijn aanhangwagen uit' });
			assert.strictEqual(offer.status, 200, offer.text);
			assert.strictEqual((await qa(askerS, offer.tid)).status, 'open');
			assert.ok((await list(basicS, 'offers')).tids.includes(offer.tid));
			const other = await basicS.put(`${API}/qa/topics/${String(offer.tid)}/status`, { status: 'fulfilled' });
			assert.match(other.text, /auteur|author/i);
			const solved = await askerS.put(`${API}/qa/topics/${String(offer.tid)}/status`, { status: 'solved' });
			assert.match(solved.text, /status/i);
			const done = await askerS.put(`${API}/qa/topics/${String(offer.tid)}/status`, { status: 'fulfilled' });
			assert.strictEqual(done.status, 200, done.text);
			assert.ok(!(await list(basicS, 'offers')).tids.includes(offer.tid), 'fulfilled offers leave the open list');
			assert.strictEqual(await nodebb.db().isSortedSetMember(K.expiry, String(offer.tid)), false);
		});
	});

	describe('members only', () => {
		it('refuses guests and accounts that are not verified members on every Q&A route', async () => {
			for (const s of [guest(), outsiderS]) {
				for (const path of [`${API}/qa/lists/unsolved`, `${API}/qa/helpers?c=law.family`, `${API}/qa/stats`, `${API}/qa/categories/${String(cid)}`]) {
					const res = await s.get(path);
					assert.ok([401, 403].includes(res.status), `${path}: ${String(res.status)}`);
				}
				const page = await s.get('/vragen', { accept: 'text/html' });
				const toLoginOrVerify = page.status === 307 && /\/(login|register\/complete)/.test(String(page.headers.get('location')));
				assert.ok([401, 403].includes(page.status) || toLoginOrVerify, `/vragen: ${String(page.status)}`);
				assert.doesNotMatch(page.text, /Vraag over arbeidsrecht/);
			}
		});

		it('the Q&A page lists questions for a member, in Dutch and French', async () => {
			const nl = await askerS.get('/vragen?lang=nl', { accept: 'text/html' });
			assert.strictEqual(nl.status, 200);
			assert.match(nl.text, /Vragen &amp; aanbod|Vragen & aanbod/);
			const fr = await askerS.get('/vragen?lang=fr&list=mine', { accept: 'text/html' });
			assert.match(fr.text, /Les miennes/);
		});

		it('gives answer rate and median times per scope', async () => {
			const res = await askerS.get<Envelope<{ questions: number; answered: number; answerRate: number | null }>>(`${API}/qa/stats?scope=all`);
			assert.strictEqual(res.status, 200);
			assert.ok(res.body.response.questions >= 1);
			assert.ok(res.body.response.answerRate !== null && res.body.response.answerRate <= 1);
			const bad = await askerS.get(`${API}/qa/stats?scope=${encodeURIComponent('x;drop')}`);
			assert.notStrictEqual(bad.status, 200);
		});
	});
});
