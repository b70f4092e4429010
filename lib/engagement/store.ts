/**
 * Rules of engagement data, under `lvl:engagement:` (listed in README.md). Versions are never rewritten: a published
 * charter, an acceptance and a warning keep the text they were about, so history stays readable when articles go.
 */
import { randomBytes } from 'crypto';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import type { Article, CharterVersion, Texts } from './rules';

export const K = {
	/** hash: `version` in force (0 = none yet), `nextArticle` (next free article id number) */
	charter: 'lvl:engagement:charter',
	/** sorted set: version → publication time */
	versions: 'lvl:engagement:charter:versions',
	/** hash per version: version, publishedAt, publishedBy, articles (JSON) */
	version: (v: number): string => `lvl:engagement:charter:v:${String(v)}`,
	/** sorted set: uid → the highest version the account accepted */
	accepted: 'lvl:engagement:accepted',
	/** sorted set per version: uid → time of acceptance */
	acceptances: (v: number): string => `lvl:engagement:acceptances:v:${String(v)}`,
	/** hash: the version a registering person accepted, until their account exists (expires after a day) */
	registration: (token: string): string => `lvl:engagement:registration:${token}`,
	/** sorted set per account: version → time of acceptance (the member's own record) */
	acceptanceOf: (uid: number): string => `lvl:engagement:acceptance:${String(uid)}`,
	/** hash per flag that cites an article: articleId, number, version, titles (JSON), createdAt, resolvedAt, state */
	flag: (flagId: number): string => `lvl:engagement:flag:${String(flagId)}`,
	/** sorted set: flags citing an article, flagId → time (all of them, for the stats) */
	flags: 'lvl:engagement:flags',
	/** sorted set per article: flagId → time (NodeBB's flag list filter `lvlArticle` reads it) */
	flagsByArticle: (id: string): string => `lvl:engagement:flags:article:${id}`,
	/** sorted set: flagId → ms from the first report to its resolution */
	resolved: 'lvl:engagement:flags:resolved',
	/** hash per warning */
	warning: (id: number): string => `lvl:engagement:warning:${String(id)}`,
	/** sorted set: every warning, id → time given */
	warnings: 'lvl:engagement:warnings',
	/** sorted set: warnings by expiry, id → expiresAt (active ones have a score in the future) */
	warningsActive: 'lvl:engagement:warnings:active',
	/** sorted set per member: their warnings, id → expiresAt */
	warningsOf: (uid: number): string => `lvl:engagement:warnings:uid:${String(uid)}`,
	/** sorted set: members whose new posts go to NodeBB's post queue, uid → until */
	queue: 'lvl:engagement:queue',
	/** hashes: nl, fr, en → the guard's lists (with `v`, a stamp changed by every save) / the disclaimer text */
	patterns: 'lvl:engagement:patterns',
	disclaimer: 'lvl:engagement:disclaimer',
	/** sorted set: posts the guard caught, pid (or `q:<uid>:<time>` for a queued one) → time */
	hits: 'lvl:engagement:guard:hits',
	/** hash per hit: pid, uid, cid, pattern, lang, mode, flagId, dismissedBy, dismissedAt */
	hit: (id: string): string => `lvl:engagement:guard:hit:${id}`,
};

function parse<T>(raw: unknown, fallback: T): T {
	try {
		return typeof raw === 'string' && raw ? JSON.parse(raw) as T : (raw && typeof raw === 'object' ? raw as T : fallback);
	} catch {
		return fallback;
	}
}

export async function currentVersion(): Promise<number> {
	return asCount(await nodebb.db().getObjectField(K.charter, 'version'));
}

/**
 * Every page a member opens asks whether they still have to accept the charter: the version in force and what each
 * member accepted are kept per process (in NodeBB's cache, under one key) and dropped in every process by any write
 * that changes them (a publication, an acceptance, a deleted account).
 */
const MEMO = 'lvl:engagement:charter:memo';
const MEMO_MEMBERS = 20000;
interface CharterMemo { version: Promise<number>; accepted: Map<number, number> }

function charterMemo(): CharterMemo {
	const cache = nodebb.localCache();
	const hit = cache.get(MEMO) as CharterMemo | undefined;
	if (hit) {
		return hit;
	}
	const memo: CharterMemo = { version: currentVersion(), accepted: new Map() };
	memo.version.catch(() => { cache.del(MEMO); });
	cache.set(MEMO, memo);
	return memo;
}

