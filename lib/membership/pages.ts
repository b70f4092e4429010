/**
 * Every page of the plugin is declared through here, once, behind the member gate when it is for members. NodeBB serves each page twice, as HTML and as its `/api/…` twin
 * (the JSON the page is rendered from), through the same middlewares: a guard given here holds for both. The list of
 * what was declared lets the tests crawl every page and its twin as each kind of visitor.
 */
import * as nodebb from '../nodebb';
import { pageMembersOnly } from './guards';

/** public: anyone (the page decides what it shows); members: verified members only, page and twin alike. */
export type PageAccess = 'public' | 'members';

export interface DeclaredPage { path: string; access: PageAccess | 'admin'; privilege?: string }

const declared: DeclaredPage[] = [];

/** What was declared so far (all of it once NodeBB's static:app.load has run). */
export function declaredPages(): readonly DeclaredPage[] {
	return declared;
}

function remember(page: DeclaredPage): void {
	if (!declared.some(p => p.path === page.path)) {
		declared.push(page);
	}
}

/** A forum page and its `/api` twin; `members` puts the members-only guard in front of anything else. */
export function page(router: nodebb.Router, path: string, access: PageAccess, middlewares: unknown[], controller: nodebb.Controller): void {
	remember({ path, access });
	nodebb.routeHelpers().setupPageRoute(router, path, access === 'members' ? [pageMembersOnly, ...middlewares] : middlewares, controller);
}

/**
 * The privilege an ACP page needs, checked by the page itself: NodeBB's own map is looked up by the exact path, and
 * Express also serves `/admin/plugins/lvl/Insight` or a trailing slash, which NodeBB would then judge by its
 * general `plugins/` rule (admin:settings).
 */
export function requireAdminPrivilege(privilege: string): nodebb.Middleware {
	return async (req, res, next) => {
		if (req.uid > 0 && await nodebb.privileges().admin.can(privilege, req.uid)) {
			next();
			return;
		}
		await nodebb.controllerHelpers().notAllowed(req, res);
	};
}

/** An ACP page and its `/api` twin, behind `privilege` whatever the case or trailing slash of the address. */
export function adminPage(router: nodebb.Router, path: string, privilege: string, controller: nodebb.Controller): void {
	remember({ path, access: 'admin', privilege });
	nodebb.routeHelpers().setupAdminPageRoute(router, path, [requireAdminPrivilege(privilege)], controller);
}
