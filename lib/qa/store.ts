/**
 * Q&A data. A topic's type, status and competences live as prefixed fields on NodeBB's own `topic:<tid>` hash (so
 * they go when NodeBB purges the topic); the lists, counters, routing records and figures live under `lvl:qa:`.
 * Keys are listed in README.md.
 */
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
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
	const db = nodebb.db();
	if (await db.incrObjectField(LOCKS, name) === 1) {
		await db.setObjectField(LOCKS, `${name}:at`, Date.now());
		return true;
	}
	const since = asCount(await db.getObjectField(LOCKS, `${name}:at`));
	if (since && Date.now() - since > 60000) {
		await db.deleteObjectFields(LOCKS, [name, `${name}:at`]);
		return lock(name);
	}
	return false;
}

export async function unlock(name: string): Promise<void> {
	await nodebb.db().deleteObjectFields(LOCKS, [name, `${name}:at`]);
}

/** Every key of a topic in the plugin's lists: to add it, or take it out again. */
export function listKeys(t: QaTopic): string[] {
	return [
		...(t.type ? [K.type(t.type)] : []),
		...(t.status ? [K.status(t.status)] : []),
		K.mine(t.uid),
		...(t.type === 'question' ? [K.unanswered, ...t.competences.map(K.competenceQuestions), ...t.competences.map(K.competenceOpen)] : []),
		...(t.type === 'question' && t.status === 'open' ? [K.openQuestions] : []),
	];
}

export function statScopes(t: QaTopic): string[] {
	return ['all', `cid:${String(t.cid)}`, ...t.competences.map(c => `c:${c}`)];
}

/** The newest questions of a competence that a member may read (a competence's page shows them). */
export async function latestQuestions(key: string, uid: number, count: number): Promise<Record<string, unknown>[]> {
	const tids = (await nodebb.db().getSortedSetRevRange(K.competenceQuestions(key), 0, count - 1)).map(Number);
	const visible = await nodebb.privileges().topics.filterTids('topics:read', tids, uid);
	return nodebb.topics().getTopicsByTids(visible, uid);
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