export function forgetCharterMemo(): void {
	nodebb.localCache().del(MEMO);
}

/** The version in force and what `uid` accepted, as kept per process (see above). */
export async function pendingVersions(uid: number): Promise<{ version: number; accepted: number }> {
	const memo = charterMemo();
	const version = await memo.version;
	let accepted = memo.accepted.get(uid);
	if (version && accepted === undefined) {
		accepted = await acceptedVersion(uid);
		if (memo.accepted.size >= MEMO_MEMBERS) {
			memo.accepted.clear();
		}
		memo.accepted.set(uid, accepted);
	}
	return { version, accepted: accepted ?? 0 };
}

export async function nextArticle(): Promise<number> {
	return asCount(await nodebb.db().getObjectField(K.charter, 'nextArticle'), 1) || 1;
}

export async function getVersion(v: number): Promise<CharterVersion | null> {
	if (!(v > 0)) {
		return null;
	}
	const h = await nodebb.db().getObject(K.version(v));
	if (!h) {
		return null;
	}
	return { version: asCount(h.version), publishedAt: asCount(h.publishedAt), publishedBy: asCount(h.publishedBy), articles: parse<Article[]>(h.articles, []) };
}

/**
 * Writes a new version, then one write switches the charter over to it: a failure midway leaves the previous
 * version in force. Two admins publishing at once each get their own number (an atomic counter).
 */
export async function publish(articles: Article[], by: number, next: number): Promise<number> {
	const db = nodebb.db();
	const v = await db.incrObjectField('global', 'nextLvlCharterVersion');
	const now = Date.now();
	await db.setObject(K.version(v), { version: v, publishedAt: now, publishedBy: by, articles: JSON.stringify(articles) });
	await db.sortedSetAdd(K.versions, now, String(v));
	const current = await currentVersion();
	await db.setObject(K.charter, { version: Math.max(v, current), nextArticle: Math.max(next, await nextArticle()) });
	forgetCharterMemo();
	return v;
}

export async function versionList(): Promise<{ version: number; publishedAt: number }[]> {
	const rows = await nodebb.db().getSortedSetRevRangeWithScores(K.versions, 0, -1);
	return rows.map(r => ({ version: asCount(r.value), publishedAt: r.score }));
}

export async function acceptedVersion(uid: number): Promise<number> {
	return asCount(await nodebb.db().sortedSetScore(K.accepted, String(uid)));
}

const TOKEN = /^[0-9a-f]{32}$/;

/** Written by the charter step's own callback; the registration state carries only the token. */
export async function saveRegistrationAcceptance(version: number): Promise<string> {
	const token = randomBytes(16).toString('hex');
	const db = nodebb.db();
	await db.setObject(K.registration(token), { version, createdAt: Date.now() });
	await db.pexpireAt(K.registration(token), Date.now() + 24 * 60 * 60 * 1000);
	return token;
}

export async function registrationAcceptance(token: unknown): Promise<number> {
	if (typeof token !== 'string' || !TOKEN.test(token)) {
		return 0;
	}
	return asCount(await nodebb.db().getObjectField(K.registration(token), 'version'));
}

/** Read once: the account it was for now exists. */
export async function takeRegistrationAcceptance(token: unknown): Promise<number> {
	const version = await registrationAcceptance(token);
	if (version) {
		await nodebb.db().delete(K.registration(String(token)));
	}
	return version;
}

export async function recordAcceptance(uid: number, version: number, at = Date.now()): Promise<void> {
	const db = nodebb.db();
	await Promise.all([
		db.sortedSetAdd(K.acceptances(version), at, String(uid)),
		db.sortedSetAdd(K.acceptanceOf(uid), at, String(version)),
	]);
	if (version > await acceptedVersion(uid)) {
		await db.sortedSetAdd(K.accepted, version, String(uid));
	}
	forgetCharterMemo();
}

export async function acceptancesOf(uid: number): Promise<{ version: number; at: number }[]> {
	const rows = await nodebb.db().getSortedSetRevRangeWithScores(K.acceptanceOf(uid), 0, -1);
	return rows.map(r => ({ version: asCount(r.value), at: r.score }));
}

