/**
 * Similar questions while asking: keeps the index of every question's terms up to date (posted, edited, moved,
 * solved or reopened, purged) and answers the composer's lookup with at most five questions the member may read.
 */
import { neutralFromHost } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import * as taxonomy from '../competences/taxonomy';
import type { Taxonomy } from '../competences/taxonomy-rules';
import { readTopic } from './rules';
import {
	buildLexicon, type CandidateFacts, indexScore, type Lexicon, MIN_QUERY_CHARS, pickSimilar, scoreCandidates, SIMILAR_LIMIT, termsOf,
} from './similar-rules';
import * as simStore from './similar-store';
import * as store from './store';

const lexicons = new WeakMap<Taxonomy, Lexicon>();

/** The taxonomy's words as concepts, built once per version of the taxonomy (taxonomy.get() caches per version). */
async function lexicon(): Promise<Lexicon> {
	const t = await taxonomy.get();
	let l = lexicons.get(t);
	if (!l) {
		l = buildLexicon(t);
		lexicons.set(t, l);
	}
	return l;
}

/** (Re)indexes a topic: a question goes under its current terms, anything else out of the index. */
export async function index(tid: number): Promise<void> {
	const [t, previous] = await Promise.all([store.getTopic(tid), simStore.termsOfTopic(tid)]);
	if (!t || t.type !== 'question') {
		if (previous.length) {
			await simStore.remove(tid, previous);
			await simStore.clearTermsField(tid);
		}
		return;
	}
	const [title, lead] = await Promise.all([
		nodebb.topics().getTopicFields(tid, ['title']).then(f => asString(f.title)),
		simStore.mainPostLead(t.mainPid),
	]);
	const terms = termsOf(title, lead, await lexicon(), t.competences);
	await simStore.save(tid, terms, previous, indexScore(t.timestamp, t.status === 'solved'), t.timestamp);
}

/** The same, for callers whose own change must not fail because of the index (it is logged). */
export async function reindex(tid: number): Promise<void> {
	await index(tid).catch((err: unknown) => { nodebb.log.error(`similar-questions index of ${String(tid)} failed: ${String(err)}`); });
}

/** A purged topic: its hash is going, so its terms come from the hook's payload. */
export async function forget(topic: Record<string, unknown>): Promise<void> {
	const tid = asCount(topic.tid);
	const terms = simStore.readTerms(topic.lvlSimTerms);
	if (tid) {
		await simStore.remove(tid, terms);
	}
}

export interface SimilarQuestion {
	tid: number;
	/** NodeBB's title, neutralised once (HTML and translator tokens): safe to insert as HTML */
	title: string;
	slug: string;
	solved: boolean;
	replies: number;
}

const COMPETENCE_KEY = /^[a-z0-9._-]{1,60}$/;

/**
 * The questions like the one being typed, that the member may read: at most five, solved ones first. `cid` is the
 * composer's category (outside the platform's categories nothing is looked up); `competences` those chosen so far.
 */
export async function lookup(uid: number, q: { title: string; text: string; cid: number; competences: string[] }): Promise<SimilarQuestion[]> {
	if (`${q.title} ${q.text}`.trim().length < MIN_QUERY_CHARS || (q.cid && !(await settings.get()).platformCids.includes(q.cid))) {
		return [];
	}
	const competences = q.competences.filter(c => COMPETENCE_KEY.test(c)).slice(0, 3);
	const terms = termsOf(q.title, q.text, await lexicon(), competences);
	if (!terms.length) {
		return [];
	}
	const found = await simStore.lookup(terms);
	const scores = scoreCandidates({ ...found, terms, competences });
	// the best few by text alone are read and checked; the boost and the order among them follow
	const best = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, SIMILAR_LIMIT * 5).map(([tid]) => tid);
	const readable = new Set(await nodebb.privileges().topics.filterTids('topics:read', best, uid));
	const rows = await simStore.topicFacts(best.filter(tid => readable.has(tid)));
	const facts = new Map<number, CandidateFacts & { row: Record<string, unknown> }>();
	for (const row of rows) {
		const t = readTopic(row);
		if (t?.type === 'question' && !t.deleted) {
			facts.set(t.tid, { tid: t.tid, solved: t.status === 'solved', competences: t.competences, row });
		}
	}
	return pickSimilar(scores, facts, competences).map((f) => {
		const row = facts.get(f.tid)?.row ?? {};
		return { tid: f.tid, title: neutralFromHost(row.title), slug: asString(row.slug), solved: f.solved, replies: Math.max(0, asCount(row.postcount) - 1) };
	});
}
