/**
 * Competence pages and API: the profile tab, the "Wie weet wat?" directory, a page per competence, the ACP
 * taxonomy page, and the same search as an API. Everything here is for verified members only.
 */
import { neutral, neutralFromHost } from '../kernel/text';
import fs from 'fs';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { apiMembersOnly } from '../membership';
import { apiSettingsManagers } from '../platform/middleware';
import { adminPage, page } from '../platform/pages';
import { canUsePlatform } from '../membership';
import * as settings from '../settings';
import { NS } from '../settings';
import * as directory from './directory';
import { AVAILABILITY, clampPage, CONTACT_WAYS, DIRECTORY_TIERS, HIDEABLE, LANGUAGES, LEVELS, readQuery, REGIONS, ROLES, searchable } from './profile-rules';
import * as profiles from './profiles';
import * as qaStore from '../qa/store';
import * as proposals from './proposals';
import * as store from './store';
import * as taxonomy from './taxonomy';
import { label, matchCompetences, parseTaxonomyCsv, parseTaxonomyJson, type Taxonomy, toCsv, toJson } from './taxonomy-rules';

export const DIRECTORY_PATH = '/wie-weet-wat';

const ok = (res: nodebb.Res, payload?: unknown): Promise<void> => nodebb.controllerHelpers().formatApiResponse(200, res, payload);

async function viewerLang(req: nodebb.Req): Promise<string> {
	const forced = asString(req.query.lang);
	if (forced) {
		return forced;
	}
	if (req.uid > 0) {
		const s = await nodebb.user().getSettings(req.uid);
		if (asString(s.userLang)) {
			return asString(s.userLang);
		}
	}
	return asString(nodebb.meta().config.defaultLang) || 'en-GB';
}

/** The taxonomy as a viewer reads it: labels in their language, retired and merged competences left out. */
function forViewer(t: Taxonomy, lang: string, withCounts?: Map<string, number>): Record<string, unknown>[] {
	return t.domains.filter(d => !d.retired).sort((a, b) => a.order - b.order).map(d => ({
		key: d.key,
		label: label(d, lang),
		competences: t.competences.filter(c => c.domain === d.key && !c.retired && !c.mergedInto).sort((a, b) => a.order - b.order)
			.map(c => ({ key: c.key, label: label(c, lang), synonyms: c.synonyms, count: withCounts?.get(c.key) ?? 0 })),
	}));
}

function labelOf(t: Taxonomy, key: string, lang: string): string {
	const c = taxonomy.resolve(t, key);
	return c ? label(c, lang) : key;
}

/** Choices of the form, with their translation keys, for templates and the client. */
function vocabulary(): Record<string, unknown> {
	return {
		levels: LEVELS.map(v => ({ value: v })),
		roles: ROLES.map(v => ({ value: v })),
		languages: LANGUAGES.map(v => ({ value: v })),
		regions: REGIONS.map(v => ({ value: v })),
		availability: AVAILABILITY.map(v => ({ value: v })),
		hideable: HIDEABLE.map(v => ({ value: v })),
		tiers: DIRECTORY_TIERS.map(v => ({ value: v })),
		contactWays: CONTACT_WAYS.map(v => ({ value: v })),
	};
}

/* ---------- pages ---------- */

/** Text from the taxonomy or the query on a server-rendered page: escaped once, on every NodeBB version. */
const t4p = (s: string): string => neutral(s);

function domainsForPage(t: Taxonomy, lang: string): Record<string, unknown>[] {
	return forViewer(t, lang).map(d => ({
		...d,
		label: t4p(String(d.label)),
		competences: (d.competences as { key: string; label: string; synonyms: string[]; count: number }[]).map(c => ({ ...c, label: t4p(c.label), synonyms: c.synonyms.map(t4p) })),
	}));
}

/** A result at the names tier: the labels of its domains (all a card shows besides the name). */
function namesOnly(t: Taxonomy, tier: string, domains: string[], lang: string): { namesOnly: boolean; domains: { key: string; label: string }[] } {
	return {
		namesOnly: tier === 'names',
		domains: domains.map((key) => {
			const d = t.domains.find(x => x.key === key);
			return { key, label: t4p(d ? label(d, lang) : key) };
		}),
	};
}

