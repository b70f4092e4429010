/**
 * Similar questions, pure: from a question's title (and first lines) to the terms it is indexed under, and from the
 * terms of what a member is typing to the questions that resemble it. Dutch, French and English: case and accents
 * ignored, stop words (the `stopword` package's lists, plus a few words every question has) dropped, words stemmed
 * with the Snowball stemmer of the text's language. Across languages, the taxonomy's labels and synonyms (nl/fr/en)
 * turn words into competence concepts (`~<key>`), and the competences chosen in the composer weigh in.
 */
import { newStemmer } from 'snowball-stemmers';
import { eng, fra, nld } from 'stopword';
import type { Taxonomy } from '../competences/taxonomy-rules';
import { fold } from '../kernel/text';

export const TEXT_LANGS = ['nl', 'fr', 'en'] as const;
export type TextLang = typeof TEXT_LANGS[number];

/** At most this many questions are shown. */
export const SIMILAR_LIMIT = 5;
/** Indexed per question (title and first lines): enough for any question, a bound for a hostile one. */
export const MAX_TERMS = 40;
/** How much of the question body is read: its first lines, as the composer shows them. */
export const LEAD_CHARS = 300;
/** The shortest typed title worth a lookup. */
export const MIN_QUERY_CHARS = 8;
/** A candidate must share at least this share of what the query's known terms weigh. */
const MIN_SHARE = 0.2;
/** A question in one of the chosen competences weighs this much more. */
const COMPETENCE_BOOST = 0.5;
/** Index scores: solved questions rank above open ones of any age in each term's set. */
export const SOLVED_BONUS = 1e13;

export { fold };

/** Words every question has in each language, beyond the general stop-word lists. */
const QUESTION_WORDS: Record<TextLang, string[]> = {
	nl: ['iemand', 'weet', 'weten', 'graag', 'welke', 'waar', 'wanneer', 'waarom', 'hoe', 'vraag', 'vragen', 'best', 'beste', 'goed', 'goede', 'kan', 'kun', 'kunnen', 'moet', 'moeten', 'ik', 'mijn', 'onze', 'ons', 'jullie', 'hebben', 'heeft', 'heb'],
	fr: ['quelqu', 'quelquun', 'sait', 'savoir', 'quel', 'quelle', 'quels', 'quelles', 'comment', 'pourquoi', 'quand', 'question', 'bonjour', 'merci', 'meilleur', 'meilleure', 'bon', 'bonne', 'faire', 'peut', 'peux', 'puis', 'dois', 'doit', 'faut', 'mon', 'ma', 'mes', 'notre', 'nos', 'avez', 'ai', 'est', 'sont'],
	en: ['anyone', 'someone', 'know', 'best', 'good', 'question', 'how', 'which', 'what', 'where', 'why', 'when', 'tips', 'can', 'should', 'my', 'our', 'have', 'has'],
};

const STOP: Record<TextLang, Set<string>> = {
	nl: new Set([...nld, ...QUESTION_WORDS.nl].map(fold)),
	fr: new Set([...fra, ...QUESTION_WORDS.fr].map(fold)),
	en: new Set([...eng, ...QUESTION_WORDS.en].map(fold)),
};

const STEMMERS = { nl: newStemmer('dutch'), fr: newStemmer('french'), en: newStemmer('english') };

/** Lower-case words (accents kept: the French stemmer needs them), apostrophes and punctuation as separators. */
export function words(text: string): string[] {
	return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(w => w.length >= 2 && !/^\p{N}+$/u.test(w));
}

/** The language whose stop words the text uses most; null when none stands out (a short title). */
export function detectLanguage(list: string[]): TextLang | null {
	const counts = TEXT_LANGS.map(lang => list.filter(w => STOP[lang].has(fold(w))).length);
	const best = Math.max(...counts);
	if (!best || counts.filter(c => c === best).length > 1) {
		return null;
	}
	return TEXT_LANGS[counts.indexOf(best)] ?? null;
}

const isStop = (w: string, lang: TextLang | null): boolean => {
	const f = fold(w);
	return lang ? STOP[lang].has(f) : TEXT_LANGS.some(l => STOP[l].has(f));
};

/** French's stemmer reads accents (é, è); Dutch and English ones do better on the folded word. */
export function stem(word: string, lang: TextLang): string {
	return fold(STEMMERS[lang].stem(lang === 'fr' ? word : fold(word)));
}

/** Each stem a word may have in the three languages (for concepts, and for text of unknown language). */
function allStems(word: string): string[] {
	return [...new Set(TEXT_LANGS.map(l => stem(word, l)))];
}

/** The stems of a text: in its language, or in each of the three when that is not clear. */
export function stems(text: string): string[] {
	const list = words(text);
	const lang = detectLanguage(list);
	const out = new Set<string>();
	for (const w of list) {
		if (isStop(w, lang)) {
			continue;
		}
		for (const s of lang ? [stem(w, lang)] : allStems(w)) {
			if (s.length >= 2) {
				out.add(s);
			}
		}
	}
	return [...out];
}

/* ---------- concepts: the taxonomy's words in three languages ---------- */

export interface Lexicon {
	/** per competence key, its phrases; a phrase is a list of words, each word the set of its possible stems */
	entries: { key: string; phrases: string[][][] }[];
}

function phraseOf(text: string): string[][] {
	return words(text).filter(w => !isStop(w, null)).map(allStems);
}

