/**
 * "Wie weet wat?": the directory search. Its cost grows with the members that match, not with all members:
 * candidates come from the index of the asked competence, word or filter, never from a scan of every profile.
 */
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { foldText } from '../membership/rules';
import * as settings from '../settings';
import {
	type Candidate, countIn, type DirectoryQuery, type Histogram, histogramOf, LEVELS, minScoreFor, PAGE_SIZE,
	rank, rankingOf, type ScoreFilter, scoreMatches, visibleTo,
} from './profile-rules';
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
}

export interface DirectoryPage {
	query: DirectoryQuery;
	results: DirectoryResult[];
	total: number;
	page: number;
	pageCount: number;
}

function intersect(a: Map<number, Candidate>, b: Set<number>): Map<number, Candidate> {
	return new Map([...a].filter(([uid]) => b.has(uid)));
}

const filterOf = (q: DirectoryQuery): ScoreFilter => ({ role: q.role, language: q.language, region: q.region, availability: q.availability });

/**
 * Per competence, the histogram of its index (profile-rules histogramOf) with the index version it was read at.
 * Kept in this process only, and safe with several: each use first reads the version from the database, and every
 * write to an index bumps it afterwards (store.ts), so a histogram older than the index is never used.
 */
const histograms = new Map<string, { version: number; h: Histogram }>();

interface Window {
	/** the first `want` matches, highest index score first */
	top: Candidate[];
	/** every match (the searcher excluded) */
	total: number;
}

const candidate = (r: { uid: number; score: number }): Candidate => ({ uid: r.uid, score: rankingOf(r.score), matches: 1, lastonline: 0 });

/**
 * One competence (the common search, and the competence page): read from the top of its index, filters checked on
 * each score, until `want` matches are in. The total comes from the competence's histogram (how many holders have each
 * level and set of attributes), not from the index: counting a range is as costly as reading it on PostgreSQL. Only
 * the first search after the competence's index changed reads the whole index, which also answers it; the others read
 * about as many holders as they need (`want` divided by the share that matches).
 */
async function oneCompetence(key: string, q: DirectoryQuery, viewer: number, want: number): Promise<Window> {
	const filter = filterOf(q);
	const minScore = minScoreFor(q.minLevel);
	const fits = (r: { uid: number; score: number }): boolean => r.uid !== viewer && r.score >= minScore && scoreMatches(r.score, filter);
	const [version, ownScore] = await Promise.all([store.competenceVersion(key), store.competenceScore(key, viewer)]);
	const known = histograms.get(key);
	if (known?.version !== version) {
		const rows = await store.competenceTop(key, 0, 0, -1);
		histograms.set(key, { version, h: histogramOf(rows.map(r => r.score)) });
		const hits = rows.filter(fits);
		return { top: hits.slice(0, want).map(candidate), total: hits.length };
	}
	const { holders, matching } = countIn(known.h, q.minLevel, filter);
	let total = matching;
	if (ownScore !== null && ownScore >= minScore && scoreMatches(ownScore, filter)) {
		total -= 1;
	}
	const top: Candidate[] = [];
	if (total <= 0) {
		return { top, total: 0 };
	}
	// one read when the estimate holds: all holders when fewer match than wanted, else want ÷ share matching, +25 %
	let chunk = Math.max(1, total <= want ? holders : Math.min(holders, Math.ceil(((want + 1) * holders / total) * 1.25) + 20));
	let start = 0;
	while (top.length < want) {
		// NodeBB's Redis adapter may return more than `chunk` rows when start > 0: advance by what came back
		const rows = await store.competenceTop(key, minScore, start, chunk);
		for (const r of rows) {
			if (fits(r)) {
				top.push(candidate(r));
			}
		}
		if (rows.length < chunk) {
			break;
		}
		start += rows.length;
		chunk = Math.min(Math.max(chunk * 2, 200), 10000);
	}
	return { top: top.slice(0, want), total };
}

/**
 * The members who match a query, with what ranks them. A competence is read from its own index only, from the asked
 * level up, and the filters are read off each member's index score: one key per competence, whatever the filters.
 */
async function candidates(q: DirectoryQuery, keys: string[], textWords: string[]): Promise<Map<number, Candidate> | null> {
	let cands: Map<number, Candidate> | null = null;
	const filter = filterOf(q);
	const lists = await Promise.all(keys.map(key => store.competenceMembers(key, minScoreFor(q.minLevel))));
	for (const rows of lists.sort((a, b) => a.length - b.length)) {
		const here = new Map<number, Candidate>();
		for (const r of rows) {
			const prev = cands?.get(r.uid);
			if ((cands && !prev) || !scoreMatches(r.score, filter)) {
				continue;
			}
			here.set(r.uid, { uid: r.uid, score: Math.max(prev?.score ?? 0, rankingOf(r.score)), matches: (prev?.matches ?? 0) + 1, lastonline: 0 });
		}
		cands = here;
	}
	// every word's prefix range at once (on PostgreSQL each is a query of its own), intersected in the query's order
	const wordHits = await Promise.all(textWords.map(w => store.wordMatches(w, WORD_LIMIT)));
	for (const hits of wordHits) {
		if (!cands) {
			cands = new Map([...hits].map(uid => [uid, { uid, score: 0, matches: 1, lastonline: 0 }]));
		} else {
			cands = intersect(cands, hits);
			for (const c of cands.values()) {
				c.matches += 1;
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
	const [users, profiles] = await Promise.all([
		nodebb.user().getUsersFields(uids, ['uid', 'username', 'userslug', 'displayname', 'picture', 'icon:text', 'icon:bgColor']),
		store.getProfiles(uids),
	]);
	const t = await taxonomy.get();
	const asked = new Set(q.competences.map(k => taxonomy.resolve(t, k)?.key ?? k));
	return uids.map((uid, i) => {
		const u = users[i] ?? {};
		const p = visibleTo(profiles[i] ?? store.emptyProfile(), false);
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
		};
	});
}

/** The candidates in order: the window ranked (how much matched, the index score, then recent activity), then the rest. */
async function ranked(cands: Candidate[]): Promise<number[]> {
	const top = cands.slice(0, WINDOW);
	const online = await nodebb.user().getUsersFields(top.map(c => c.uid), ['lastonline']);
	top.forEach((c, i) => {
		c.lastonline = asCount(online[i]?.lastonline);
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
		return pageOf(q, await ranked(w.top), w.total, start, membersGroup);
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
		ordered = await ranked(cands.slice(0, want));
		total = cands.length;
	}
	return pageOf(q, ordered, total, start, membersGroup);
}

async function pageOf(q: DirectoryQuery, ordered: number[], total: number, start: number, membersGroup: string): Promise<DirectoryPage> {
	// only verified members are ever shown, whatever an index may still hold for a moment
	const slice = ordered.slice(start, start + PAGE_SIZE);
	// both at once (one round trip less): a member described and then found gone is simply left out
	const [stillMembers, described] = await Promise.all([nodebb.groups().isMembers(slice, membersGroup), describe(slice, q)]);
	const results = described.filter((_, i) => stillMembers[i]);
	return { query: q, results, total, page: q.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The members who have a competence, by level (the competence page). */
export async function byCompetence(key: string, viewer: number, page: number): Promise<DirectoryPage> {
	return search({ competences: [key], text: '', minLevel: '', role: '', language: '', region: '', availability: '', page }, viewer);
}