async function directoryPage(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const q = readQuery(req.query);
	const lang = await viewerLang(req);
	const [t, page] = await Promise.all([taxonomy.get(), directory.search(q, req.uid)]);
	// `c` comes from the address bar: whatever it holds is shown as text
	const asked = q.competences.map(k => ({ key: t4p(k), label: t4p(labelOf(t, k, lang)) }));
	res.render(`${NS}/directory`, {
		title: `[[${NS}:directory.title]]`,
		...vocabulary(),
		domains: domainsForPage(t, lang),
		query: { ...q, text: t4p(q.text) },
		asked,
		searched: q.competences.length > 0 || q.text !== '' || !!(q.role || q.language || q.region || q.availability || q.minLevel),
		results: page.results.map(r => ({
			...r,
			displayname: neutralFromHost(r.displayname),
			profession: neutral(r.profession),
			matched: r.matched.map(m => ({ ...m, label: t4p(labelOf(t, m.key, lang)) })),
			...namesOnly(t, r.tier, r.domains, lang),
		})),
		total: page.total,
		pagination: { page: page.page, pageCount: page.pageCount, prev: page.page > 1 ? page.page - 1 : 0, next: page.page < page.pageCount ? page.page + 1 : 0 },
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:platform.name]]`, url: '/leden-voor-leden' }, { text: `[[${NS}:directory.title]]` }]),
	});
}

async function competencePage(req: nodebb.Req, res: nodebb.Res, next: nodebb.Next): Promise<void> {
	const t = await taxonomy.get();
	const c = taxonomy.resolve(t, asString(req.params.key));
	if (!c) {
		next();
		return;
	}
	const lang = await viewerLang(req);
	const [page, questions] = await Promise.all([
		directory.byCompetence(c.key, req.uid, clampPage(req.query.page)),
		qaStore.latestQuestions(c.key, req.uid, 10),
	]);
	const domain = t.domains.find(d => d.key === c.domain);
	res.render(`${NS}/competence`, {
		title: neutral(label(c, lang)),
		competence: { key: c.key, label: t4p(label(c, lang)), domain: domain ? t4p(label(domain, lang)) : '', synonyms: t4p(c.synonyms.join(', ')), retired: c.retired },
		results: page.results.map(r => ({
			...r, displayname: neutralFromHost(r.displayname), profession: t4p(r.profession),
			matched: r.matched.filter(m => m.key === c.key).map(m => ({ ...m, label: t4p(label(c, lang)) })), ...namesOnly(t, r.tier, r.domains, lang),
		})),
		questions: questions.map(q => ({ ...q, title: neutralFromHost(q.title) })),
		total: page.total,
		pagination: { page: page.page, pageCount: page.pageCount, prev: page.page > 1 ? page.page - 1 : 0, next: page.page < page.pageCount ? page.page + 1 : 0 },
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:directory.title]]`, url: DIRECTORY_PATH }, { text: neutral(label(c, lang)) }]),
	});
}

async function profileTab(req: nodebb.Req, res: nodebb.Res, next: nodebb.Next): Promise<void> {
	const userData = res.locals.userData as Record<string, unknown> | undefined;
	const uid = asCount(userData?.uid);
	if (!userData || !uid) {
		next();
		return;
	}
	const self = uid === req.uid;
	// a member who left is gone from the platform: the page and its /api twin alike (as the profile API answers)
	if (!self && !await canUsePlatform(uid)) {
		next();
		return;
	}
	const [view, t, lang] = await Promise.all([profiles.view(uid, req.uid), taxonomy.get(), viewerLang(req)]);
	// the names tier shows the name and the competences' domains, nothing else: not even the Q&A's figures
	const full = view && (self || searchable(view.effectiveTier)) ? view : null;
	const shownFully = full !== null;
	const [counts, [accepted = {}]] = await Promise.all([
		full ? qaStore.counts(uid) : Promise.resolve({} as Record<string, number>),
		store.acceptedIn([uid], full ? full.competences.map(c => c.key) : []),
	]);
	const domainLabel = (key: string): string => {
		const d = t.domains.find(x => x.key === key);
		return t4p(d ? label(d, lang) : key);
	};
	const s = await settings.get();
	// what the template hides is not in the data either: the data is the /api twin's answer
	res.render('account/lvl-competences', {
		...userData,
		title: `[[${NS}:profile.title]]`,
		...vocabulary(),
		self,
		hidden: !view,
		shownFully,
		namesOnly: !!view && !self && view.effectiveTier === 'names',
		domainsShown: view && !self && view.effectiveTier === 'names' ? view.domains.map(key => ({ key, label: domainLabel(key) })) : [],
		reach: view?.reach ? { email: neutralFromHost(view.reach.email), chat: view.reach.chat, note: neutral(view.reach.note) } : null,
		tierLocked: s.directoryTierLocked,
		tierDefaultLabel: `[[${NS}:tier.${s.directoryTier}]]`,
		profile: view && shownFully ? {
			...view,
			profession: neutral(view.profession),
			sector: neutral(view.sector),
			help: neutral(view.help),
			contactNote: neutral(view.contactNote),
			competences: view.competences.map(c => ({ ...c, note: t4p(c.note), label: t4p(labelOf(t, c.key, lang)), accepted: accepted[c.key] ?? 0 })),
		} : view ? { uid: view.uid, domains: view.domains, effectiveTier: view.effectiveTier } : null,
		// reciprocity: questions asked, answers given, answers accepted (kept by the Q&A as things happen)
		reciprocity: shownFully ? { asked: counts.asked ?? 0, answered: counts.answered ?? 0, accepted: counts.accepted ?? 0 } : { asked: 0, answered: 0, accepted: 0 },
		// the editor works on the raw values (client code inserts them as text)
		editor: self ? JSON.stringify({ profile: view, domains: forViewer(t, lang), max: profiles.MAX_COMPETENCES }) : '',
		domains: self ? domainsForPage(t, lang) : [],
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: neutralFromHost(userData.username), url: `/user/${asString(userData.userslug)}` }, { text: `[[${NS}:profile.title]]` }]),
	});
}

