/**
 * Thin adapters between NodeBB's hooks and the privacy health check.
 */
import * as nodebb from '../nodebb';
import { NS, PLUGIN_ID } from '../settings';
import { asString } from '../coerce';
import { apiRoutes, pageRoutes } from './routes';
import * as erase from './erase';
import * as service from './service';

interface AdminHeader { plugins: { route: string; icon?: string; name: string }[] }
interface ConsentBuild { req: nodebb.Req; templateData: Record<string, unknown> }

export async function staticAppLoad(payload: { router: nodebb.Router }): Promise<void> {
	pageRoutes(payload.router);
	if (!nodebb.eventTypes().includes(service.FIX_EVENT)) {
		nodebb.eventTypes().push(service.FIX_EVENT);
	}
	if (!nodebb.eventTypes().includes('lvl-members-group-adopted')) {
		nodebb.eventTypes().push('lvl-members-group-adopted');
	}
	// not awaited: the forum starts without waiting on it; the result is there for the ACP's red dot
	void service.runAndLog('start');
}

export async function staticApiRoutes(payload: { router: nodebb.Router }): Promise<void> {
	apiRoutes(payload.router);
}

/** A red dot on the plugin's entry in the ACP menu while a check fails (result of the last run). */
export async function filterAdminHeaderBuild(header: AdminHeader): Promise<AdminHeader> {
	const entry = header.plugins.find(p => p.route === `/plugins/${NS}`);
	if (entry && await service.failingCount() > 0) {
		// NodeBB 4.11 prints the name as HTML, 4.14+ escapes it: a plain dot character reads the same on both
		const [major = 0, minor = 0] = nodebb.hostVersion().split('.').map(n => parseInt(n, 10) || 0);
		entry.name += major > 4 || (major === 4 && minor >= 14) ? ' 🔴' :
			` <span class="badge rounded-pill bg-danger p-1 ms-1" component="lvl/privacy/dot"><span class="visually-hidden">[[${NS}-privacy:menu-alert]]</span></span>`;
	}
	return header;
}

export async function actionSettingsSet(payload: { plugin: string }): Promise<void> {
	if (payload.plugin === NS) {
		await service.runAndLog('settings save');
	}
}

export async function actionPluginActivate(payload: { id: string }): Promise<void> {
	if (payload.id === PLUGIN_ID) {
		await service.runAndLog('activation');
	}
}

/** Runs after the capabilities' own handlers (priority): sweeps what names the member in shared keys. */
export async function staticUserDelete(payload: { uid: number }): Promise<void> {
	await erase.sweepAfterDeletion(payload.uid, await erase.namesOf(payload.uid));
}

/**
 * NodeBB's own account page for consent and exports (`/user/<slug>/consent`): the plugin's export joins NodeBB's
 * export buttons, for the account's owner only (the export is always the session's own data; an admin looking at
 * another account's page is not offered their own download there). The button is put in place on the client.
 */
export async function filterAccountConsentBuild(payload: ConsentBuild): Promise<ConsentBuild> {
	const { req, templateData } = payload;
	if (req.uid > 0 && Number(templateData.uid) === req.uid) {
		templateData.lvlOwnData = { exportUrl: `${asString(nodebb.nconf().get('relative_path'))}/api/v3/plugins/${NS}/me/data` };
	}
	return payload;
}
