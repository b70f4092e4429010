/**
 * Rules of engagement, pure: the charter's articles and versions (validation, numbering, what changed), the flag
 * reason that cites an article, the warning ladder, and the non-commercial guard's patterns. No NodeBB here.
 */
import { RE2JS, RE2Set } from 're2js';
import { fold, neutral } from '../kernel/text';
import { asCount, asString } from '../coerce';

export const ENS = 'lvl-engagement';
export const LANGS = ['nl', 'fr', 'en'] as const;
export type Lang = typeof LANGS[number];
export type Texts = Record<Lang, string>;

export interface Article {
	/** stable across versions (`art-7`): reports and warnings cite it, whatever its number becomes */
	id: string;
	title: Texts;
	body: Texts;
	/** the article the non-commercial guard cites */
	nonCommercial: boolean;
}

export interface CharterVersion {
	version: number;
	publishedAt: number;
	publishedBy: number;
	articles: Article[];
}

export const MAX_ARTICLES = 60;
export const MAX_TITLE = 150;
export const MAX_BODY = 6000;

const err = (key: string, ...args: (string | number)[]): Error => new Error(`[[${ENS}:error.${key}${args.length ? `, ${args.map(String).join(', ')}` : ''}]]`);

/** A NodeBB member language (nl, fr-FR, en-GB…) to one of the charter's three. */
export function charterLang(code: unknown): Lang {
	const c = asString(code).toLowerCase();
	if (c.startsWith('fr')) {
		return 'fr';
	}
	return c.startsWith('en') ? 'en' : 'nl';
}

function texts(raw: unknown, max: number): Texts {
	const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	// text typed in a form: line endings made uniform, trailing space gone, nothing else touched
	const one = (v: unknown): string => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim() : '').slice(0, max + 1);
	return { nl: one(r.nl), fr: one(r.fr), en: one(r.en) };
}

/**
 * Reads the articles an admin submits. Articles without an id get the next free one (`next`, counting from the
 * highest id ever used, so a deleted article's id is never given to another). Throws a translated error for an empty
 * charter, an incomplete or too long article, a duplicate id, or more than one non-commercial article.
 */
export function readArticles(raw: unknown, next: number): { articles: Article[]; next: number } {
	const list = Array.isArray(raw) ? raw as unknown[] : [];
	if (!list.length) {
		throw err('charter-empty');
	}
	if (list.length > MAX_ARTICLES) {
		throw err('too-many-articles', MAX_ARTICLES);
	}
	let counter = next;
	const seen = new Set<string>();
	const articles = list.map((item, i): Article => {
		const r = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
		const n = i + 1;
		const title = texts(r.title, MAX_TITLE);
		const body = texts(r.body, MAX_BODY);
		for (const lang of LANGS) {
			if (!title[lang] || !body[lang]) {
				throw err('article-incomplete', n, lang);
			}
			if (title[lang].length > MAX_TITLE || body[lang].length > MAX_BODY) {
				throw err('article-too-long', n, lang);
			}
		}
		let id = asString(r.id, 20);
		if (id && !/^art-\d{1,6}$/.test(id)) {
			throw err('no-such-article');
		}
		if (!id) {
			id = `art-${String(counter)}`;
			counter += 1;
		}
		if (seen.has(id)) {
			throw err('duplicate-article', n);
		}
		seen.add(id);
		return { id, title, body, nonCommercial: r.nonCommercial === true || r.nonCommercial === 'true' || r.nonCommercial === 'on' };
	});
	if (articles.filter(a => a.nonCommercial).length > 1) {
		throw err('one-non-commercial');
	}
	const highest = Math.max(0, ...articles.map(a => parseInt(a.id.slice(4), 10)));
	return { articles, next: Math.max(counter, highest + 1) };
}

/** Whether two versions say the same thing (publishing the same text again makes no new version). */
export function sameText(a: Article[], b: Article[]): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

export function numberOf(articles: Article[], id: string): number {
	return articles.findIndex(a => a.id === id) + 1;
}

/* ---------- what changed between two versions ---------- */

