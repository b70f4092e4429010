/**
 * The roster keeps the entry of someone who left only for `rosterRetentionDays` (0 = for good), counted from their
 * end date or, without one, from the first time this job saw them inactive. Then the entry goes with everything that
 * names it: its indexes, its attempt counter and the link to an account (that account's verification record).
 * An account that still has access (grace period running, access restored by an admin) keeps its entry until it no
 * longer has. Runs under the roster's lock, so an import in progress is never cut short; a busy lock means the next
 * run does it. The association's own file is the source: a re-imported old entry is removed again at the next run.
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { retentionStart, retentionOver } from './standing';
import * as store from './store';

/** Member numbers inactive on the roster in force (the fingerprint starts with the active flag). */
async function inactiveNumbers(v: number): Promise<Set<string>> {
	const fps = await store.fingerprints(v);
	if (fps) {
		return new Set([...fps].filter(([, fp]) => fp.startsWith('0')).map(([num]) => num));
	}
	return new Set((await store.allEntries(v)).filter(e => !e.active).map(e => e.memberNumber));
}

/** Runs the retention once; `now` is injectable for tests. Returns how many entries were removed. */
export async function expireLeft(now = Date.now()): Promise<number> {
	const days = (await settings.get()).rosterRetentionDays;
	if (!await store.lockApply()) {
		return 0;
	}
	try {
		const v = (await store.getMeta()).version;
		if (!v) {
			return 0;
		}
		const [inactive, since] = await Promise.all([inactiveNumbers(v), store.leftSince()]);
		// back on the roster as active, or no longer on it at all: the clock stops
		await store.forgetLeft([...since.keys()].filter(num => !inactive.has(num)));
		const fresh = [...inactive].filter(num => !since.has(num));
		const started: [string, number][] = (await store.getEntries(fresh, v)).map(e => [e.memberNumber, retentionStart(e.endDate, now)]);
		await store.setLeftSince(started);
		for (const [num, at] of started) {
			since.set(num, at);
		}
		const due = [...inactive].filter(num => retentionOver(since.get(num) ?? now, days, now));
		if (!due.length) {
			return 0;
		}
		const { membersGroup } = await settings.get();
		const links = await store.linkedUids(due);
		let removed = 0;
		for (const entry of await store.getEntries(due, v)) {
			const uid = links.get(entry.memberNumber) ?? 0;
			if (uid && await nodebb.groups().isMember(uid, membersGroup)) {
				continue;
			}
			if (uid) {
				await store.unlink(uid);
			}
			await store.removeEntry(v, entry);
			await store.forgetLeft([entry.memberNumber]);
			removed += 1;
		}
		if (removed) {
			await nodebb.events().log({ type: 'lvl-roster-retention', removed, days });
		}
		return removed;
	} finally {
		await store.unlockApply();
	}
}