async function adminTaxonomyPage(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const pending = await proposals.list(true);
	res.render(`admin/plugins/${NS}/competences`, {
		title: `[[${NS}:admin.competences.title]]`,
		pendingCount: pending.length,
		lang: neutral(await viewerLang(req)),
	});
}

export function pageRoutes(router: nodebb.Router, middleware: nodebb.HostMiddleware): void {
	page(router, DIRECTORY_PATH, 'members', [], directoryPage);
	page(router, `${DIRECTORY_PATH}/:key`, 'members', [], competencePage);
	page(router, '/user/:userslug/competenties', 'members', [middleware.exposeUid, middleware.canViewUsers, middleware.buildAccountData], profileTab);
	adminPage(router, `/admin/plugins/${NS}/competences`, 'admin:settings', adminTaxonomyPage);
}

/* ---------- API ---------- */

const self: nodebb.Middleware = (req, res, next) => {
	if (asCount(req.params.uid) !== req.uid) {
		void nodebb.controllerHelpers().formatApiResponse(403, res, new Error('[[error:no-privileges]]'));
		return;
	}
	next();
};

/**
 * NodeBB's `upload.any()` (in every API route) has written every file of a multipart request to disk before any of
 * our checks runs: all of them go when the response is over, whether the upload was refused, failed or read.
 */