export type Piece = { op: 'same' | 'added' | 'removed'; text: string };
export type ArticleChange = {
	id: string;
	/** number in the older and the newer version (0 = not in it) */
	from: number;
	to: number;
	status: 'added' | 'removed' | 'changed' | 'moved' | 'same';
	/** per language, word-level differences of the title and the body (only for changed articles) */
	title?: Record<Lang, Piece[]>;
	body?: Record<Lang, Piece[]>;
};

const MAX_DIFF_WORDS = 3000;

/** Word-level differences (longest common subsequence); long texts fall back to removed + added. */
export function diffWords(before: string, after: string): Piece[] {
	const a = before.split(/(\s+)/).filter(Boolean);
	const b = after.split(/(\s+)/).filter(Boolean);
	if (a.length * b.length > MAX_DIFF_WORDS * MAX_DIFF_WORDS / 4) {
		return [...(before ? [{ op: 'removed' as const, text: before }] : []), ...(after ? [{ op: 'added' as const, text: after }] : [])];
	}
	const rows = a.length + 1;
	const cols = b.length + 1;
	const lcs = new Uint32Array(rows * cols);
	for (let i = a.length - 1; i >= 0; i -= 1) {
		for (let j = b.length - 1; j >= 0; j -= 1) {
			lcs[i * cols + j] = a[i] === b[j] ? (lcs[(i + 1) * cols + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * cols + j] ?? 0, lcs[i * cols + j + 1] ?? 0);
		}
	}
	const out: Piece[] = [];
	const push = (op: Piece['op'], text: string): void => {
		const last = out[out.length - 1];
		if (last?.op === op) {
			last.text += text;
		} else {
			out.push({ op, text });
		}
	};
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			push('same', a[i] ?? '');
			i += 1;
			j += 1;
		} else if ((lcs[(i + 1) * cols + j] ?? 0) >= (lcs[i * cols + j + 1] ?? 0)) {
			push('removed', a[i] ?? '');
			i += 1;
		} else {
			push('added', b[j] ?? '');
			j += 1;
		}
	}
	a.slice(i).forEach(w => { push('removed', w); });
	b.slice(j).forEach(w => { push('added', w); });
	return out;
}

function perLang(before: Texts, after: Texts): Record<Lang, Piece[]> {
	return { nl: diffWords(before.nl, after.nl), fr: diffWords(before.fr, after.fr), en: diffWords(before.en, after.en) };
}

/** Article by article: what a newer version added, removed, changed or renumbered. */
export function diffCharters(older: Article[], newer: Article[]): ArticleChange[] {
	const out: ArticleChange[] = [];
	newer.forEach((n, i) => {
		const from = numberOf(older, n.id);
		const o = older[from - 1];
		if (!o) {
			out.push({ id: n.id, from: 0, to: i + 1, status: 'added' });
			return;
		}
		const changed = JSON.stringify([o.title, o.body, o.nonCommercial]) !== JSON.stringify([n.title, n.body, n.nonCommercial]);
		out.push({
			id: n.id, from, to: i + 1,
			status: changed ? 'changed' : from !== i + 1 ? 'moved' : 'same',
			...(changed ? { title: perLang(o.title, n.title), body: perLang(o.body, n.body) } : {}),
		});
	});
	older.forEach((o, i) => {
		if (!numberOf(newer, o.id)) {
			out.push({ id: o.id, from: i + 1, to: 0, status: 'removed' });
		}
	});
	return out;
}

/* ---------- the charter's text on a page ---------- */

function inline(text: string): string {
	return neutral(text)
		.replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
		.replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,;:!?&])/g, '$1<em>$2</em>');
}

/**
 * A small, safe subset of markdown for the charter (paragraphs, `-`/`*` lists, `1.` lists, **bold**, *italic*):
 * everything is escaped first, so an article can never carry HTML, whatever plugins the forum runs.
 */
