/**
 * Pure decisions about the platform's access model. No NodeBB here.
 */

/** What a verified member may do in a platform category: NodeBB's own defaults for registered users. */
export const MEMBER_PRIVILEGES = [
	'groups:find',
	'groups:read',
	'groups:topics:read',
	'groups:topics:create',
	'groups:topics:reply',
	'groups:topics:tag',
	'groups:posts:edit',
	'groups:posts:history',
	'groups:posts:delete',
	'groups:posts:upvote',
	'groups:posts:downvote',
	'groups:topics:delete',
];

/** Everyone who is not a verified member: they lose every privilege in a platform category. */
export const OUTSIDER_GROUPS = ['guests', 'spiders', 'fediverse', 'registered-users', 'verified-users', 'unverified-users'];

export interface PrivilegePlan {
	cid: number;
	give: { group: string; privileges: string[] }[];
	rescind: { groups: string[]; privileges: string[] }[];
}

/**
 * For each platform category: give the members group the member privileges, take every group privilege away
 * from the outsiders. `allGroupPrivileges` is NodeBB's full list (plugins may add their own).
 */
export function privilegePlan(cids: number[], membersGroup: string, allGroupPrivileges: string[]): PrivilegePlan[] {
	return cids.map(cid => ({
		cid,
		give: [{ group: membersGroup, privileges: MEMBER_PRIVILEGES }],
		rescind: [{ groups: OUTSIDER_GROUPS, privileges: allGroupPrivileges }],
	}));
}

/** A group name an admin may choose for the members group: any non-empty name NodeBB does not reserve. */
export function membersGroupSpec(name: string): Record<string, unknown> {
	return {
		name,
		description: 'Leden voor Leden',
		hidden: 1,
		private: 1,
		disableJoinRequests: 1,
		disableLeave: 1,
		// membership is not public: the group never shows as a badge or title (see membership/visibility.ts)
		userTitleEnabled: 0,
	};
}
