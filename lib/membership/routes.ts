/**
 * Membership pages and API. Roster and queue endpoints need the roster privilege (administrators have it);
 * the verification endpoints serve the logged-in person themself.
 */
import fs from 'fs';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import * as access from './access';
import { adminPage, page } from './pages';
import { canManageRoster, ROSTER_PRIVILEGE } from './permissions';
import * as roster from './roster';
import type { ColumnMapping } from './rules';
import { MAX_BYTES } from './roster-file';
import * as store from './store';
import * as verification from './verification';

const ok = (res: nodebb.Res, payload?: unknown): Promise<void> => nodebb.controllerHelpers().formatApiResponse(200, res, payload);

const rosterManagers: nodebb.Middleware = async (req, res, next) => {
	if (!(req.uid > 0)) {
		return nodebb.controllerHelpers().formatApiResponse(401, res, new Error(`[[${NS}:error.not-logged-in]]`));
	}
	if (!await canManageRoster(req.uid)) {
		return nodebb.controllerHelpers().formatApiResponse(403, res, new Error('[[error:no-privileges]]'));
	}
	next();
};

const int = asCount;

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

function strings(v: unknown): string[] {
	if (Array.isArray(v)) {
		return v.map(String).map(x => x.trim()).filter(Boolean).slice(0, 100);
	}
	if (typeof v === 'string' && v.trim().startsWith('[')) {
		try {
			return strings(JSON.parse(v));
		} catch {
			return [];
		}
	}
	return typeof v === 'string' && v.trim() ? [v.trim()] : [];
}

function mappingFrom(v: unknown): Partial<ColumnMapping> | undefined {
	let raw = v;
	if (typeof raw === 'string') {
		try {
			raw = JSON.parse(raw);
		} catch {
			return undefined;
		}
	}
	if (!raw || typeof raw !== 'object') {
		return undefined;
	}
	const m = raw as Record<string, unknown>;
	const one = (k: string): string | undefined => (typeof m[k] === 'string' && m[k] ? m[k] : undefined);
	const out: Partial<ColumnMapping> = {};
	for (const k of ['memberNumber', 'lastName', 'firstName', 'birthDate', 'status', 'endDate'] as const) {
		const value = one(k);
		if (value) {
			out[k] = value;
		}
	}
	const emails = strings(m.emails);
	if (emails.length) {
		out.emails = emails;
	}
	return out;
}

/* ---------- pages ---------- */

async function adminRosterPage(_req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const meta = await store.getMeta();
	res.render(`admin/plugins/${NS}/roster`, {
		title: `[[${NS}:admin.roster.title]]`,
		count: meta.count,
		updatedAt: meta.updatedAt ? new Date(meta.updatedAt).toISOString() : '',
		maxMegabytes: MAX_BYTES / 1024 / 1024,
	});
}

export const VERIFY_PATH = '/leden-voor-leden/verify';

/** GET: changes nothing (an old link or a third-party page cannot push anyone into the step); the way is the landing page. */
function verifyWay(_req: nodebb.Req, res: nodebb.Res): void {
	nodebb.controllerHelpers().redirect(res, '/leden-voor-leden');
}

/** "Verify now" on the members-only page (a POST with NodeBB's CSRF token): puts the verification step in front of the person. */
function verifyNow(req: nodebb.Req, res: nodebb.Res): void {
	// 302: the browser follows a form's POST with a GET (NodeBB's own redirect helper answers 307, which re-posts)
	const relativePath = asString(nodebb.nconf().get('relative_path'));
	if (!(req.uid > 0)) {
		res.redirect(`${relativePath}/login`);
		return;
	}
	if (req.session) {
		req.session.registration = { uid: req.uid, lvlVerify: true };
		req.session.returnTo = '/leden-voor-leden';
	}
	res.redirect(`${relativePath}/register/complete`);
}

export function pageRoutes(router: nodebb.Router, middleware: nodebb.HostMiddleware): void {
	adminPage(router, `/admin/plugins/${NS}/roster`, ROSTER_PRIVILEGE, adminRosterPage);
	// the address only shows the way; the step itself is put in place by a POST through NodeBB's CSRF check
	page(router, VERIFY_PATH, 'public', [], verifyWay);
	router.post(VERIFY_PATH, middleware.applyCSRF, verifyNow);
}

/* ---------- API ---------- */

async function readUpload(req: nodebb.Req): Promise<{ name: string; buf: Buffer }> {
	const file = req.files?.[0] ?? req.file;
	if (!file) {
		throw new Error(`[[${NS}:error.no-file]]`);
	}
	try {
		if (file.size > MAX_BYTES) {
			throw new Error(`[[${NS}:error.roster-too-large]]`);
		}
		const buf = file.buffer ?? (file.path ? await fs.promises.readFile(file.path) : Buffer.alloc(0));
		return { name: file.originalname, buf };
	} finally {
		if (file.path) {
			await fs.promises.rm(file.path, { force: true });
		}
	}
}

