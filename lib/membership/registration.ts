/**
 * The verification step's use cases, at registration and for an existing account that is not yet a member: when the
 * step is shown, what each of its answers does (verify, ask the secretariat, later), and linking the new account to
 * what the step proved. membership/hooks.ts only adapts NodeBB's payloads to these.
 */
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import { canUsePlatform } from './permissions';
import * as store from './store';
import * as verification from './verification';

/** NodeBB's registration state, as far as the step reads and writes it. */
export interface RegistrationData {
	uid?: number;
	register?: boolean;
	/** token of what this step proved, set by the step's callback only (the record itself is in the database) */
	lvlProof?: string;
	lvlVerify?: boolean;
	[key: string]: unknown;
}

/**
 * Does the step show now? `uid` 0: a registration (the account does not exist yet); else an existing account, which
 * can step out with "cancel" and come back later.
 */
export async function needsStep(uid: number, data: RegistrationData, path: string): Promise<boolean> {
	if (uid > 0) {
		return !(path.includes('/register/abort') || await canUsePlatform(uid) || await store.pendingRequestOf(uid));
	}
	const proof = await store.getRegistrationProof(data.lvlProof);
	return !proof || (proof.kind === 'later' && (await settings.get()).verificationMode === 'refuse');
}

/** Should an existing, logged-in account be sent through the step (once per session)? */
export async function shouldPrompt(uid: number): Promise<boolean> {
	return uid > 0 && !(await canUsePlatform(uid) || await store.pendingRequestOf(uid));
}

/** What the step's answer does. At registration, what it proved waits in the database under a token in `data`. */
export async function takeStep(uid: number, ip: string, form: Record<string, unknown>, data: RegistrationData): Promise<void> {
	const action = asString(form.lvlAction) || 'verify';
	const input = {
		memberNumber: form.lvlMemberNumber,
		email: form.lvlEmail,
		lastName: form.lvlLastName,
		birthDate: form.lvlBirthDate,
	};
	delete data.lvlVerify;
	const mode = (await settings.get()).verificationMode;
	if (action === 'later') {
		if (mode === 'refuse' && !uid) {
			throw new Error(`[[${NS}:error.verification-required]]`);
		}
		if (!uid) {
			// registration goes on without a link; NodeBB asks the interstitials again before creating
			data.lvlProof = await store.saveRegistrationProof({ kind: 'later', memberNumber: '', note: '' });
		}
		return;
	}
	if (action === 'manual') {
		if (mode === 'refuse' && !uid) {
			throw new Error(`[[${NS}:error.manual-needs-account]]`);
		}
		const note = typeof form.lvlNote === 'string' ? form.lvlNote : '';
		const num = typeof input.memberNumber === 'string' ? input.memberNumber : '';
		if (!note.trim()) {
			throw new Error(`[[${NS}:error.note-required]]`);
		}
		if (uid) {
			await verification.requestManual(uid, num, note, 'asked');
		} else {
			data.lvlProof = await store.saveRegistrationProof({ kind: 'manual', memberNumber: num.slice(0, 50), note: note.slice(0, 500) });
		}
		return;
	}
	if (uid) {
		await verification.verify(uid, ip, input);
		return;
	}
	const result = await verification.check(0, ip, input);
	if (!result.ok) {
		throw new Error(verification.ERR_NO_MATCH);
	}
	data.lvlProof = await store.saveRegistrationProof({ kind: 'verified', memberNumber: result.memberNumber, note: '' });
}

/**
 * The account now exists: link what the step proved, or file the manual request. Only a proof the step itself stored
 * counts (whoever calls user.create with whatever data); the roster entry is checked again: it must still exist, be
 * active and be free.
 */
export async function linkNewAccount(uid: number, data: RegistrationData): Promise<void> {
	try {
		const proof = await store.takeRegistrationProof(data.lvlProof);
		if (proof?.kind === 'verified') {
			const now = await verification.stillLinkable(proof.memberNumber);
			if (now === 'ok') {
				await verification.linkAccount(uid, proof.memberNumber, 'registration');
			} else if (now === 'linked') {
				// someone linked it between the step and the creation: the secretariat decides
				await verification.requestManual(uid, proof.memberNumber, '', 'already-linked');
			}
		} else if (proof?.kind === 'manual') {
			await verification.requestManual(uid, proof.memberNumber, proof.note, 'asked');
		}
	} catch (err) {
		nodebb.log.error(`linking new account ${String(uid)} failed: ${String(err)}`);
	}
}
