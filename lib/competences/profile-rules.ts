/**
 * Pure rules for a member's competence profile and the directory's query and ranking. No NodeBB here.
 */
import { DIRECTORY_TIERS, type DirectoryTier, NS } from '../settings';

export { DIRECTORY_TIERS, type DirectoryTier };
import { asCount, asFlag, asString } from '../coerce';

export const LEVELS = ['basic', 'experienced', 'expert'] as const;
export const ROLES = ['advice', 'mentoring', 'talk', 'introductions', 'lending'] as const;
export const LANGUAGES = ['nl', 'fr', 'en', 'de', 'other'] as const;
export const REGIONS = ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen', 'brussels',
	'brabant-wallon', 'hainaut', 'liege', 'luxembourg', 'namur', 'abroad'] as const;
export const AVAILABILITY = ['available', 'limited', 'not-now'] as const;
/** Fields a member may hide from other members (competences themselves are what the directory is for). */
export const HIDEABLE = ['languages', 'region', 'profession', 'sector', 'availability', 'help', 'years', 'notes'] as const;

export type Level = typeof LEVELS[number];
export type Role = typeof ROLES[number];
export type Language = typeof LANGUAGES[number];
export type Region = typeof REGIONS[number];
export type Availability = typeof AVAILABILITY[number];
export type Hideable = typeof HIDEABLE[number];

/** Ways of contact a member at the "contact" tier may show other members: their account's e-mail, a chat. */
export const CONTACT_WAYS = ['email', 'chat'] as const;
export type ContactWay = typeof CONTACT_WAYS[number];

export const LIMITS = { profession: 100, sector: 100, help: 600, note: 300, years: 70, contactNote: 200 };

export interface CompetenceEntry {
	key: string;
	level: Level;
	roles: Role[];
	/** years of experience, null when not given */
	years: number | null;
	note: string;
}

export interface Profile {
	competences: CompetenceEntry[];
	languages: Language[];
	region: Region | '';
	profession: string;
	sector: string;
	/** '' only in what others see when the member hides it */
	availability: Availability | '';
	help: string;
	/** in the "Wie weet wat?" directory at all (false = the "hidden" tier; kept for what read it before tiers) */
	listed: boolean;
	/** the tier the member chose ('' = the association's default) */
	tier: DirectoryTier | '';
	/** at the "contact" tier: the ways other members may contact them, and a free line (a phone number, hours) */
	contact: ContactWay[];
	contactNote: string;
	hidden: Hideable[];
	revision: number;
	updatedAt: number;
}

export const EMPTY_PROFILE: Readonly<Profile> = Object.freeze({
	competences: [], languages: [], region: '', profession: '', sector: '', availability: 'available', help: '',
	listed: true, tier: '', contact: [], contactNote: '', hidden: [], revision: 0, updatedAt: 0,
});

/**
 * The tier a member has: the admin's default when locked or when the member chose none. A member who switched
 * "listed" off before tiers existed is hidden.
 */
export function effectiveTier(p: Pick<Profile, 'tier' | 'listed'>, defaults: { directoryTier: DirectoryTier; directoryTierLocked: boolean }): DirectoryTier {
	if (defaults.directoryTierLocked) {
		return defaults.directoryTier;
	}
	if (p.tier) {
		return p.tier;
	}
	return p.listed ? defaults.directoryTier : 'hidden';
}

/** Whether other members find the member by a competence, a filter or profile words (not only by name). */
export const searchable = (tier: DirectoryTier): boolean => tier === 'profile' || tier === 'contact';

function oneOf<T extends string>(list: readonly T[], v: unknown): T | undefined {
	const s = asString(v);
	return (list as readonly string[]).includes(s) ? s as T : undefined;
}

function listOf<T extends string>(list: readonly T[], v: unknown): T[] {
	const raw = Array.isArray(v) ? v : typeof v === 'string' && v ? v.split(',') : [];
	return [...new Set(raw.map(x => oneOf(list, x)).filter((x): x is T => x !== undefined))];
}

/** Plain text from a form: no control characters, spaces folded, cut at the limit (the limit is an error, not a cut). */
function plain(v: unknown, max: number, field: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
	const text = asString(v).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/[ \t]+/g, ' ');
	if (text.length > max) {
		throw new Error(`[[${NS}:error.too-long, [[${NS}:field.${field}]], ${String(max)}]]`);
	}
	return text;
}

