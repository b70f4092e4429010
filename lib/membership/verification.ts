/**
 * Verification: a person proves they are the member on the roster (member number plus an e-mail on the roster,
 * or last name with date of birth). Failures never tell whether the member number exists.
 */
import { asString } from '../coerce';
import { neutral } from '../kernel/text';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import { joinMembers } from './access';
import { notify } from './notify';
import { isExempt } from './permissions';
import { normaliseMemberNumber, type Proof, proofMatches, tokenArg } from './rules';
import { activeNow } from './standing';
import * as store from './store';

export const ERR_NO_MATCH = `[[${NS}:error.verification-failed]]`;
export const ERR_TOO_MANY = `[[${NS}:error.too-many-attempts]]`;
export const ERR_INCOMPLETE = `[[${NS}:error.verification-incomplete]]`;

export interface ProofInput {
	memberNumber?: unknown;
	email?: unknown;
	lastName?: unknown;
	birthDate?: unknown;
}

const text = (v: unknown, max = 200): string => asString(v, max);

/** Pure: reads what the form or API sent into a member number and one proof, or throws a translated error. */
export function readProof(input: ProofInput): { memberNumber: string; proof: Proof } {
	const memberNumber = normaliseMemberNumber(text(input.memberNumber, 50));
	const email = text(input.email);
	const lastName = text(input.lastName, 100);
	const birthDate = text(input.birthDate, 20);
	if (!memberNumber) {
		throw new Error(ERR_INCOMPLETE);
	}
	if (email) {
		return { memberNumber, proof: { email } };
	}
	if (lastName && birthDate) {
		return { memberNumber, proof: { lastName, birthDate } };
	}
	throw new Error(ERR_INCOMPLETE);
}

/**
 * Counts the attempt against the account, the IP address and the member number, each atomically, and refuses once
 * any of them is over the hourly limit (a member number tried from many addresses is protected too).
 */
async function checkLimits(uid: number, ip: string, memberNumber: string): Promise<void> {
	const { attemptsPerHour } = await settings.get();
	const counts = await Promise.all([
		uid > 0 ? store.countAttempt('uid', String(uid)) : Promise.resolve(0),
		ip ? store.countAttempt('ip', ip) : Promise.resolve(0),
		store.countAttempt('num', memberNumber),
	]);
	if (counts.some(n => n > attemptsPerHour)) {
		throw new Error(ERR_TOO_MANY);
	}
}

export type CheckResult = { ok: true; memberNumber: string } | { ok: false };

/**
 * Counts the attempt, then compares the proof with the roster in force. A member number already linked to another
 * account answers exactly like no match: the answer never confirms a member's e-mail or birth date.
 */
export async function check(uid: number, ip: string, input: ProofInput): Promise<CheckResult> {
	const { memberNumber, proof } = readProof(input);
	await checkLimits(uid, ip, memberNumber);
	const entry = await store.getEntry(memberNumber);
	if (!entry || !activeNow(entry, Date.now()) || !proofMatches(entry, proof)) {
		return { ok: false };
	}
	const holder = await store.linkedUid(entry.memberNumber);
	if (holder && holder !== uid) {
		return { ok: false };
	}
	return { ok: true, memberNumber: entry.memberNumber };
}

/**
 * At the moment an account is linked: the roster entry must still exist, be active and be free (the registration's
 * proof may be a day old; the roster and other registrations moved on meanwhile).
 */
export async function stillLinkable(memberNumber: string): Promise<'ok' | 'gone' | 'linked'> {
	const entry = await store.getEntry(memberNumber);
	if (!entry || !activeNow(entry, Date.now())) {
		return 'gone';
	}
	return await store.linkedUid(entry.memberNumber) ? 'linked' : 'ok';
}

