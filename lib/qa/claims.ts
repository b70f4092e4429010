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
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import {
	activeClaim, type Availability, availability, claimProblem, displayName, type PromiseState, readPrefs, readState,
} from './promise-rules';
import { type QaTopic } from './rules';
import * as store from './store';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export async function stateOf(tid: number): Promise<PromiseState> {
	return readState(await store.promiseOf(tid));
}

export async function setState(tid: number, fields: Partial<PromiseState>): Promise<void> {
	await store.setPromise(tid, fields);
}

/** Open claims + open direct requests, per member. */
export async function loadOf(uids: number[]): Promise<number[]> {
	return store.loadsOf(uids);
}

/** Holiday and capacity, per member, at `now`. */
export async function availabilityOf(uids: number[], now = Date.now()): Promise<Availability[]> {
	if (!uids.length) {
		return [];
	}
	const [prefs, loads, s] = await Promise.all([store.prefsOf(uids), loadOf(uids), settings.get()]);
	return uids.map((_, i) => availability(readPrefs(prefs[i]), loads[i] ?? 0, s.qaCapacity, now));
}

/** For the directory: "volzet" and "afwezig tot" per member. */
export async function awayAndFull(uids: number[], now = Date.now()): Promise<{ full: boolean; awayUntil: string }[]> {
	const [avail, prefs] = await Promise.all([availabilityOf(uids, now), store.prefsOf(uids)]);
	return uids.map((_, i) => {
		const p = readPrefs(prefs[i]);
		return { full: avail[i]?.full ?? false, awayUntil: p.awayUntil > now ? new Date(p.awayUntil).toISOString().slice(0, 10) : '' };
	});
}

export async function wasRoutedTo(tid: number, uid: number): Promise<boolean> {
	return store.wasRoutedTo(tid, uid);
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
		const fields: Partial<PromiseState> = { claimBy: uid, claimAt: now, claimUntil: until };
		if (!state.firstClaimAt) {
			fields.firstClaimAt = now;
		}
		// the member's load, their decline forgotten, the first claim's time in the figures
		await store.recordClaim(t, uid, until, state.firstClaimAt ? null : now);
		await setState(tid, fields);
		await Promise.all([
			// the job looks again when the claim ends
			store.schedule('escalation', tid, until),
			nodebb.topics().follow(tid, uid),
		]);
		await tellAsker(t, uid, 'claimed', now);
		return { ...state, ...fields };
	});
}

/** Ends a claim (given back, expired or fulfilled): the member's load drops; unanswered, the cascade goes on at once. */
async function endClaim(tid: number, state: PromiseState, now: number, passOn: boolean): Promise<void> {
	await store.endClaim(tid, state.claimBy, true);
	if (passOn) {
		// the round is over for this question: the next run passes it on
		await setState(tid, { roundAt: Math.min(state.roundAt || now, now - 365 * DAY) });
		await store.schedule('escalation', tid, now);
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
		await store.setDeclined(tid, uid, true);
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
		await store.setDeclined(tid, uid, true);
		const { routed, declined } = await store.routedAndDeclined(tid);
		if (declined >= routed) {
			await store.schedule('escalation', tid, now);
		}
		return stateOf(tid);
	});
}

/** The job: a claim ran out without a reply. Its member is told; the question goes on. */
export async function expire(tid: number, state: PromiseState, now: number): Promise<void> {
	await endClaim(tid, state, now, true);
	await store.setDeclined(tid, state.claimBy, true);
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
		await store.endClaim(tid, state.claimBy, false);
	}
}

/** The question is gone: its promise data goes. */
export async function forgetTopic(t: QaTopic): Promise<void> {
	const { tid } = t;
	const state = await stateOf(tid);
	if (state.claimBy) {
		await store.endClaim(tid, state.claimBy, false);
	}
	await store.forgetPromise(t);
}

/** An account is deleted: its claims end (the questions go on at the next run). */
export async function forgetMember(uid: number, now = Date.now()): Promise<void> {
	for (const tid of await store.claimedBy(uid)) {
		const state = await stateOf(tid);
		if (state.claimBy === uid) {
			await endClaim(tid, state, now, true);
		}
	}
	await store.forgetClaims(uid);
}
