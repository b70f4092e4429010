/**
 * "Wie weet wat?": the directory search. Its cost grows with the members that match, not with all members:
 * candidates come from the index of the asked competence, word or filter, never from a scan of every profile.
 */
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { foldText } from '../membership/rules';
import * as settings from '../settings';
import { type Candidate, type DirectoryQuery, LEVELS, minScoreFor, PAGE_SIZE, rank, rankingOf, scoreMatches, visibleTo } from './profile-rules';
import * as store from './store';
import * as taxonomy from './taxonomy';

const WORD_LIMIT = 5000;

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

/**
 * The members who match a query, with what ranks them. A competence is read from its own index only, from the asked
 * level up, and the filters are read off each member's index score: one key per competence, whatever the filters.
 */
async function candidates(q: DirectoryQuery): Promise<Map<number, Candidate> | null> {
	let cands: Map<number, Candidate> | null = null;
	const t = await taxonomy.get();
	const filter = { role: q.role, language: q.language, region: q.region, availability: q.availability };
	const keys = [...new Set(q.competences.map(raw => taxonomy.resolve(t, raw)?.key ?? raw))];
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
	const textWords = foldText(q.text).split(/[^\p{L}\p{N}]+/u).filter(w => w.length >= 2).slice(0, 5);
	for (const w of textWords) {
		const hits = await store.wordMatches(w, WORD_LIMIT);
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

/** Searches the directory for a verified member. The searcher is never in their own results. */
export async function search(q: DirectoryQuery, viewer: number): Promise<DirectoryPage> {
	const start = (q.page - 1) * PAGE_SIZE;
	const found = await candidates(q);
	const { membersGroup } = await settings.get();
	let ordered: number[];
	let total: number;
	if (!found) {
		// no criteria at all: the most recently updated profiles
		const { uids } = await store.listedRange(0, start + PAGE_SIZE * 3);
		const members = await nodebb.groups().isMembers(uids, membersGroup);
		ordered = uids.filter((uid, i) => members[i] && uid !== viewer);
		total = Math.max(ordered.length, (await store.listedRange(0, 0)).total - 1);
	} else {
		found.delete(viewer);
		// leaving the members group takes a member out of the indexes (hooks.ts); the page is checked again below
		const cands = [...found.values()];
		const top = cands.sort((a, b) => (b.matches - a.matches) || (b.score - a.score)).slice(0, Math.max(200, start + PAGE_SIZE));
		const online = await nodebb.user().getUsersFields(top.map(c => c.uid), ['lastonline']);
		top.forEach((c, i) => {
			c.lastonline = asCount(online[i]?.lastonline);
		});
		ordered = [...rank(top, Date.now()).map(c => c.uid), ...cands.slice(top.length).map(c => c.uid)];
		total = cands.length;
	}
	// only verified members are ever shown, whatever an index may still hold for a moment
	const slice = ordered.slice(start, start + PAGE_SIZE);
	const stillMembers = await nodebb.groups().isMembers(slice, membersGroup);
	const pageUids = slice.filter((_, i) => stillMembers[i]);
	return { query: q, results: await describe(pageUids, q), total, page: q.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The members who have a competence, by level (the competence page). */
export async function byCompetence(key: string, viewer: number, page: number): Promise<DirectoryPage> {
	return search({ competences: [key], text: '', minLevel: '', role: '', language: '', region: '', availability: '', page }, viewer);
}
