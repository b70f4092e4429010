/**
 * "Wie weet wat?": the directory search. Its cost grows with the members that match, not with all members:
 * candidates come from the index of the asked competence, word or filter, never from a scan of every profile.
 */
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { foldText } from '../membership/rules';
import * as settings from '../settings';
import {
	type Candidate, countIn, type DirectoryQuery, type DirectoryTier, domainsOf, effectiveTier, type Histogram, histogramOf,
	LEVELS, minScoreFor, PAGE_SIZE, rank, rankingOf, type ScoreFilter, scoreMatches, searchable, visibleTo,
} from './profile-rules';
import { awayAndFull as promiseAvailability } from '../qa/claims';
import * as store from './store';
import * as taxonomy from './taxonomy';

const WORD_LIMIT = 5000;
/**
 * The best candidates, ranked by recent activity as well; the rest follow in index order. The same window for every
 * page, so that paging on never shows a member twice or skips one (it used to grow with the page asked for).
 */
const WINDOW = 200;

export interface DirectoryResult {
	uid: number;
	username: string;
	userslug: string;
	displayname: string;
	picture: string;
	iconText: string;
	iconBg: string;
	matched: { key: string; level: string; roles: string[] }[];
	languages: string[];
	region: string;
	availability: string;
	profession: string;
	/** the promise: at capacity ("volzet"), or away until this day (YYYY-MM-DD, '' = around) */
	full: boolean;
	awayUntil: string;
	/** the member's tier: at "names", everything above but the name is empty and `domains` is all that is shown */
	tier: DirectoryTier;
	domains: string[];
}

export interface DirectoryPage {
	query: DirectoryQuery;
	results: DirectoryResult[];
	total: number;
	page: number;
	pageCount: number;
}

const filterOf = (q: DirectoryQuery): ScoreFilter => ({ role: q.role, language: q.language, region: q.region, availability: q.availability });

/**
 * Per competence, a copy of its index in this process (uids and scores, highest first, as the database orders them)
 * with its histogram and the index version it was read at: about 16 bytes a holder, some 6 MB for 50,000 members of
 * 8 competences. Safe with several NodeBB processes: every use first reads the competence's version from the
 * database (NodeBB caches that hash and clears it in every process on a write), and every write to an index bumps
 * the version afterwards (store.ts), so a copy older than the index is never used; the next search reads it again.
 */
interface IndexCopy {
	version: number;
	uids: Float64Array;
	scores: Float64Array;
	h: Histogram;
	/** uid → position, for lookups (several competences, or a competence and words) */
	position?: Map<number, number>;
}

const copies = new Map<string, IndexCopy>();
/**
 * At most this many copies per process (a taxonomy holds a few hundred competences; a query may name any key, known
 * or not): past it, the copy used least recently goes.
 */
export const MAX_COPIES = 1000;

function keep(key: string, copy: IndexCopy): void {
	copies.delete(key);
	copies.set(key, copy);
	for (const old of copies.keys()) {
		if (copies.size <= MAX_COPIES) {
			break;
		}
		copies.delete(old);
	}
}

/**
 * Drops this process's copies: versions count from the database, so after the database itself was emptied or
 * restored (the test harness does so between suites) a copy could match a new index's version by chance.
 */
export function forgetCopies(): void {
	copies.clear();
}

/** How many index copies this process holds (tests check the bound). */
export const copiesHeld = (): number => copies.size;

async function indexCopy(key: string): Promise<IndexCopy> {
	const version = await store.competenceVersion(key);
	const known = copies.get(key);
	if (known?.version === version) {
		keep(key, known);
		return known;
	}
	const rows = await store.competenceTop(key, 0, 0, -1);
	const copy = {
		version,
		uids: Float64Array.from(rows, r => r.uid),
		scores: Float64Array.from(rows, r => r.score),
		h: histogramOf(rows.map(r => r.score)),
	};
	keep(key, copy);
	return copy;
}

