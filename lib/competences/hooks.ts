/**
 * Thin adapters between NodeBB's hooks and the competence services.
 */
import * as nodebb from '../nodebb';
import { canUsePlatform } from '../membership';
import * as settings from '../settings';
import { NS } from '../settings';
import * as profiles from './profiles';
import * as proposals from './proposals';
import { apiRoutes, DIRECTORY_PATH, pageRoutes } from './routes';
import * as taxonomy from './taxonomy';

interface ProfileMenu {
	uid: number;
	callerUID: number;
	links: { id: string; route: string; name: string; icon: string; visibility: Record<string, boolean> }[];
}
interface NavItem { route: string; title: string; enabled: boolean; iconClass: string; textClass: string; text: string }

export async function staticAppLoad(payload: { router: nodebb.Router; middleware: nodebb.HostMiddleware }): Promise<void> {
	pageRoutes(payload.router, payload.middleware);
	if (await taxonomy.seed()) {
		nodebb.log.info('seeded the starter competence taxonomy');
	}
}

export async function staticApiRoutes(payload: { router: nodebb.Router }): Promise<void> {
	apiRoutes(payload.router);
}

/** The "Competenties" tab, shown only when both the viewer and the profile's owner are on the platform. */
export async function filterUserProfileMenu(data: ProfileMenu): Promise<ProfileMenu> {
	// NodeBB passes these as numbers or numeric strings depending on the caller
	const self = String(data.uid) === String(data.callerUID);
	if (await canUsePlatform(data.callerUID) && (self || await canUsePlatform(data.uid))) {
		data.links.push({
			id: 'lvl-competences',
			route: 'competenties',
			name: `[[${NS}:profile.title]]`,
			icon: 'fa-graduation-cap',
			visibility: { self: true, other: true, moderator: true, globalMod: true, admin: true, canViewInfo: true },
		});
	}
	return data;
}

export async function filterNavigationAvailable(items: NavItem[]): Promise<NavItem[]> {
	items.push({
		route: DIRECTORY_PATH,
		title: `[[${NS}:directory.title]]`,
		enabled: false,
		iconClass: 'fa-people-group',
		textClass: 'd-lg-none',
		text: `[[${NS}:directory.title]]`,
	});
	return items;
}

/** NodeBB's payload: `uid` is who edited, `data.uid` whose profile it is (an admin may edit another's). */
export async function actionUserUpdateProfile(payload: { uid: number; data?: { uid?: number | string } }): Promise<void> {
	await profiles.reindexNames(Number(payload.data?.uid ?? payload.uid));
}

/** The member shows or hides their full name (NodeBB's setting): the directory's words follow. */
export async function actionUserSaveSettings(payload: { uid: number | string }): Promise<void> {
	await profiles.reindexNames(Number(payload.uid));
}

/** Leaving the members group (revocation) takes the member out of the directory's indexes; joining puts them back. */
export async function actionGroupLeave(payload: { groupNames: string[]; uid: number | string }): Promise<void> {
	if (payload.groupNames.includes((await settings.get()).membersGroup)) {
		await profiles.setIndexed(Number(payload.uid), false);
	}
}

export async function actionGroupJoin(payload: { groupNames: string[]; uid: number | string }): Promise<void> {
	if (payload.groupNames.includes((await settings.get()).membersGroup)) {
		await profiles.setIndexed(Number(payload.uid), true);
	}
}

/** The admin changed the directory's default tier or its lock: every profile's index entries follow it. */
export async function actionSettingsSet(payload: { plugin: string }): Promise<void> {
	if (payload.plugin !== NS) {
		return;
	}
	try {
		const n = await profiles.followTierSettings();
		if (n) {
			nodebb.log.info(`[lvl] re-indexed ${String(n)} directory profiles for the new tier settings`);
		}
	} catch (err) {
		nodebb.log.error(`[lvl] re-indexing for the tier settings failed: ${err instanceof Error ? err.message : String(err)}`);
	}
}

export async function staticUserDelete(payload: { uid: number }): Promise<void> {
	await profiles.remove(payload.uid);
	await proposals.forget(payload.uid);
}
