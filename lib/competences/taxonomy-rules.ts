/**
 * Competence taxonomy rules: pure decisions (no NodeBB). Domains and competences labelled in nl, fr and en, their
 * keys, the JSON and CSV files an admin exchanges, merges, and the autocomplete members type into.
 *
 * Keys are permanent: profiles store them. A competence key is `<domain>.<slug>` and always names its own domain;
 * moving a competence means creating one in the other domain and merging the old one into it.
 */
import { parse } from 'csv-parse/sync';
import { foldText, safeCsvCell, tokenArg } from '../membership/rules';

const NS = 'lvl';

// keys, languages and slugs are pure enough for the ACP's client too (static/lib/admin/competences)
import { LANGS, type Lang, MAX_KEY, pickLang, slugKey, validateKey } from './keys';
export { LANGS, type Lang, MAX_KEY, pickLang, slugKey, validateKey };
export type Labels = Record<Lang, string>;

export interface Domain {
	key: string;
	labels: Labels;
	order: number;
	retired: boolean;
}

export interface Competence {
	key: string;
	domain: string;
	labels: Labels;
	synonyms: string[];
	/** Position within its domain. */
	order: number;
	retired: boolean;
	/** The competence this one was merged into; '' unless merged. */
	mergedInto: string;
}

export interface Taxonomy {
	domains: Domain[];
	competences: Competence[];
}

export const MAX_LABEL = 80;
export const MAX_SYNONYMS = 20;
export const MAX_SYNONYM = 60;
function cleanText(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

export function validateLabels(labels: Partial<Labels>): string | null {
	for (const lang of LANGS) {
		const text = cleanText(labels[lang] ?? '');
		if (!text) {
			return `[[${NS}:error.taxonomy-label-required, ${lang}]]`;
		}
		if (text.length > MAX_LABEL) {
			return `[[${NS}:error.taxonomy-label-too-long, ${lang}]]`;
		}
		// Labels end up in pages, e-mails and exports; markup or control characters have no business there.
		if (/[<>\p{Cc}]/u.test(text)) {
			return `[[${NS}:error.taxonomy-label-invalid]]`;
		}
	}
	return null;
}

function cleanLabels(labels: Partial<Labels>): Labels {
	return { nl: cleanText(labels.nl ?? ''), fr: cleanText(labels.fr ?? ''), en: cleanText(labels.en ?? '') };
}

function synonymItems(list: unknown): unknown[] {
	// A form's textarea gives one string: one synonym per line, or separated by `|` as in the CSV file.
	return typeof list === 'string' ? list.split(/[|\r\n]/) : Array.isArray(list) ? list : [];
}

function cleanSynonym(s: string): string {
	// `|` separates synonyms in the CSV file; markup and control characters are not text.
	return cleanText(s.replace(/[<>|\p{Cc}]/gu, ' '));
}

/**
 * Synonyms as stored: strings, trimmed, without duplicates (by foldText), at most 20 of at most 60 characters.
 * Lenient: what does not fit is left out. `validateSynonyms` says whether anything would be.
 */
export function normaliseSynonyms(list: unknown): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const item of synonymItems(list)) {
		const text = typeof item === 'string' ? cleanSynonym(item) : '';
		const folded = foldText(text);
		if (!text || text.length > MAX_SYNONYM || seen.has(folded)) {
			continue;
		}
		seen.add(folded);
		out.push(text);
		if (out.length === MAX_SYNONYMS) {
			break;
		}
	}
	return out;
}

/** Strict counterpart of normaliseSynonyms, for files and forms: refuses instead of leaving out. */
export function validateSynonyms(list: unknown): string | null {
	const bad = `[[${NS}:error.taxonomy-synonyms-invalid]]`;
	if (list !== undefined && typeof list !== 'string' && !Array.isArray(list)) {
		return bad;
	}
	const items = synonymItems(list);
	if (items.some(s => typeof s !== 'string' || cleanText(s).length > MAX_SYNONYM || /[<>|]/.test(s))) {
		return bad;
	}
	const distinct = new Set(items.map(s => foldText(cleanSynonym(String(s)))).filter(Boolean));
	return distinct.size > MAX_SYNONYMS ? bad : null;
}

export function findDomain(t: Taxonomy, key: string): Domain | undefined {
	return t.domains.find(d => d.key === key);
}

export function findCompetence(t: Taxonomy, key: string): Competence | undefined {
	return t.competences.find(c => c.key === key);
}

