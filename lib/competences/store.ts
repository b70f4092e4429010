/**
 * Competence data: the taxonomy, members' profiles and the directory's indexes. Keys are listed in README.md.
 * The indexes hold only what a member shows: hidden fields and unlisted members are never indexed.
 */
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import type { Availability, CompetenceEntry, ContactWay, DirectoryTier, Language, Profile, Region, Role } from './profile-rules';
import { CONTACT_WAYS, DIRECTORY_TIERS, EMPTY_PROFILE, indexScore } from './profile-rules';
import type { Competence, Domain, Taxonomy } from './taxonomy-rules';

/**
 * What `index` writes, as a number: bumped whenever that changes (with an upgrade that re-indexes), so that a
 * database seeded by an earlier encoding is never measured as if it were current (bench --reuse).
 */
export const INDEX_FORMAT = 2;

export const K = {
	/** hash: version (bumped on every taxonomy change), seeded */
	tax: 'lvl:tax',
	domains: 'lvl:tax:domains',
	domain: (key: string): string => `lvl:tax:domain:${key}`,
	competences: 'lvl:tax:competences',
	competence: (key: string): string => `lvl:tax:competence:${key}`,
	proposals: 'lvl:tax:proposals',
	pendingProposals: 'lvl:tax:proposals:pending',
	/** sorted set per member: their pending proposals, id → time (the limit per member is counted here, atomically) */
	pendingProposalsOf: (uid: number): string => `lvl:tax:proposals:pending:uid:${String(uid)}`,
	proposal: (id: number): string => `lvl:tax:proposal:${String(id)}`,
	profile: (uid: number): string => `lvl:profile:${String(uid)}`,
	/** sorted set: uids with a profile, by last update */
	profiles: 'lvl:profiles',
	/** sorted set: listed uids (in the directory), by last update */
	listed: 'lvl:dir:members',
	/**
	 * sorted set per competence: uid → index score (ranking: level, availability, advice; then the roles offered,
	 * languages, region and availability shown, so that a competence with filters reads this one key: indexScore)
	 */
	byCompetence: (key: string): string => `lvl:dir:c:${key}`,
	/**
	 * sorted set per competence, same scores: holders whose tier keeps them out of the directory's competence search
	 * (hidden, names only). Only routing reads it: a question still reaches them, and nobody can search them by it.
	 */
	routingOnly: (key: string): string => `lvl:dir:r:${key}`,
	/** hash per member: competence key → answers of theirs accepted in it (Q&A tells, acceptedChanged) */
	accepted: (uid: number): string => `lvl:c:accepted:${String(uid)}`,
	/** hash: the tier settings the indexes were last built for (a change re-indexes every profile) */
	tierState: 'lvl:dir:tiers',
	/**
	 * hash: competence key → how many times its index changed. Bumped after every write to that index, so that what a
	 * process derived from the index (its histogram, directory.ts) is known to be current without reading it again.
	 */
	versions: 'lvl:dir:versions',
	/** sets for searches with filters but no competence */
	byRole: (role: Role): string => `lvl:dir:role:${role}`,
	byLanguage: (lang: Language): string => `lvl:dir:lang:${lang}`,
	byRegion: (region: Region): string => `lvl:dir:region:${region}`,
	byAvailability: (a: Availability | ''): string => `lvl:dir:avail:${a || 'available'}`,
	/**
	 * sorted set per first two letters, score 0: "word:uid" for prefix search on free text. Small buckets, because
	 * NodeBB's PostgreSQL lex range cannot use an index and reads the whole key.
	 */
	wordBucket: (word: string): string => `lvl:dir:wp:${word.slice(0, 2)}`,
	/** set: the words indexed for a uid (to remove them again) */
	wordsOf: (uid: number): string => `lvl:dir:words:${String(uid)}`,
};

/* ---------- taxonomy ---------- */

function labels(h: Record<string, unknown>): { nl: string; fr: string; en: string } {
	return { nl: asString(h.nl), fr: asString(h.fr), en: asString(h.en) };
}

function jsonList(v: unknown): string[] {
	if (Array.isArray(v)) {
		return v.map(String);
	}
	try {
		const parsed: unknown = JSON.parse(asString(v) || '[]');
		return Array.isArray(parsed) ? parsed.map(String) : [];
	} catch {
		return [];
	}
}

export async function taxonomyVersion(): Promise<number> {
	return asCount(await nodebb.db().getObjectField(K.tax, 'version'));
}