export function renderMarkdown(text: string): string {
	const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/).map(b => b.trim()).filter(Boolean);
	return blocks.map((block) => {
		const lines = block.split('\n');
		if (lines.every(l => /^\s*[-*]\s+/.test(l))) {
			return `<ul>${lines.map(l => `<li>${inline(l.replace(/^\s*[-*]\s+/, ''))}</li>`).join('')}</ul>`;
		}
		if (lines.every(l => /^\s*\d+[.)]\s+/.test(l))) {
			return `<ol>${lines.map(l => `<li>${inline(l.replace(/^\s*\d+[.)]\s+/, ''))}</li>`).join('')}</ol>`;
		}
		return `<p>${lines.map(inline).join('<br>')}</p>`;
	}).join('');
}

export interface Block { p: boolean; ul: boolean; ol: boolean; items: { text: string }[] }

/**
 * The same subset as plain-text blocks (paragraph lines, list items) for server-rendered templates: Benchpress
 * escaping differs between NodeBB versions, so templates get text (escaped once by the seam), never HTML.
 */
export function blocks(text: string, escape: (t: string) => string): Block[] {
	const plain = (t: string): string => escape(t.replace(/\*\*([^*\n]+)\*\*/g, '$1'));
	return text.replace(/\r\n?/g, '\n').split(/\n{2,}/).map(b => b.trim()).filter(Boolean).map((block): Block => {
		const lines = block.split('\n');
		if (lines.every(l => /^\s*[-*]\s+/.test(l))) {
			return { p: false, ul: true, ol: false, items: lines.map(l => ({ text: plain(l.replace(/^\s*[-*]\s+/, '')) })) };
		}
		if (lines.every(l => /^\s*\d+[.)]\s+/.test(l))) {
			return { p: false, ul: false, ol: true, items: lines.map(l => ({ text: plain(l.replace(/^\s*\d+[.)]\s+/, '')) })) };
		}
		return { p: true, ul: false, ol: false, items: lines.map(l => ({ text: plain(l) })) };
	});
}

/* ---------- flag reasons that cite an article ---------- */

/** The reason NodeBB stores with a report: a translation token, readable in each moderator's language. */
export function encodeReason(article: { id: string }, number: number): string {
	return `[[${ENS}:flag.article, ${String(number)}, ${article.id}]]`;
}

const REASON = new RegExp(`^\\[\\[${ENS}:flag\\.article, (\\d{1,3}), (art-\\d{1,6})\\]\\]$`);

/** The article a reason cites, or null for any other reason. `looksOurs` says whether it claims to cite one. */
export function decodeReason(reason: unknown): { id: string; number: number } | null {
	const m = REASON.exec(asString(reason));
	return m ? { id: m[2] ?? '', number: asCount(m[1]) } : null;
}

export function claimsArticle(reason: unknown): boolean {
	return asString(reason).startsWith(`[[${ENS}:`);
}

/* ---------- warnings and the ladder ---------- */

export const STEP_ACTIONS = ['queue', 'mute', 'ban'] as const;
export type StepAction = typeof STEP_ACTIONS[number];
export interface LadderStep { count: number; action: StepAction; days: number }

export const DEFAULT_LADDER = '2:queue:14, 3:mute:7';

/**
 * The ladder as the admin writes it: `count:action:days` steps separated by commas (`2:queue:14, 3:mute:7`).
 * Returns the steps by count, or throws a translated error naming the step that is wrong.
 */
export function parseLadder(text: unknown): LadderStep[] {
	const raw = asString(text, 500);
	if (!raw) {
		return [];
	}
	const steps = raw.split(/[,;\n]+/).map(s => s.trim()).filter(Boolean).map((part): LadderStep => {
		const m = /^(\d{1,2})\s*:\s*(queue|mute|ban)\s*:\s*(\d{1,4})$/i.exec(part);
		const count = asCount(m?.[1]);
		const days = asCount(m?.[3]);
		if (!m || count < 1 || count > 20 || days < 1 || days > 3650) {
			throw err('bad-ladder', part.replace(/[,[\]]/g, ' '));
		}
		return { count, action: (m[2] ?? '').toLowerCase() as StepAction, days };
	});
	if (new Set(steps.map(s => s.count)).size !== steps.length) {
		throw err('bad-ladder', raw.replace(/[,[\]]/g, ' '));
	}
	return steps.sort((x, y) => x.count - y.count);
}