/** A domain's or competence's label in the language closest to a NodeBB language code. */
export function label(entry: { labels: Labels }, lang: string): string;
/** The label of the domain or competence with this key; the key itself when the taxonomy does not know it. */
export function label(t: Taxonomy, key: string, lang: string): string;
export function label(x: { labels: Labels } | Taxonomy, a: string, b?: string): string {
	if ('labels' in x) {
		return x.labels[pickLang(a)];
	}
	const entry = findCompetence(x, a) ?? findDomain(x, a);
	return entry ? entry.labels[pickLang(b ?? 'en')] : a;
}

/** The key a profile holding `key` should now hold, following merges; null when the taxonomy does not know it. */
export function resolveKey(t: Taxonomy, key: string): string | null {
	let current = findCompetence(t, key);
	// Merges never chain (see mergePlan); the bound only guards a hand-edited store.
	for (let hops = 0; current?.mergedInto && hops < 10; hops += 1) {
		current = findCompetence(t, current.mergedInto);
	}
	return current && !current.mergedInto ? current.key : null;
}

function isLive(t: Taxonomy, c: Competence): boolean {
	return !c.retired && !c.mergedInto && findDomain(t, c.domain)?.retired === false;
}

export function mergePlan(t: Taxonomy, from: string, into: string): { ok: true } | { error: string } {
	const source = findCompetence(t, from);
	const target = findCompetence(t, into);
	if (!source) {
		return { error: `[[${NS}:error.taxonomy-unknown-key, ${tokenArg(from)}]]` };
	}
	if (!target) {
		return { error: `[[${NS}:error.taxonomy-unknown-key, ${tokenArg(into)}]]` };
	}
	if (from === into) {
		return { error: `[[${NS}:error.taxonomy-merge-self]]` };
	}
	if (source.mergedInto) {
		return { error: `[[${NS}:error.taxonomy-already-merged, ${tokenArg(from)}]]` };
	}
	if (target.mergedInto) {
		return { error: `[[${NS}:error.taxonomy-merge-target-merged, ${tokenArg(into)}]]` };
	}
	if (!isLive(t, target)) {
		return { error: `[[${NS}:error.taxonomy-merge-target-retired, ${tokenArg(into)}]]` };
	}
	return { ok: true };
}

/**
 * The taxonomy after merging `from` into `into` (throws the plan's token when it is refused). Earlier merges into
 * `from` follow it, so merges never chain; the target takes over the merged labels and synonyms as synonyms, so
 * members typing the old name still find it.
 */
export function applyMerge(t: Taxonomy, from: string, into: string): Taxonomy {
	const plan = mergePlan(t, from, into);
	if ('error' in plan) {
		throw new Error(plan.error);
	}
	const source = findCompetence(t, from);
	return {
		domains: t.domains.map(d => ({ ...d, labels: { ...d.labels } })),
		competences: t.competences.map((c) => {
			if (c.key === from || c.mergedInto === from) {
				return { ...c, labels: { ...c.labels }, synonyms: [...c.synonyms], mergedInto: into };
			}
			if (c.key === into && source) {
				const own = new Set(LANGS.map(l => foldText(c.labels[l])));
				const taken = [...c.synonyms, ...LANGS.map(l => source.labels[l]), ...source.synonyms]
					.filter(s => !own.has(foldText(s)));
				return { ...c, labels: { ...c.labels }, synonyms: normaliseSynonyms(taken) };
			}
			return { ...c, labels: { ...c.labels }, synonyms: [...c.synonyms] };
		}),
	};
}

// ---- Autocomplete ----

export interface CompetenceMatch {
	key: string;
	score: number;
	/** The label or synonym that matched, as written. */
	matched: string;
}

