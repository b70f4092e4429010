/**
 * The one cross-process lock: an atomic increment of a field in a shared hash (NodeBB's own pattern), the time it was
 * taken in a second field, taken back when older than `ttlMs` (a crashed process). While the holder has not yet
 * written its time (between its two calls, in another process) the lock is busy: a missing time never counts as
 * an old one; it only starts the expiry clock, should the holder have died in between.
 */
import * as nodebb from '../nodebb';
import { asCount } from '../coerce';

export interface LockPlace {
	/** the hash that holds the lock */
	key: string;
	/** the counter field; its time lives in `atField` */
	field: string;
	atField: string;
	ttlMs: number;
}

export async function take(p: LockPlace): Promise<boolean> {
	const db = nodebb.db();
	if (await db.incrObjectField(p.key, p.field) === 1) {
		await db.setObjectField(p.key, p.atField, Date.now());
		return true;
	}
	const since = asCount(await db.getObjectField(p.key, p.atField));
	if (!since) {
		await db.setObjectField(p.key, p.atField, Date.now());
		return false;
	}
	if (Date.now() - since > p.ttlMs) {
		await db.deleteObjectFields(p.key, [p.field, p.atField]);
		return take(p);
	}
	return false;
}

export async function release(p: LockPlace): Promise<void> {
	await nodebb.db().deleteObjectFields(p.key, [p.field, p.atField]);
}