/** The holders in a copy at or above an index score (the copy is ordered highest first). */
function holdersFrom(copy: IndexCopy, minScore: number): { uid: number; score: number }[] {
	const rows: { uid: number; score: number }[] = [];
	for (let i = 0; i < copy.uids.length; i += 1) {
		const score = copy.scores[i] ?? 0;
		if (score < minScore) {
			break;
		}
		rows.push({ uid: copy.uids[i] ?? 0, score });
	}
	return rows;
}

/**
 * The first `count` holders of a competence at or above an index score, highest first (routing a question reads
 * these): from this process's copy of the index, so it costs a version check unless the index changed.
 */
export async function topHolders(key: string, minScore: number, count: number): Promise<{ uid: number; score: number }[]> {
	// members at the hidden and names tiers are routed to as well (from their own index, read alongside)
	const [listed, unlisted] = await Promise.all([listedTop(key, minScore, count), store.routingOnlyTop(key, minScore, count)]);
	if (!unlisted.length) {
		return listed;
	}
	return [...listed, ...unlisted].sort((a, b) => (b.score - a.score) || (a.uid - b.uid)).slice(0, count);
}

async function listedTop(key: string, minScore: number, count: number): Promise<{ uid: number; score: number }[]> {
	const copy = copies.get(key);
	if (!copy || copy.version !== await store.competenceVersion(key)) {
		// no fresh copy here: the top alone is one short read (a search builds the copy when it needs the whole index)
		return (await nodebb.sortedSetTop(store.K.byCompetence(key), minScore, count)).map(r => ({ uid: Number(r.value), score: r.score }));
	}
	const out: { uid: number; score: number }[] = [];
	for (let i = 0; i < copy.uids.length && out.length < count; i += 1) {
		const score = copy.scores[i] ?? 0;
		if (score < minScore) {
			break;
		}
		out.push({ uid: copy.uids[i] ?? 0, score });
	}
	return out;
}

interface Window {
	/** the first `want` matches, highest index score first */
	top: Candidate[];
	/** every match (the searcher excluded) */
	total: number;
}

/**
 * One competence (the common search, and the competence page), answered from this process's copy of its index: the
 * total from the histogram (how many holders have each level and set of attributes), the page from the top of the
 * copy, filters checked on each score, until `want` matches are in. The database is asked only for the index's
 * version, and for the whole index the first time after it changed.
 */
async function oneCompetence(key: string, q: DirectoryQuery, viewer: number, want: number): Promise<Window> {
	const filter = filterOf(q);
	const minScore = minScoreFor(q.minLevel);
	const copy = await indexCopy(key);
	const fits = (score: number): boolean => score >= minScore && scoreMatches(score, filter);
	// the searcher is never in their own results, nor in the total
	const own = copy.uids.indexOf(viewer);
	const total = countIn(copy.h, q.minLevel, filter).matching - (own >= 0 && fits(copy.scores[own] ?? 0) ? 1 : 0);
	const top: Candidate[] = [];
	for (let i = 0; i < copy.uids.length && top.length < want; i += 1) {
		const score = copy.scores[i] ?? 0;
		if (score < minScore) {
			break;
		}
		const uid = copy.uids[i] ?? 0;
		if (uid !== viewer && scoreMatches(score, filter)) {
			top.push({ uid, score: rankingOf(score), matches: 1, lastonline: 0 });
		}
	}
	return { top, total: Math.max(0, total) };
}

/** Where each uid sits in a copy: built once per copy (per index version), on the first search that needs a lookup. */
function positionOf(copy: IndexCopy): Map<number, number> {
	copy.position ??= new Map(Array.from(copy.uids, (uid, i) => [uid, i]));
	return copy.position;
}

/**
 * The members who match a query, with what ranks them. Several competences, or a competence and words: the smallest
 * source is walked (a word's hits, at most WORD_LIMIT, or the holders of the rarest competence from the asked level)
 * and every other is asked about each of its members by a lookup in this process's copy, never read whole.
 */