/** The step the ladder proposes for a member with this many active warnings (the highest step reached), or null. */
export function proposeStep(steps: LadderStep[], active: number): LadderStep | null {
	let found: LadderStep | null = null;
	for (const s of steps) {
		if (s.count <= active) {
			found = s;
		}
	}
	return found;
}

export function isActive(warning: { expiresAt: number; revokedAt?: number }, now: number): boolean {
	return warning.expiresAt > now && !warning.revokedAt;
}

/* ---------- the non-commercial guard ---------- */

/*
 * Every pattern runs on RE2 (re2js, a port of Google's engine without backtracking): matching is linear in the
 * text, whatever an admin writes, so no post can freeze the forum. JavaScript's own engine never runs them.
 */

/** Built-in pattern kinds, written `{price}`, `{shop-link}`, `{affiliate}` in a list: RE2 syntax, checked by the tests. */
export const BUILT_IN: Readonly<Record<string, string>> = Object.freeze({
	// € 25, 25 €, EUR 1.250,00, 19,99 euro, $30, £ 12
	price: '(?:[€$£]|\\beur\\b|\\beuro\\b)\\s?\\d[\\d.,]{0,12}|\\b\\d[\\d.,]{0,12}\\s?(?:[€$£]|eur\\b|euro\\b|euros\\b)',
	// links to shops and marketplaces, or to a product/checkout page
	'shop-link': '\\bhttps?://[^\\s/]*(?:amazon\\.|bol\\.com|ebay\\.|etsy\\.com|2dehands\\.be|2ememain\\.be|marktplaats\\.nl|zalando\\.|aliexpress\\.)|\\bhttps?://\\S*/(?:shop|store|product|products|checkout|cart|winkel|boutique)\\b',
	// tracking and affiliate parameters
	affiliate: '[?&](?:ref|aff|affid|affiliate|tag|utm_source|partner)=',
});

/**
 * One entry of a list, compiled: `expr` is RE2 syntax, run on the text as written (case-insensitive) or, for a word
 * or phrase (`folded`), on the text without case or accents.
 */
export interface Pattern { source: string; lang: Lang; expr: string; folded: boolean; engine: 're2'; test: (text: string) => boolean }

export const MAX_PATTERN = 200;
export const MAX_PATTERNS = 200;
/** RE2's program size: bounds the constant of linear matching (a 200-character pattern stays far below it). */
export const MAX_PROGRAM = 2000;
/** The guard looks at this many characters of a post (NodeBB's own post limit is 32,767 by default). */
export const MAX_CHECKED = 50000;

function re2(expr: string, folded: boolean): RE2JS {
	return RE2JS.compile(expr, folded ? 0 : RE2JS.CASE_INSENSITIVE);
}

function pattern(source: string, lang: Lang, expr: string, folded: boolean): Pattern {
	const compiled = re2(expr, folded);
	return { source, lang, expr, folded, engine: 're2', test: t => compiled.test(folded ? fold(t.slice(0, MAX_CHECKED)) : t.slice(0, MAX_CHECKED)) };
}

/**
 * An admin's regular expression (JavaScript syntax, as the settings page says) in RE2 syntax, or why it may not run:
 * it must compile in JavaScript and be short; what RE2 cannot run in linear time (back-references, lookarounds) is
 * `unsafe`.
 */
function toRe2(source: string): { expr: string } | { problem: 'invalid' | 'unsafe' } {
	if (!source || source.length > MAX_PATTERN) {
		return { problem: 'invalid' };
	}
	try {
		new RegExp(source, 'iu');
	} catch {
		return { problem: 'invalid' };
	}
	try {
		const expr = RE2JS.translateRegExp(source);
		if (re2(expr, false).programSize() > MAX_PROGRAM) {
			return { problem: 'unsafe' };
		}
		return { expr };
	} catch {
		return { problem: 'unsafe' };
	}
}

/** Whether an admin's regular expression may run (see `toRe2`). */
export function regexProblem(source: string): 'invalid' | 'unsafe' | null {
	const r = toRe2(source);
	return 'problem' in r ? r.problem : null;
}

/**
 * Reads one language's list (one entry per line): a word or phrase (matched whole, without case or accents),
 * `{price}`-style built-in kinds, or `/regex/`. Throws a translated error naming the language and line of the first
 * invalid or unsafe entry: such a list is refused whole, so nothing unsafe is ever stored or run.
 */
