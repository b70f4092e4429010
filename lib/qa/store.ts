/**
 * Q&A data. A topic's type, status and competences live as prefixed fields on NodeBB's own `topic:<tid>` hash (so
 * they go when NodeBB purges the topic); the lists, counters, routing records and figures live under `lvl:qa:`.
 * Keys are listed in README.md.
 */
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as locks from '../kernel/lock';
import { type QaTopic, readTopic, type Status, TOPIC_FIELDS, type TopicType } from './rules';

export const K = {
	/** hash: cid → JSON of the category's Q&A setting */
	categories: 'lvl:qa:categories',
	/** sorted set per type: tid → creation time (category filters, offers and wanted lists) */
	type: (t: TopicType): string => `lvl:qa:type:${t}`,
	/** sorted set per status: tid → creation time */
	status: (s: Status): string => `lvl:qa:status:${s}`,
	/** sorted set: questions nobody but the asker has replied to, tid → creation time */
	unanswered: 'lvl:qa:unanswered',
	/** sorted set: open questions (no accepted answer), tid → creation time: the "unsolved" list reads one key */
	openQuestions: 'lvl:qa:questions:open',
	/** sorted set per competence: its questions (all, and the open ones), tid → creation time */
	competenceQuestions: (key: string): string => `lvl:qa:c:${key}:questions`,
	competenceOpen: (key: string): string => `lvl:qa:c:${key}:open`,
	/** sorted set per member: their own Q&A topics */
	mine: (uid: number): string => `lvl:qa:uid:${String(uid)}:topics`,
	/** set per question: members other than the asker who replied */
	answerers: (tid: number): string => `lvl:qa:answerers:${String(tid)}`,
	/** hash per member: asked, answered, accepted, and `c:<key>` accepted per competence */
	counts: (uid: number): string => `lvl:qa:counts:${String(uid)}`,
	/** sorted set per question: members it was routed to, uid → time */
	routedFor: (tid: number): string => `lvl:qa:routed:${String(tid)}`,
	/** sorted set per member: questions routed to them, tid → time (their own week's count, clean-up) */
	routedTo: (uid: number): string => `lvl:qa:routedTo:${String(uid)}`,
	/**
	 * sorted set: every routing of the last 7 days, "uid:tid" → time. Routing reads the week's count of all its
	 * candidates from this one key (its size is the week's routings, not the number of members).
	 */
	routings: 'lvl:qa:routings',
	/** sorted set: the direct requests still open, "to:id" → time (the fair spread counts them per candidate) */
	openRequests: 'lvl:qa:requests:open',
	/** hash per member: routing paused (1) */
	memberPrefs: (uid: number): string => `lvl:qa:prefs:${String(uid)}`,
	/** sorted set: offers and wanted posts that are open, tid → expiry time */
	expiry: 'lvl:qa:expiry',
	/** sorted set: open offers and wanted posts whose author is still to be reminded, tid → when */
	expiryReminder: 'lvl:qa:expiry:reminder',
	/** sorted set: open questions, tid → when the escalation job looks at them next */
	escalation: 'lvl:qa:escalation',
	/** hash per direct request ("ask this member"): id, from, to, tid, state, createdAt, answeredAt */
	request: (id: number): string => `lvl:qa:request:${String(id)}`,
	/** sorted sets of the direct requests still open: waiting on a member, sent by an asker; id → time */
	requestsTo: (uid: number): string => `lvl:qa:requests:to:${String(uid)}`,
	requestsFrom: (uid: number): string => `lvl:qa:requests:from:${String(uid)}`,
	/** sorted set per member: every request they sent or received, id → time (removed with the account) */
	requestsOf: (uid: number): string => `lvl:qa:requests:uid:${String(uid)}`,
	/** sorted set per question: the members asked directly, uid → request id */
	requestsFor: (tid: number): string => `lvl:qa:requests:tid:${String(tid)}`,
	/** hash of counters: `request` (the last request id) */
	ids: 'lvl:qa:ids',
	/**
	 * Figures kept as events happen: per scope ('all', 'cid:<cid>', 'c:<key>') a sorted set of questions (tid →
	 * creation time) and sorted sets of durations (tid → ms to the first reply, to the accepted answer): a count is
	 * the card, a median the middle element.
	 */
	statQuestions: (scope: string): string => `lvl:qa:stats:${scope}:questions`,
	statFirstReply: (scope: string): string => `lvl:qa:stats:${scope}:firstReply`,
	statAccepted: (scope: string): string => `lvl:qa:stats:${scope}:accepted`,
	/* the promise (claims, cascade, coordinators, quiet hours): lib/qa/claims.ts, coordinator.ts, quiet.ts */
	/** hash per question: round, roundAt, claimBy, claimAt, claimUntil, firstClaimAt, coordinatorAt, assignedTo/By/At, moderatorsAt */
	promise: (tid: number): string => `lvl:qa:promise:${String(tid)}`,
	/** set per question: members who declined it */
	declined: (tid: number): string => `lvl:qa:declined:${String(tid)}`,
	/** sorted set per member: the questions they claimed and nobody answered yet, tid → claim end (their load) */
	claimsBy: (uid: number): string => `lvl:qa:claims:uid:${String(uid)}`,
	/** sorted set: notifications waiting for the end of quiet hours or "do not disturb", "uid|nid" → when to deliver */
	pending: 'lvl:qa:pending',
	/** hash: "uid|nid" → the notification's JSON, while it waits */
	pendingData: 'lvl:qa:pending:data',
	/** sorted set: "uid|nid" delivered from the waiting list → when (never twice; kept 7 days) */
	delivered: 'lvl:qa:delivered',
	/** sorted set per scope: tid → ms from the question to its first claim (Insight) */
	statFirstClaim: (scope: string): string => `lvl:qa:stats:${scope}:firstClaim`,
};

