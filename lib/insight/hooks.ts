/**
 * Thin adapters between NodeBB's hooks and Insight.
 */
import { asCount } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import { canSeePulse, INSIGHT_PRIVILEGE } from './permissions';
import { apiRoutes, pageRoutes } from './routes';
import * as service from './service';
import * as store from './store';
import * as widget from './widget';

interface PrivilegeMap { set(key: string, value: { label: string; type: string }): void }
interface AdminHeader { plugins: { route: string; icon?: string; name: string }[] }
interface WidgetDef { widget: string; name: string; description: string; content: string }
interface WidgetRender { uid: number; data: Record<string, unknown>; html?: string; req?: nodebb.Req }

export async function staticAppLoad(payload: { router: nodebb.Router }): Promise<void> {
	pageRoutes(payload.router);
	// the page needs the Insight privilege, not the general settings one
	nodebb.adminRouteMap()[`plugins/${NS}/insight`] = INSIGHT_PRIVILEGE;
	await service.startJobs();
}

export async function staticApiRoutes(payload: { router: nodebb.Router }): Promise<void> {
	apiRoutes(payload.router);
}

export async function staticPrivilegesAdminInit(payload: { privileges: PrivilegeMap }): Promise<void> {
	payload.privileges.set(INSIGHT_PRIVILEGE, { label: '[[lvl-insight:privilege]]', type: 'admin' });
}

export async function filterAdminHeaderBuild(header: AdminHeader): Promise<AdminHeader> {
	header.plugins.push({ route: `/plugins/${NS}/insight`, icon: 'fa-chart-column', name: '[[lvl-insight:title]]' });
	return header;
}

/** `action:user.online` ({ uid, timestamp }, at most every 5 minutes per account). */
export async function actionUserOnline(payload: { uid: number; timestamp: number }): Promise<void> {
	try {
		await service.noteOnline(asCount(payload.uid), asCount(payload.timestamp) || Date.now());
	} catch (err) {
		nodebb.log.error(`Insight: recording a return failed: ${String(err)}`);
	}
}

export async function filterWidgetsGetWidgets(widgets: WidgetDef[]): Promise<WidgetDef[]> {
	widgets.push({ widget: widget.NAME, name: '[[lvl-insight:pulse.widget-name]]', description: '[[lvl-insight:pulse.widget-description]]', content: '' });
	return widgets;
}

/** The pulse widget: rendered for verified members only; everyone else gets nothing (no html: NodeBB drops it). */
export async function filterWidgetRenderPulse(payload: WidgetRender): Promise<WidgetRender | null> {
	if (!await canSeePulse(asCount(payload.uid))) {
		// null, not an empty html: NodeBB would still draw the widget's container and title around an empty body
		return null;
	}
	payload.html = await widget.render(asCount(payload.uid));
	return payload;
}

export async function staticUserDelete(payload: { uid: number }): Promise<void> {
	await store.forget(asCount(payload.uid));
}