export function compileList(text: unknown, lang: Lang): Pattern[] {
	const lines = asString(text, 20000).split('\n').map(l => l.trim());
	const out: Pattern[] = [];
	lines.forEach((line, i) => {
		if (!line || line.startsWith('#')) {
			return;
		}
		const n = i + 1;
		const kind = /^\{([a-z-]+)\}$/.exec(line);
		if (kind) {
			const expr = BUILT_IN[kind[1] ?? ''];
			if (!expr) {
				throw err('pattern-unknown-kind', lang, n);
			}
			out.push(pattern(line, lang, expr, false));
			return;
		}
		const rx = /^\/(.+)\/$/.exec(line);
		if (rx) {
			const r = toRe2(rx[1] ?? '');
			if ('problem' in r) {
				throw err(`pattern-${r.problem}`, lang, n);
			}
			out.push(pattern(line, lang, r.expr, false));
			return;
		}
		if (line.length > MAX_PATTERN) {
			throw err('pattern-invalid', lang, n);
		}
		// a literal word or phrase: whole words, any case, accents ignored, spaces flexible
		const words = fold(line).split(/\s+/).map(w => RE2JS.quote(w)).join('\\s+');
		out.push(pattern(line, lang, `(?:^|[^\\p{L}\\p{N}])${words}(?:$|[^\\p{L}\\p{N}])`, true));
	});
	if (out.length > MAX_PATTERNS) {
		throw err('too-many-patterns', lang, MAX_PATTERNS);
	}
	return out;
}

/** Every pattern of the lists in one RE2 state machine per kind of text (as written, folded): one pass per post. */
interface Sets { raw: RE2Set; folded: RE2Set; rawIndex: number[]; foldedIndex: number[] }
const SETS = new WeakMap<readonly Pattern[], Sets>();

function setsOf(patterns: readonly Pattern[]): Sets {
	let sets = SETS.get(patterns);
	if (!sets) {
		const s: Sets = { raw: new RE2Set(RE2Set.UNANCHORED, RE2JS.CASE_INSENSITIVE), folded: new RE2Set(RE2Set.UNANCHORED, 0), rawIndex: [], foldedIndex: [] };
		patterns.forEach((p, i) => {
			(p.folded ? s.folded : s.raw).add(p.expr);
			(p.folded ? s.foldedIndex : s.rawIndex).push(i);
		});
		s.raw.compile();
		s.folded.compile();
		sets = s;
		SETS.set(patterns, sets);
	}
	return sets;
}

/**
 * The first pattern (in list order) a text hits, or null. The text is looked at up to `MAX_CHECKED` characters, in
 * one linear pass per kind; keep the same `patterns` array between calls and its state machines are reused.
 */
export function findHit(text: string, patterns: readonly Pattern[]): Pattern | null {
	if (!patterns.length) {
		return null;
	}
	const t = text.slice(0, MAX_CHECKED);
	const s = setsOf(patterns);
	const hits = [
		...(s.rawIndex.length ? s.raw.match(t).map(i => s.rawIndex[i] ?? -1) : []),
		...(s.foldedIndex.length ? s.folded.match(fold(t)).map(i => s.foldedIndex[i] ?? -1) : []),
	].filter(i => i >= 0);
	return hits.length ? patterns[Math.min(...hits)] ?? null : null;
}

export const STARTER_PATTERNS: Readonly<Texts> = Object.freeze({
	nl: ['{price}', '{shop-link}', '{affiliate}', 'te koop', 'koopje', 'promo', 'promotie', 'korting', 'kortingscode', 'webshop', 'bestel nu', 'gratis offerte'].join('\n'),
	fr: ['{price}', '{shop-link}', '{affiliate}', 'à vendre', 'prix', 'promo', 'promotion', 'réduction', 'code promo', 'boutique en ligne', 'commandez'].join('\n'),
	en: ['{price}', '{shop-link}', '{affiliate}', 'for sale', 'discount', 'promo code', 'buy now', 'webshop', 'special offer'].join('\n'),
});
