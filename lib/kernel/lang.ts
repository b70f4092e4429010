/**
 * Kernel: the one answer to "which language does this person read?", the same everywhere (pages, /api twins,
 * notifications, e-mails, exports).
 *
 * A valid `?lang=` first (NodeBB sets it for guests from the browser, and a page honours it), else the member's own
 * setting, else the forum's default language, else en-GB (NodeBB's own last resort in src/user/settings.js).
 * A `?lang=` that is not a language code is ignored: it is reflected into pages and translation calls.
 */
import * as nodebb from '../nodebb';

const CODE = /^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$/;

function code(v: unknown): string {
	return typeof v === 'string' && CODE.test(v) ? v : '';
}

/** The forum's default language (ACP › Settings › Languages), else en-GB. */
export function siteLanguage(): string {
	return code(nodebb.meta().config.defaultLang) || 'en-GB';
}

/** A member's language (their NodeBB setting), else the forum's; for guests (uid ≤ 0) the forum's. */
export async function memberLanguage(uid: number): Promise<string> {
	if (!(uid > 0)) {
		return siteLanguage();
	}
	return code((await nodebb.user().getSettings(uid)).userLang) || siteLanguage();
}

/** The language of the person making a request: a valid `?lang=`, else theirs, else the forum's. */
export async function viewerLanguage(req: Pick<nodebb.Req, 'uid' | 'query'>): Promise<string> {
	return code(req.query.lang) || memberLanguage(req.uid);
}

/**
 * The same answer without a database read, for a page being rendered: NodeBB has already put the reader's language
 * in `res.locals.config.userLang`.
 */
export function pageLanguage(req: Pick<nodebb.Req, 'query' | 'res'>): string {
	const config = req.res?.locals.config as { userLang?: unknown } | undefined;
	return code(req.query.lang) || code(config?.userLang) || siteLanguage();
}