async function candidates(q: DirectoryQuery, keys: string[], textWords: string[]): Promise<Map<number, Candidate> | null> {
	let cands: Map<number, Candidate> | null = null;
	const filter = filterOf(q);
	const minScore = minScoreFor(q.minLevel);
	const fits = (score: number): boolean => score >= minScore && scoreMatches(score, filter);
	// every word's prefix range at once (on PostgreSQL each is a query of its own), and a version check per competence
	const [held, wordHits] = await Promise.all([Promise.all(keys.map(indexCopy)), Promise.all(textWords.map(w => store.wordMatches(w, WORD_LIMIT)))]);
	if (held.length || wordHits.length) {
		const rarestCopy = [...held].sort((a, b) => a.uids.length - b.uids.length)[0];
		const rarestWords = [...wordHits].sort((a, b) => a.size - b.size)[0];
		let seed: number[] = [];
		if (rarestWords && (!rarestCopy || rarestWords.size < rarestCopy.uids.length)) {
			seed = [...rarestWords];
		} else if (rarestCopy) {
			seed = holdersFrom(rarestCopy, minScore).map(r => r.uid);
		}
		cands = new Map();
		for (const uid of seed) {
			let score = 0;
			let matches = 0;
			const inAll = held.every((copy) => {
				const at = positionOf(copy).get(uid);
				const s = at === undefined ? -1 : copy.scores[at] ?? -1;
				if (!fits(s)) {
					return false;
				}
				score = Math.max(score, rankingOf(s));
				matches += 1;
				return true;
			}) && wordHits.every(hits => hits.has(uid));
			if (inAll) {
				cands.set(uid, { uid, score, matches: matches + wordHits.length, lastonline: 0 });
			}
		}
	}
	// filters without a competence: their own sets, the smallest read first and the others asked about its members
	const filters: string[] = keys.length ? [] : [
		...(q.role ? [store.K.byRole(q.role)] : []),
		...(q.language ? [store.K.byLanguage(q.language)] : []),
		...(q.region ? [store.K.byRegion(q.region)] : []),
		...(q.availability ? [store.K.byAvailability(q.availability)] : []),
	];
	const sizes = await Promise.all(filters.map(store.setSize));
	for (const key of filters.map((k, i) => ({ k, n: sizes[i] ?? 0 })).sort((a, b) => a.n - b.n).map(f => f.k)) {
		if (!cands) {
			cands = new Map((await store.setMembers(key)).map(uid => [uid, { uid, score: 0, matches: 0, lastonline: 0 }]));
			continue;
		}
		const ids = [...cands.keys()];
		const flags = await store.inSet(key, ids);
		cands = new Map([...cands].filter((_, i) => flags[i]));
	}
	return cands;
}

async function describe(uids: number[], q: DirectoryQuery): Promise<DirectoryResult[]> {
	const [users, profiles, promise, s] = await Promise.all([
		nodebb.user().getUsersFields(uids, ['uid', 'username', 'userslug', 'displayname', 'picture', 'icon:text', 'icon:bgColor']),
		store.getProfiles(uids),
		promiseAvailability(uids),
		settings.get(),
	]);
	const t = await taxonomy.get();
	const asked = new Set(q.competences.map(k => taxonomy.resolve(t, k)?.key ?? k));
	const domainOf = (key: string): { key: string; order: number } | undefined => {
		const c = taxonomy.resolve(t, key);
		return t.domains.find(d => d.key === c?.domain && !d.retired);
	};
	return uids.map((uid, i) => {
		const u = users[i] ?? {};
		const full = profiles[i] ?? store.emptyProfile();
		const tier = effectiveTier(full, s);
		const p = visibleTo(full, false, tier);
		const shown = searchable(tier);
		const ordered = [...p.competences].sort((a, b) => Number(asked.has(b.key)) - Number(asked.has(a.key)) || LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level));
		return {
			uid,
			username: asString(u.username),
			userslug: asString(u.userslug),
			displayname: asString(u.displayname) || asString(u.username),
			picture: asString(u.picture),
			iconText: asString(u['icon:text']),
			iconBg: asString(u['icon:bgColor']),
			matched: ordered.slice(0, asked.size ? Math.max(asked.size, 3) : 3).map(c => ({ key: c.key, level: c.level, roles: c.roles })),
			languages: p.languages,
			region: p.region,
			availability: p.availability,
			profession: p.profession,
			// what the promise tells of a member is theirs to show: not at the names tier
			full: shown ? promise[i]?.full ?? false : false,
			awayUntil: shown ? promise[i]?.awayUntil ?? '' : '',
			tier,
			domains: tier === 'names' ? domainsOf(full, domainOf) : [],
		};
	});
}