/** A form without a tier: "listed" off hides the member; on keeps the tier they had (hidden back to the default). */
function keptTier(listed: boolean, previous: DirectoryTier | ''): DirectoryTier | '' {
	if (!listed) {
		return 'hidden';
	}
	return previous === 'hidden' ? '' : previous;
}

export type KeyState = 'ok' | 'unknown' | 'retired';

/**
 * Reads what a member submits into a complete profile, or throws a translated error. `keyState` tells whether a
 * competence key exists in the taxonomy; entries the member already had on a retired competence may stay.
 */
export function readProfile(input: Record<string, unknown>, keyState: (key: string) => KeyState, opts: { max: number; previous?: Profile }): Profile {
	const prevKeys = new Set(opts.previous?.competences.map(c => c.key) ?? []);
	const rawList = Array.isArray(input.competences) ? input.competences as unknown[] : [];
	if (rawList.length > opts.max) {
		throw new Error(`[[${NS}:error.too-many-competences, ${String(opts.max)}]]`);
	}
	const seen = new Set<string>();
	const competences: CompetenceEntry[] = [];
	for (const raw of rawList) {
		const c = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
		const key = asString(c.key, 80);
		const state = keyState(key);
		if (state === 'unknown') {
			throw new Error(`[[${NS}:error.unknown-competence, ${key.replace(/[,[\]%]/g, ' ')}]]`);
		}
		if (state === 'retired' && !prevKeys.has(key)) {
			throw new Error(`[[${NS}:error.retired-competence]]`);
		}
		if (seen.has(key)) {
			continue;
		}
		seen.add(key);
		const level = oneOf(LEVELS, c.level);
		if (!level) {
			throw new Error(`[[${NS}:error.level-required]]`);
		}
		const yearsRaw = asString(c.years);
		const years = yearsRaw === '' ? null : asCount(yearsRaw, -1);
		if (years !== null && (years < 0 || years > LIMITS.years)) {
			throw new Error(`[[${NS}:error.out-of-range, years, 0, ${String(LIMITS.years)}]]`);
		}
		competences.push({ key, level, roles: listOf(ROLES, c.roles), years, note: plain(c.note, LIMITS.note, 'note') });
	}
	const tier = oneOf(DIRECTORY_TIERS, input.tier);
	if (input.tier !== undefined && input.tier !== '' && !tier) {
		throw new Error(`[[${NS}:error.bad-tier]]`);
	}
	// an older form sends only "listed": off is the hidden tier, on keeps the member's tier
	const listed = tier ? tier !== 'hidden' : input.listed === undefined ? true : asFlag(input.listed);
	return {
		competences,
		languages: listOf(LANGUAGES, input.languages),
		region: oneOf(REGIONS, input.region) ?? '',
		profession: plain(input.profession, LIMITS.profession, 'profession'),
		sector: plain(input.sector, LIMITS.sector, 'sector'),
		availability: oneOf(AVAILABILITY, input.availability) ?? 'available',
		help: plain(input.help, LIMITS.help, 'help'),
		listed,
		tier: tier ?? keptTier(listed, opts.previous?.tier ?? ''),
		contact: listOf(CONTACT_WAYS, input.contact),
		contactNote: plain(input.contactNote, LIMITS.contactNote, 'contact-note'),
		hidden: listOf(HIDEABLE, input.hidden),
		revision: asCount(input.revision),
		updatedAt: 0,
	};
}

/** How complete a profile is, 0–100: competences weigh most, then what helps another member decide to ask. */
export function completeness(p: Profile): number {
	const parts: [boolean, number][] = [
		[p.competences.length > 0, 35],
		[p.competences.length >= 3, 15],
		[p.competences.some(c => c.roles.length > 0), 10],
		[p.languages.length > 0, 10],
		[p.region !== '', 10],
		[p.profession !== '', 10],
		[p.help !== '', 10],
	];
	return parts.reduce((sum, [done, weight]) => sum + (done ? weight : 0), 0);
}

/**
 * What another member may see of a profile (the owner sees everything). Ways of contact only at the contact tier;
 * at the names tier nothing but the domains of the competences, which the caller shows instead (namesOnly).
 */
