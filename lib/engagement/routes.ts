/**
 * Rules of engagement pages and API. The charter itself is public (a prospective member reads the rules before
 * joining; it holds no member data); everything about members (acceptances, warnings, reports) is not.
 */
import { neutral } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { apiSettingsManagers, ERR_NOT_LOGGED_IN } from '../platform/middleware';
import { adminPage as declareAdminPage, page } from '../platform/pages';
import { canUsePlatform } from '../membership';
import * as settings from '../settings';
import { NS } from '../settings';
import * as charter from './charter';
import * as guard from './guard';
import { canSeeWarnings, ERR_NO_PRIVILEGES } from './permissions';
import * as reports from './reports';
import { charterLang, ENS, type Lang, parseLadder } from './rules';
import * as store from './store';
import * as warnings from './warnings';

export const CHARTER_PATH = '/gedragscode';

const ok = (res: nodebb.Res, payload?: unknown): Promise<void> => nodebb.controllerHelpers().formatApiResponse(200, res, payload);

/** The caller's charter language: `?lang=` (NodeBB sets it for guests from the browser), else their setting, else the forum's. */
export async function langOf(req: nodebb.Req): Promise<Lang> {
	const q = asString(req.query.lang);
	if (q) {
		return charterLang(q);
	}
	if (req.uid > 0) {
		const s = await nodebb.moderationUser().getSettings(req.uid);
		if (asString(s.userLang)) {
			return charterLang(s.userLang);
		}
	}
	return charterLang(nodebb.meta().config.defaultLang);
}

const loggedIn: nodebb.Middleware = async (req, res, next) => {
	if (!(req.uid > 0)) {
		return nodebb.controllerHelpers().formatApiResponse(401, res, new Error(ERR_NOT_LOGGED_IN));
	}
	next();
};

function shownWarning(w: store.Warning & { active: boolean }, lang: Lang): Record<string, unknown> {
	return {
		id: w.id, articleId: w.articleId, number: w.number, version: w.version, title: w.title[lang], quote: w.body[lang],
		titleText: neutral(w.title[lang]), quoteText: neutral(w.body[lang]), noteText: neutral(w.note),
		note: w.note, pid: w.pid, createdAt: w.createdAt, expiresAt: w.expiresAt, active: w.active, revoked: !!w.revokedAt,
		step: w.step, stepUntil: w.stepUntil, createdISO: new Date(w.createdAt).toISOString(), expiresISO: new Date(w.expiresAt).toISOString(),
	};
}

