/**
 * Platform permissions. The member gate itself (`canUsePlatform`) belongs to membership (lib/membership/index.ts).
 */
import * as nodebb from '../nodebb';

/** May this account change the plugin's settings? NodeBB's own ACP privilege for plugin settings. */
export async function canManageSettings(uid: number): Promise<boolean> {
	return uid > 0 && nodebb.privileges().admin.can('admin:settings', uid);
}