export function visibleTo(p: Profile, self: boolean, tier: DirectoryTier = 'profile'): Profile {
	if (self) {
		return p;
	}
	if (tier === 'names' || tier === 'hidden') {
		return { ...EMPTY_PROFILE, competences: [], languages: [], hidden: [], contact: [], availability: '', listed: tier === 'names', tier, revision: 0, updatedAt: 0 };
	}
	const hide = new Set(p.hidden);
	const contact = tier === 'contact';
	return {
		...p,
		tier,
		contact: contact ? p.contact : [],
		contactNote: contact ? p.contactNote : '',
		languages: hide.has('languages') ? [] : p.languages,
		region: hide.has('region') ? '' : p.region,
		profession: hide.has('profession') ? '' : p.profession,
		sector: hide.has('sector') ? '' : p.sector,
		availability: hide.has('availability') ? '' : p.availability,
		help: hide.has('help') ? '' : p.help,
		competences: p.competences.map(c => ({ ...c, years: hide.has('years') ? null : c.years, note: hide.has('notes') ? '' : c.note })),
		hidden: [],
	};
}

/** The domains of a member's competences, once each, in the taxonomy's order: what the names tier shows. */
export function domainsOf(p: Profile, domainOf: (key: string) => { key: string; order: number } | undefined): string[] {
	const found = new Map<string, number>();
	for (const c of p.competences) {
		const d = domainOf(c.key);
		if (d) {
			found.set(d.key, d.order);
		}
	}
	return [...found].sort((a, b) => a[1] - b[1]).map(([key]) => key);
}

export const levelWeight = (level: Level): number => LEVELS.indexOf(level) + 1;

/** What a member shows next to a competence in its index (hidden fields are empty). */
export interface Shown {
	languages: Language[];
	region: Region | '';
	availability: Availability | '';
}

/** Below this factor the index score holds the filter attributes; above it, the ranking part. */
const ATTRS = 2 ** 16;
const bit = (i: number): number => 2 ** i;

/**
 * The score a member has in a competence's index, one exact integer (< 2^25) so that the directory ranks and
 * filters straight from the one index it reads:
 *   ranking part × 2^16 + roles (bits 0–4) + languages shown (bits 5–9) + region (bits 10–13, 0 = not shown)
 *   + availability shown (bits 14–15, 0 = not shown).
 * The ranking part is level × 100 + availability × 10 + 5 when the member offers advice (a hidden availability
 * ranks as available but never matches an availability filter).
 */
export function indexScore(entry: CompetenceEntry, shown: Shown): number {
	const a = shown.availability || 'available';
	const avail = a === 'available' ? 2 : a === 'limited' ? 1 : 0;
	const ranking = levelWeight(entry.level) * 100 + avail * 10 + (entry.roles.includes('advice') ? 5 : 0);
	let attrs = 0;
	for (const r of entry.roles) {
		attrs += ROLES.includes(r) ? bit(ROLES.indexOf(r)) : 0;
	}
	for (const l of new Set(shown.languages)) {
		attrs += LANGUAGES.includes(l) ? bit(5 + LANGUAGES.indexOf(l)) : 0;
	}
	attrs += shown.region ? (REGIONS.indexOf(shown.region) + 1) * bit(10) : 0;
	attrs += shown.availability ? (AVAILABILITY.indexOf(shown.availability) + 1) * bit(14) : 0;
	return ranking * ATTRS + attrs;
}

/** The ranking part of an index score (what relevance sorts on). */
export const rankingOf = (score: number): number => Math.floor(score / ATTRS);

export const levelOfScore = (score: number): number => Math.floor(rankingOf(score) / 100);

/** The lowest index score at a level (for "at least experienced"). */
export const minScoreFor = (level: Level | ''): number => (level ? levelWeight(level) * 100 * ATTRS : 0);

export interface ScoreFilter {
	role: Role | '';
	language: Language | '';
	region: Region | '';
	availability: Availability | '';
}

/** Whether an index score carries what the filter asks (read from the score alone: no other key is touched). */
export function scoreMatches(score: number, f: ScoreFilter): boolean {
	const attrs = score % ATTRS;
	const has = (i: number): boolean => Math.floor(attrs / bit(i)) % 2 === 1;
	return (!f.role || has(ROLES.indexOf(f.role)))
		&& (!f.language || has(5 + LANGUAGES.indexOf(f.language)))
		&& (!f.region || Math.floor(attrs / bit(10)) % 16 === REGIONS.indexOf(f.region) + 1)
		&& (!f.availability || Math.floor(attrs / bit(14)) % 4 === AVAILABILITY.indexOf(f.availability) + 1);
}