/** The candidates in order: the window ranked (how much matched, the index score, then recent activity), then the rest. */
async function ranked(cands: Candidate[], keys: string[]): Promise<number[]> {
	const top = cands.slice(0, WINDOW);
	const [online, accepted] = await Promise.all([
		nodebb.user().getUsersFields(top.map(c => c.uid), ['lastonline']),
		// accepted answers per competence: competences' own counter, which Q&A keeps told (acceptedChanged)
		store.acceptedIn(top.map(c => c.uid), keys),
	]);
	top.forEach((c, i) => {
		c.lastonline = asCount(online[i]?.lastonline);
		c.accepted = keys.reduce((sum, k) => sum + (accepted[i]?.[k] ?? 0), 0);
	});
	return [...rank(top, Date.now()).map(c => c.uid), ...cands.slice(WINDOW).map(c => c.uid)];
}

/** Searches the directory for a verified member. The searcher is never in their own results. */
export async function search(q: DirectoryQuery, viewer: number): Promise<DirectoryPage> {
	const start = (q.page - 1) * PAGE_SIZE;
	const want = Math.max(WINDOW, start + PAGE_SIZE);
	const t = await taxonomy.get();
	const keys = [...new Set(q.competences.map(raw => taxonomy.resolve(t, raw)?.key ?? raw))];
	const textWords = foldText(q.text).split(/[^\p{L}\p{N}]+/u).filter(w => w.length >= 2).slice(0, 5);
	const [key] = keys;
	const { membersGroup } = await settings.get();
	let ordered: number[];
	let total: number;
	if (key !== undefined && keys.length === 1 && !textWords.length) {
		const w = await oneCompetence(key, q, viewer, want);
		return pageOf(q, await ranked(w.top, keys), w.total, start, membersGroup);
	}
	const found = await candidates(q, keys, textWords);
	if (!found) {
		// no criteria at all: the most recently updated profiles
		const { uids } = await store.listedRange(0, start + PAGE_SIZE * 3);
		const members = await nodebb.groups().isMembers(uids, membersGroup);
		ordered = uids.filter((uid, i) => members[i] && uid !== viewer);
		total = Math.max(ordered.length, (await store.listedRange(0, 0)).total - 1);
	} else {
		found.delete(viewer);
		// leaving the members group takes a member out of the indexes (hooks.ts); the page is checked again below
		const cands = [...found.values()].sort((a, b) => (b.matches - a.matches) || (b.score - a.score));
		ordered = await ranked(cands.slice(0, want), keys);
		total = cands.length;
	}
	return pageOf(q, ordered, total, start, membersGroup);
}

async function pageOf(q: DirectoryQuery, ordered: number[], total: number, start: number, membersGroup: string): Promise<DirectoryPage> {
	// only verified members are ever shown, whatever an index may still hold for a moment
	const slice = ordered.slice(start, start + PAGE_SIZE);
	// both at once (one round trip less): a member described and then found gone is simply left out
	const [stillMembers, described] = await Promise.all([nodebb.groups().isMembers(slice, membersGroup), describe(slice, q)]);
	// a tier is also checked here, as it is now: the indexes follow a changed tier default a moment later (reindexAll),
	// and meanwhile a member at the names tier must not be found by a competence, a filter or a profile word
	const byName = !q.competences.length && !q.role && !q.language && !q.region && !q.availability && !q.minLevel;
	const results = described.filter((r, i) => stillMembers[i] && (searchable(r.tier) || (r.tier === 'names' && byName)));
	return { query: q, results, total, page: q.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The members who have a competence, by level (the competence page). */
export async function byCompetence(key: string, viewer: number, page: number): Promise<DirectoryPage> {
	return search({ competences: [key], text: '', minLevel: '', role: '', language: '', region: '', availability: '', page }, viewer);
}
