/**
 * Where capabilities declare their pages. A members page passes the member gate, which belongs to membership: the
 * declaration helpers and the list of declared pages live there (lib/membership/pages.ts).
 */
export { adminPage, declaredPages, page, requireAdminPrivilege, type DeclaredPage, type PageAccess } from '../membership';