export async function getTopic(tid: number): Promise<QaTopic | null> {
	if (!(tid > 0)) {
		return null;
	}
	return readTopic(await nodebb.topics().getTopicFields(tid, [...TOPIC_FIELDS]));
}

export async function getTopics(tids: number[]): Promise<(QaTopic | null)[]> {
	if (!tids.length) {
		return [];
	}
	return (await nodebb.topics().getTopicsFields(tids, [...TOPIC_FIELDS])).map(readTopic);
}

export async function setTopicFields(tid: number, fields: Record<string, unknown>): Promise<void> {
	await nodebb.topics().setTopicFields(tid, fields);
}

export async function categorySetting(cid: number): Promise<unknown> {
	const raw = asString(await nodebb.db().getObjectField(K.categories, String(cid)));
	try {
		return raw ? JSON.parse(raw) as unknown : null;
	} catch {
		return null;
	}
}

export async function setCategorySetting(cid: number, value: unknown): Promise<void> {
	await nodebb.db().setObjectField(K.categories, String(cid), JSON.stringify(value));
}

export async function counts(uid: number): Promise<Record<string, number>> {
	const h = await nodebb.db().getObject(K.counts(uid));
	return Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k, asCount(v)]));
}

export async function bump(uid: number, field: string, by: number): Promise<void> {
	if (uid > 0) {
		await nodebb.db().incrObjectFieldBy(K.counts(uid), field, by);
	}
}

const LOCKS = 'lvl:qa:locks';

/**
 * A short lock on a topic so that two accept/undo calls cannot interleave (NodeBB's own pattern: an atomic
 * increment of a field in a shared hash). Returns false when another call holds it; a lock older than a minute (a
 * crashed process) is taken back.
 */
export async function lock(name: string): Promise<boolean> {
	return locks.take({ key: LOCKS, field: name, atField: `${name}:at`, ttlMs: 60000 });
}

export async function unlock(name: string): Promise<void> {
	await locks.release({ key: LOCKS, field: name, atField: `${name}:at`, ttlMs: 60000 });
}

/** The newest questions of a competence that a member may read (a competence's page shows them). */
export async function latestQuestions(key: string, uid: number, count: number): Promise<Record<string, unknown>[]> {
	const tids = (await nodebb.db().getSortedSetRevRange(K.competenceQuestions(key), 0, count - 1)).map(Number);
	const visible = await nodebb.privileges().topics.filterTids('topics:read', tids, uid);
	return nodebb.topics().getTopicsByTids(visible, uid);
}

/* ---------- where a topic belongs: the one function that keeps the lists and figures in step ---------- */

/** The scopes of a question's figures: everything, its category, each of its competences. */
export function statScopes(t: QaTopic): string[] {
	return ['all', `cid:${String(t.cid)}`, ...t.competences.map(c => `c:${c}`)];
}

/**
 * Every list and figure key a topic belongs in, from its state alone, with its score there: its type, its status,
 * its author's list; for a question also the unanswered list (until the first reply), the open questions and each
 * competence's lists, and the figures per scope (creation time; ms to the first reply; ms to the accepted answer).
 */
export function placesOf(t: QaTopic): Map<string, number> {
	const at = new Map<string, number>();
	if (!t.type) {
		return at;
	}
	at.set(K.type(t.type), t.timestamp);
	if (t.status) {
		at.set(K.status(t.status), t.timestamp);
	}
	at.set(K.mine(t.uid), t.timestamp);
	if (t.type !== 'question') {
		return at;
	}
	const open = t.status === 'open';
	if (!t.firstReplyAt) {
		at.set(K.unanswered, t.timestamp);
	}
	if (open) {
		at.set(K.openQuestions, t.timestamp);
	}
	for (const c of t.competences) {
		at.set(K.competenceQuestions(c), t.timestamp);
		if (open) {
			at.set(K.competenceOpen(c), t.timestamp);
		}
	}
	for (const scope of statScopes(t)) {
		at.set(K.statQuestions(scope), t.timestamp);
		if (t.firstReplyAt) {
			at.set(K.statFirstReply(scope), Math.max(0, t.firstReplyAt - t.timestamp));
		}
		if (t.accepted.length && t.acceptedAt) {
			at.set(K.statAccepted(scope), Math.max(0, t.acceptedAt - t.timestamp));
		}
	}
	return at;
}

