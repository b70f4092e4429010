/**
 * Quiet hours and "do not disturb": routing, coordinator and direct-request notifications reach a member only
 * outside their quiet hours (their profile, default 21:00–08:00 in the forum's time zone, setting `qaTimeZone`) and
 * not while NodeBB's status is "do not disturb". What cannot go now waits in a sorted set scored by when it may go;
 * the Q&A job drains it under the jobs' cross-process lock. A delivery is written down before the push, so a second
 * run, a second process or a restart never sends it twice.
 */
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { quietUntil, readPrefs } from './promise-rules';
import * as store from './store';

/** "do not disturb" is looked at again at the next run of the job (every 5 minutes) */
const DND_RETRY = 5 * 60 * 1000;
const WEEK = 7 * 24 * 60 * 60 * 1000;
const BATCH = 500;

/** For each member: `now` if they may be told now, else when to try again. */
export async function whenToTell(uids: number[], now: number): Promise<number[]> {
	if (!uids.length) {
		return [];
	}
	const { qaTimeZone } = await settings.get();
	const [prefs, statuses] = await Promise.all([
		store.prefsOf(uids),
		nodebb.user().getUsersFields(uids, ['status']),
	]);
	return uids.map((uid, i) => {
		if (asString(statuses[i]?.status) === 'dnd') {
			return now + DND_RETRY;
		}
		const p = readPrefs(prefs[i]);
		return quietUntil(now, p.quietFrom, p.quietTo, qaTimeZone) ?? now;
	});
}

async function push(data: nodebb.NotificationData, uids: number[]): Promise<void> {
	if (!uids.length) {
		return;
	}
	try {
		const n = nodebb.notifications();
		await n.push(await n.create({ ...data }), uids);
	} catch (err) {
		nodebb.log.error(`notification ${data.nid} failed: ${String(err)}`);
	}
}

const item = (uid: number, nid: string): string => `${String(uid)}|${nid}`;

/** Tells members now, or as soon as their quiet hours or "do not disturb" end. Returns who was told now. */
export async function deliver(uids: number[], data: nodebb.NotificationData, now = Date.now()): Promise<number[]> {
	const to = [...new Set(uids)].filter(uid => uid > 0);
	const at = await whenToTell(to, now);
	const nowList = to.filter((_, i) => (at[i] ?? now) <= now);
	const later = to.map((uid, i) => ({ uid, at: at[i] ?? now })).filter(x => x.at > now);
	if (later.length) {
		await store.addPending(later.map(x => ({ item: item(x.uid, data.nid), at: x.at })), JSON.stringify(data));
	}
	await push(data, nowList);
	return nowList;
}

/** Delivers what waited and may go now (the job calls this under its lock). Returns how many were delivered. */
export async function drain(now: number): Promise<number> {
	const due = await store.duePending(now, BATCH, now - WEEK);
	if (!due.length) {
		return 0;
	}
	const parsed = due.map((v) => {
		const bar = v.indexOf('|');
		return { v, uid: Number(v.slice(0, bar)), nid: v.slice(bar + 1) };
	});
	const [at, { delivered: done, data: raw }] = await Promise.all([whenToTell(parsed.map(p => p.uid), now), store.pendingState(due)]);
	let delivered = 0;
	for (const [i, p] of parsed.entries()) {
		const when = at[i] ?? now;
		if (when > now && done[i] === null) {
			// still quiet (a changed setting, daylight-saving time, "do not disturb"): later
			await store.postponePending(p.v, when);
			continue;
		}
		if (done[i] === null) {
			let data: nodebb.NotificationData | null = null;
			try {
				data = JSON.parse(asString(raw[p.v])) as nodebb.NotificationData;
			} catch {
				data = null;
			}
			// written before the push: a crash after it loses this one, a rerun never sends it twice
			await store.markDelivered(p.v, now);
			if (data?.nid) {
				await push(data, [p.uid]);
				delivered += 1;
			}
		}
		await store.dropPending([p.v]);
	}
	return delivered;
}

/** How many notifications wait for a member (their profile shows it). */
export async function waitingFor(uid: number): Promise<string[]> {
	const all = await store.pendingItems();
	return all.filter(v => v.startsWith(`${String(uid)}|`));
}

/** An account is deleted: what waited for it goes. */
export async function forgetMember(uid: number): Promise<void> {
	await store.dropPending(await waitingFor(uid));
}
