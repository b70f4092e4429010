/**
 * The privacy check's keys, and the host's keys it reads (NodeBB's custom profile fields, the raw settings hash).
 */
import * as nodebb from '../nodebb';
import { NS } from '../settings';

export const K = {
	/** results (JSON of the last run), failing (count), at (ms) */
	state: 'lvl:privacy',
} as const;

export interface StoredState { failing: number; at: number; results: string }

export async function saveState(state: StoredState): Promise<void> {
	await nodebb.db().setObject(K.state, { failing: state.failing, at: state.at, results: state.results });
}

export async function failingCount(): Promise<number> {
	const n = Number(await nodebb.db().getObjectField(K.state, 'failing'));
	return Number.isFinite(n) ? n : 0;
}

/** NodeBB's custom profile fields (ACP › Manage › Users › Custom fields), as NodeBB stores them. */
export async function customFields(): Promise<Record<string, unknown>[]> {
	const db = nodebb.db();
	const keys = await db.getSortedSetRange('user-custom-fields', 0, -1);
	return (await db.getObjects(keys.map(k => `user-custom-field:${k}`))).filter((f): f is Record<string, unknown> => !!f);
}

/** The plugin's settings exactly as stored, before normalisation hides what is wrong in them. */
export async function rawSettings(): Promise<Record<string, unknown>> {
	return (await nodebb.db().getObject(`settings:${NS}`)) ?? {};
}

/* ---------- what a deleted member leaves behind in keys other capabilities index by question or hit ---------- */

/** Keys matching a pattern (NodeBB's `scan`, on Redis and PostgreSQL alike). */
export async function keysLike(match: string): Promise<string[]> {
	return nodebb.db().scan({ match });
}

/** Removes a uid from every set (`lvl:qa:answerers:<tid>`) and sorted set (`lvl:qa:routed:<tid>`) of a pattern. */
export async function removeFromSets(match: string, uid: number, sorted: boolean): Promise<void> {
	const db = nodebb.db();
	const keys = await keysLike(match);
	for (let i = 0; i < keys.length; i += 500) {
		const chunk = keys.slice(i, i + 500);
		if (sorted) {
			await db.sortedSetsRemove(chunk, String(uid));
		} else {
			await Promise.all(chunk.map(k => db.setRemove(k, String(uid))));
		}
	}
}

/** Hashes of a pattern whose `field` is the uid: deleted, and their id taken out of the index sorted set. */
export async function deleteHashesOf(match: string, field: string, uid: number, index: string, idOf: (key: string) => string): Promise<number> {
	const db = nodebb.db();
	const keys = await keysLike(match);
	const rows = await db.getObjectsFields(keys, [field]);
	const mine = keys.filter((_, i) => String(rows[i]?.[field] as string | number | undefined ?? '') === String(uid));
	if (mine.length) {
		await db.deleteAll(mine);
		await db.sortedSetRemove(index, mine.map(idOf));
	}
	return mine.length;
}

/**
 * Attempt keys (`lvl:attempts:*`, hashes of hour window → count, lib/membership/store.ts): a key whose newest window
 * ended before `olderThan` goes (NodeBB expires them too; this does it now, for a deleted member's traces).
 */
export async function pruneAttempts(olderThan: number): Promise<void> {
	const db = nodebb.db();
	const keys = await keysLike('lvl:attempts:*');
	if (!keys.length) {
		return;
	}
	const limit = Math.floor(olderThan / (60 * 60 * 1000));
	const rows = await db.getObjects(keys);
	await db.deleteAll(keys.filter((_, i) => Object.keys(rows[i] ?? {}).every(window => Number(window) < limit)));
}

/** The Insight snapshot, when it names the member (top contributors), is dropped: the next view computes a new one. */
export async function dropSnapshotNaming(needles: string[]): Promise<boolean> {
	const db = nodebb.db();
	const snapshot = (await db.getObjectField('lvl:insight', 'snapshot') as string | undefined ?? '');
	if (snapshot && needles.some(n => n && snapshot.includes(n))) {
		await db.deleteObjectFields('lvl:insight', ['snapshot', 'at', 'took']);
		return true;
	}
	return false;
}
