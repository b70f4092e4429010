/**
 * Route guards for the plugin's admin endpoints. The member guards belong to membership (lib/membership/index.ts).
 */
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import { canManageSettings } from './permissions';

export const ERR_NOT_LOGGED_IN = `[[${NS}:error.not-logged-in]]`;

/** API guard for the plugin's admin endpoints (same privilege as the ACP page). */
export const apiSettingsManagers: nodebb.Middleware = async (req, res, next) => {
	if (!(req.uid > 0)) {
		return nodebb.controllerHelpers().formatApiResponse(401, res, new Error(ERR_NOT_LOGGED_IN));
	}
	if (!await canManageSettings(req.uid)) {
		return nodebb.controllerHelpers().formatApiResponse(403, res, new Error('[[error:no-privileges]]'));
	}
	next();
};
