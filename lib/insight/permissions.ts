/**
 * Who may see Insight. The dashboard is NodeBB's admin privilege `admin:lvl-insight` (the board gets it in
 * ACP › Privileges without the rest of the ACP); the pulse is for the platform's members.
 */
import * as nodebb from '../nodebb';
import { canUsePlatform } from '../membership';

export const INSIGHT_PRIVILEGE = 'admin:lvl-insight';

export async function canViewInsight(uid: number): Promise<boolean> {
	// privileges.admin.can answers true for administrators too
	return uid > 0 && nodebb.privileges().admin.can(INSIGHT_PRIVILEGE, uid);
}

/** The pulse: verified members only (guests and unverified accounts see nothing of it, wherever it is placed). */
export async function canSeePulse(uid: number): Promise<boolean> {
	return canUsePlatform(uid);
}
