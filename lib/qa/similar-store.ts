/**
 * The similar-questions index: one sorted set per term (`lvl:qa:sim:t:<term>`, tid → index score: solved first,
 * then the newest), a sorted set of every indexed question (its size is the collection's size for the weights),
 * and the terms each question is indexed under as a field of NodeBB's own topic hash (`lvlSimTerms`), so an edit
 * or a purge knows which sets to leave.
 */
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import { K } from './store';

export const SIM_K = {
	term: (term: string): string => `lvl:qa:sim:t:${term}`,
	/** sorted set: every indexed question, tid → creation time */
	docs: 'lvl:qa:sim:docs',
};

/** How deep a lookup reads into each term's set: the best-scored (solved, then newest) questions having it. */
export const POSTINGS_DEPTH = 200;

export function readTerms(raw: unknown): string[] {
	try {
		const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw || '[]') : raw;
		return Array.isArray(parsed) ? parsed.map(String) : [];
	} catch {
		return [];
	}
}

export async function termsOfTopic(tid: number): Promise<string[]> {
	return readTerms((await nodebb.topics().getTopicFields(tid, ['lvlSimTerms'])).lvlSimTerms);
}

/** Writes a question under its terms (leaving the sets of terms it no longer has) in two round trips. */
export async function save(tid: number, terms: string[], previous: string[], score: number, createdAt: number): Promise<void> {
	const db = nodebb.db();
	const gone = previous.filter(t => !terms.includes(t));
	if (gone.length) {
		await db.sortedSetRemoveBulk(gone.map((t): [string, string] => [SIM_K.term(t), String(tid)]));
	}
	await db.sortedSetAddBulk([
		...terms.map((t): [string, number, string] => [SIM_K.term(t), score, String(tid)]),
		[SIM_K.docs, createdAt, String(tid)],
	]);
	await nodebb.topics().setTopicFields(tid, { lvlSimTerms: JSON.stringify(terms) });
}

/** Takes a question out of the index (its topic hash may already be gone: the terms come from the caller). */
export async function remove(tid: number, terms: string[]): Promise<void> {
	const db = nodebb.db();
	await db.sortedSetRemoveBulk([...terms.map((t): [string, string] => [SIM_K.term(t), String(tid)]), [SIM_K.docs, String(tid)]]);
}

export async function clearTermsField(tid: number): Promise<void> {
	await nodebb.db().deleteObjectField(`topic:${String(tid)}`, 'lvlSimTerms');
}

/** For each term, the top of its set and its size; and how many questions are indexed. */
export async function lookup(terms: string[]): Promise<{ postings: Map<string, number[]>; df: Map<string, number>; total: number }> {
	const db = nodebb.db();
	const [lists, cards, total] = await Promise.all([
		Promise.all(terms.map(t => nodebb.sortedSetRevPage(SIM_K.term(t), 0, POSTINGS_DEPTH - 1))),
		db.sortedSetsCard(terms.map(SIM_K.term)),
		db.sortedSetCard(SIM_K.docs),
	]);
	return {
		postings: new Map(terms.map((t, i) => [t, (lists[i] ?? []).map(Number)])),
		df: new Map(terms.map((t, i) => [t, Number(cards[i]) || 0])),
		total: total || 0,
	};
}

export async function topicFacts(tids: number[]): Promise<Record<string, unknown>[]> {
	return nodebb.topics().getTopicsFields(tids, ['tid', 'cid', 'title', 'slug', 'lvlType', 'lvlStatus', 'lvlCompetences', 'deleted', 'postcount', 'timestamp']);
}

/** The questions of the forum, for the upgrade that indexes them: tid pages of the question type's set. */
export async function questionPage(start: number, count: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange(K.type('question'), start, start + count - 1)).map(Number);
}

export async function mainPostLead(mainPid: number): Promise<string> {
	if (!(mainPid > 0)) {
		return '';
	}
	return asString((await nodebb.posts().getPostFields(mainPid, ['content'])).content);
}