/**
 * How many holders of a competence have each (level, attributes) pair of index scores: from it, the number of
 * members that match any filter is counted without reading the index again. A few thousand pairs at most, whatever
 * the number of holders.
 */
export interface Histogram {
	/** level × 2^16 + attribute bits, ascending */
	keys: number[];
	counts: number[];
}

export function histogramOf(scores: Iterable<number>): Histogram {
	const byKey = new Map<number, number>();
	for (const score of scores) {
		const key = levelOfScore(score) * ATTRS + (score % ATTRS);
		byKey.set(key, (byKey.get(key) ?? 0) + 1);
	}
	const keys = [...byKey.keys()].sort((a, b) => a - b);
	return { keys, counts: keys.map(k => byKey.get(k) ?? 0) };
}

/** Members of the histogram at the level or above: all of them, and those that match the filter. */
export function countIn(h: Histogram, minLevel: Level | '', f: ScoreFilter): { holders: number; matching: number } {
	const min = minLevel ? levelWeight(minLevel) : 0;
	let holders = 0;
	let matching = 0;
	h.keys.forEach((key, i) => {
		if (Math.floor(key / ATTRS) < min) {
			return;
		}
		const n = h.counts[i] ?? 0;
		holders += n;
		matching += scoreMatches(key, f) ? n : 0;
	});
	return { holders, matching };
}

/** Words a member can be found by in free text (folded, at least 2 characters, at most 40 words). */
export function words(texts: string[], fold: (s: string) => string): string[] {
	const all = texts.flatMap(t => fold(t).split(/[^\p{L}\p{N}]+/u)).filter(w => w.length >= 2 && w.length <= 40);
	return [...new Set(all)].slice(0, 40);
}

export interface DirectoryQuery {
	competences: string[];
	text: string;
	minLevel: Level | '';
	role: Role | '';
	language: Language | '';
	region: Region | '';
	availability: Availability | '';
	page: number;
}

export const PAGE_SIZE = 20;
/** The last page a search goes to (1,000 results): a page number is work, and a query asking page 10^9 is not a search. */
export const MAX_PAGE = 50;

/** A page number from a URL or API query, within 1..MAX_PAGE. */
export function clampPage(raw: unknown): number {
	return Math.min(MAX_PAGE, Math.max(1, asCount(raw, 1)));
}

/** Reads a shareable directory URL (or API query) into a query. */
export function readQuery(q: Record<string, unknown>): DirectoryQuery {
	const comps = Array.isArray(q.c) ? q.c : typeof q.c === 'string' && q.c ? q.c.split(',') : [];
	return {
		competences: [...new Set(comps.map(c => asString(c, 80)).filter(Boolean))].slice(0, 3),
		text: asString(q.q, 100),
		minLevel: oneOf(LEVELS, q.level) ?? '',
		role: oneOf(ROLES, q.role) ?? '',
		// not `lang`: NodeBB reads ?lang= as the page's language
		language: oneOf(LANGUAGES, q.language) ?? '',
		region: oneOf(REGIONS, q.region) ?? '',
		availability: oneOf(AVAILABILITY, q.availability) ?? '',
		page: clampPage(q.page),
	};
}

export interface Candidate {
	uid: number;
	/** best index score over the queried competences (0 when the query had none) */
	score: number;
	/** how many of the queried competences or words matched */
	matches: number;
	lastonline: number;
	/** accepted answers in the queried competences (Q&A); 0 when not read */
	accepted?: number;
}

/** Relevance: how much matched, then level, availability and advice (the index score), then recent activity. */
export function rank(cands: Candidate[], now: number): Candidate[] {
	const month = 30 * 24 * 60 * 60 * 1000;
	const recency = (c: Candidate): number => (now - c.lastonline < month ? 3 : now - c.lastonline < 6 * month ? 1 : 0);
	// answers accepted in these competences: up to 6 points, within a level and availability tier (those step by 10)
	const proven = (c: Candidate): number => Math.min(3, c.accepted ?? 0) * 2;
	const value = (c: Candidate): number => c.score + recency(c) + proven(c);
	return [...cands].sort((a, b) => (b.matches - a.matches) || (value(b) - value(a)) || (b.lastonline - a.lastonline) || (a.uid - b.uid));
}