const dropUploads: nodebb.Middleware = (req, res, next) => {
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

async function readUpload(req: nodebb.Req): Promise<{ name: string; text: string }> {
	const file = req.files?.[0] ?? req.file;
	if (!file) {
		throw new Error(`[[${NS}:error.no-taxonomy-file]]`);
	}
	try {
		if (file.size > 2 * 1024 * 1024) {
			throw new Error(`[[${NS}:error.taxonomy-invalid-file, [[${NS}:error.file-too-large]]]]`);
		}
		const buf = file.buffer ?? (file.path ? await fs.promises.readFile(file.path) : Buffer.alloc(0));
		return { name: file.originalname, text: buf.toString('utf8').replace(/^\uFEFF/, '') };
	} finally {
		if (file.path) {
			await fs.promises.rm(file.path, { force: true });
		}
	}
}

export function apiRoutes(router: nodebb.Router): void {
	const h = nodebb.routeHelpers();
	const members = [apiMembersOnly];
	const admins = [apiSettingsManagers];

	h.setupApiRoute(router, 'get', `/${NS}/competences`, members, async (req, res) => {
		const [t, lang] = await Promise.all([taxonomy.get(), viewerLang(req)]);
		const q = asString(req.query.q, 100);
		if (q) {
			const hits = matchCompetences(t, q, 10);
			// how many members could help: shown while a member picks a competence
			const counts = await store.competenceCounts(hits.map(hit => hit.key));
			await ok(res, { matches: hits.map((hit, i) => ({ ...hit, label: labelOf(t, hit.key, lang), count: counts[i] ?? 0 })) });
			return;
		}
		await ok(res, { domains: forViewer(t, lang) });
	});
	h.setupApiRoute(router, 'get', `/${NS}/directory`, members, async (req, res) => {
		await ok(res, await directory.search(readQuery(req.query), req.uid));
	});
	h.setupApiRoute(router, 'get', `/${NS}/profiles/:uid`, members, async (req, res) => {
		const view = await profiles.view(asCount(req.params.uid), req.uid);
		if (!view || !await canUsePlatform(view.uid)) {
			await nodebb.controllerHelpers().formatApiResponse(404, res, new Error(`[[${NS}:error.no-profile]]`));
			return;
		}
		await ok(res, view);
	});
	h.setupApiRoute(router, 'put', `/${NS}/profiles/:uid`, [...members, self], async (req, res) => {
		await ok(res, await profiles.save(req.uid, req.body));
	});
	h.setupApiRoute(router, 'get', `/${NS}/profiles/:uid/export`, [...members, self], async (req, res) => {
		res.set('content-disposition', `attachment; filename="competenties-${String(req.uid)}.json"`);
		res.json(await profiles.exportOwn(req.uid));
	});
	h.setupApiRoute(router, 'put', `/${NS}/profiles/:uid/reminder`, [...members, self], async (req, res) => {
		await profiles.dismissReminder(req.uid);
		await ok(res);
	});
	h.setupApiRoute(router, 'post', `/${NS}/proposals`, members, async (req, res) => {
		await ok(res, await proposals.propose(req.uid, req.body));
	});

	h.setupApiRoute(router, 'get', `/${NS}/proposals`, admins, async (req, res) => {
		const list = await proposals.list(req.query.status !== 'all');
		const users = await nodebb.user().getUsersFields(list.map(p => p.uid), ['username']);
		await ok(res, { proposals: list.map((p, i) => ({ ...p, username: asString(users[i]?.username) })) });
	});
	h.setupApiRoute(router, 'post', `/${NS}/proposals/:id/approve`, admins, async (req, res) => {
		await ok(res, await proposals.approve(asCount(req.params.id), req.body, req.uid));
	});
	h.setupApiRoute(router, 'post', `/${NS}/proposals/:id/merge`, admins, async (req, res) => {
		await ok(res, await proposals.mergeInto(asCount(req.params.id), asString(req.body.into), req.uid));
	});
	h.setupApiRoute(router, 'post', `/${NS}/proposals/:id/refuse`, admins, async (req, res) => {
		await ok(res, await proposals.refuse(asCount(req.params.id), asString(req.body.reason), req.uid));
	});

	h.setupApiRoute(router, 'get', `/${NS}/taxonomy`, admins, async (_req, res) => {
		await ok(res, await taxonomy.get());
	});
	h.setupApiRoute(router, 'put', `/${NS}/taxonomy/domains/:key`, admins, async (req, res) => {
		await ok(res, await taxonomy.saveDomain({ ...req.body, key: req.params.key }));
	});
	h.setupApiRoute(router, 'put', `/${NS}/taxonomy/competences/:key`, admins, async (req, res) => {
		await ok(res, await taxonomy.saveCompetence({ ...req.body, key: req.params.key }));
	});
	h.setupApiRoute(router, 'put', `/${NS}/taxonomy/order`, admins, async (req, res) => {
		const keys = Array.isArray(req.body.keys) ? req.body.keys.map(String) : [];
		await taxonomy.reorder(req.body.kind === 'domains' ? 'domains' : 'competences', keys);
		await ok(res);
	});
	h.setupApiRoute(router, 'post', `/${NS}/taxonomy/competences/:key/merge`, admins, async (req, res) => {
		const moved = await taxonomy.merge(asString(req.params.key), asString(req.body.into), profiles.moveEntries);
		await ok(res, { moved });
	});
	h.setupApiRoute(router, 'get', `/${NS}/taxonomy/export`, admins, async (req, res) => {
		const t = await taxonomy.exportTaxonomy();
		if (req.query.format === 'csv') {
			res.set('content-type', 'text/csv; charset=utf-8');
			res.set('content-disposition', 'attachment; filename="competenties.csv"');
			res.send(toCsv(t));
			return;
		}
		res.set('content-disposition', 'attachment; filename="competenties.json"');
		res.set('content-type', 'application/json; charset=utf-8');
		res.send(toJson(t));
	});
	h.setupApiRoute(router, 'post', `/${NS}/taxonomy/import`, [dropUploads, ...admins], async (req, res) => {
		const { name, text } = await readUpload(req);
		const parsed = /\.csv$/i.test(name) ? parseTaxonomyCsv(text) : parseTaxonomyJson(text);
		await ok(res, await taxonomy.importTaxonomy(parsed));
	});
}