/** Every status and list key a topic could be in whatever its state (a topic being forgotten leaves them all). */
function everyPlace(t: QaTopic): string[] {
	return [...(['open', 'solved', 'fulfilled', 'closed', 'expired'] as Status[]).map(K.status), K.openQuestions, K.unanswered, K.mine(t.uid),
		...statScopes(t).flatMap(scope => [K.statQuestions(scope), K.statFirstReply(scope), K.statAccepted(scope)])];
}

/**
 * Moves a topic from where its state `before` put it to where its state `after` puts it (null: nowhere, and out of
 * every list it could be in). New topics pass `before` null; a forgotten topic passes `after` null. The lists'
 * version goes up, so each process counts its totals again.
 */
export async function placeTopic(before: QaTopic | null, after: QaTopic | null): Promise<void> {
	const t = after ?? before;
	if (!t) {
		return;
	}
	const tid = String(t.tid);
	const from = before ? placesOf(before) : new Map<string, number>();
	const to = after ? placesOf(after) : new Map<string, number>();
	const leave = [...from.keys()].filter(key => !to.has(key));
	if (!after && before) {
		leave.push(...everyPlace(before).filter(key => !leave.includes(key)));
	}
	const enter = [...to.entries()].filter(([key, score]) => from.get(key) !== score);
	const db = nodebb.db();
	if (leave.length) {
		await db.sortedSetRemoveBulk(leave.map((key): [string, string] => [key, tid]));
	}
	if (enter.length) {
		await db.sortedSetAddBulk(enter.map(([key, score]): [string, number, string] => [key, score, tid]));
	}
	await listsChanged();
}

/**
 * The lists' version: a new value whenever a topic moves in or out of a list (or demand reorders the unanswered
 * one). A value never seen before rather than a counter, so a database emptied or restored cannot bring an old
 * version back; none at all (a new database) means nothing is kept.
 */
async function listsVersion(): Promise<string> {
	return asString(await nodebb.db().getObjectField(K.ids, 'lists'));
}

let changes = 0;

async function listsChanged(): Promise<void> {
	changes += 1;
	await nodebb.db().setObjectField(K.ids, 'lists', `${Date.now().toString(36)}.${process.pid.toString(36)}.${changes.toString(36)}.${Math.random().toString(36).slice(2, 8)}`);
}

const counted = new Map<string, { version: string; value: unknown }>();

/**
 * What `read` gives, kept in this process until the lists' version changes: a list's total is counted once per
 * change, not on every page (on PostgreSQL a count reads the whole key). Another process's change is seen at once.
 */
async function perVersion<T>(id: string, read: () => Promise<T>): Promise<T> {
	const version = await listsVersion();
	const hit = counted.get(id);
	if (version && hit?.version === version) {
		return hit.value as T;
	}
	const value = await read();
	if (counted.size > 2000) {
		counted.clear();
	}
	counted.set(id, { version, value });
	return value;
}

/** A list's total (`sets` more than one: the topics in all of them). */
export async function listTotal(sets: string[]): Promise<number> {
	const db = nodebb.db();
	return perVersion(`total|${sets.join('|')}`, async () => asCount(sets.length > 1 ? await db.sortedSetIntersectCard(sets) : await db.sortedSetCard(sets[0] ?? '')));
}

/** A whole list as `read` gives it, kept per version under `id` (a member who may not read some categories pages it whole). */
export async function wholeList(id: string, read: () => Promise<number[]>): Promise<number[]> {
	return perVersion(`whole|${id}`, read);
}

/** One page of a list, newest first (`sets` more than one: the topics in all of them, by the first one's order). */
export async function listPage(sets: string[], start: number, stop: number): Promise<number[]> {
	const [first = ''] = sets;
	const values = sets.length > 1
		? await nodebb.db().getSortedSetRevIntersect({ sets, start, stop, weights: sets.map((_, i) => (i ? 0 : 1)) })
		: await nodebb.sortedSetRevPage(first, start, stop);
	return values.map(Number);
}

export async function listSize(key: string): Promise<number> {
	return asCount(await nodebb.db().sortedSetCard(key));
}

/** The newest open questions of some competences (up to 500 each), tid → creation time. */
export async function openOfCompetences(keys: string[]): Promise<Map<number, number>> {
	const rows = await Promise.all(keys.map(k => nodebb.db().getSortedSetRevRangeWithScores(K.competenceOpen(k), 0, 499)));
	const byTid = new Map<number, number>();
	for (const r of rows.flat()) {
		byTid.set(Number(r.value), r.score);
	}
	return byTid;
}

