/**
 * Who may do what with the rules of engagement: one function per action, used by the post menu, the flag page and
 * the API alike. NodeBB's own moderator roles decide (admins, global moderators, category moderators). A category
 * moderator acts only as a member of the platform and only on posts in the categories they moderate; what reaches
 * the whole forum (a ladder step, a warning about a member outside a post) is for admins and global moderators.
 */
import { asCount } from '../coerce';
import * as nodebb from '../nodebb';
import { canUsePlatform } from '../membership';
import { ENS } from './rules';

export const ERR_NO_PRIVILEGES = '[[error:no-privileges]]';

export interface WarnTarget { uid: number; pid: number; flagId: number; cid: number }

/** Resolves what a warning is about (a post, a flag or a member) to the member it concerns; throws when it is unknown. */
export async function resolveTarget(input: { uid?: unknown; pid?: unknown; flagId?: unknown }): Promise<WarnTarget> {
	const pid = asCount(input.pid);
	const flagId = asCount(input.flagId);
	if (flagId) {
		const flag = await nodebb.db().getObject(`flag:${String(flagId)}`);
		if (!flag) {
			throw new Error('[[error:no-flag]]');
		}
		const targetPid = flag.type === 'post' ? asCount(flag.targetId) : 0;
		// a post's hash holds no cid: it is its topic's
		const tid = targetPid ? asCount((await nodebb.posts().getPostFields(targetPid, ['tid'])).tid) : 0;
		const cid = tid ? asCount((await nodebb.topics().getTopicFields(tid, ['cid'])).cid) : 0;
		return { uid: asCount(flag.targetUid) || (flag.type === 'user' ? asCount(flag.targetId) : 0), pid: targetPid, flagId, cid };
	}
	if (pid) {
		const post = await nodebb.posts().getPostFields(pid, ['uid', 'tid', 'pid']);
		if (!asCount(post.pid)) {
			throw new Error('[[error:no-post]]');
		}
		const t = await nodebb.topics().getTopicFields(asCount(post.tid), ['cid']);
		return { uid: asCount(post.uid), pid, flagId: 0, cid: asCount(t.cid) };
	}
	const uid = asCount(input.uid);
	if (!uid || !await nodebb.moderationUser().exists(uid)) {
		throw new Error('[[error:no-user]]');
	}
	return { uid, pid: 0, flagId: 0, cid: 0 };
}

/** A category moderator's reach: a category they moderate, and only while they are a member of the platform. */
async function moderatesCategory(caller: number, cid: number): Promise<boolean> {
	return cid > 0 && await nodebb.moderationUser().isModerator(caller, cid) && await canUsePlatform(caller);
}

/**
 * May `caller` warn about this target? Admins and global moderators always; a category moderator (a member) for
 * posts, and flags on posts, in the categories they moderate. Never oneself.
 */
export async function canWarn(caller: number, target: WarnTarget): Promise<boolean> {
	if (!(caller > 0) || caller === target.uid) {
		return false;
	}
	if (await nodebb.moderationUser().isAdminOrGlobalMod(caller)) {
		return true;
	}
	return target.pid > 0 && moderatesCategory(caller, target.cid);
}

/**
 * May `caller` confirm a ladder step for a warning's member? Every step reaches the whole forum (the plugin's post
 * queue, NodeBB's mute and ban), so only admins and global moderators, never on themselves. Which step, and whether
 * the warning still counts, is the ladder's decision (warnings.applyStep).
 */
export async function canApplyStep(caller: number, warning: { uid: number }): Promise<boolean> {
	return caller > 0 && caller !== warning.uid && nodebb.moderationUser().isAdminOrGlobalMod(caller);
}

/** May `caller` take a warning back? Whoever may warn about what it concerns (its post, or its member). */
export async function canRevoke(caller: number, warning: { uid: number; pid: number; flagId: number }): Promise<boolean> {
	const target = warning.pid
		? await resolveTarget({ pid: warning.pid }).catch(() => ({ uid: warning.uid, pid: 0, flagId: 0, cid: 0 }))
		: { uid: warning.uid, pid: 0, flagId: warning.flagId, cid: 0 };
	return canWarn(caller, { ...target, uid: warning.uid });
}

/** Administrators and global moderators are not warned through this (they answer to the board, not the ladder). */
export async function assertWarnable(target: WarnTarget): Promise<void> {
	if (!target.uid) {
		throw new Error('[[error:no-user]]');
	}
	if (await nodebb.moderationUser().isAdminOrGlobalMod(target.uid)) {
		throw new Error(`[[${ENS}:error.cant-warn-privileged]]`);
	}
}

/**
 * May `caller` open a member's warnings at all? The member themself, admins and global moderators, and a category
 * moderator who is a member (who then sees only the warnings `canSeeWarning` allows).
 */
export async function canSeeWarnings(caller: number, uid: number): Promise<boolean> {
	if (!(caller > 0)) {
		return false;
	}
	if (caller === uid) {
		return true;
	}
	const u = nodebb.moderationUser();
	return await u.isAdminOrGlobalMod(caller) || (await u.isPrivileged(caller) && await canUsePlatform(caller));
}

/** May `caller` read this warning? The member, admins and global moderators; a category moderator (a member) for a warning on a post in a category they moderate. */
export async function canSeeWarning(caller: number, warning: { uid: number; pid: number }): Promise<boolean> {
	if (!(caller > 0)) {
		return false;
	}
	if (caller === warning.uid || await nodebb.moderationUser().isAdminOrGlobalMod(caller)) {
		return true;
	}
	if (!warning.pid) {
		return false;
	}
	const cid = await resolveTarget({ pid: warning.pid }).then(t => t.cid, () => 0);
	return moderatesCategory(caller, cid);
}

/** Dismissing the guard's hit on a post: whoever may moderate that post. */
export async function canModeratePost(caller: number, pid: number): Promise<boolean> {
	if (!(caller > 0)) {
		return false;
	}
	if (await nodebb.moderationUser().isAdminOrGlobalMod(caller)) {
		return true;
	}
	const post = await nodebb.posts().getPostFields(pid, ['tid']);
	const t = await nodebb.topics().getTopicFields(asCount(post.tid), ['cid']);
	return moderatesCategory(caller, asCount(t.cid));
}
