/**
 * Keeping access in step with the roster: grace periods, revocation, reinstatement, restoration by an admin.
 * The same reconciliation runs right after an import and from the scheduled job (primary process only).
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { notify } from './notify';
import { decideStanding, type StandingAction } from './standing';
import * as store from './store';

export async function joinMembers(uid: number): Promise<void> {
	const { membersGroup } = await settings.get();
	await nodebb.groups().join(membersGroup, uid);
}

async function leaveMembers(uid: number): Promise<void> {
	const { membersGroup } = await settings.get();
	await nodebb.groups().leave(membersGroup, uid);
}

async function carryOut(uid: number, action: StandingAction): Promise<void> {
	const now = Date.now();
	switch (action.kind) {
		case 'none':
			return;
		case 'start-grace':
			await store.setMemberFields(uid, { graceUntil: action.until });
			await notify(uid, 'grace', [new Date(action.until).toISOString().slice(0, 10)], { email: true });
			return;
		case 'cancel-grace':
			await store.setMemberFields(uid, { graceUntil: 0 });
			return;
		case 'revoke':
			await leaveMembers(uid);
			await store.setMemberFields(uid, { graceUntil: 0, revokedAt: now });
			// their open sessions end: the next request starts as a logged-out visitor
			await nodebb.user().auth.revokeAllSessions(uid);
			await nodebb.events().log({ type: 'lvl-member-revoked', uid: 0, targetUid: uid });
			await notify(uid, 'revoked', [], { email: true });
			return;
		case 'reinstate':
			await joinMembers(uid);
			await store.setMemberFields(uid, { revokedAt: 0, graceUntil: 0 });
			await nodebb.events().log({ type: 'lvl-member-reinstated', uid: 0, targetUid: uid });
			await notify(uid, 'reinstated');
	}
}

/** Brings one linked account in line with the roster in force. */
export async function reconcileUid(uid: number, now = Date.now()): Promise<StandingAction> {
	const state = await store.getMemberState(uid);
	if (!state) {
		return { kind: 'none' };
	}
	const [entry, { graceDays }] = await Promise.all([store.getEntry(state.memberNumber), settings.get()]);
	const action = decideStanding(entry, state, now, graceDays);
	await carryOut(uid, action);
	return action;
}

/** After an import or an edit: the accounts linked to these member numbers. */
export async function reconcileNumbers(nums: string[]): Promise<void> {
	for (const uid of (await store.linkedUids(nums)).values()) {
		await reconcileUid(uid);
	}
}

/** The scheduled pass over every linked account (grace periods that ended, end dates that passed). */
export async function reconcileAll(): Promise<{ checked: number; changed: number }> {
	let checked = 0;
	let changed = 0;
	const batch = 500;
	for (let start = 0; ; start += batch) {
		const uids = await store.linkedUidRange(start, start + batch - 1);
		if (!uids.length) {
			break;
		}
		for (const uid of uids) {
			checked += 1;
			try {
				if ((await reconcileUid(uid)).kind !== 'none') {
					changed += 1;
				}
			} catch (err) {
				nodebb.log.error(`reconciling uid ${String(uid)} failed: ${String(err)}`);
			}
		}
	}
	return { checked, changed };
}

/** An administrator gives a linked member access back, whatever the roster says, until they take it away again. */
export async function restoreAccess(uid: number, by: number): Promise<void> {
	const state = await store.getMemberState(uid);
	if (!state) {
		throw new Error(`[[${settings.NS}:error.not-linked]]`);
	}
	await joinMembers(uid);
	await store.setMemberFields(uid, { override: 1, overrideAt: Date.now(), graceUntil: 0, revokedAt: 0 });
	await nodebb.events().log({ type: 'lvl-member-restored', uid: by, targetUid: uid });
	await notify(uid, 'restored', [], { from: by });
}

/** Lets the roster decide again for an account an admin restored. */
export async function endOverride(uid: number, by: number): Promise<StandingAction> {
	await store.setMemberFields(uid, { override: 0 });
	await nodebb.events().log({ type: 'lvl-member-override-ended', uid: by, targetUid: uid });
	return reconcileUid(uid);
}

/** Registers the scheduled job; NodeBB runs it on the primary process only (runJobs). */
export async function startJobs(): Promise<void> {
	await nodebb.addJob({
		name: 'lvl:membership-standing',
		cronTime: '0 */15 * * * *',
		onTick: async () => {
			const { checked, changed } = await reconcileAll();
			if (changed) {
				nodebb.log.info(`membership standing: ${String(changed)} of ${String(checked)} accounts changed`);
			}
		},
	});
}
