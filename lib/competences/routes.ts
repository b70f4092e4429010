/**
 * Competence pages and API: the profile tab, the "Wie weet wat?" directory, a page per competence, the ACP
 * taxonomy page, and the same search as an API. Everything here is for verified members only.
 */
import { neutral } from '../kernel/text';
import fs from 'fs';
import { asCount, asString } from '../coerce';
import { viewerLanguage } from '../kernel/lang';
import { dropUploads, ok } from '../kernel/http';
import * as nodebb from '../nodebb';
import { apiMembersOnly } from '../membership';
import { apiSettingsManagers } from '../platform/middleware';
import { adminPage } from '../platform/pages';
import { canUsePlatform } from '../membership';
import { NS } from '../settings';
import * as directory from './directory';
import { AVAILABILITY, CONTACT_WAYS, DIRECTORY_TIERS, HIDEABLE, LANGUAGES, LEVELS, readQuery, REGIONS, ROLES } from './profile-rules';
import * as profiles from './profiles';
import * as proposals from './proposals';
import * as store from './store';
import * as taxonomy from './taxonomy';
import { label, matchCompetences, parseTaxonomyCsv, parseTaxonomyJson, type Taxonomy, toCsv, toJson } from './taxonomy-rules';

export const DIRECTORY_PATH = '/wie-weet-wat';


/** The taxonomy as a viewer reads it: labels in their language, retired and merged competences left out. */
export function forViewer(t: Taxonomy, lang: string, withCounts?: Map<string, number>): Record<string, unknown>[] {
	return t.domains.filter(d => !d.retired).sort((a, b) => a.order - b.order).map(d => ({
		key: d.key,
		label: label(d, lang),
		competences: t.competences.filter(c => c.domain === d.key && !c.retired && !c.mergedInto).sort((a, b) => a.order - b.order)
			.map(c => ({ key: c.key, label: label(c, lang), synonyms: c.synonyms, count: withCounts?.get(c.key) ?? 0 })),
	}));
}

export function labelOf(t: Taxonomy, key: string, lang: string): string {
	const c = taxonomy.resolve(t, key);
	return c ? label(c, lang) : key;
}

/** Choices of the form, with their translation keys, for templates and the client. */
export function vocabulary(): Record<string, unknown> {
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

export function domainsForPage(t: Taxonomy, lang: string): Record<string, unknown>[] {
	return forViewer(t, lang).map(d => ({
		...d,
		label: t4p(String(d.label)),
		competences: (d.competences as { key: string; label: string; synonyms: string[]; count: number }[]).map(c => ({ ...c, label: t4p(c.label), synonyms: c.synonyms.map(t4p) })),
	}));
}

async function adminTaxonomyPage(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const pending = await proposals.list(true);
	res.render(`admin/plugins/${NS}/competences`, {
		title: `[[${NS}:admin.competences.title]]`,
		pendingCount: pending.length,
		lang: neutral(await viewerLanguage(req)),
	});
}

export function pageRoutes(router: nodebb.Router): void {
	// the directory, competence and profile-tab pages are composed in lib/pages
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
		const [t, lang] = await Promise.all([taxonomy.get(), viewerLanguage(req)]);
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