export async function readTaxonomy(): Promise<Taxonomy> {
	const db = nodebb.db();
	const [dkeys, ckeys] = await Promise.all([db.getSortedSetRange(K.domains, 0, -1), db.getSortedSetRange(K.competences, 0, -1)]);
	const [drows, crows] = await Promise.all([db.getObjects(dkeys.map(K.domain)), db.getObjects(ckeys.map(K.competence))]);
	const domains: Domain[] = drows.flatMap((h, i) => (h ? [{
		key: dkeys[i] ?? '', labels: labels(h), order: asCount(h.order), retired: asString(h.retired) === '1',
	}] : []));
	const competences: Competence[] = crows.flatMap((h, i) => (h ? [{
		key: ckeys[i] ?? '', domain: asString(h.domain), labels: labels(h), synonyms: jsonList(h.synonyms),
		order: asCount(h.order), retired: asString(h.retired) === '1', mergedInto: asString(h.mergedInto),
	}] : []));
	return { domains, competences };
}

export async function writeDomain(d: Domain): Promise<void> {
	await nodebb.db().setObject(K.domain(d.key), { ...d.labels, order: d.order, retired: d.retired ? 1 : 0 });
	await nodebb.db().sortedSetAdd(K.domains, d.order, d.key);
}

export async function writeCompetence(c: Competence): Promise<void> {
	await nodebb.db().setObject(K.competence(c.key), {
		...c.labels, domain: c.domain, synonyms: JSON.stringify(c.synonyms), order: c.order,
		retired: c.retired ? 1 : 0, mergedInto: c.mergedInto,
	});
	await nodebb.db().sortedSetAdd(K.competences, c.order, c.key);
}

export async function bumpTaxonomy(): Promise<number> {
	return nodebb.db().incrObjectField(K.tax, 'version');
}

/* ---------- profiles ---------- */

function parseEntries(v: unknown): CompetenceEntry[] {
	try {
		const parsed: unknown = typeof v === 'string' ? JSON.parse(v) : v;
		return Array.isArray(parsed) ? parsed as CompetenceEntry[] : [];
	} catch {
		return [];
	}
}

function hashToProfile(h: Record<string, unknown> | null): Profile | null {
	if (!h) {
		return null;
	}
	return {
		competences: parseEntries(h.competences),
		languages: jsonList(h.languages) as Language[],
		region: asString(h.region) as Region | '',
		profession: asString(h.profession),
		sector: asString(h.sector),
		availability: (asString(h.availability) || 'available') as Availability,
		help: asString(h.help),
		listed: asString(h.listed) !== '0',
		tier: (DIRECTORY_TIERS as readonly string[]).includes(asString(h.tier)) ? asString(h.tier) as DirectoryTier : '',
		contact: jsonList(h.contact).filter((w): w is ContactWay => (CONTACT_WAYS as readonly string[]).includes(w)),
		contactNote: asString(h.contactNote),
		hidden: jsonList(h.hidden) as Profile['hidden'],
		revision: asCount(h.revision),
		updatedAt: asCount(h.updatedAt),
	};
}

export function emptyProfile(): Profile {
	return { ...EMPTY_PROFILE, competences: [], languages: [], hidden: [] };
}

export async function getProfile(uid: number): Promise<Profile> {
	return hashToProfile(await nodebb.db().getObject(K.profile(uid))) ?? emptyProfile();
}

export async function getProfiles(uids: number[]): Promise<Profile[]> {
	const rows = await nodebb.db().getObjects(uids.map(K.profile));
	return rows.map(h => hashToProfile(h) ?? emptyProfile());
}

/**
 * Claims the next revision of a profile. Two saves from two tabs that started from the same revision: the first
 * wins, the second gets false and changes nothing.
 */
export async function claimRevision(uid: number, expected: number): Promise<boolean> {
	const db = nodebb.db();
	const next = await db.incrObjectField(K.profile(uid), 'revision');
	if (next === expected + 1) {
		return true;
	}
	await db.incrObjectFieldBy(K.profile(uid), 'revision', -1);
	return false;
}

export async function writeProfile(uid: number, p: Profile): Promise<void> {
	await nodebb.db().setObject(K.profile(uid), {
		competences: JSON.stringify(p.competences), languages: JSON.stringify(p.languages), region: p.region,
		profession: p.profession, sector: p.sector, availability: p.availability, help: p.help,
		listed: p.listed ? 1 : 0, tier: p.tier, contact: JSON.stringify(p.contact), contactNote: p.contactNote,
		hidden: JSON.stringify(p.hidden), updatedAt: p.updatedAt,
	});
	await nodebb.db().sortedSetAdd(K.profiles, p.updatedAt, String(uid));
}

