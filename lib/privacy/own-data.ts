/**
 * A person's own plugin data, for themselves: an export of what the plugin keeps about them, and its erasure without
 * deleting the NodeBB account. Both stay open after their membership ended (a member who left keeps these rights);
 * the erasure is for accounts that no longer use the platform: a current member edits or empties their profile, or
 * deletes their account. The erasure runs every capability's `static:user.delete` handler, then the deletion sweep,
 * exactly as an account deletion does, and leaves the account itself alone.
 */
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import { canUsePlatform } from '../membership';
import * as competencesHooks from '../competences/hooks';
import * as profiles from '../competences/profiles';
import * as engagementHooks from '../engagement/hooks';
import * as engagementStore from '../engagement/store';
import * as insightHooks from '../insight/hooks';
import * as membershipHooks from '../membership/hooks';
import * as membershipStore from '../membership/store';
import * as qaHooks from '../qa/hooks';
import * as qaSimilarHooks from '../qa/similar-hooks';
import * as erase from './erase';

export async function exportOwn(uid: number): Promise<Record<string, unknown>> {
	const [competences, membership, acceptances, warnings] = await Promise.all([
		profiles.exportOwn(uid),
		membershipStore.getMemberState(uid),
		engagementStore.acceptancesOf(uid),
		engagementStore.warningsOf(uid),
	]);
	return {
		exportedAt: new Date().toISOString(),
		uid,
		membership,
		competences: { profile: competences.profile, competences: competences.competences },
		rulesAccepted: acceptances,
		warnings,
	};
}

/** Erases everything the plugin keeps about `uid`; the account stays. Refused while the account uses the platform. */
export async function eraseOwn(uid: number): Promise<void> {
	if (await canUsePlatform(uid)) {
		throw new Error(`[[${NS}-privacy:error.erase-while-member]]`);
	}
	const names = await erase.namesOf(uid);
	const payload = { uid };
	for (const handler of [membershipHooks, competencesHooks, qaHooks, qaSimilarHooks, insightHooks, engagementHooks]) {
		await handler.staticUserDelete(payload);
	}
	await erase.sweepAfterDeletion(uid, names);
	await nodebb.events().log({ type: 'lvl-own-data-erased', uid });
}
