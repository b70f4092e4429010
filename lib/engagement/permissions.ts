/**
 * Who may do what with the rules of engagement: one function per action, used by the post menu, the flag page and
 * the API alike. NodeBB's own moderator roles decide (admins, global moderators, category moderators).
 */
import { asCount } from '../coerce';
import * as nodebb from '../nodebb';
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
		const cid = targetPid ? asCount((await nodebb.posts().getPostFields(targetPid, ['cid'])).cid) : 0;
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

/**
 * May `caller` warn about this target? Admins and global moderators always; a category moderator for posts (and
 * flags on posts) in the categories they moderate. Never oneself.
 */
export async function canWarn(caller: number, target: WarnTarget): Promise<boolean> {
	if (!(caller > 0) || caller === target.uid) {
		return false;
	}
	const u = nodebb.moderationUser();
	if (await u.isAdminOrGlobalMod(caller)) {
		return true;
	}
	if (target.flagId) {
		return nodebb.moderationFlags().canView(target.flagId, caller);
	}
	return target.cid > 0 && u.isModerator(caller, target.cid);
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

/** May `caller` see a member's warnings? The member themself and anyone who moderates somewhere. */
export async function canSeeWarnings(caller: number, uid: number): Promise<boolean> {
	return caller > 0 && (caller === uid || await nodebb.moderationUser().isPrivileged(caller));
}

/** Dismissing the guard's hit on a post: whoever may moderate that post. */
export async function canModeratePost(caller: number, pid: number): Promise<boolean> {
	if (!(caller > 0)) {
		return false;
	}
	const u = nodebb.moderationUser();
	if (await u.isAdminOrGlobalMod(caller)) {
		return true;
	}
	const post = await nodebb.posts().getPostFields(pid, ['tid']);
	const t = await nodebb.topics().getTopicFields(asCount(post.tid), ['cid']);
	return asCount(t.cid) > 0 && u.isModerator(caller, asCount(t.cid));
}
