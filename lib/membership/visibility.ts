/**
 * Membership is not public: nobody outside the members can tell from NodeBB's own user pages and lists who is one,
 * nor what members do on the platform. The members group never shows as a title; platform posts do not count in
 * what a guest or non-member sees; nor does when a member was last seen.
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { canUsePlatform } from './permissions';
import { withoutGroupTitle } from './rules';
import * as store from './store';

type UserRecord = Record<string, unknown>;
/** NodeBB's lists may hold a null where a user was deleted meanwhile. */
type UserList = (UserRecord | null | undefined)[];

/** Fields of a user that tell when they were last active: blanked for readers outside the members. */
const ACTIVITY_FIELDS = { lastonline: 0, lastonlineISO: '', lastposttime: 0 } as const;

function blankActivity(u: UserRecord): void {
	for (const [field, blank] of Object.entries(ACTIVITY_FIELDS)) {
		if (field in u) {
			u[field] = blank;
		}
	}
	if ('status' in u) {
		u.status = 'offline';
	}
	if ('userStatus' in u) {
		u.userStatus = 'offline';
	}
}

/** `filter:user.getFields`: every read of a user's `groupTitle`, for every reader, leaves the members group out. */
export async function filterUserGetFields<T extends { users: UserList }>(payload: T): Promise<T> {
	if (!payload.users.some(u => u && typeof u.groupTitle === 'string' && u.groupTitle)) {
		return payload;
	}
	const { membersGroup } = await settings.get();
	for (const u of payload.users) {
		if (u && typeof u.groupTitle === 'string' && u.groupTitle) {
			u.groupTitle = withoutGroupTitle(u.groupTitle, membersGroup);
		}
	}
	return payload;
}

/** `action:group.join`: NodeBB gives a first group its title; the members group's is taken off again at once. */
export async function actionGroupJoin(payload: { groupNames: string[]; uid: number }): Promise<void> {
	const { membersGroup } = await settings.get();
	if (payload.groupNames.includes(membersGroup)) {
		await store.dropGroupTitle(payload.uid, membersGroup);
	}
}

/** Posts and topics a user has in the platform's categories (NodeBB keeps a sorted set per category and user). */
async function platformCounts(uids: number[]): Promise<{ posts: number; topics: number }[]> {
	const { platformCids } = await settings.get();
	return Promise.all(uids.map(uid => store.platformActivity(uid, platformCids)));
}

/**
 * `filter:helpers.getUserDataByUserSlug` (a user's page and `/api/user/<slug>`): for a guest or non-member, counts
 * without the platform (NodeBB's own `counts` already leave out categories the reader cannot see), no memberships,
 * no last-seen.
 */
export async function filterHelpersGetUserDataByUserSlug<T extends { userData: UserRecord; callerUID: number | string }>(payload: T): Promise<T> {
	const { userData } = payload;
	const caller = Number(payload.callerUID) || 0;
	if (caller === Number(userData.uid) || await canUsePlatform(caller)) {
		return payload;
	}
	const { membersGroup } = await settings.get();
	const [platform] = await platformCounts([Number(userData.uid) || 0]);
	const counts = (userData.counts ?? {}) as Record<string, unknown>;
	userData.postcount = Math.max(0, (Number(userData.postcount) || 0) - (platform?.posts ?? 0));
	userData.topiccount = Math.max(0, (Number(userData.topiccount) || 0) - (platform?.topics ?? 0));
	const notMembers = (groups: unknown) => (Array.isArray(groups) ? groups.filter(g => (g as { name?: unknown } | null)?.name !== membersGroup) : groups);
	userData.groups = notMembers(userData.groups);
	userData.selectedGroup = notMembers(userData.selectedGroup);
	if (Array.isArray(userData.groupTitleArray)) {
		userData.groupTitleArray = userData.groupTitleArray.filter(t => t !== membersGroup);
	}
	if (Array.isArray(userData.groups) && 'groups' in counts) {
		counts.groups = userData.groups.length;
	}
	blankActivity(userData);
	return payload;
}

/** `filter:userlist.get` (`/users`, `/api/users`, user search): the same, for every user listed. */
export async function filterUserlistGet<T extends { users: UserList; uid: number | string }>(payload: T): Promise<T> {
	const caller = Number(payload.uid) || 0;
	if (!payload.users.length || await canUsePlatform(caller)) {
		return payload;
	}
	const users = payload.users.filter((u): u is UserRecord => !!u && Number(u.uid) > 0 && Number(u.uid) !== caller);
	const platform = await platformCounts(users.map(u => Number(u.uid)));
	users.forEach((u, i) => {
		if ('postcount' in u) {
			u.postcount = Math.max(0, (Number(u.postcount) || 0) - (platform[i]?.posts ?? 0));
		}
		if ('topiccount' in u) {
			u.topiccount = Math.max(0, (Number(u.topiccount) || 0) - (platform[i]?.topics ?? 0));
		}
		blankActivity(u);
	});
	return payload;
}

/**
 * `filter:users.build` (the `/users` page and `/api/users`): the "online" section writes last-seen times after the
 * list was read, so they are blanked here too.
 */
export async function filterUsersBuild<T extends { req: { uid?: number | string }; templateData: { users?: UserList } }>(payload: T): Promise<T> {
	const caller = Number(payload.req.uid) || 0;
	const users = payload.templateData.users ?? [];
	if (!users.length || await canUsePlatform(caller)) {
		return payload;
	}
	users.filter((u): u is UserRecord => !!u && Number(u.uid) !== caller).forEach(blankActivity);
	return payload;
}

/** Used by the upgrade: the group shows no title, and no member carries it as theirs. */
export async function hideMembersGroupTitle(): Promise<number> {
	const { membersGroup } = await settings.get();
	if (!await nodebb.groups().exists(membersGroup)) {
		return 0;
	}
	await nodebb.groups().update(membersGroup, { userTitleEnabled: false });
	let cleaned = 0;
	for (let start = 0; ; start += 500) {
		const uids = await nodebb.groups().getMembers(membersGroup, start, start + 499);
		if (!uids.length) {
			break;
		}
		for (const uid of uids) {
			cleaned += await store.dropGroupTitle(uid, membersGroup) ? 1 : 0;
		}
	}
	return cleaned;
}