/** Every category id of the forum (NodeBB's own `categories:cid`). */
export async function categoryIds(): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange('categories:cid', 0, -1)).map(Number);
}

/** A figure key read whole, or only its middle rows (`start`..`stop`), with scores. */
export async function statRows(key: string, start = 0, stop = -1): Promise<{ value: string; score: number }[]> {
	return nodebb.db().getSortedSetRangeWithScores(key, start, stop);
}

/* ---------- schedules: escalation, expiry, expiry reminders (sorted sets scored by when) ---------- */

export type Schedule = 'escalation' | 'expiry' | 'expiryReminder';

/** When the job looks at a topic next for this schedule; null takes it off. */
export async function schedule(which: Schedule, tid: number, at: number | null): Promise<void> {
	const db = nodebb.db();
	await (at === null ? db.sortedSetRemove(K[which], String(tid)) : db.sortedSetAdd(K[which], at, String(tid)));
}

export async function unschedule(which: Schedule[], tid: number): Promise<void> {
	await nodebb.db().sortedSetsRemove(which.map(w => K[w]), String(tid));
}

/** Up to `batch` topics due on a schedule at `now`. */
export async function due(which: Schedule, now: number, batch: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRangeByScore(K[which], 0, batch, '-inf', now)).map(Number);
}

/* ---------- accepted answers and replies ---------- */

/** The post's own mark as an accepted answer (the topic page shows it). */
export async function markAccepted(pid: number, accepted: boolean): Promise<void> {
	const db = nodebb.db();
	await (accepted ? db.setObjectField(`post:${String(pid)}`, 'lvlAccepted', 1) : db.deleteObjectField(`post:${String(pid)}`, 'lvlAccepted'));
}

/** A member who replied to a question; true when they had not before. */
export async function addAnswerer(tid: number, uid: number): Promise<boolean> {
	const db = nodebb.db();
	if (await db.isSetMember(K.answerers(tid), String(uid))) {
		return false;
	}
	await db.setAdd(K.answerers(tid), String(uid));
	return true;
}

export async function answerersOf(tid: number): Promise<number[]> {
	return (await nodebb.db().getSetMembers(K.answerers(tid))).map(Number);
}

/** For each question, whether this member replied to it. */
export async function hasAnswered(tids: number[], uid: number): Promise<boolean[]> {
	return nodebb.db().isMemberOfSets(tids.map(tid => K.answerers(tid)), String(uid));
}

/** A topic's own Q&A data goes (its fields, its posts' marks, who answered, who it was routed to). */
export async function forgetTopicData(t: QaTopic): Promise<void> {
	const db = nodebb.db();
	const tid = String(t.tid);
	const routed = (await db.getSortedSetRange(K.routedFor(t.tid), 0, -1)).map(Number);
	if (routed.length) {
		await db.sortedSetRemoveBulk([...routed.map((uid): [string, string] => [K.routedTo(uid), tid]), ...routed.map((uid): [string, string] => [K.routings, `${String(uid)}:${tid}`])]);
	}
	await db.deleteAll([K.answerers(t.tid), K.routedFor(t.tid)]);
	await db.deleteObjectFields(`topic:${tid}`, ['lvlType', 'lvlStatus', 'lvlCompetences', 'lvlAccepted', 'lvlFirstReplyAt', 'lvlAcceptedAt', 'lvlExpiresAt', 'lvlEscalation']);
	await Promise.all(t.accepted.map(pid => markAccepted(pid, false)));
}

/** An account is deleted: its counters, preferences, routings and own list go. */
export async function forgetMemberData(uid: number): Promise<void> {
	const db = nodebb.db();
	const routings = (await db.getSortedSetRange(K.routings, 0, -1)).filter(v => v.startsWith(`${String(uid)}:`));
	if (routings.length) {
		await db.sortedSetRemove(K.routings, routings);
	}
	await db.deleteAll([K.counts(uid), K.memberPrefs(uid), K.routedTo(uid), K.mine(uid)]);
	await listsChanged();
}

/* ---------- routing records ---------- */

export async function routedMembers(tid: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange(K.routedFor(tid), 0, -1)).map(Number);
}

export async function routedCount(tid: number): Promise<number> {
	return asCount(await nodebb.db().sortedSetCard(K.routedFor(tid)));
}

export async function wasRoutedTo(tid: number, uid: number): Promise<boolean> {
	return (await nodebb.db().sortedSetScore(K.routedFor(tid), String(uid))) !== null;
}

/** Who was asked, per question and per member, and the week's routings: one round trip. */
export async function recordRouting(tid: number, uids: number[], now: number): Promise<void> {
	const db = nodebb.db();
	await db.sortedSetAddBulk(uids.flatMap((uid): [string, number, string][] => [
		[K.routedFor(tid), now, String(uid)],
		[K.routedTo(uid), now, String(tid)],
		[K.routings, now, `${String(uid)}:${String(tid)}`],
	]));
	// a round that read the question just before it was purged must not leave it behind: the purge's clean-up may
	// already have run, so what this round wrote goes again when the topic is gone
	if (!await db.exists(`topic:${String(tid)}`)) {
		await db.sortedSetRemoveBulk(uids.flatMap((uid): [string, string][] => [[K.routedTo(uid), String(tid)], [K.routings, `${String(uid)}:${String(tid)}`]]));
		await db.deleteAll([K.routedFor(tid)]);
	}
}