/** Folded words: `Vzw-beheer` and `vzw beheer` compare equal, `d'auteur` gives `d` and `auteur`. */
function words(s: string): string[] {
	return foldText(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// A label outranks a synonym matched the same way; the kinds of match are far enough apart that this never reorders them.
const SCORE = { exact: 100, start: 80, wordPrefix: 60, substring: 30 };
const SYNONYM_PENALTY = 5;
// Shorter fragments would match inside too many words ("it" in "sécurité").
const MIN_SUBSTRING = 3;

function scoreText(query: string, queryWords: string[], text: string): number {
	const textWords = words(text);
	const joined = textWords.join(' ');
	if (joined === query) {
		return SCORE.exact;
	}
	if (joined.startsWith(query)) {
		return SCORE.start;
	}
	if (queryWords.every(q => textWords.some(w => w.startsWith(q)))) {
		return SCORE.wordPrefix;
	}
	const inside = (q: string) => textWords.some(w => w.startsWith(q)) || (q.length >= MIN_SUBSTRING && joined.includes(q));
	return queryWords.every(inside) ? SCORE.substring : 0;
}

/**
 * Competences for what a member types, best first: exact label, label starting with the query, every query word
 * starting a word, then every query word inside the text. nl, fr and en labels and the synonyms all count, without
 * regard to accents or case. Retired and merged competences, and those of a retired domain, are left out.
 */
export function matchCompetences(t: Taxonomy, query: string, limit = 10): CompetenceMatch[] {
	const queryWords = words(query.slice(0, 200));
	const joined = queryWords.join(' ');
	if (!queryWords.length || limit <= 0) {
		return [];
	}
	const matches: CompetenceMatch[] = [];
	for (const c of t.competences) {
		if (!isLive(t, c)) {
			continue;
		}
		let best: CompetenceMatch | null = null;
		const candidates = [...LANGS.map(l => ({ text: c.labels[l], penalty: 0 })),
			...c.synonyms.map(s => ({ text: s, penalty: SYNONYM_PENALTY }))];
		for (const { text, penalty } of candidates) {
			const raw = scoreText(joined, queryWords, text);
			const score = raw ? raw - penalty : 0;
			if (score > (best?.score ?? 0) || (best && score === best.score && text.length < best.matched.length)) {
				best = { key: c.key, score, matched: text };
			}
		}
		if (best) {
			matches.push(best);
		}
	}
	return matches
		.sort((a, b) => b.score - a.score || a.matched.length - b.matched.length || (a.key < b.key ? -1 : 1))
		.slice(0, limit);
}

// ---- Files ----

/** One domain or competence as read from a file, before the checks that need the whole file. */
interface Draft {
	kind: 'domain' | 'competence';
	key: string;
	domain: string;
	labels: Partial<Labels>;
	synonyms: unknown;
	retired: boolean;
	mergedInto: string;
	/** Wraps a problem with where it is: the entry (JSON) or the line (CSV). */
	at: (problem: string) => string;
}

function invalidFile(reason: string): Error {
	return new Error(`[[${NS}:error.taxonomy-invalid-file, ${reason}]]`);
}

function competenceProblem(d: Draft, byKey: Map<string, Draft>): string | null {
	if (byKey.get(d.domain)?.kind !== 'domain') {
		return `[[${NS}:error.taxonomy-unknown-domain, ${tokenArg(d.domain)}]]`;
	}
	if (!d.key.startsWith(`${d.domain}.`)) {
		return `[[${NS}:error.taxonomy-key-domain-mismatch, ${tokenArg(d.key)}, ${tokenArg(d.domain)}]]`;
	}
	if (!d.mergedInto) {
		return null;
	}
	const target = byKey.get(d.mergedInto);
	if (d.mergedInto === d.key) {
		return `[[${NS}:error.taxonomy-merge-self]]`;
	}
	if (target?.kind !== 'competence') {
		return `[[${NS}:error.taxonomy-unknown-merge-target, ${tokenArg(d.mergedInto)}]]`;
	}
	// A merge into a merged competence would chain; applyMerge re-points earlier merges instead.
	return target.mergedInto ? `[[${NS}:error.taxonomy-merge-target-merged, ${tokenArg(d.mergedInto)}]]` : null;
}

/** Every check that needs more than one entry, then the taxonomy in file order. */
function build(drafts: Draft[]): Taxonomy {
	if (!drafts.some(d => d.kind === 'domain')) {
		throw invalidFile(`[[${NS}:error.taxonomy-no-domains]]`);
	}
	const byKey = new Map<string, Draft>();
	for (const d of drafts) {
		const problem = validateKey(d.key, d.kind) ?? validateLabels(d.labels) ??
			(d.kind === 'competence' ? validateSynonyms(d.synonyms) : null) ??
			(byKey.has(d.key) ? `[[${NS}:error.taxonomy-duplicate-key, ${tokenArg(d.key)}]]` : null);
		if (problem) {
			throw invalidFile(d.at(problem));
		}
		byKey.set(d.key, d);
	}
	const domains: Domain[] = [];
	const competences: Competence[] = [];
	const counts = new Map<string, number>();
	for (const d of drafts) {
		if (d.kind === 'domain') {
			domains.push({ key: d.key, labels: cleanLabels(d.labels), order: domains.length, retired: d.retired });
			continue;
		}
		const problem = competenceProblem(d, byKey);
		if (problem) {
			throw invalidFile(d.at(problem));
		}
		const order = counts.get(d.domain) ?? 0;
		counts.set(d.domain, order + 1);
		competences.push({
			key: d.key, domain: d.domain, labels: cleanLabels(d.labels), synonyms: normaliseSynonyms(d.synonyms), order,
			retired: d.retired, mergedInto: d.mergedInto,
		});
	}
	return { domains, competences: sortCompetences(domains, competences) };
}

function sortCompetences(domains: Domain[], competences: Competence[]): Competence[] {
	const domainOrder = new Map(domains.map(d => [d.key, d.order]));
	return [...competences].sort((a, b) => (domainOrder.get(a.domain) ?? 0) - (domainOrder.get(b.domain) ?? 0) ||
		a.order - b.order);
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
	return typeof v === 'string' ? v : '';
}

function jsonLabels(v: unknown): Partial<Labels> {
	return isObject(v) ? { nl: str(v.nl), fr: str(v.fr), en: str(v.en) } : {};
}

function jsonEntry(v: unknown, kind: Draft['kind'], domain: string, position: string): Draft {
	const where = (key: string) => (problem: string) => `[[${NS}:error.taxonomy-entry, ${key}, ${problem}]]`;
	if (!isObject(v) || typeof v.key !== 'string' || (v.retired !== undefined && typeof v.retired !== 'boolean') ||
		(v.mergedInto !== undefined && typeof v.mergedInto !== 'string')) {
		throw invalidFile(where(position)(`[[${NS}:error.taxonomy-bad-entry]]`));
	}
	if (kind === 'domain' && (v.synonyms !== undefined || v.mergedInto !== undefined)) {
		throw invalidFile(where(position)(`[[${NS}:error.taxonomy-domain-extra]]`));
	}
	const key = v.key.trim();
	return {
		kind, key, domain, labels: jsonLabels(v.labels), synonyms: v.synonyms, retired: v.retired === true,
		mergedInto: str(v.mergedInto).trim(),
		// A key that is not valid is itself the problem; the position says where it is.
		at: where(validateKey(key, kind) ? position : tokenArg(key)),
	};
}

/** A taxonomy from the starter file's shape (also what toJson writes), checked throughout. */
export function fromStarter(json: unknown): Taxonomy {
	if (!isObject(json) || !Array.isArray(json.domains)) {
		throw invalidFile(`[[${NS}:error.taxonomy-no-domains]]`);
	}
	if (json.version !== undefined && json.version !== 1) {
		throw invalidFile(`[[${NS}:error.taxonomy-bad-version, ${tokenArg(JSON.stringify(json.version))}]]`);
	}
	const drafts: Draft[] = [];
	json.domains.forEach((d: unknown, i) => {
		const domain = jsonEntry(d, 'domain', '', `#${i + 1}`);
		drafts.push(domain);
		const list = isObject(d) ? d.competences : undefined;
		if (list !== undefined && !Array.isArray(list)) {
			throw invalidFile(domain.at(`[[${NS}:error.taxonomy-bad-entry]]`));
		}
		(list ?? []).forEach((c: unknown, j) => {
			drafts.push(jsonEntry(c, 'competence', domain.key, `${tokenArg(domain.key) || `#${i + 1}`} #${j + 1}`));
		});
	});
	return build(drafts);
}

export function parseTaxonomyJson(text: string): Taxonomy {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		throw invalidFile(`[[${NS}:error.taxonomy-not-json]]`);
	}
	return fromStarter(json);
}

function byOrder<T extends { order: number }>(list: T[]): T[] {
	return [...list].sort((a, b) => a.order - b.order);
}

/** The starter file's shape, tab-indented; retired and merged entries included, marked as such. */
export function toJson(t: Taxonomy): string {
	const domains = byOrder(t.domains).map(d => ({
		key: d.key,
		labels: { nl: d.labels.nl, fr: d.labels.fr, en: d.labels.en },
		...(d.retired ? { retired: true } : {}),
		competences: byOrder(t.competences.filter(c => c.domain === d.key)).map(c => ({
			key: c.key,
			labels: { nl: c.labels.nl, fr: c.labels.fr, en: c.labels.en },
			synonyms: c.synonyms,
			...(c.retired ? { retired: true } : {}),
			...(c.mergedInto ? { mergedInto: c.mergedInto } : {}),
		})),
	}));
	return `${JSON.stringify({ version: 1, domains }, null, '\t')}\n`;
}

/*
 * CSV layout, one row per entry, domains in order, each followed by its competences:
 *   domain;key;nl;fr;en;synonyms;retired;mergedInto
 *   ;law;Juridisch;Juridique;Law;;;                                    ← domain row: the domain column is empty
 *   law;law.labour;Arbeidsrecht;Droit du travail;Employment law;ontslag|licenciement;;   ← competence row
 * The domain column is what tells the two apart; a competence's key repeats its domain. Synonyms are separated by
 * `|`; retired is 1 or empty (also read: x, yes/ja/oui/true and no/nee/non/false/0); mergedInto holds the target key
 * of a merged competence (the column may be left out). Columns are found by their header, in any order; other
 * columns are ignored. Written as UTF-8 with BOM and `;` (what Excel in Belgium opens directly); `,` and tab are read too.
 */
const CSV_COLUMNS = ['domain', 'key', 'nl', 'fr', 'en', 'synonyms', 'retired', 'mergedInto'] as const;
const REQUIRED_COLUMNS = ['domain', 'key', 'nl', 'fr', 'en'] as const;

/** A cell for Excel: one that would run as a formula gets a leading `'` (so does one that already has it, to survive). */
function csvCell(s: string): string {
	return safeCsvCell(/^'+[=+\-@\t\r]/.test(s) ? `'${s}` : s);
}

function fromCsvCell(s: string): string {
	return /^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

export function toCsv(t: Taxonomy): string {
	const rows: string[][] = [[...CSV_COLUMNS]];
	for (const d of byOrder(t.domains)) {
		rows.push(['', d.key, d.labels.nl, d.labels.fr, d.labels.en, '', d.retired ? '1' : '', '']);
		for (const c of byOrder(t.competences.filter(x => x.domain === d.key))) {
			rows.push([d.key, c.key, c.labels.nl, c.labels.fr, c.labels.en, c.synonyms.join('|'), c.retired ? '1' : '',
				c.mergedInto]);
		}
	}
	return `\uFEFF${rows.map(r => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

const YES = new Set(['1', 'x', 'yes', 'ja', 'oui', 'true', 'waar', 'vrai']);
const NO = new Set(['', '0', 'no', 'nee', 'neen', 'non', 'false', 'onwaar', 'faux']);

function headerName(s: string): string {
	return foldText(s).replace(/[^a-z]/g, '');
}

function csvDelimiter(headerLine: string): string {
	const count = (d: string) => headerLine.split(d).length - 1;
	return [';', ',', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best));
}

export function parseTaxonomyCsv(text: string): Taxonomy {
	const body = text.replace(/^\uFEFF/, '');
	let records: { record: string[]; info: { lines: number } }[];
	try {
		// csv-parse's types do not model `info: true`, which makes each record `{ record, info }`.
		records = parse(body, {
			delimiter: csvDelimiter(body.split(/\r?\n/, 1)[0] ?? ''),
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (err) {
		const line = isObject(err) && typeof err.lines === 'number' ? err.lines : 1;
		throw invalidFile(`[[${NS}:error.taxonomy-csv-unreadable, ${line}]]`);
	}
	const [header, ...rows] = records;
	if (!header) {
		throw invalidFile(`[[${NS}:error.taxonomy-no-domains]]`);
	}
	const names = header.record.map(headerName);
	const column = (name: typeof CSV_COLUMNS[number]) => names.indexOf(name.toLowerCase());
	const missing = REQUIRED_COLUMNS.find(name => column(name) < 0);
	if (missing) {
		throw invalidFile(`[[${NS}:error.taxonomy-csv-missing-column, ${missing}]]`);
	}
	const drafts: Draft[] = [];
	for (const { record, info } of rows) {
		const cell = (name: typeof CSV_COLUMNS[number]) => {
			const i = column(name);
			return i < 0 ? '' : fromCsvCell((record[i] ?? '').trim());
		};
		if (CSV_COLUMNS.every(name => cell(name) === '')) {
			continue;
		}
		const at = (problem: string) => `[[${NS}:error.taxonomy-line, ${info.lines}, ${problem}]]`;
		const retired = foldText(cell('retired'));
		if (!YES.has(retired) && !NO.has(retired)) {
			throw invalidFile(at(`[[${NS}:error.taxonomy-bad-retired, ${tokenArg(cell('retired'))}]]`));
		}
		const domain = cell('domain');
		if (!domain && (cell('synonyms') || cell('mergedInto'))) {
			throw invalidFile(at(`[[${NS}:error.taxonomy-domain-extra]]`));
		}
		drafts.push({
			kind: domain ? 'competence' : 'domain',
			key: cell('key'),
			domain,
			labels: { nl: cell('nl'), fr: cell('fr'), en: cell('en') },
			synonyms: cell('synonyms').split('|').map(s => s.trim()).filter(Boolean),
			retired: YES.has(retired),
			mergedInto: cell('mergedInto'),
			at,
		});
	}
	// Domains first, in file order: a competence row may come before its domain's row.
	return build([...drafts.filter(d => d.kind === 'domain'), ...drafts.filter(d => d.kind === 'competence')]);
}
