/**
 * A member's deletion leaves nothing that names them. Each capability removes its own keys in its
 * `static:user.delete` handler; this sweep runs after them and removes what is indexed by question, hit or IP
 * rather than by member (answerers and routings of each question, guard hits, attempt keys, the Insight snapshot),
 * found with NodeBB's `scan`. A deletion is rare: a scan per deletion costs little.
 */
import * as nodebb from '../nodebb';
import { asString } from '../coerce';
import * as store from './store';

const HOUR = 60 * 60 * 1000;

export async function sweepAfterDeletion(uid: number, names: string[]): Promise<void> {
	await store.removeFromSets('lvl:qa:answerers:*', uid, false);
	await store.removeFromSets('lvl:qa:routed:*', uid, true);
	await store.removeFromSets('lvl:qa:requests:tid:*', uid, true);
	await store.deleteHashesOf('lvl:engagement:guard:hit:*', 'uid', uid, 'lvl:engagement:guard:hits', k => k.slice('lvl:engagement:guard:hit:'.length));
	await store.deleteHashesOf('lvl:tax:proposal:*', 'uid', uid, 'lvl:tax:proposals', k => k.slice('lvl:tax:proposal:'.length));
	await store.pruneAttempts(Date.now() - HOUR);
	await store.dropSnapshotNaming([...names, `"uid":${String(uid)},`]);
}

/** The names the member is known by, read before NodeBB deletes the account (static:user.delete runs first). */
export async function namesOf(uid: number): Promise<string[]> {
	const u = await nodebb.user().getUserFields(uid, ['username', 'userslug', 'fullname', 'email']);
	return [u.username, u.userslug, u.fullname, u.email].map(v => asString(v)).filter(v => v.length > 2);
}