export async function texts(key: string): Promise<Texts | null> {
	const h = await nodebb.db().getObject(key);
	return h ? { nl: asString(h.nl), fr: asString(h.fr), en: asString(h.en) } : null;
}

/** `version` (optional) is stored with the texts in the same write: readers that cache compiled texts compare it. */
export async function setTexts(key: string, t: Texts, version?: string): Promise<void> {
	await nodebb.db().setObject(key, { nl: t.nl, fr: t.fr, en: t.en, ...version ? { v: version } : {} });
}

/** The version stamp saved with the texts ('' before any save). */
export async function textsVersion(key: string): Promise<string> {
	return asString(await nodebb.db().getObjectField(key, 'v'));
}

export interface FlagRecord {
	flagId: number;
	articleId: string;
	number: number;
	version: number;
	titles: Texts | null;
	createdAt: number;
	resolvedAt: number;
	state: string;
}

export async function getFlag(flagId: number): Promise<FlagRecord | null> {
	const h = await nodebb.db().getObject(K.flag(flagId));
	if (!h) {
		return null;
	}
	return {
		flagId, articleId: asString(h.articleId), number: asCount(h.number), version: asCount(h.version),
		titles: parse<Texts | null>(h.titles, null), createdAt: asCount(h.createdAt), resolvedAt: asCount(h.resolvedAt), state: asString(h.state),
	};
}

export interface Warning {
	id: number;
	uid: number;
	by: number;
	articleId: string;
	number: number;
	version: number;
	/** the article as it read when the warning was given, in the three languages */
	title: Texts;
	body: Texts;
	note: string;
	pid: number;
	flagId: number;
	createdAt: number;
	expiresAt: number;
	revokedAt: number;
	/** the ladder step the moderator confirmed ('' = none), and until when */
	step: string;
	stepUntil: number;
}

export function readWarning(h: Record<string, unknown> | null): Warning | null {
	if (!h || !asCount(h.id)) {
		return null;
	}
	const empty = { nl: '', fr: '', en: '' };
	return {
		id: asCount(h.id), uid: asCount(h.uid), by: asCount(h.by), articleId: asString(h.articleId), number: asCount(h.number),
		version: asCount(h.version), title: parse<Texts>(h.title, empty), body: parse<Texts>(h.body, empty), note: asString(h.note),
		pid: asCount(h.pid), flagId: asCount(h.flagId), createdAt: asCount(h.createdAt), expiresAt: asCount(h.expiresAt),
		revokedAt: asCount(h.revokedAt), step: asString(h.step), stepUntil: asCount(h.stepUntil),
	};
}

export async function createWarning(w: Omit<Warning, 'id'>): Promise<Warning> {
	const db = nodebb.db();
	const id = await db.incrObjectField('global', 'nextLvlWarningId');
	const full: Warning = { ...w, id };
	await db.setObject(K.warning(id), { ...full, title: JSON.stringify(w.title), body: JSON.stringify(w.body) });
	await Promise.all([
		db.sortedSetAdd(K.warnings, w.createdAt, String(id)),
		db.sortedSetAdd(K.warningsActive, w.expiresAt, String(id)),
		db.sortedSetAdd(K.warningsOf(w.uid), w.expiresAt, String(id)),
	]);
	return full;
}

export async function getWarning(id: number): Promise<Warning | null> {
	return id > 0 ? readWarning(await nodebb.db().getObject(K.warning(id))) : null;
}

export async function warningsOf(uid: number): Promise<Warning[]> {
	const ids = await nodebb.db().getSortedSetRevRange(K.warningsOf(uid), 0, 199);
	const rows = await nodebb.db().getObjects(ids.map(id => K.warning(asCount(id))));
	return rows.map(readWarning).filter((w): w is Warning => w !== null);
}

export async function activeCount(uid: number, now = Date.now()): Promise<number> {
	const ws = await warningsOf(uid);
	return ws.filter(w => w.expiresAt > now && !w.revokedAt).length;
}

export async function setWarningFields(id: number, fields: Record<string, unknown>): Promise<void> {
	await nodebb.db().setObject(K.warning(id), fields);
}

export async function queuedUntil(uid: number): Promise<number> {
	return asCount(await nodebb.db().sortedSetScore(K.queue, String(uid)));
}
