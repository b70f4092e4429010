/**
 * The platform's pages and API: the landing page, the ACP page and the plugin's settings API.
 */
import { neutral, neutralFromHost } from '../kernel/text';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import { apiSettingsManagers } from './middleware';
import { adminPage, apiMembersOnly, canUsePlatform, page, statusOf } from '../membership';
import * as service from './service';
import { asString } from '../coerce';
import { needsReminder } from '../competences/profiles';

export const LANDING_PATH = '/leden-voor-leden';

async function landingPage(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const member = await canUsePlatform(req.uid);
	const s = await settings.get();
	let categories: Record<string, unknown>[] = [];
	if (member && s.platformCids.length) {
		const rows = await nodebb.categories().getCategoriesFields(s.platformCids, ['cid', 'name', 'slug', 'description', 'icon', 'disabled']);
		const readable = await Promise.all(rows.map(c => nodebb.privileges().categories.can('topics:read', Number(c.cid), req.uid)));
		categories = rows.filter((c, i) => readable[i] && c.cid && !Number(c.disabled));
	}
	const standing = !member && req.uid > 0 ? await statusOf(req.uid) : null;
	const reminder = member ? await needsReminder(req.uid) : { show: false, completeness: 0 };
	const userslug = member ? asString(await nodebb.user().getUserField(req.uid, 'userslug')) : '';
	if (!member) {
		res.status(req.uid > 0 ? 403 : 401);
	}
	res.render(`${NS}/home`, {
		title: `[[${NS}:platform.name]]`,
		member,
		loggedIn: req.uid > 0,
		pendingRequest: !!standing?.pendingRequest,
		reminder: reminder.show,
		completeness: reminder.completeness,
		profileUrl: userslug ? `/user/${userslug}/competenties` : '',
		uid: req.uid,
		revoked: !!standing?.revoked,
		categories: categories.map(c => ({ ...c, name: neutralFromHost(c.name) })),
		hasCategories: categories.length > 0,
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:platform.name]]` }]),
	});
}

async function adminSettingsPage(_req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const [s, cids] = await Promise.all([settings.get(), nodebb.categories().getAllCidsFromSet('categories:cid')]);
	const [cats, groupList] = await Promise.all([
		nodebb.categories().getCategoriesFields(cids, ['cid', 'name', 'parentCid']),
		nodebb.groups().getNonPrivilegeGroups('groups:createtime', 0, -1),
	]);
	res.render(`admin/plugins/${NS}`, {
		title: `[[${NS}:platform.name]]`,
		categories: cats.map(c => ({ cid: c.cid, name: neutralFromHost(c.name) })),
		// the members group itself cannot be exempt from the verification that fills it
		groups: groupList.filter(g => g.name !== s.membersGroup && !nodebb.groups().ephemeralGroups.includes(g.name)).map(g => ({ name: neutral(g.name) })),
	});
}

/** GET /api/v3/plugins/lvl/me: the caller's standing on the platform (any logged-in account may ask). */
async function me(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const s = await settings.get();
	const [member, inGroup] = await Promise.all([
		canUsePlatform(req.uid),
		nodebb.groups().isMember(req.uid, s.membersGroup),
	]);
	await nodebb.controllerHelpers().formatApiResponse(200, res, { uid: req.uid, member, inMembersGroup: inGroup, membersGroup: s.membersGroup });
}

/** GET /api/v3/plugins/lvl/platform: what a member sees of the platform (members only). */
async function platform(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const s = await settings.get();
	const rows = await nodebb.categories().getCategoriesFields(s.platformCids, ['cid', 'name', 'slug']);
	const readable = await Promise.all(rows.map(c => nodebb.privileges().categories.can('topics:read', Number(c.cid), req.uid)));
	await nodebb.controllerHelpers().formatApiResponse(200, res, {
		categories: rows.filter((c, i) => readable[i] && c.cid).map(c => ({ cid: Number(c.cid), name: c.name, slug: c.slug })),
	});
}

async function getSettings(_req: nodebb.Req, res: nodebb.Res): Promise<void> {
	await nodebb.controllerHelpers().formatApiResponse(200, res, await settings.get());
}

async function putSettings(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	// NodeBB's meta.settings.set fires filter:settings.set, which validates and normalises (see hooks.ts).
	await nodebb.meta().settings.set(NS, { ...settings.toStored(await settings.get()), ...req.body });
	await nodebb.controllerHelpers().formatApiResponse(200, res, await settings.get());
}

export function pageRoutes(router: nodebb.Router): void {
	page(router, LANDING_PATH, 'public', [], landingPage);
	adminPage(router, `/admin/plugins/${NS}`, 'admin:settings', adminSettingsPage);
}

export function apiRoutes(router: nodebb.Router, middleware: nodebb.HostMiddleware): void {
	const helpers = nodebb.routeHelpers();
	helpers.setupApiRoute(router, 'get', `/${NS}/me`, [middleware.ensureLoggedIn], me);
	helpers.setupApiRoute(router, 'get', `/${NS}/platform`, [apiMembersOnly], platform);
	helpers.setupApiRoute(router, 'get', `/${NS}/settings`, [apiSettingsManagers], getSettings);
	helpers.setupApiRoute(router, 'put', `/${NS}/settings`, [apiSettingsManagers], putSettings);
}

export { service };
