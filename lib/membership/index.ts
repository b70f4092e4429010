/**
 * Membership's public face: the member gate (who may use the platform), its route guards and page declarations, and
 * what other capabilities read of a member. Other capabilities import membership only through this file.
 */
export { canManageRoster, canUsePlatform, isExempt, registrationAccount, ROSTER_PRIVILEGE } from './permissions';
export { apiMembersOnly, ERR_NOT_MEMBER, pageMembersOnly } from './guards';
export { adminPage, declaredPages, page, requireAdminPrivilege, type DeclaredPage, type PageAccess } from './pages';
export { statusOf } from './verification';
