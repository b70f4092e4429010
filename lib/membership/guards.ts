/**
 * The member gate on routes: API and page guards that every capability puts in front of what only members may see.
 */
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import { canUsePlatform } from './permissions';
import { statusOf } from './verification';

export const ERR_NOT_MEMBER = `[[${NS}:error.not-a-member]]`;
const ERR_NOT_LOGGED_IN = `[[${NS}:error.not-logged-in]]`;

/** API guard: 401 for guests, 403 for accounts that are not verified members, in NodeBB's envelope. */
export const apiMembersOnly: nodebb.Middleware = async (req, res, next) => {
	if (!(req.uid > 0)) {
		return nodebb.controllerHelpers().formatApiResponse(401, res, new Error(ERR_NOT_LOGGED_IN));
	}
	if (!await canUsePlatform(req.uid)) {
		return nodebb.controllerHelpers().formatApiResponse(403, res, new Error(ERR_NOT_MEMBER));
	}
	next();
};

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