/* ---------- directory indexes ---------- */

/** After (never before) a write to competence indexes: a reader that saw the old version re-reads. */
async function bumpVersions(keys: string[]): Promise<void> {
	if (keys.length) {
		await nodebb.db().incrObjectFieldByBulk([[K.versions, Object.fromEntries([...new Set(keys)].map(k => [k, 1]))]]);
	}
}

/** Takes a member out of every index (before re-indexing, when they leave the directory, or on deletion). */
export async function unindex(uid: number, previous: Profile): Promise<void> {
	const db = nodebb.db();
	const u = String(uid);
	const zsets = [K.listed, ...previous.competences.flatMap(c => [K.byCompetence(c.key), K.routingOnly(c.key)])];
	const sets = [
		...previous.competences.flatMap(c => c.roles.map(K.byRole)),
		...previous.languages.map(K.byLanguage),
		...(previous.region ? [K.byRegion(previous.region)] : []),
		K.byAvailability(previous.availability),
	];
	await Promise.all([
		...zsets.map(z => db.sortedSetRemove(z, u)),
		...[...new Set(sets)].map(s => db.setRemove(s, u)),
	]);
	await bumpVersions(previous.competences.map(c => c.key));
	const oldWords = await db.getSetMembers(K.wordsOf(uid));
	if (oldWords.length) {
		await db.sortedSetRemoveBulk(oldWords.map(w => [K.wordBucket(w), `${w}:${u}`]));
	}
	await db.delete(K.wordsOf(uid));
}

/** Only for routing: a member at the hidden or names tier, in no index anyone searches. */
export async function indexForRoutingOnly(uid: number, p: Profile): Promise<void> {
	const competences = [...p.competences].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	if (competences.length) {
		await nodebb.db().sortedSetsAdd(competences.map(c => K.routingOnly(c.key)), competences.map(c => indexScore(c, { languages: [], region: '', availability: p.availability })), String(uid));
	}
}

/** A member at the names tier: listed, and found by the words of their name only. */
export async function indexName(uid: number, p: Profile, nameWords: string[]): Promise<void> {
	await nodebb.db().sortedSetAdd(K.listed, p.updatedAt, String(uid));
	await indexWords(uid, nameWords);
}

async function indexWords(uid: number, wordList: string[]): Promise<void> {
	if (wordList.length) {
		const u = String(uid);
		await nodebb.db().sortedSetAddBulk([...wordList].sort().map(w => [K.wordBucket(w), 0, `${w}:${u}`]));
		await nodebb.db().setAdd(K.wordsOf(uid), wordList);
	}
}

/** Puts a listed member into the indexes, with only what they show. */
export async function index(uid: number, p: Profile, wordList: string[]): Promise<void> {
	const db = nodebb.db();
	const u = String(uid);
	const hide = new Set(p.hidden);
	const shown = {
		languages: hide.has('languages') ? [] : p.languages,
		region: hide.has('region') ? '' as const : p.region,
		availability: hide.has('availability') ? '' as const : p.availability,
	};
	await db.sortedSetAdd(K.listed, p.updatedAt, u);
	// keys in one order for every writer: PostgreSQL locks them one by one, and two saves that lock shared keys in
	// different orders deadlock (seen when 16 profiles were written at once)
	const competences = [...p.competences].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	if (competences.length) {
		await db.sortedSetsAdd(competences.map(c => K.byCompetence(c.key)), competences.map(c => indexScore(c, shown)), u);
		await bumpVersions(competences.map(c => c.key));
	}
	const roles = [...new Set(p.competences.flatMap(c => c.roles))];
	await Promise.all(roles.map(r => db.setAdd(K.byRole(r), u)));
	if (!hide.has('languages')) {
		await Promise.all(p.languages.map(l => db.setAdd(K.byLanguage(l), u)));
	}
	if (!hide.has('region') && p.region) {
		await db.setAdd(K.byRegion(p.region), u);
	}
	if (!hide.has('availability')) {
		await db.setAdd(K.byAvailability(p.availability), u);
	}
	await indexWords(uid, wordList);
}

/** The top of a competence's routing-only index (highest first): members a question may reach but no search finds. */
export async function routingOnlyTop(key: string, minScore: number, count: number): Promise<{ uid: number; score: number }[]> {
	return (await nodebb.sortedSetTop(K.routingOnly(key), minScore, count)).map(r => ({ uid: Number(r.value), score: r.score }));
}

