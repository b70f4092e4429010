/**
 * One permission function per membership action.
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';

/** The plugin's admin privilege for the roster, grantable to a secretariat group in ACP › Privileges. */
export const ROSTER_PRIVILEGE = 'admin:lvl-roster';

/** May this account see and change the roster, the verification queue and members' access? */
export async function canManageRoster(uid: number): Promise<boolean> {
	if (!(uid > 0)) {
		return false;
	}
	// privileges.admin.can answers true for administrators too
	return nodebb.privileges().admin.can(ROSTER_PRIVILEGE, uid);
}

/** Needs no roster verification: administrators and members of the groups the admin exempts. */
export async function isExempt(uid: number): Promise<boolean> {
	if (!(uid > 0)) {
		return false;
	}
	const { exemptGroups } = await settings.get();
	const [admin, inGroups] = await Promise.all([
		nodebb.user().isAdministrator(uid),
		exemptGroups.length ? nodebb.groups().isMemberOfGroups(uid, exemptGroups) : Promise.resolve([]),
	]);
	return admin || inGroups.some(Boolean);
}

/**
 * May this account tell who is a member and what members do on the platform (titles, platform posts, last seen)?
 * Whoever may use the platform: members of the members group, exempt accounts and administrators.
 */
export async function canSeeMembership(uid: number): Promise<boolean> {
	if (!(uid > 0)) {
		return false;
	}
	const { membersGroup } = await settings.get();
	const [exempt, member] = await Promise.all([isExempt(uid), nodebb.groups().isMember(uid, membersGroup)]);
	return exempt || member;
}