/** Questions routed to a member since `since`. */
export async function routedToSince(uid: number, since: number): Promise<number> {
	return nodebb.db().sortedSetCount(K.routedTo(uid), since, '+inf');
}

/**
 * The routings since `since` ("uid:tid") and the open direct requests ("to:id"); routings older than that are
 * dropped first, so the key keeps only the week and reading it stays cheap.
 */
export async function recentRoutingsAndRequests(since: number): Promise<{ routings: string[]; requests: string[] }> {
	const db = nodebb.db();
	await db.sortedSetsRemoveRangeByScore([K.routings], '-inf', since);
	const [routings, requests] = await Promise.all([db.getSortedSetRangeByScore(K.routings, 0, -1, since, '+inf'), db.getSortedSetRange(K.openRequests, 0, -1)]);
	return { routings, requests };
}

/* ---------- members' preferences (routing paused, capacity, away, quiet hours) ---------- */

export async function prefsOf(uids: number[]): Promise<(Record<string, unknown> | null)[]> {
	return uids.length ? nodebb.db().getObjects(uids.map(K.memberPrefs)) : [];
}

export async function setPrefs(uid: number, fields: Record<string, string | number>): Promise<void> {
	await nodebb.db().setObject(K.memberPrefs(uid), fields);
}

/* ---------- the promise: claims, declines ---------- */

export async function promiseOf(tid: number): Promise<Record<string, unknown> | null> {
	return nodebb.db().getObject(K.promise(tid));
}

export async function setPromise(tid: number, fields: Record<string, unknown>): Promise<void> {
	await nodebb.db().setObject(K.promise(tid), fields);
}

/** Open claims and open direct requests, per member. */
export async function loadsOf(uids: number[]): Promise<number[]> {
	const db = nodebb.db();
	const [claims, requests] = await Promise.all([db.sortedSetsCard(uids.map(K.claimsBy)), db.sortedSetsCard(uids.map(K.requestsTo))]);
	return uids.map((_, i) => asCount(claims[i]) + asCount(requests[i]));
}

/** A claim starts: the member's load, their decline forgotten; the first claim's time goes into the figures. */
export async function recordClaim(t: QaTopic, uid: number, until: number, firstClaimAt: number | null): Promise<void> {
	const db = nodebb.db();
	const tid = String(t.tid);
	if (firstClaimAt !== null) {
		await db.sortedSetAddBulk(statScopes(t).map((scope): [string, number, string] => [K.statFirstClaim(scope), Math.max(0, firstClaimAt - t.timestamp), tid]));
	}
	await Promise.all([db.sortedSetAdd(K.claimsBy(uid), until, tid), db.setRemove(K.declined(t.tid), String(uid))]);
}

/** A claim ends: the member's load drops; with `clearState` the question's claim fields go too. */
export async function endClaim(tid: number, uid: number, clearState: boolean): Promise<void> {
	await nodebb.db().sortedSetRemove(K.claimsBy(uid), String(tid));
	if (clearState) {
		await nodebb.db().deleteObjectFields(K.promise(tid), ['claimBy', 'claimAt', 'claimUntil']);
	}
}

export async function claimedBy(uid: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange(K.claimsBy(uid), 0, -1)).map(Number);
}

export async function forgetClaims(uid: number): Promise<void> {
	await nodebb.db().delete(K.claimsBy(uid));
}

export async function setDeclined(tid: number, uid: number, declined: boolean): Promise<void> {
	const db = nodebb.db();
	await (declined ? db.setAdd(K.declined(tid), String(uid)) : db.setRemove(K.declined(tid), String(uid)));
}

export async function declinedBy(tid: number): Promise<number[]> {
	return (await nodebb.db().getSetMembers(K.declined(tid))).map(Number);
}

/** How many members a question was routed to, and how many of them declined it. */
export async function routedAndDeclined(tid: number): Promise<{ routed: number; declined: number }> {
	const db = nodebb.db();
	const [routed, declined] = await Promise.all([db.sortedSetCard(K.routedFor(tid)), db.setCount(K.declined(tid))]);
	return { routed: asCount(routed), declined: asCount(declined) };
}

/** The question is gone: its promise data and first-claim figures go. */
export async function forgetPromise(t: QaTopic): Promise<void> {
	const db = nodebb.db();
	await db.deleteAll([K.promise(t.tid), K.declined(t.tid)]);
	await db.sortedSetsRemove(statScopes(t).map(K.statFirstClaim), String(t.tid));
}

