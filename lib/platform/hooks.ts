/**
 * Thin adapters between NodeBB's hooks and the platform's services.
 */
import type * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS, PLUGIN_ID } from '../settings';
import { apiRoutes, LANDING_PATH, pageRoutes } from './routes';
import * as service from './service';

interface AppLoadPayload { router: nodebb.Router; middleware: nodebb.HostMiddleware }
interface ApiRoutesPayload { router: nodebb.Router; middleware: nodebb.HostMiddleware }
interface AdminHeader { plugins: { route: string; icon?: string; name: string }[] }
interface SettingsSetPayload { plugin: string; settings: Record<string, unknown>; quiet?: boolean }
interface SettingsGetPayload { plugin: string; values: Record<string, unknown> }
interface NavItem { route: string; title: string; enabled: boolean; iconClass: string; textClass: string; text: string }

export async function staticAppLoad(payload: AppLoadPayload): Promise<void> {
	pageRoutes(payload.router);
	await service.ensureGround();
}

export async function staticApiRoutes(payload: ApiRoutesPayload): Promise<void> {
	apiRoutes(payload.router, payload.middleware);
}

export async function filterAdminHeaderBuild(header: AdminHeader): Promise<AdminHeader> {
	header.plugins.push({ route: `/plugins/${NS}`, icon: 'fa-handshake', name: `[[${NS}:platform.name]]` });
	return header;
}

export async function filterNavigationAvailable(items: NavItem[]): Promise<NavItem[]> {
	items.push({
		route: LANDING_PATH,
		title: `[[${NS}:platform.name]]`,
		enabled: false,
		iconClass: 'fa-handshake',
		textClass: 'd-lg-none',
		text: `[[${NS}:platform.name]]`,
	});
	return items;
}

/** Every read gets complete, normalised settings in the stored form (lists as JSON text, as NodeBB's ACP form expects). */
export async function filterSettingsGet(payload: SettingsGetPayload): Promise<SettingsGetPayload> {
	if (payload.plugin === NS) {
		payload.values = settings.toStored(settings.normalise(payload.values));
	}
	return payload;
}

/** Our settings are validated and normalised before NodeBB stores them; a bad value is refused, nothing saved. */
export async function filterSettingsSet(payload: SettingsSetPayload): Promise<SettingsSetPayload> {
	if (payload.plugin !== NS) {
		return payload;
	}
	const problem = settings.validate(payload.settings);
	if (problem) {
		throw new Error(problem);
	}
	const before = await settings.get();
	const next = settings.normalise({ ...settings.toStored(before), ...payload.settings });
	await service.renameMembersGroup(before.membersGroup, next.membersGroup);
	// Applied here, awaited, so the admin's save returns with the categories already closed to outsiders.
	await service.applyPlatformPrivileges(next);
	payload.settings = settings.toStored(next);
	return payload;
}

export async function actionPluginActivate(payload: { id: string }): Promise<void> {
	if (payload.id === PLUGIN_ID) {
		await service.ensureGround();
	}
}
