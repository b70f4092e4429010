/**
 * Claim and cascade: a member a question was routed to says "Ik neem dit op" (claim) or "Niet voor mij" (decline).
 * A claim tells the asker who is on it and holds the cascade until it expires without a reply (`qaClaimHours`);
 * declines and silence let the job pass the question on (lib/qa/jobs.ts, promise-rules.cascadeStep). A member's load
 * is their open claims plus the direct requests waiting on them; at capacity (`qaCapacity`, or less on their profile)
 * or on holiday they are not routed to and the directory shows it.
 *
 * Only members the question was routed to (or assigned by a coordinator) may claim it: a claim stops the cascade for
 * everyone, so it belongs to someone the routing chose; anyone may still simply answer.
 */
import { neutralFromHost } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import {
	activeClaim, type Availability, availability, claimProblem, displayName, type PromiseState, readPrefs, readState,
} from './promise-rules';
import { type QaTopic } from './rules';
import * as store from './store';
import { K } from './store';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export async function stateOf(tid: number): Promise<PromiseState> {
	return readState(await nodebb.db().getObject(K.promise(tid)));
}

export async function setState(tid: number, fields: Partial<PromiseState>): Promise<void> {
	await nodebb.db().setObject(K.promise(tid), fields);
}

/** Open claims + open direct requests, per member. */
export async function loadOf(uids: number[]): Promise<number[]> {
	const db = nodebb.db();
	const [claims, requests] = await Promise.all([db.sortedSetsCard(uids.map(K.claimsBy)), db.sortedSetsCard(uids.map(K.requestsTo))]);
	return uids.map((_, i) => asCount(claims[i]) + asCount(requests[i]));
}

/** Holiday and capacity, per member, at `now`. */
export async function availabilityOf(uids: number[], now = Date.now()): Promise<Availability[]> {
	if (!uids.length) {
		return [];
	}
	const [prefs, loads, s] = await Promise.all([nodebb.db().getObjects(uids.map(K.memberPrefs)), loadOf(uids), settings.get()]);
	return uids.map((_, i) => availability(readPrefs(prefs[i]), loads[i] ?? 0, s.qaCapacity, now));
}

/** For the directory: "volzet" and "afwezig tot" per member. */
export async function awayAndFull(uids: number[], now = Date.now()): Promise<{ full: boolean; awayUntil: string }[]> {
	const [avail, prefs] = await Promise.all([availabilityOf(uids, now), nodebb.db().getObjects(uids.map(K.memberPrefs))]);
	return uids.map((_, i) => {
		const p = readPrefs(prefs[i]);
		return { full: avail[i]?.full ?? false, awayUntil: p.awayUntil > now ? new Date(p.awayUntil).toISOString().slice(0, 10) : '' };
	});
}

export async function wasRoutedTo(tid: number, uid: number): Promise<boolean> {
	return (await nodebb.db().sortedSetScore(K.routedFor(tid), String(uid))) !== null;
}

async function nameOf(uid: number): Promise<string> {
	return neutralFromHost(displayName(await nodebb.user().getUserFields(uid, ['username', 'fullname', 'displayname'])));
}

async function titleOf(tid: number): Promise<string> {
	return neutralFromHost(asString((await nodebb.topics().getTopicFields(tid, ['title'])).title));
}

async function tellAsker(t: { tid: number; uid: number }, from: number, key: string, now: number): Promise<void> {
	try {
		const n = nodebb.notifications();
		await n.push(await n.create({
			type: 'lvl-qa', nid: `lvl:qa:${key}:${String(t.tid)}:${String(now)}`, tid: t.tid, from, path: `/topic/${String(t.tid)}`,
			bodyShort: `[[lvl-promise:notification.${key}, ${await nameOf(from)}, ${await titleOf(t.tid)}]]`,
		}), [t.uid]);
	} catch (err) {
		nodebb.log.error(`promise notification for ${String(t.tid)} failed: ${String(err)}`);
	}
}

async function withLock<T>(tid: number, fn: () => Promise<T>): Promise<T> {
	const name = `claim:${String(tid)}`;
	if (!await store.lock(name)) {
		throw new Error('[[lvl:qa.error.busy]]');
	}
	try {
		return await fn();
	} finally {
		await store.unlock(name);
	}
}

/** The member takes the question on: the asker is told, the cascade holds until the claim ends. */
export async function claim(tid: number, uid: number, now = Date.now()): Promise<PromiseState> {
	return withLock(tid, async () => {
		const t = await store.getTopic(tid);
		if (t?.type !== 'question' || t.deleted) {
			throw new Error('[[error:no-topic]]');
		}
		const [state, routedToThem, [avail]] = await Promise.all([stateOf(tid), wasRoutedTo(tid, uid), availabilityOf([uid], now)]);
		const problem = claimProblem({
			uid, asker: t.uid, open: t.status === 'open', answered: t.firstReplyAt > 0, routedToThem, state, now,
			available: avail ?? { away: false, full: false, load: 0, capacity: 1 },
		});
		if (problem) {
			throw new Error(problem);
		}
		const until = now + (await settings.get()).qaClaimHours * HOUR;
		const db = nodebb.db();
		const fields: Partial<PromiseState> = { claimBy: uid, claimAt: now, claimUntil: until };
		if (!state.firstClaimAt) {
			fields.firstClaimAt = now;
			await Promise.all(store.statScopes(t).map(scope => db.sortedSetAdd(K.statFirstClaim(scope), Math.max(0, now - t.timestamp), String(tid))));
		}
		await setState(tid, fields);
		await Promise.all([
			db.sortedSetAdd(K.claimsBy(uid), until, String(tid)),
			db.setRemove(K.declined(tid), String(uid)),
			// the job looks again when the claim ends
			db.sortedSetAdd(K.escalation, until, String(tid)),
			nodebb.topics().follow(tid, uid),
		]);
		await tellAsker(t, uid, 'claimed', now);
		return { ...state, ...fields };
	});
}

