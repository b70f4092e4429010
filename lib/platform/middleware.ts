/**
 * Route guards shared by every capability. Access itself is decided in permissions.ts.
 */
import { asString } from '../coerce';
import { apiGuard, ERR_NOT_LOGGED_IN } from '../kernel/http';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import { canManageSettings, canUsePlatform } from './permissions';
import { statusOf } from '../membership/verification';

export const ERR_NOT_MEMBER = `[[${NS}:error.not-a-member]]`;
export { ERR_NOT_LOGGED_IN };

/** API guard: 401 for guests, 403 for accounts that are not verified members, in NodeBB's envelope. */
export const apiMembersOnly = apiGuard(canUsePlatform, ERR_NOT_MEMBER);

/** API guard for the plugin's admin endpoints (same privilege as the ACP page). */
export const apiSettingsManagers = apiGuard(canManageSettings);

/**
 * Page guard: a guest or an unverified account gets the page that explains how to get in, with 401/403,
 * and none of the page's data.
 */
export const pageMembersOnly: nodebb.Middleware = async (req, res, next) => {
	if (await canUsePlatform(req.uid)) {
		next();
		return;
	}
	const status = req.uid > 0 ? 403 : 401;
	// a page route's own middlewares run before NodeBB builds the header: a full page needs it built here
	const url = (req.originalUrl ?? '').replace(asString(nodebb.nconf().get('relative_path')), '');
	if (!url.startsWith('/api/')) {
		await nodebb.middleware().buildHeaderAsync(req, res);
	}
	res.status(status);
	res.render(`${NS}/members-only`, {
		title: `[[${NS}:members-only.title]]`,
		loggedIn: req.uid > 0,
		pendingRequest: req.uid > 0 && (await statusOf(req.uid)).pendingRequest,
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:platform.name]]` }]),
	});
};