/* ---------- direct requests ("ask this member") ---------- */

export async function requestsById(ids: number[]): Promise<(Record<string, unknown> | null)[]> {
	return ids.length ? nodebb.db().getObjects(ids.map(K.request)) : [];
}

/** What `requestProblem` needs to know: the asker's open requests, whether this member was asked, how many were. */
export async function requestFacts(from: number, to: number, tid: number): Promise<{ openFromAsker: number; alreadyAsked: boolean; askedForQuestion: number }> {
	const db = nodebb.db();
	const [openFromAsker, askedBefore, askedForQuestion] = await Promise.all([
		db.sortedSetCard(K.requestsFrom(from)),
		db.sortedSetScore(K.requestsFor(tid), String(to)),
		// every request of the question stays in this set (withdrawn and declined ones too) until it is purged
		db.sortedSetCard(K.requestsFor(tid)),
	]);
	return { openFromAsker: asCount(openFromAsker), alreadyAsked: askedBefore !== null, askedForQuestion: asCount(askedForQuestion) };
}

/** A new request: its id, its hash, and the lists it is in. */
export async function createRequest(fields: { from: number; to: number; tid: number; createdAt: number }): Promise<number> {
	const db = nodebb.db();
	const { from, to, tid, createdAt: now } = fields;
	const id = await db.incrObjectField(K.ids, 'request');
	await db.setObject(K.request(id), { id, from, to, tid, state: 'open', createdAt: now, answeredAt: 0 });
	await Promise.all([
		db.sortedSetAdd(K.requestsTo(to), now, String(id)),
		db.sortedSetAdd(K.requestsFrom(from), now, String(id)),
		db.sortedSetAdd(K.openRequests, now, `${String(to)}:${String(id)}`),
		db.sortedSetsAdd([K.requestsOf(from), K.requestsOf(to)], now, String(id)),
		db.sortedSetAdd(K.requestsFor(tid), id, String(to)),
	]);
	return id;
}

export async function setRequest(id: number, fields: Record<string, string | number>): Promise<void> {
	await nodebb.db().setObject(K.request(id), fields);
}

/** A request no longer waits on anyone: out of the open lists. */
export async function leaveOpenRequests(r: { id: number; from: number; to: number }): Promise<void> {
	const db = nodebb.db();
	await Promise.all([
		db.sortedSetRemove(K.requestsTo(r.to), String(r.id)),
		db.sortedSetRemove(K.requestsFrom(r.from), String(r.id)),
		db.sortedSetRemove(K.openRequests, `${String(r.to)}:${String(r.id)}`),
	]);
}

/** The hashes of every request about a question. */
export async function requestsOfTopic(tid: number): Promise<(Record<string, unknown> | null)[]> {
	const rows = await nodebb.db().getSortedSetRangeWithScores(K.requestsFor(tid), 0, -1);
	return requestsById(rows.map(row => row.score));
}

/** A request goes entirely (`keepTopicList`: the question's own list is deleted as a whole afterwards). */
export async function deleteRequest(r: { id: number; from: number; to: number; tid: number }, keepTopicList: boolean): Promise<void> {
	const db = nodebb.db();
	await leaveOpenRequests(r);
	await Promise.all([
		db.sortedSetRemove(K.requestsOf(r.from), String(r.id)),
		db.sortedSetRemove(K.requestsOf(r.to), String(r.id)),
		...(keepTopicList ? [] : [db.sortedSetRemove(K.requestsFor(r.tid), String(r.to))]),
		db.delete(K.request(r.id)),
	]);
}

export async function deleteRequestsOfTopic(tid: number): Promise<void> {
	await nodebb.db().delete(K.requestsFor(tid));
}

export async function requestIdsOf(uid: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange(K.requestsOf(uid), 0, -1)).map(Number);
}

export async function forgetRequestLists(uid: number): Promise<void> {
	await nodebb.db().deleteAll([K.requestsOf(uid), K.requestsTo(uid), K.requestsFrom(uid)]);
}

/** The newest 50 open requests waiting on a member, and sent by them. */
export async function openRequestIds(uid: number): Promise<{ to: number[]; from: number[] }> {
	const db = nodebb.db();
	const [to, from] = await Promise.all([db.getSortedSetRevRange(K.requestsTo(uid), 0, 49), db.getSortedSetRevRange(K.requestsFrom(uid), 0, 49)]);
	return { to: to.map(Number), from: from.map(Number) };
}

export async function openRequestCount(uid: number): Promise<number> {
	return asCount(await nodebb.db().sortedSetCard(K.requestsTo(uid)));
}

/* ---------- notifications waiting for quiet hours to end ---------- */

/** Keeps a notification for these members until `at` each ("uid|nid"). */
export async function addPending(items: { item: string; at: number }[], json: string): Promise<void> {
	const db = nodebb.db();
	await db.setObject(K.pendingData, Object.fromEntries(items.map(x => [x.item, json])));
	await db.sortedSetAddBulk(items.map((x): [string, number, string] => [K.pending, x.at, x.item]));
}