/* ---------- accepted answers per competence (told by Q&A) ---------- */

export async function bumpAccepted(uid: number, keys: string[], delta: number): Promise<void> {
	if (uid > 0 && keys.length) {
		await nodebb.db().incrObjectFieldByBulk([[K.accepted(uid), Object.fromEntries([...new Set(keys)].map(k => [k, delta]))]]);
	}
}

/** Per member, the answers accepted in each of `keys` (0 when none). */
export async function acceptedIn(uids: number[], keys: string[]): Promise<Record<string, number>[]> {
	if (!uids.length || !keys.length) {
		return uids.map(() => ({}));
	}
	const rows = await nodebb.db().getObjectsFields(uids.map(K.accepted), keys);
	return rows.map(r => Object.fromEntries(keys.map(k => [k, Math.max(0, asCount(r?.[k]))])));
}

export async function deleteAccepted(uid: number): Promise<void> {
	await nodebb.db().delete(K.accepted(uid));
}

export async function tierState(): Promise<string> {
	return asString(await nodebb.db().getObjectField(K.tierState, 'built'));
}

export async function setTierState(state: string): Promise<void> {
	await nodebb.db().setObjectField(K.tierState, 'built', state);
}

export async function reminderDismissed(uid: number): Promise<boolean> {
	return asCount(await nodebb.db().getObjectField(K.profile(uid), 'reminderDismissedAt')) > 0;
}

export async function dismissReminder(uid: number): Promise<void> {
	await nodebb.db().setObjectField(K.profile(uid), 'reminderDismissedAt', Date.now());
}

export async function deleteProfile(uid: number): Promise<void> {
	await nodebb.db().delete(K.profile(uid));
	await nodebb.db().sortedSetRemove(K.profiles, String(uid));
}

/* ---------- directory reads ---------- */

/** Every holder of a competence, whatever their tier (a taxonomy merge moves them all). */
export async function competenceMembers(key: string, minScore: number): Promise<{ uid: number; score: number }[]> {
	const lists = await Promise.all([K.byCompetence(key), K.routingOnly(key)].map(z => nodebb.db().getSortedSetRangeByScoreWithScores(z, 0, -1, minScore, '+inf')));
	return lists.flat().map(r => ({ uid: Number(r.value), score: r.score }));
}

/** Holders from the top of a competence's index (highest score first), from the `start`-th, at most `count`. */
export async function competenceTop(key: string, minScore: number, start: number, count: number): Promise<{ uid: number; score: number }[]> {
	const rows = await nodebb.db().getSortedSetRevRangeByScoreWithScores(K.byCompetence(key), start, count, '+inf', minScore);
	return rows.map(r => ({ uid: Number(r.value), score: r.score }));
}

/** How many times a competence's index changed (0 when never, or before versions were kept). */
export async function competenceVersion(key: string): Promise<number> {
	return asCount(await nodebb.db().getObjectField(K.versions, key));
}

export async function competenceCounts(keys: string[]): Promise<number[]> {
	return Promise.all(keys.map(k => nodebb.db().sortedSetCard(K.byCompetence(k))));
}

/** uids whose indexed words start with the prefix (at most `limit`). */
export async function wordMatches(prefix: string, limit: number): Promise<Set<number>> {
	const rows = await nodebb.sortedSetLexPrefix(K.wordBucket(prefix), prefix, limit);
	return new Set(rows.map(r => Number(r.slice(r.lastIndexOf(':') + 1))).filter(n => n > 0));
}

export async function inSet(key: string, uids: number[]): Promise<boolean[]> {
	if (!uids.length) {
		return [];
	}
	return nodebb.db().isSetMembers(key, uids.map(String));
}

export async function setSize(key: string): Promise<number> {
	return nodebb.db().setCount(key);
}

export async function setMembers(key: string): Promise<number[]> {
	return (await nodebb.db().getSetMembers(key)).map(Number);
}

/** uids with a profile, most recently updated first. */
export async function profilesRange(start: number, stop: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRevRange(K.profiles, start, stop)).map(Number);
}

export async function listedRange(start: number, stop: number): Promise<{ uids: number[]; total: number }> {
	const db = nodebb.db();
	const [uids, total] = await Promise.all([db.getSortedSetRevRange(K.listed, start, stop), db.sortedSetCard(K.listed)]);
	return { uids: uids.map(Number), total };
}