/** Links the account to the roster entry and lets it in. */
export async function linkAccount(uid: number, memberNumber: string, method: string, by = uid): Promise<void> {
	await store.link(uid, memberNumber, method);
	await joinMembers(uid);
	await Promise.all([store.clearAttempts('uid', String(uid)), store.clearAttempts('num', memberNumber)]);
	await nodebb.events().log({ type: 'lvl-member-verified', uid: by, targetUid: uid, memberNumber, method });
}

export type VerifyOutcome = 'verified' | 'already';

/** An existing account verifies itself. A member number linked to another account fails like a wrong proof. */
export async function verify(uid: number, ip: string, input: ProofInput): Promise<VerifyOutcome> {
	const state = await store.getMemberState(uid);
	if (state && !state.revokedAt) {
		return 'already';
	}
	const result = await check(uid, ip, input);
	if (!result.ok) {
		throw new Error(ERR_NO_MATCH);
	}
	await linkAccount(uid, result.memberNumber, 'proof');
	if (ip) {
		await store.clearAttempts('ip', ip);
	}
	await notify(uid, 'verified');
	return 'verified';
}

/** The person asks the secretariat to check by hand; one open request per account. */
export async function requestManual(uid: number, memberNumber: string, note: string, reason: store.VerificationRequest['reason']): Promise<number> {
	const existing = await store.pendingRequestOf(uid);
	if (existing) {
		return existing;
	}
	return store.createRequest({
		uid,
		memberNumber: normaliseMemberNumber(memberNumber).slice(0, 50),
		note: note.trim().slice(0, 500),
		reason,
		createdAt: Date.now(),
	});
}

export async function approve(requestId: number, memberNumber: string, by: number): Promise<void> {
	const r = await store.getRequest(requestId);
	if (!r || r.status !== 'pending') {
		throw new Error(`[[${NS}:error.no-such-request]]`);
	}
	const num = normaliseMemberNumber(memberNumber || r.memberNumber);
	const entry = await store.getEntry(num);
	if (!entry) {
		throw new Error(`[[${NS}:error.no-such-member-number, ${tokenArg(num)}]]`);
	}
	const holder = await store.linkedUid(num);
	if (holder && holder !== r.uid) {
		// the admin decided: the earlier link goes, this account gets the entry
		await store.unlink(holder);
		const { membersGroup } = await settings.get();
		if (!await isExempt(holder)) {
			await nodebb.groups().leave(membersGroup, holder);
		}
		await nodebb.events().log({ type: 'lvl-member-unlinked', uid: by, targetUid: holder, memberNumber: num });
	}
	await linkAccount(r.uid, num, 'manual', by);
	await store.decideRequest(r, 'approved', by, num);
	await notify(r.uid, 'approved', [], { from: by });
}

export async function refuse(requestId: number, reason: string, by: number): Promise<void> {
	const r = await store.getRequest(requestId);
	if (!r || r.status !== 'pending') {
		throw new Error(`[[${NS}:error.no-such-request]]`);
	}
	const why = reason.trim().slice(0, 500);
	if (!why) {
		throw new Error(`[[${NS}:error.reason-required]]`);
	}
	await store.decideRequest(r, 'refused', by, why);
	await nodebb.events().log({ type: 'lvl-request-refused', uid: by, targetUid: r.uid });
	// the admin's words are one argument of the token, neutralised (lib/kernel/text.ts)
	await notify(r.uid, 'refused', [neutral(why)], { from: by });
}

/** What the person sees of their own standing. */
export async function statusOf(uid: number): Promise<{ member: boolean; exempt: boolean; memberNumber: string; graceUntil: number; revoked: boolean; pendingRequest: boolean }> {
	const [state, exempt, pending] = await Promise.all([store.getMemberState(uid), isExempt(uid), store.pendingRequestOf(uid)]);
	return {
		member: !!state && !state.revokedAt,
		exempt,
		memberNumber: state?.memberNumber ?? '',
		graceUntil: state?.graceUntil ?? 0,
		revoked: !!state?.revokedAt,
		pendingRequest: pending > 0,
	};
}
