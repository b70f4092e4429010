/**
 * One permission function per action. The button, the page, the API route and the socket all ask these.
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';

/** May this account use the platform (see its pages, APIs and categories)? Verified members, exempt groups, admins. */
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

/** May this account change the plugin's settings? NodeBB's own ACP privilege for plugin settings. */
export async function canManageSettings(uid: number): Promise<boolean> {
	return uid > 0 && nodebb.privileges().admin.can('admin:settings', uid);
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
