/**
 * "Ik heb deze vraag ook" / "J'ai la même question": a member who has the same question follows it (NodeBB's own
 * follow) and counts as demand. The count is shown to the asker and moderators only (never as a score), raises the
 * question in routing's next round (`demandOf`), in the unanswered list and in Insight. Once per member, undoable,
 * never the asker's own question.
 */
import { asCount } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import { type QaTopic } from './rules';
import * as store from './store';

export const DEMAND_K = {
	/** sorted set per question: the members who have it too, uid → 1 (followed by the tap) or 2 (already following) */
	members: (tid: number): string => `lvl:qa:demand:${String(tid)}`,
	/** sorted set: questions with demand, tid → how many members have it too */
	questions: 'lvl:qa:demand',
	/** sorted set per member: the questions they have too, tid → time (removed with the account) */
	mine: (uid: number): string => `lvl:qa:demand:uid:${String(uid)}`,
};

/** How many members have this question too (routing's next round weighs it). */
export async function demandOf(tid: number): Promise<number> {
	return asCount(await nodebb.db().sortedSetScore(DEMAND_K.questions, String(tid)));
}

export async function demandsOf(tids: number[]): Promise<number[]> {
	if (!tids.length) {
		return [];
	}
	return (await nodebb.db().sortedSetScores(DEMAND_K.questions, tids.map(String))).map(n => asCount(n));
}

/** Why a member may not say "me too" on a question, as a translation token; null when they may. */
export async function meTooProblem(tid: number, uid: number, known?: QaTopic | null): Promise<string | null> {
	const t = known?.tid === tid ? known : await store.getTopic(tid);
	if (t?.type !== 'question' || t.deleted) {
		return `[[${NS}:qa.error.demand-not-question]]`;
	}
	if (t.uid === uid) {
		return `[[${NS}:qa.error.demand-own]]`;
	}
	if (t.status !== 'open') {
		return `[[${NS}:qa.error.demand-solved]]`;
	}
	return null;
}

export interface DemandView {
	/** how many members have it too: for the asker and moderators, null for everyone else */
	count: number | null;
	/** whether this member said so */
	mine: boolean;
	/** whether this member may say so now */
	can: boolean;
}

export async function view(tid: number, uid: number, known?: { topic: QaTopic | null; ownerOrMod: boolean }): Promise<DemandView> {
	if (!(uid > 0)) {
		return { count: null, mine: false, can: false };
	}
	const [mine, problem, manages, count] = await Promise.all([
		nodebb.db().isSortedSetMember(DEMAND_K.members(tid), String(uid)),
		meTooProblem(tid, uid, known?.topic),
		known?.ownerOrMod ?? nodebb.privileges().topics.isOwnerOrAdminOrMod(tid, uid),
		demandOf(tid),
	]);
	return { count: manages ? count : null, mine, can: !problem };
}

async function withLock<T>(tid: number, uid: number, fn: () => Promise<T>): Promise<T> {
	const name = `demand:${String(tid)}:${String(uid)}`;
	if (!await store.lock(name)) {
		throw new Error(`[[${NS}:qa.error.busy]]`);
	}
	try {
		return await fn();
	} finally {
		await store.unlock(name);
	}
}

/** "Me too": follows the question and counts once; a second tap changes nothing. */
export async function add(tid: number, uid: number): Promise<DemandView> {
	const problem = await meTooProblem(tid, uid);
	if (problem) {
		throw new Error(problem);
	}
	await withLock(tid, uid, async () => {
		const db = nodebb.db();
		if (await db.isSortedSetMember(DEMAND_K.members(tid), String(uid))) {
			return;
		}
		const [following] = await nodebb.topics().isFollowing([tid], uid);
		await db.sortedSetAddBulk([[DEMAND_K.members(tid), following ? 2 : 1, String(uid)], [DEMAND_K.mine(uid), Date.now(), String(tid)]]);
		await db.sortedSetIncrBy(DEMAND_K.questions, 1, String(tid));
		if (!following) {
			await nodebb.topics().follow(tid, uid);
		}
	});
	return view(tid, uid);
}

async function drop(tid: number, uid: number, unfollow: boolean): Promise<boolean> {
	const db = nodebb.db();
	const how = await db.sortedSetScore(DEMAND_K.members(tid), String(uid));
	if (how === null) {
		return false;
	}
	await db.sortedSetRemoveBulk([[DEMAND_K.members(tid), String(uid)], [DEMAND_K.mine(uid), String(tid)]]);
	if (await db.sortedSetIncrBy(DEMAND_K.questions, -1, String(tid)) <= 0) {
		await db.sortedSetRemove(DEMAND_K.questions, String(tid));
	}
	// the follow the tap made goes with it; one the member had before stays
	if (unfollow && how === 1) {
		await nodebb.topics().unfollow(tid, uid);
	}
	return true;
}

/** Undo: no longer counted, and no longer following unless the member followed the question before. */
export async function remove(tid: number, uid: number): Promise<DemandView> {
	await withLock(tid, uid, () => drop(tid, uid, true));
	return view(tid, uid);
}

/** A purged question: its demand goes. */
export async function forgetTopic(tid: number): Promise<void> {
	const db = nodebb.db();
	const uids = await db.getSortedSetRange(DEMAND_K.members(tid), 0, -1);
	if (uids.length) {
		await db.sortedSetRemoveBulk(uids.map((uid): [string, string] => [DEMAND_K.mine(Number(uid)), String(tid)]));
	}
	await db.sortedSetRemove(DEMAND_K.questions, String(tid));
	await db.delete(DEMAND_K.members(tid));
}

/** A deleted account: it no longer counts anywhere. */
export async function forgetMember(uid: number): Promise<void> {
	const tids = (await nodebb.db().getSortedSetRange(DEMAND_K.mine(uid), 0, -1)).map(Number);
	for (const tid of tids) {
		await drop(tid, uid, false);
	}
	await nodebb.db().delete(DEMAND_K.mine(uid));
}

/**
 * A page of the unanswered list (`key`: its sorted set, newest first) with the questions members have too on top,
 * most demand first. The demanded ones are few (at most 500 read); the rest follows in the list's own order.
 */
export async function unansweredPage(key: string, start: number, stop: number): Promise<string[]> {
	const db = nodebb.db();
	const demanded = await db.getSortedSetRevIntersect({ sets: [DEMAND_K.questions, key], start: 0, stop: 499, weights: [1, 0] });
	if (!demanded.length) {
		return nodebb.sortedSetRevPage(key, start, stop);
	}
	const head = demanded.slice(start, stop + 1);
	if (stop < demanded.length) {
		return head;
	}
	const skip = new Set(demanded);
	const from = Math.max(0, start - demanded.length);
	const to = stop - demanded.length;
	// the rest of the list without the demanded ones: read from the top as far as this page reaches
	const rest = (await nodebb.sortedSetRevPage(key, 0, to + demanded.length)).filter(tid => !skip.has(tid));
	return [...head, ...rest.slice(from, to + 1)];
}

/** Insight: how many open questions members have too, and how many "me too"s there are. */
export async function figures(): Promise<{ questions: number; members: number }> {
	const db = nodebb.db();
	const rows = await db.getSortedSetRangeWithScores(DEMAND_K.questions, 0, -1);
	return { questions: rows.length, members: rows.reduce((sum, r) => sum + asCount(r.score), 0) };
}