/** Ends a claim (given back, expired or fulfilled): the member's load drops; unanswered, the cascade goes on at once. */
async function endClaim(tid: number, state: PromiseState, now: number, passOn: boolean): Promise<void> {
	const db = nodebb.db();
	await db.sortedSetRemove(K.claimsBy(state.claimBy), String(tid));
	await db.deleteObjectFields(K.promise(tid), ['claimBy', 'claimAt', 'claimUntil']);
	if (passOn) {
		// the round is over for this question: the next run passes it on
		await setState(tid, { roundAt: Math.min(state.roundAt || now, now - 365 * DAY) });
		await db.sortedSetAdd(K.escalation, now, String(tid));
	}
}

/** The member gives their claim back ("toch niet"). */
export async function release(tid: number, uid: number, now = Date.now()): Promise<PromiseState> {
	return withLock(tid, async () => {
		const state = await stateOf(tid);
		if (state.claimBy !== uid || !activeClaim(state, now)) {
			throw new Error('[[lvl-promise:error.not-your-claim]]');
		}
		await endClaim(tid, state, now, true);
		await nodebb.db().setAdd(K.declined(tid), String(uid));
		return stateOf(tid);
	});
}

/** "Niet voor mij": the member is not asked again; when everyone asked declined, the next run passes it on. */
export async function decline(tid: number, uid: number, now = Date.now()): Promise<PromiseState> {
	return withLock(tid, async () => {
		const t = await store.getTopic(tid);
		if (t?.type !== 'question' || t.deleted) {
			throw new Error('[[error:no-topic]]');
		}
		if (!await wasRoutedTo(tid, uid)) {
			throw new Error('[[lvl-promise:error.not-routed]]');
		}
		const state = await stateOf(tid);
		if (state.claimBy === uid && activeClaim(state, now)) {
			await endClaim(tid, state, now, true);
		}
		const db = nodebb.db();
		await db.setAdd(K.declined(tid), String(uid));
		const [routed, declined] = await Promise.all([db.sortedSetCard(K.routedFor(tid)), db.setCount(K.declined(tid))]);
		if (declined >= routed) {
			await db.sortedSetAdd(K.escalation, now, String(tid));
		}
		return stateOf(tid);
	});
}

/** The job: a claim ran out without a reply. Its member is told; the question goes on. */
export async function expire(tid: number, state: PromiseState, now: number): Promise<void> {
	await endClaim(tid, state, now, true);
	await nodebb.db().setAdd(K.declined(tid), String(state.claimBy));
	try {
		const n = nodebb.notifications();
		await n.push(await n.create({
			type: 'lvl-qa', nid: `lvl:qa:claim-expired:${String(tid)}:${String(state.claimUntil)}`, tid, path: `/topic/${String(tid)}`,
			bodyShort: `[[lvl-promise:notification.claim-expired, ${await titleOf(tid)}]]`,
		}), [state.claimBy]);
	} catch (err) {
		nodebb.log.error(`claim expiry notification for ${String(tid)} failed: ${String(err)}`);
	}
}

/** A reply to the question: a claim on it is fulfilled (its member's load drops; the asker's line says "answered"). */
export async function onReply(tid: number): Promise<void> {
	const state = await stateOf(tid);
	if (state.claimBy) {
		await nodebb.db().sortedSetRemove(K.claimsBy(state.claimBy), String(tid));
	}
}

/** The question is gone: its promise data goes. */
export async function forgetTopic(t: QaTopic): Promise<void> {
	const { tid } = t;
	const state = await stateOf(tid);
	const db = nodebb.db();
	if (state.claimBy) {
		await db.sortedSetRemove(K.claimsBy(state.claimBy), String(tid));
	}
	await db.deleteAll([K.promise(tid), K.declined(tid)]);
	await db.sortedSetsRemove(store.statScopes(t).map(K.statFirstClaim), String(tid));
}

/** An account is deleted: its claims end (the questions go on at the next run). */
export async function forgetMember(uid: number, now = Date.now()): Promise<void> {
	const db = nodebb.db();
	const tids = (await db.getSortedSetRange(K.claimsBy(uid), 0, -1)).map(Number);
	for (const tid of tids) {
		const state = await stateOf(tid);
		if (state.claimBy === uid) {
			await endClaim(tid, state, now, true);
		}
	}
	await db.delete(K.claimsBy(uid));
}
