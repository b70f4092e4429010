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
import { K } from './store';

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
		nodebb.db().getObjects(uids.map(K.memberPrefs)),
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
		const db = nodebb.db();
		const json = JSON.stringify(data);
		await db.setObject(K.pendingData, Object.fromEntries(later.map(x => [item(x.uid, data.nid), json])));
		await db.sortedSetAddBulk(later.map((x): [string, number, string] => [K.pending, x.at, item(x.uid, data.nid)]));
	}
	await push(data, nowList);
	return nowList;
}

/** Delivers what waited and may go now (the job calls this under its lock). Returns how many were delivered. */
export async function drain(now: number): Promise<number> {
	const db = nodebb.db();
	await db.sortedSetsRemoveRangeByScore([K.delivered], '-inf', now - WEEK);
	const due = await db.getSortedSetRangeByScore(K.pending, 0, BATCH, '-inf', now);
	if (!due.length) {
		return 0;
	}
	const parsed = due.map((v) => {
		const bar = v.indexOf('|');
		return { v, uid: Number(v.slice(0, bar)), nid: v.slice(bar + 1) };
	});
	const [at, done, raw] = await Promise.all([
		whenToTell(parsed.map(p => p.uid), now),
		db.sortedSetScores(K.delivered, due),
		db.getObjectFields(K.pendingData, due),
	]);
	let delivered = 0;
	for (const [i, p] of parsed.entries()) {
		const when = at[i] ?? now;
		if (when > now && done[i] === null) {
			// still quiet (a changed setting, daylight-saving time, "do not disturb"): later
			await db.sortedSetAdd(K.pending, when, p.v);
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
			await db.sortedSetAdd(K.delivered, now, p.v);
			if (data?.nid) {
				await push(data, [p.uid]);
				delivered += 1;
			}
		}
		await db.sortedSetRemove(K.pending, p.v);
		await db.deleteObjectField(K.pendingData, p.v);
	}
	return delivered;
}

/** How many notifications wait for a member (their profile shows it). */
export async function waitingFor(uid: number): Promise<string[]> {
	const all = await nodebb.db().getSortedSetRange(K.pending, 0, -1);
	return all.filter(v => v.startsWith(`${String(uid)}|`));
}

/** An account is deleted: what waited for it goes. */
export async function forgetMember(uid: number): Promise<void> {
	const mine = await waitingFor(uid);
	if (mine.length) {
		const db = nodebb.db();
		await db.sortedSetRemove(K.pending, mine);
		await db.deleteObjectFields(K.pendingData, mine);
	}
}