/** Up to `batch` waiting notifications due at `now`, after forgetting deliveries older than `deliveredSince`. */
export async function duePending(now: number, batch: number, deliveredSince: number): Promise<string[]> {
	const db = nodebb.db();
	await db.sortedSetsRemoveRangeByScore([K.delivered], '-inf', deliveredSince);
	return db.getSortedSetRangeByScore(K.pending, 0, batch, '-inf', now);
}

/** For each waiting item: whether it was delivered already, and its notification's JSON. */
export async function pendingState(items: string[]): Promise<{ delivered: (number | null)[]; data: Record<string, unknown> }> {
	const db = nodebb.db();
	const [delivered, data] = await Promise.all([db.sortedSetScores(K.delivered, items), db.getObjectFields(K.pendingData, items)]);
	return { delivered, data };
}

export async function postponePending(item: string, at: number): Promise<void> {
	await nodebb.db().sortedSetAdd(K.pending, at, item);
}

export async function markDelivered(item: string, now: number): Promise<void> {
	await nodebb.db().sortedSetAdd(K.delivered, now, item);
}

export async function dropPending(items: string[]): Promise<void> {
	if (items.length) {
		const db = nodebb.db();
		await db.sortedSetRemove(K.pending, items);
		await db.deleteObjectFields(K.pendingData, items);
	}
}

export async function pendingItems(): Promise<string[]> {
	return nodebb.db().getSortedSetRange(K.pending, 0, -1);
}

/* ---------- demand ("me too") ---------- */

export const DEMAND_K = {
	/** sorted set per question: the members who have it too, uid → 1 (followed by the tap) or 2 (already following) */
	members: (tid: number): string => `lvl:qa:demand:${String(tid)}`,
	/** sorted set: questions with demand, tid → how many members have it too */
	questions: 'lvl:qa:demand',
	/** sorted set per member: the questions they have too, tid → time (removed with the account) */
	mine: (uid: number): string => `lvl:qa:demand:uid:${String(uid)}`,
};

export async function demandsOf(tids: number[]): Promise<number[]> {
	return tids.length ? (await nodebb.db().sortedSetScores(DEMAND_K.questions, tids.map(String))).map(n => asCount(n)) : [];
}

/** How this member has the question too: 1 (the tap followed it), 2 (they followed it already), null (not). */
export async function demandBy(tid: number, uid: number): Promise<number | null> {
	return nodebb.db().sortedSetScore(DEMAND_K.members(tid), String(uid));
}

export async function addDemand(tid: number, uid: number, how: 1 | 2, now: number): Promise<void> {
	const db = nodebb.db();
	await db.sortedSetAddBulk([[DEMAND_K.members(tid), how, String(uid)], [DEMAND_K.mine(uid), now, String(tid)]]);
	await db.sortedSetIncrBy(DEMAND_K.questions, 1, String(tid));
	await listsChanged();
}

export async function dropDemand(tid: number, uid: number): Promise<void> {
	const db = nodebb.db();
	await db.sortedSetRemoveBulk([[DEMAND_K.members(tid), String(uid)], [DEMAND_K.mine(uid), String(tid)]]);
	if (await db.sortedSetIncrBy(DEMAND_K.questions, -1, String(tid)) <= 0) {
		await db.sortedSetRemove(DEMAND_K.questions, String(tid));
	}
	await listsChanged();
}

export async function forgetDemandOfTopic(tid: number): Promise<void> {
	const db = nodebb.db();
	const uids = await db.getSortedSetRange(DEMAND_K.members(tid), 0, -1);
	if (uids.length) {
		await db.sortedSetRemoveBulk(uids.map((uid): [string, string] => [DEMAND_K.mine(Number(uid)), String(tid)]));
	}
	await db.sortedSetRemove(DEMAND_K.questions, String(tid));
	await db.delete(DEMAND_K.members(tid));
}

export async function demandedBy(uid: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange(DEMAND_K.mine(uid), 0, -1)).map(Number);
}

export async function forgetDemandList(uid: number): Promise<void> {
	await nodebb.db().delete(DEMAND_K.mine(uid));
}

/** The most demanded questions of a list (at most 500), most demand first. */
export async function demandedIn(key: string): Promise<string[]> {
	return nodebb.db().getSortedSetRevIntersect({ sets: [DEMAND_K.questions, key], start: 0, stop: 499, weights: [1, 0] });
}

/** Every question with demand, tid → how many members have it too. */
export async function demandRows(): Promise<{ value: string; score: number }[]> {
	return nodebb.db().getSortedSetRangeWithScores(DEMAND_K.questions, 0, -1);
}

/* ---------- reads other capabilities make through lib/qa/index.ts (Insight, the directory, the pages) ---------- */

