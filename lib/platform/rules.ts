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
	/** `groups` are group names, or uids for NodeBB's per-user grants */
	rescind: { groups: (string | number)[]; privileges: string[] }[];
}

/**
 * For each platform category: give the members group the member privileges, take every group privilege away
 * from the outsiders. `allGroupPrivileges` is NodeBB's full list (plugins may add their own).
 */
export function privilegePlan(cids: number[], membersGroup: string, allGroupPrivileges: string[], leftovers: Leftover[] = []): PrivilegePlan[] {
	return cids.map(cid => ({
		cid,
		give: [{ group: membersGroup, privileges: MEMBER_PRIVILEGES }],
		rescind: [
			{ groups: OUTSIDER_GROUPS, privileges: allGroupPrivileges },
			// what a custom group or a single non-member still holds there (platformLeftovers)
			...leftovers.filter(l => l.cid === cid).map(l => ({ groups: [l.group ?? l.uid ?? ''], privileges: l.privileges })),
		],
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

/** Groups that may keep privileges on platform categories besides the members group and the exempt groups. */
export const STAFF_GROUPS = ['administrators', 'Global Moderators'];

export interface CategoryHolders {
	cid: number;
	name: string;
	/** group name → group privileges it holds there */
	groups: Record<string, string[]>;
	/** per-user grants: uid, name, whether the account may use the platform, privileges */
	users: { uid: number; username: string; member: boolean; privileges: string[] }[];
}

export interface Leftover { cid: number; category: string; holder: string; group?: string; uid?: number; privileges: string[] }

/**
 * Pure: grants on platform categories (and their subcategories) the plan does not make: any group other than the
 * members group, the exempt groups and the staff groups; any single user who may not use the platform.
 */
export function platformLeftovers(facts: { platform: CategoryHolders[]; membersGroup: string; exemptGroups: string[] }): Leftover[] {
	const allowed = new Set([facts.membersGroup, ...facts.exemptGroups, ...STAFF_GROUPS].filter(g => !OUTSIDER_GROUPS.includes(g)));
	const out: Leftover[] = [];
	for (const c of facts.platform) {
		for (const [group, privileges] of Object.entries(c.groups)) {
			if (!allowed.has(group) && privileges.length) {
				out.push({ cid: c.cid, category: c.name, holder: group, group, privileges });
			}
		}
		for (const u of c.users) {
			if (!u.member && u.privileges.length) {
				out.push({ cid: c.cid, category: c.name, holder: u.username, uid: u.uid, privileges: u.privileges });
			}
		}
	}
	return out;
}

