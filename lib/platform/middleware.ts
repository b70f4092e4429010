/**
 * Route guards for the plugin's admin endpoints. The member guards belong to membership (lib/membership/index.ts).
 */
import { apiGuard, ERR_NOT_LOGGED_IN } from '../kernel/http';
import { canManageSettings } from './permissions';

export { ERR_NOT_LOGGED_IN };

/** API guard for the plugin's admin endpoints (same privilege as the ACP page). */
export const apiSettingsManagers = apiGuard(canManageSettings);