async function charterPage(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const lang = await langOf(req);
	const c = await charter.current();
	const member = await canUsePlatform(req.uid);
	const [pending, mine, ws] = member ? await Promise.all([charter.pendingFor(req.uid), store.acceptancesOf(req.uid), warnings.listFor(req.uid)]) : [0, [], []];
	const active = ws.filter(w => w.active).map(w => shownWarning(w, lang));
	res.render(`${NS}/charter`, {
		title: `[[${ENS}:charter.title]]`,
		hasCharter: !!c,
		version: c?.version ?? 0,
		publishedISO: c ? new Date(c.publishedAt).toISOString() : '',
		articles: c ? charter.forPage(c.articles, lang) : [],
		member,
		pending,
		acceptances: mine.map(a => ({ version: a.version, atISO: new Date(a.at).toISOString() })),
		hasAcceptances: mine.length > 0,
		warnings: active,
		hasWarnings: active.length > 0,
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:platform.name]]`, url: '/leden-voor-leden' }, { text: `[[${ENS}:charter.title]]` }]),
	});
}

async function adminPage(_req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const s = await settings.get();
	res.render(`admin/plugins/${NS}/charter`, {
		title: `[[${ENS}:admin.title]]`,
		charterAcceptance: s.charterAcceptance,
		warningDays: s.warningDays,
		warningLadder: s.warningLadder,
		guardMode: s.guardMode,
	});
}

export function pageRoutes(router: nodebb.Router): void {
	page(router, CHARTER_PATH, 'public', [], charterPage);
	declareAdminPage(router, `/admin/plugins/${NS}/charter`, 'admin:settings', adminPage);
}

export function apiRoutes(router: nodebb.Router): void {
	const h = nodebb.routeHelpers();
	const admins = [apiSettingsManagers];
	const base = `/${NS}/engagement`;

	// the charter in force: public, like its page (the flag dialog reads it too)
	h.setupApiRoute(router, 'get', `${base}/charter`, [], async (req, res) => {
		const c = await charter.current();
		const lang = await langOf(req);
		await ok(res, { version: c?.version ?? 0, publishedAt: c?.publishedAt ?? 0, lang, articles: c ? charter.show(c.articles, lang) : [] });
	});
	h.setupApiRoute(router, 'put', `${base}/charter`, admins, async (req, res) => {
		await ok(res, await charter.publish(req.body.articles, req.uid));
	});
	h.setupApiRoute(router, 'get', `${base}/charter/versions`, admins, async (_req, res) => {
		await ok(res, { versions: await charter.history() });
	});
	h.setupApiRoute(router, 'get', `${base}/charter/versions/:version`, admins, async (req, res) => {
		const v = await store.getVersion(asCount(req.params.version));
		if (!v) {
			throw new Error(`[[${ENS}:error.no-such-version]]`);
		}
		await ok(res, v);
	});
	h.setupApiRoute(router, 'get', `${base}/charter/diff`, admins, async (req, res) => {
		await ok(res, await charter.diff(asCount(req.query.from), asCount(req.query.to)));
	});
	h.setupApiRoute(router, 'post', `${base}/charter/accept`, [loggedIn], async (req, res) => {
		await ok(res, { version: await charter.accept(req.uid, asCount(req.body.version)) });
	});
	h.setupApiRoute(router, 'get', `${base}/acceptances`, admins, async (req, res) => {
		const f = asString(req.query.filter);
		const filter = f === 'accepted' || f === 'pending' ? f : 'all';
		await ok(res, await charter.standing(asCount(req.query.start), Math.min(200, asCount(req.query.count, 50) || 50), filter));
	});

	// the member's own standing: what they accepted and their active warnings, and why
	h.setupApiRoute(router, 'get', `${base}/me`, [loggedIn], async (req, res) => {
		const lang = await langOf(req);
		const [pending, acceptances, ws] = await Promise.all([charter.pendingFor(req.uid), store.acceptancesOf(req.uid), warnings.listFor(req.uid)]);
		await ok(res, { pending, acceptances, warnings: ws.filter(w => w.active).map(w => shownWarning(w, lang)) });
	});

	// warnings: the service decides who may (moderators of the post's category, global moderators, admins)
	h.setupApiRoute(router, 'post', `${base}/warnings`, [loggedIn], async (req, res) => {
		const result = await warnings.give(req.uid, req.body);
		await ok(res, { ...result, warning: shownWarning({ ...result.warning, active: true }, await langOf(req)) });
	});
	h.setupApiRoute(router, 'post', `${base}/warnings/:id/step`, [loggedIn], async (req, res) => {
		const w = await warnings.applyStep({ uid: req.uid, ip: req.ip ?? '' }, asCount(req.params.id), req.body.action, req.body.days);
		await ok(res, { id: w.id, step: w.step, stepUntil: w.stepUntil });
	});
	h.setupApiRoute(router, 'delete', `${base}/warnings/:id`, [loggedIn], async (req, res) => {
		const w = await warnings.revoke(req.uid, asCount(req.params.id));
		await ok(res, { id: w.id, revokedAt: w.revokedAt });
	});
	h.setupApiRoute(router, 'get', `${base}/members/:uid/warnings`, [loggedIn], async (req, res) => {
		const uid = asCount(req.params.uid);
		if (!await canSeeWarnings(req.uid, uid)) {
			throw new Error(ERR_NO_PRIVILEGES);
		}
		const lang = await langOf(req);
		const ws = await warnings.listFor(uid, req.uid);
		await ok(res, { warnings: ws.map(w => shownWarning(w, lang)), active: ws.filter(w => w.active).length, ladder: parseLadder((await settings.get()).warningLadder) });
	});

	// reports: what a flag cites (for the flag page), and the guard's one-click dismissal
	h.setupApiRoute(router, 'get', `${base}/flags/:flagId`, [loggedIn], async (req, res) => {
		const flagId = asCount(req.params.flagId);
		if (!await nodebb.moderationFlags().canView(flagId, req.uid)) {
			throw new Error(ERR_NO_PRIVILEGES);
		}
		await ok(res, await reports.flagInfo(flagId));
	});
	h.setupApiRoute(router, 'post', `${base}/guard/:pid/dismiss`, [loggedIn], async (req, res) => {
		await ok(res, await guard.dismiss(req.uid, asCount(req.params.pid)));
	});
	h.setupApiRoute(router, 'get', `${base}/guard/patterns`, admins, async (_req, res) => {
		await ok(res, await guard.lists());
	});
	h.setupApiRoute(router, 'put', `${base}/guard/patterns`, admins, async (req, res) => {
		await ok(res, await guard.saveLists(req.body));
	});

	// the disclaimer under questions: editable by the admin, in the three languages
	h.setupApiRoute(router, 'get', `${base}/disclaimer`, [], async (_req, res) => {
		await ok(res, await disclaimerTexts());
	});
	h.setupApiRoute(router, 'put', `${base}/disclaimer`, admins, async (req, res) => {
		const t = { nl: asString(req.body.nl, 2000), fr: asString(req.body.fr, 2000), en: asString(req.body.en, 2000) };
		if (!t.nl || !t.fr || !t.en) {
			throw new Error(`[[${ENS}:error.disclaimer-incomplete]]`);
		}
		await store.setTexts(store.K.disclaimer, t);
		nodebb.localCache().del(DISCLAIMER_MEMO);
		await ok(res, t);
	});

	h.setupApiRoute(router, 'get', `${base}/stats`, admins, async (_req, res) => {
		await ok(res, await reports.stats());
	});
}

/** The admin's disclaimer, or the starter text of the translation files until one is saved ('' per language). */
export async function disclaimerTexts(): Promise<{ nl: string; fr: string; en: string }> {
	// shown on every question's page: kept per process until the admin saves it (NodeBB's cache drops it everywhere)
	const cache = nodebb.localCache();
	const hit = cache.get(DISCLAIMER_MEMO) as { nl: string; fr: string; en: string } | undefined;
	if (hit) {
		return { ...hit };
	}
	const texts = await store.texts(store.K.disclaimer) ?? { nl: '', fr: '', en: '' };
	cache.set(DISCLAIMER_MEMO, texts);
	return { ...texts };
}

const DISCLAIMER_MEMO = 'lvl:engagement:disclaimer:memo';
