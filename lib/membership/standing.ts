/**
 * Pure: what happens to a verified member's access when the roster says they left, or came back.
 */
import { createHash } from 'crypto';
import type { RosterEntry } from './rules';

export interface Standing {
	/** end of the grace period in ms, 0 when none is running */
	graceUntil: number;
	/** when access was taken away, 0 when it was not */
	revokedAt: number;
	/** an administrator restored access whatever the roster says */
	override: boolean;
}

export type StandingAction =
	| { kind: 'none' }
	| { kind: 'start-grace'; until: number }
	| { kind: 'cancel-grace' }
	| { kind: 'revoke' }
	| { kind: 'reinstate' };

const DAY = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of a time, in UTC (roster dates carry no time zone). */
export function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** Active on the roster right now: marked active at import and its end date (if any) not yet past. */
export function activeNow(entry: RosterEntry | null, now: number): boolean {
	return !!entry && entry.active && (!entry.endDate || entry.endDate >= isoDay(now));
}

export function decideStanding(entry: RosterEntry | null, s: Standing, now: number, graceDays: number): StandingAction {
	if (s.override) {
		return s.graceUntil ? { kind: 'cancel-grace' } : { kind: 'none' };
	}
	if (activeNow(entry, now)) {
		if (s.revokedAt) {
			return { kind: 'reinstate' };
		}
		return s.graceUntil ? { kind: 'cancel-grace' } : { kind: 'none' };
	}
	if (s.revokedAt) {
		return { kind: 'none' };
	}
	if (s.graceUntil) {
		return now >= s.graceUntil ? { kind: 'revoke' } : { kind: 'none' };
	}
	return graceDays <= 0 ? { kind: 'revoke' } : { kind: 'start-grace', until: now + graceDays * DAY };
}

/** Would applying this roster leave the association without a single active member? Then the admin must confirm. */
export function removesEveryone(currentActive: number, incomingActive: number): boolean {
	return currentActive > 0 && incomingActive === 0;
}

/**
 * A short fingerprint of what a roster entry says (e-mail order does not count), with its active flag in front:
 * a preview compares 50,000 fingerprints instead of reading 50,000 entries back.
 */
export function fingerprint(e: RosterEntry): string {
	const body = JSON.stringify([e.lastName, e.firstName, [...e.emails].sort(), e.birthDate, e.status, e.active, e.endDate]);
	return `${e.active ? '1' : '0'}${createHash('sha1').update(body).digest('base64').slice(0, 12)}`;
}

export interface FingerprintDiff {
	added: RosterEntry[];
	/** member numbers whose fingerprint differs: to be read back and compared field by field */
	suspects: string[];
	unchanged: number;
	/** on the current roster, absent from the new one (active or not) */
	absent: string[];
	currentActive: number;
}

export function diffFingerprints(current: Map<string, string>, incoming: RosterEntry[]): FingerprintDiff {
	const out: FingerprintDiff = { added: [], suspects: [], unchanged: 0, absent: [], currentActive: 0 };
	const seen = new Set<string>();
	for (const e of incoming) {
		seen.add(e.memberNumber);
		const fp = current.get(e.memberNumber);
		if (fp === undefined) {
			out.added.push(e);
		} else if (fp === fingerprint(e)) {
			out.unchanged += 1;
		} else {
			out.suspects.push(e.memberNumber);
		}
	}
	for (const [num, fp] of current) {
		if (fp.startsWith('1')) {
			out.currentActive += 1;
		}
		if (!seen.has(num)) {
			out.absent.push(num);
		}
	}
	return out;
}

/**
 * When the roster's retention clock starts for someone who left: their end date when it has passed (midnight UTC),
 * else the moment the platform first saw them inactive.
 */
export function retentionStart(endDate: string, seenAt: number): number {
	const end = /^\d{4}-\d{2}-\d{2}$/.test(endDate) ? Date.parse(`${endDate}T00:00:00Z`) : NaN;
	return Number.isFinite(end) && end <= seenAt ? end : seenAt;
}

/** Has the retention period of an entry that left at `since` run out? `days` 0 keeps it for good. */
export function retentionOver(since: number, days: number, now: number): boolean {
	return days > 0 && since + days * DAY <= now;
}