export function apiRoutes(router: nodebb.Router, middleware: nodebb.HostMiddleware): void {
	const h = nodebb.routeHelpers();
	const r = [rosterManagers];

	h.setupApiRoute(router, 'post', `/${NS}/roster/imports`, [dropUploads, ...r], async (req, res) => {
		const { name, buf } = await readUpload(req);
		await ok(res, await roster.createPreview(req.uid, name, buf, mappingFrom(req.body.mapping), req.body.activeStatuses === undefined ? undefined : strings(req.body.activeStatuses)));
	});
	h.setupApiRoute(router, 'get', `/${NS}/roster/imports`, r, async (req, res) => {
		const start = int(req.query.start);
		const imports = await store.listImports(start, start + 49);
		const users = await nodebb.user().getUsersFields(imports.map(i => i.uid), ['username']);
		await ok(res, { imports: imports.map((rec, i) => ({ ...rec, username: asString(users[i]?.username) })) });
	});
	h.setupApiRoute(router, 'get', `/${NS}/roster/imports/:id`, r, async (req, res) => {
		const id = int(req.params.id);
		const list = asString(req.query.list);
		if (['added', 'changed', 'leaving', 'invalid', 'warnings'].includes(list)) {
			await ok(res, await roster.previewPage(id, list as roster.PreviewList, int(req.query.start)));
			return;
		}
		await ok(res, await roster.getPreview(id));
	});
	h.setupApiRoute(router, 'put', `/${NS}/roster/imports/:id`, r, async (req, res) => {
		await ok(res, await roster.remap(int(req.params.id), mappingFrom(req.body.mapping) ?? {}, strings(req.body.activeStatuses)));
	});
	h.setupApiRoute(router, 'post', `/${NS}/roster/imports/:id/apply`, r, async (req, res) => {
		const yes = (v: unknown) => ['1', 'true', true].includes(v as string | boolean);
		await ok(res, { import: await roster.apply(int(req.params.id), req.uid, {
			confirmRemoveAll: yes(req.body.confirmRemoveAll), confirmStatuses: yes(req.body.confirmStatuses),
		}) });
	});
	h.setupApiRoute(router, 'delete', `/${NS}/roster/imports/:id`, r, async (req, res) => {
		await roster.discard(int(req.params.id));
		await ok(res);
	});

	h.setupApiRoute(router, 'get', `/${NS}/roster`, r, async (req, res) => {
		const q = typeof req.query.q === 'string' ? req.query.q : '';
		const filter = roster.ROSTER_FILTERS.find(f => f === req.query.filter) ?? '';
		await ok(res, await roster.list(q, int(req.query.start), Math.min(100, int(req.query.count, 50) || 50), filter));
	});
	h.setupApiRoute(router, 'post', `/${NS}/roster/entries`, r, async (req, res) => {
		await ok(res, await roster.addEntry(req.body, req.uid));
	});
	h.setupApiRoute(router, 'put', `/${NS}/roster/entries/:num`, r, async (req, res) => {
		await ok(res, await roster.updateEntry(req.params.num ?? '', req.body, req.uid));
	});
	h.setupApiRoute(router, 'post', `/${NS}/roster/entries/:num/leave`, r, async (req, res) => {
		await ok(res, await roster.markLeft(req.params.num ?? '', req.uid));
	});

	h.setupApiRoute(router, 'get', `/${NS}/verification/requests`, r, async (req, res) => {
		const start = int(req.query.start);
		const { items, total } = await store.listRequests(req.query.status !== 'all', start, start + 49);
		const users = await nodebb.user().getUsersFields(items.map(i => i.uid), ['username', 'userslug', 'email']);
		await ok(res, { total, requests: items.map((item, i) => ({ ...item, username: users[i]?.username ?? '', email: users[i]?.email ?? '' })) });
	});
	h.setupApiRoute(router, 'post', `/${NS}/verification/requests/:id/approve`, r, async (req, res) => {
		await verification.approve(int(req.params.id), typeof req.body.memberNumber === 'string' ? req.body.memberNumber : '', req.uid);
		await ok(res);
	});
	h.setupApiRoute(router, 'post', `/${NS}/verification/requests/:id/refuse`, r, async (req, res) => {
		await verification.refuse(int(req.params.id), typeof req.body.reason === 'string' ? req.body.reason : '', req.uid);
		await ok(res);
	});
	h.setupApiRoute(router, 'post', `/${NS}/members/:uid/restore`, r, async (req, res) => {
		await access.restoreAccess(int(req.params.uid), req.uid);
		await ok(res);
	});
	h.setupApiRoute(router, 'delete', `/${NS}/members/:uid/restore`, r, async (req, res) => {
		await ok(res, { action: await access.endOverride(int(req.params.uid), req.uid) });
	});

	// the person themself
	h.setupApiRoute(router, 'get', `/${NS}/verification`, [middleware.ensureLoggedIn], async (req, res) => {
		await ok(res, await verification.statusOf(req.uid));
	});
	h.setupApiRoute(router, 'post', `/${NS}/verification`, [middleware.ensureLoggedIn], async (req, res) => {
		try {
			const outcome = await verification.verify(req.uid, req.ip ?? '', req.body);
			await ok(res, { outcome, status: await verification.statusOf(req.uid) });
		} catch (err) {
			if (err instanceof Error && err.message === verification.ERR_TOO_MANY) {
				await nodebb.controllerHelpers().formatApiResponse(429, res, err);
				return;
			}
			throw err;
		}
	});
	h.setupApiRoute(router, 'post', `/${NS}/verification/request`, [middleware.ensureLoggedIn], async (req, res) => {
		const note = typeof req.body.note === 'string' ? req.body.note : '';
		if (!note.trim()) {
			throw new Error(`[[${NS}:error.note-required]]`);
		}
		const id = await verification.requestManual(req.uid, typeof req.body.memberNumber === 'string' ? req.body.memberNumber : '', note, 'asked');
		await ok(res, { id });
	});
}