/** The taxonomy's labels (nl/fr/en) and synonyms as phrases per competence; retired and merged ones left out. */
export function buildLexicon(t: Taxonomy): Lexicon {
	return {
		entries: t.competences.filter(c => !c.retired && !c.mergedInto).map(c => ({
			key: c.key,
			phrases: [...Object.values(c.labels), ...c.synonyms].map(phraseOf).filter(p => p.length > 0 && p.length <= 4),
		})),
	};
}

/** The competences a text speaks of: every word of one of their phrases occurs in it (in any language's stem). */
export function concepts(text: string, lexicon: Lexicon): string[] {
	const present = new Set(words(text).filter(w => !isStop(w, null)).flatMap(allStems));
	return lexicon.entries
		.filter(e => e.phrases.some(p => p.every(word => word.some(s => present.has(s)))))
		.map(e => `~${e.key}`);
}

/**
 * What a question is indexed under (and what a lookup asks for): its stems, the concepts its words name, and the
 * competences chosen for it (language-neutral: they carry a question across languages), bounded.
 */
export function termsOf(title: string, lead: string, lexicon: Lexicon, competences: string[] = []): string[] {
	const text = `${title}\n${lead.slice(0, LEAD_CHARS)}`;
	const found = [...new Set([...competences.slice(0, 3).map(c => `~${c}`), ...concepts(text, lexicon), ...stems(text)])];
	// every term goes into a key name: only what a stem or a competence key is made of
	return found.filter(t => /^~?[a-z0-9._-]{2,60}$/.test(t)).slice(0, MAX_TERMS);
}

/** The index score of a question in a term's set: solved first, then the newest. */
export function indexScore(timestamp: number, solved: boolean): number {
	return timestamp + (solved ? SOLVED_BONUS : 0);
}

/* ---------- ranking ---------- */

export interface CandidateFacts {
	tid: number;
	solved: boolean;
	competences: string[];
}

export interface RankInput {
	terms: string[];
	/** term → the questions indexed under it (the top of its set) */
	postings: Map<string, number[]>;
	/** term → how many questions have it */
	df: Map<string, number>;
	/** how many questions are indexed */
	total: number;
	/** the competences chosen in the composer: a question in one of them is kept whatever its share */
	competences?: string[];
}

const idf = (df: number, total: number): number => Math.log(1 + (Math.max(total, df) - df + 0.5) / (df + 0.5));

/** Text relevance of every question sharing a term with the query, kept only above a share of the query's weight. */
export function scoreCandidates(input: RankInput): Map<number, number> {
	const scores = new Map<number, number>();
	let weight = 0;
	for (const term of input.terms) {
		const df = input.df.get(term) ?? 0;
		if (!df) {
			continue;
		}
		const w = idf(df, input.total);
		weight += w;
		for (const tid of input.postings.get(term) ?? []) {
			scores.set(tid, (scores.get(tid) ?? 0) + w);
		}
	}
	const chosen = new Set((input.competences ?? []).map(c => `~${c}`));
	const inChosen = new Set([...chosen].flatMap(term => input.postings.get(term) ?? []));
	for (const [tid, s] of scores) {
		if (s < MIN_SHARE * weight && !inChosen.has(tid)) {
			scores.delete(tid);
		}
	}
	return scores;
}

/**
 * The questions to show: the best by relevance (a question in a chosen competence weighs more), at most `limit`,
 * solved ones first among them. `facts` holds what is known of the candidates (those missing are not shown).
 */
export function pickSimilar(scores: Map<number, number>, facts: Map<number, CandidateFacts>, competences: string[], limit = SIMILAR_LIMIT): CandidateFacts[] {
	const chosen = new Set(competences);
	return [...scores.entries()]
		.filter(([tid]) => facts.has(tid))
		.map(([tid, s]) => {
			const f = facts.get(tid) as CandidateFacts;
			const overlap = f.competences.filter(c => chosen.has(c)).length;
			return { f, s: s * (1 + COMPETENCE_BOOST * Math.min(1, overlap)) };
		})
		.sort((a, b) => b.s - a.s || b.f.tid - a.f.tid)
		.slice(0, limit)
		.sort((a, b) => Number(b.f.solved) - Number(a.f.solved))
		.map(x => x.f);
}

/** The same lookup on an index held in memory: the recall evaluation and the unit tests run the ranking on it. */
export class MemoryIndex {
	private readonly postings = new Map<string, number[]>();
	private readonly facts = new Map<number, CandidateFacts>();

	constructor(private readonly lexicon: Lexicon) {}

	add(doc: { tid: number; title: string; lead?: string; solved?: boolean; competences?: string[] }): void {
		for (const term of termsOf(doc.title, doc.lead ?? '', this.lexicon, doc.competences)) {
			this.postings.set(term, [...(this.postings.get(term) ?? []), doc.tid]);
		}
		this.facts.set(doc.tid, { tid: doc.tid, solved: Boolean(doc.solved), competences: doc.competences ?? [] });
	}

	search(query: { title: string; lead?: string; competences?: string[] }, limit = SIMILAR_LIMIT): CandidateFacts[] {
		const terms = termsOf(query.title, query.lead ?? '', this.lexicon, query.competences);
		const df = new Map(terms.map(t => [t, this.postings.get(t)?.length ?? 0]));
		const scores = scoreCandidates({ terms, postings: this.postings, df, total: this.facts.size, competences: query.competences ?? [] });
		return pickSimilar(scores, this.facts, query.competences ?? [], limit);
	}
}
