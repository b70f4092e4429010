/**
 * Kernel: the HTTP pieces every capability's routes share. NodeBB's envelope for answers, the guards that answer
 * 401/403 in it, the cleanup of uploaded files, and the one way a logged-in account is sent through an interstitial.
 */
import fs from 'fs';
import * as nodebb from '../nodebb';
import { NS } from './constants';

export const ERR_NOT_LOGGED_IN = `[[${NS}:error.not-logged-in]]`;
export const ERR_NO_PRIVILEGES = '[[error:no-privileges]]';

/** A 200 answer in NodeBB's envelope (`{ status, response }`). */
export function ok(res: nodebb.Res, payload?: unknown): Promise<void> {
	return nodebb.controllerHelpers().formatApiResponse(200, res, payload);
}

/** API guard: 401 for guests, 403 (with `denied`) for an account `allowed` refuses, in NodeBB's envelope. */
export function apiGuard(allowed: (uid: number) => Promise<boolean>, denied = ERR_NO_PRIVILEGES): nodebb.Middleware {
	return async (req, res, next) => {
		if (!(req.uid > 0)) {
			return nodebb.controllerHelpers().formatApiResponse(401, res, new Error(ERR_NOT_LOGGED_IN));
		}
		if (!await allowed(req.uid)) {
			return nodebb.controllerHelpers().formatApiResponse(403, res, new Error(denied));
		}
		next();
	};
}

/** API guard: any logged-in account (401 for guests). */
export const apiLoggedIn: nodebb.Middleware = apiGuard(() => Promise.resolve(true));

/**
 * NodeBB's `upload.any()` (in every API route) has written every file of a multipart request to disk before any of
 * our checks runs: all of them go when the response is over, whether the upload was refused, failed or read.
 */
export const dropUploads: nodebb.Middleware = (req, res, next) => {
	const files = [...req.files ?? [], ...req.file ? [req.file] : []];
	res.once('close', () => {
		for (const f of files) {
			if (f.path) {
				fs.promises.rm(f.path, { force: true }).catch(() => undefined);
			}
		}
	});
	next();
};

/** The request's path without NodeBB's relative path (a forum under /forum). */
export function pathOf(req: Pick<nodebb.Req, 'originalUrl'>): string {
	const relative = nodebb.nconf().get('relative_path');
	return (req.originalUrl ?? '').replace(typeof relative === 'string' ? relative : '', '');
}

/** A full page load by a logged-in account (GET, not an /api twin ajaxify fetches): the only time to redirect. */
export function isPageLoad(req: nodebb.Req): boolean {
	return req.method === 'GET' && req.uid > 0 && !pathOf(req).startsWith('/api/');
}

/**
 * Sends a logged-in account through our interstitial step (`/register/complete`). NodeBB shows interstitials only
 * while `session.registration` exists, so we put it in place with our marker (NodeBB writes every key left in it
 * into the user hash: each step's callback deletes its marker); afterwards the member lands where they were going.
 */
export function throughInterstitial(req: nodebb.Req, res: nodebb.Res, marker: Record<string, true>, returnTo?: string): void {
	if (req.session) {
		req.session.registration = { uid: req.uid, ...marker };
		req.session.returnTo = returnTo ?? req.originalUrl?.replace(/^\/api/, '') ?? '/';
	}
	nodebb.controllerHelpers().redirect(res, '/register/complete');
}
