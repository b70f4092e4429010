/**
 * Insight data: the snapshot the dashboard reads, the record of members who came back after their verification,
 * and a lock so that one snapshot runs at a time. Keys are listed in README.md. Everything else Insight shows is
 * read from the other capabilities' own keys (through their stores) and NodeBB's.
 */
import { asCount } from '../coerce';
import * as nodebb from '../nodebb';
import * as locks from '../kernel/lock';

export const K = {
	/** hash: `snapshot` (JSON of the figures computed by the job), `at`, `took` (ms), `lock`, `lockAt` */
	meta: 'lvl:insight',
	/** sorted set: members seen back at least a day after their verification and within three months, uid → when */
	returned: 'lvl:insight:returned',
};

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names the shape the service stored
export async function readSnapshot<T>(): Promise<{ at: number; took: number; data: T } | null> {
	const h = await nodebb.db().getObject(K.meta, ['snapshot', 'at', 'took']);
	const raw = h?.snapshot;
	if (!raw) {
		return null;
	}
	try {
		const data = (typeof raw === 'string' ? JSON.parse(raw) : raw) as T;
		return { at: asCount(h.at), took: asCount(h.took), data };
	} catch {
		return null;
	}
}

export async function writeSnapshot(data: unknown, at: number, took: number): Promise<void> {
	// stored as text: PostgreSQL would otherwise keep a JSON object and Redis a string
	await nodebb.db().setObject(K.meta, { snapshot: JSON.stringify(data), at, took });
}

const SNAPSHOT_LOCK = { key: K.meta, field: 'lock', atField: 'lockAt', ttlMs: 10 * 60 * 1000 };

/** One snapshot at a time across processes (the kernel's lock; a crashed run frees it after ten minutes). */
export async function lock(): Promise<boolean> {
	return locks.take(SNAPSHOT_LOCK);
}

export async function unlock(): Promise<void> {
	await locks.release(SNAPSHOT_LOCK);
}

export async function hasReturned(uid: number): Promise<boolean> {
	return nodebb.db().isSortedSetMember(K.returned, String(uid));
}

export async function recordReturn(uid: number, at: number): Promise<void> {
	await nodebb.db().sortedSetAdd(K.returned, at, String(uid));
}

export async function recordReturns(rows: { uid: number; at: number }[]): Promise<void> {
	if (rows.length) {
		await nodebb.db().sortedSetAddBulk(rows.map(r => [K.returned, r.at, String(r.uid)]));
	}
}

/** When each member was first seen back (0 = not recorded). */
export async function returnTimes(uids: number[]): Promise<number[]> {
	if (!uids.length) {
		return [];
	}
	return (await nodebb.db().sortedSetScores(K.returned, uids.map(String))).map(s => s ?? 0);
}

export async function forget(uid: number): Promise<void> {
	await nodebb.db().sortedSetRemove(K.returned, String(uid));
}
