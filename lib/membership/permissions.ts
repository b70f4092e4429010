/**
 * The member gate and one permission function per membership action. Every capability asks the gate through
 * membership's index: the button, the page, the API route and the socket alike.
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';

/** The plugin's admin privilege for the roster, grantable to a secretariat group in ACP › Privileges. */
export const ROSTER_PRIVILEGE = 'admin:lvl-roster';

/**
 * May this account use the platform (see its pages, APIs and categories, and tell who is a member)? Verified members,
 * exempt groups, administrators: one question, two reads. An exempt account passes here too, so callers never ask
 * `isExempt` after it.
 */
export async function canUsePlatform(uid: number): Promise<boolean> {
	if (!Number.isInteger(uid) || uid <= 0) {
		return false;
	}
	const { membersGroup, exemptGroups } = await settings.get();
	const [isAdmin, memberships] = await Promise.all([
		nodebb.user().isAdministrator(uid),
		nodebb.groups().isMemberOfGroups(uid, [membersGroup, ...exemptGroups]),
	]);
	return isAdmin || memberships.some(Boolean);
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

/** May this account see and change the roster, the verification queue and members' access? */
export async function canManageRoster(uid: number): Promise<boolean> {
	if (!(uid > 0)) {
		return false;
	}
	// privileges.admin.can answers true for administrators too
	return nodebb.privileges().admin.can(ROSTER_PRIVILEGE, uid);
}

/**
 * The account a registration step acts on: none while registering (it does not exist yet), else only the logged-in
 * account itself. `null`: the registration state names another account, and no step of the plugin touches it.
 */
export function registrationAccount(reqUid: number, userData: { uid?: unknown; register?: unknown }): number | null {
	if (userData.register === true) {
		return 0;
	}
	const uid = Number(userData.uid) || 0;
	return uid > 0 && uid === reqUid ? uid : null;
}
