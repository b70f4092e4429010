/**
 * The privacy tab of the plugin's ACP page, and its API: the checks, and one fix at a time.
 */
import { ok } from '../kernel/http';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import { asString } from '../coerce';
import { neutralFromHost } from '../kernel/text';
import { apiSettingsManagers } from '../platform/middleware';
import type { CheckResult } from './rules';
import * as ownData from './own-data';
import * as service from './service';

export const ADMIN_PATH = `/admin/plugins/${NS}/privacy`;

/** Group, field, category and user names are typed by admins and members: neutralised for the template. */
function forPage(results: CheckResult[]): Record<string, unknown>[] {
	return results.map(r => ({
		id: r.id,
		ok: r.ok,
		// keys with the check's id inside: built here (the template's lvlKey only appends)
		titleKey: `${NS}-privacy:check.${r.id}.title`,
		stateKey: `${NS}-privacy:check.${r.id}.${r.ok ? 'ok' : 'meaning'}`,
		details: r.details.map(d => neutralFromHost(d)),
		hasDetails: r.details.length > 0,
		fixes: r.fixes.map((fix, i) => ({ fix, check: r.id, primary: i === 0 })),
	}));
}

async function adminPage(_req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const results = await service.run();
	const failing = results.filter(r => !r.ok).length;
	res.render(`admin/plugins/${NS}/privacy`, {
		title: `[[${NS}-privacy:title]]`,
		checks: forPage(results),
		failing,
		allOk: failing === 0,
	});
}

async function getChecks(_req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const results = await service.run();
	await ok(res, { checks: results, failing: results.filter(r => !r.ok).length });
}

async function postFix(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const check = asString(req.body.check, 40);
	const fix = asString(req.body.fix, 40);
	if (!service.isFix(check, fix)) {
		await nodebb.controllerHelpers().formatApiResponse(400, res, new Error(`[[${NS}-privacy:error.unknown-fix]]`));
		return;
	}
	const results = await service.applyFix(check, fix, req.uid, req.ip);
	await ok(res, { checks: results, failing: results.filter(r => !r.ok).length });
}

/** Logged in is enough: a member who left keeps these rights. The uid is the session's, never the request's. */
const loggedIn: nodebb.Middleware = (req, res, next) => {
	if (!(req.uid > 0)) {
		void nodebb.controllerHelpers().formatApiResponse(401, res, new Error(`[[${NS}:error.not-logged-in]]`));
		return;
	}
	next();
};

async function getOwnData(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	res.set('content-disposition', `attachment; filename="${NS}-${String(req.uid)}.json"`);
	res.json(await ownData.exportOwn(req.uid));
}

async function deleteOwnData(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	await ownData.eraseOwn(req.uid);
	await ok(res, { erased: true });
}

export function pageRoutes(router: nodebb.Router): void {
	nodebb.routeHelpers().setupAdminPageRoute(router, ADMIN_PATH, [], adminPage);
}

export function apiRoutes(router: nodebb.Router): void {
	const helpers = nodebb.routeHelpers();
	helpers.setupApiRoute(router, 'get', `/${NS}/privacy`, [apiSettingsManagers], getChecks);
	helpers.setupApiRoute(router, 'post', `/${NS}/privacy/fix`, [apiSettingsManagers], postFix);
	helpers.setupApiRoute(router, 'get', `/${NS}/me/data`, [loggedIn], getOwnData);
	helpers.setupApiRoute(router, 'delete', `/${NS}/me/data`, [loggedIn], deleteOwnData);
}