/** Some counters of several members (asked, answered, accepted, `c:<key>`). */
export async function countsOf(uids: number[], fields: string[]): Promise<Record<string, number>[]> {
	const rows = uids.length && fields.length ? await nodebb.db().getObjectsFields(uids.map(K.counts), fields) : uids.map((): Record<string, unknown> => ({}));
	return rows.map(row => Object.fromEntries(fields.map(f => [f, asCount(row?.[f])])));
}

export type FigureKind = 'questions' | 'firstReply' | 'accepted' | 'firstClaim';

function figureKey(scope: string, kind: FigureKind): string {
	return kind === 'questions' ? K.statQuestions(scope) : kind === 'firstReply' ? K.statFirstReply(scope) : kind === 'accepted' ? K.statAccepted(scope) : K.statFirstClaim(scope);
}

/** A figure's rows whose score is between `min` and `max` (questions: creation time; the others: ms), tid → score. */
export async function figureRows(scope: string, kind: FigureKind, min: number | '-inf' = '-inf', max: number | '+inf' = '+inf'): Promise<{ value: string; score: number }[]> {
	return nodebb.db().getSortedSetRangeByScoreWithScores(figureKey(scope, kind), 0, -1, min, max);
}

/** A figure's score for each of these questions (null: none, e.g. no reply yet). */
export async function figureScores(scope: string, kind: FigureKind, tids: string[]): Promise<(number | null)[]> {
	return tids.length ? nodebb.db().sortedSetScores(figureKey(scope, kind), tids) : [];
}

/** How many questions, offers or wanted posts were created between `from` (included) and `to` (excluded). */
export async function createdBetween(what: 'question' | 'offer' | 'wanted', from: number, to: number): Promise<number> {
	return nodebb.db().sortedSetCount(what === 'question' ? K.statQuestions('all') : K.type(what), from, to - 1);
}

/** How many unanswered questions were created between `min` and `max` (both included). */
export async function unansweredBetween(min: number | '-inf', max: number | '+inf'): Promise<number> {
	return nodebb.db().sortedSetCount(K.unanswered, min, max);
}

/** The oldest open questions, up to `count`. */
export async function openQuestionIds(count: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange(K.openQuestions, 0, count - 1)).map(Number);
}

/* ---------- the figures Insight reads (through lib/qa/index.ts) ---------- */

export type StatSet = 'questions' | 'firstReply' | 'accepted' | 'firstClaim';

function statKey(scope: string, which: StatSet): string {
	return which === 'questions' ? K.statQuestions(scope) : which === 'firstReply' ? K.statFirstReply(scope)
		: which === 'accepted' ? K.statAccepted(scope) : K.statFirstClaim(scope);
}

/**
 * A scope's whole figure set (`all`, `cid:<cid>`, `c:<competence>`) as tid → score (creation time, or the duration in
 * ms), read in large pages: PostgreSQL sorts the whole set again for each page read.
 */
export async function statScores(scope: string, which: StatSet, page = 100000): Promise<Map<string, number>> {
	const db = nodebb.db();
	const key = statKey(scope, which);
	const out = new Map<string, number>();
	for (let start = 0; ; start += page) {
		const rows = await db.getSortedSetRangeWithScores(key, start, start + page - 1);
		for (const r of rows) {
			out.set(asString(r.value), r.score);
		}
		if (rows.length < page) {
			return out;
		}
	}
}

/** The questions (tids) created in [from, to] (scores inclusive; '-inf' / '+inf' allowed). */
export async function questionsCreated(from: number | string, to: number | string): Promise<string[]> {
	return nodebb.db().getSortedSetRangeByScore(K.statQuestions('all'), 0, -1, from, to);
}

/** The first reply's delay of each question (null: none yet). */
export async function firstReplyDelays(tids: string[]): Promise<(number | null)[]> {
	return tids.length ? nodebb.db().sortedSetScores(K.statFirstReply('all'), tids) : [];
}

/** How many questions, offers or wanted posts were created in [from, to]; the unanswered ones created in [min, max]. */
export async function countCreated(what: 'questions' | 'offer' | 'wanted', from: number | string, to: number | string): Promise<number> {
	return nodebb.db().sortedSetCount(what === 'questions' ? K.statQuestions('all') : K.type(what), from, to);
}

export async function countUnanswered(min: number | string, max: number | string): Promise<number> {
	return nodebb.db().sortedSetCount(K.unanswered, min, max);
}

/** Answers given and accepted, per member. */
export async function answerCounts(uids: number[]): Promise<{ answered: number; accepted: number }[]> {
	if (!uids.length) {
		return [];
	}
	const rows = await nodebb.db().getObjectsFields(uids.map(K.counts), ['answered', 'accepted']);
	return rows.map(c => ({ answered: asCount(c?.answered), accepted: asCount(c?.accepted) }));
}

/** The open questions, oldest first, at most `count`. */
export async function openQuestions(count: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange(K.openQuestions, 0, count - 1)).map(Number);
}
