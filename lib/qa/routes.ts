/**
 * Q&A page and API, for verified members only: the lists, accepted answers, status and type changes, the
 * category settings, the composer's helper count, routing pause and the figures.
 */
import { neutralFromHost } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { view as pulseView } from '../insight/widget';
import { apiMembersOnly } from '../membership';
import { apiSettingsManagers } from '../platform/middleware';
import { page } from '../platform/pages';
import { NS } from '../settings';
import * as profiles from '../competences/profiles';
import { searchable } from '../competences';
import { canUsePlatform } from '../membership';
import * as lists from './lists';
import * as requests from './requests';
import * as routing from './routing';
import { LISTS, readList, type Status, STATUSES } from './rules';
import * as store from './store';
import * as topics from './topics';

export const QA_PATH = '/vragen';

const ok = (res: nodebb.Res, payload?: unknown): Promise<void> => nodebb.controllerHelpers().formatApiResponse(200, res, payload);

async function listPage(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	// "requests" is not a list of topics: the direct requests waiting on the member, and the ones they sent
	const showRequests = asString(req.query.list) === 'requests';
	const list = showRequests ? 'requests' : readList(req.query.list);
	const p = showRequests ? null : await lists.page(readList(list), req.uid, Math.max(1, asCount(req.query.page, 1)));
	const [topicsData, mine, paused, week, direct] = await Promise.all([
		p ? nodebb.topics().getTopicsByTids(p.tids, req.uid) : [],
		store.counts(req.uid), routing.isPaused(req.uid), routing.weekCount(req.uid),
		// the requests themselves only on their own tab; the other tabs need only how many wait
		showRequests ? requests.openFor(req.uid) : requests.openCount(req.uid).then(n => ({ received: [], sent: [], limit: 0, waiting: n })),
	]);
	res.render(`${NS}/qa`, {
		title: `[[${NS}:qa.title]]`,
		list,
		showRequests,
		tabs: [...LISTS, 'requests'].map(name => ({ name, active: name === list, count: name === 'requests' ? ('waiting' in direct ? direct.waiting : direct.received.length) : 0 })),
		topics: (topicsData as Record<string, unknown>[]).map(t => ({ ...t, title: neutralFromHost(t.title) })),
		total: p?.total ?? 0,
		requests: direct,
		counts: { asked: mine.asked ?? 0, answered: mine.answered ?? 0, accepted: mine.accepted ?? 0 },
		pulse: await pulseView(req.uid),
		routing: { paused, week, weekOne: week === 1 },
		pagination: p ? { page: p.page, pageCount: p.pageCount, prev: p.page > 1 ? p.page - 1 : 0, next: p.page < p.pageCount ? p.page + 1 : 0 } : {},
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:platform.name]]`, url: '/leden-voor-leden' }, { text: `[[${NS}:qa.title]]` }]),
	});
}

export function pageRoutes(router: nodebb.Router): void {
	page(router, QA_PATH, 'members', [], listPage);
}

/**
 * A member's reciprocity as another member may see it: the totals, and accepted answers only for the competences
 * their profile shows that viewer (as the profile tab does). Only members of the platform have any.
 */
async function countsFor(uid: number, viewer: number): Promise<Record<string, number>> {
	if (uid !== viewer && !await canUsePlatform(uid)) {
		throw new Error('[[error:no-user]]');
	}
	const [all, view] = await Promise.all([store.counts(uid), profiles.view(uid, viewer)]);
	// the names tier shows a name and domains, nothing else (competences' tiers)
	if (view && !view.self && !searchable(view.effectiveTier)) {
		return {};
	}
	const shown = new Set((view?.competences ?? []).map(c => `c:${c.key}`));
	return Object.fromEntries(Object.entries(all).filter(([field]) => !field.startsWith('c:') || shown.has(field)));
}

/** The topic must be one the member may read, or it does not exist for them. */
async function readable(tid: number, uid: number): Promise<void> {
	if (!await nodebb.privileges().topics.can('topics:read', tid, uid)) {
		throw new Error('[[error:no-topic]]');
	}
}

export function apiRoutes(router: nodebb.Router): void {
	const h = nodebb.routeHelpers();
	const members = [apiMembersOnly];

	h.setupApiRoute(router, 'get', `/${NS}/qa/lists/:list`, members, async (req, res) => {
		const p = await lists.page(readList(req.params.list), req.uid, Math.max(1, asCount(req.query.page, 1)));
		await ok(res, { ...p, topics: await nodebb.topics().getTopicsByTids(p.tids, req.uid) });
	});
	h.setupApiRoute(router, 'get', `/${NS}/qa/topics/:tid`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		const t = await store.getTopic(tid);
		await ok(res, { ...t, routed: await routing.routedCount(tid) });
	});
	h.setupApiRoute(router, 'put', `/${NS}/qa/topics/:tid/accepted`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, await topics.accept(tid, asCount(req.body.pid), req.uid));
	});
	h.setupApiRoute(router, 'delete', `/${NS}/qa/topics/:tid/accepted/:pid`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, await topics.undo(tid, asCount(req.params.pid), req.uid));
	});
	h.setupApiRoute(router, 'put', `/${NS}/qa/topics/:tid/status`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		const status = asString(req.body.status);
		if (!(STATUSES as readonly string[]).includes(status)) {
			throw new Error(`[[${NS}:qa.error.bad-status]]`);
		}
		await ok(res, await topics.setStatus(tid, status as Status, req.uid));
	});
	h.setupApiRoute(router, 'put', `/${NS}/qa/topics/:tid/type`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, await topics.changeType(tid, req.body, req.uid));
	});
	h.setupApiRoute(router, 'get', `/${NS}/qa/categories/:cid`, members, async (req, res) => {
		const cid = asCount(req.params.cid);
		await ok(res, { cid, qa: await topics.isQaCategory(cid), ...await topics.categoryQa(cid) });
	});
	h.setupApiRoute(router, 'put', `/${NS}/qa/categories/:cid`, [apiSettingsManagers], async (req, res) => {
		await ok(res, await topics.setCategoryQa(asCount(req.params.cid), req.body));
	});
	h.setupApiRoute(router, 'get', `/${NS}/qa/helpers`, members, async (req, res) => {
		const keys = asString(req.query.c, 300).split(',').map(k => k.trim()).filter(Boolean);
		await ok(res, { count: await routing.helpersFor(keys, req.uid) });
	});
	h.setupApiRoute(router, 'put', `/${NS}/qa/me/routing`, members, async (req, res) => {
		await routing.setPaused(req.uid, req.body.paused === true || req.body.paused === 'true' || req.body.paused === 1);
		await ok(res, { paused: await routing.isPaused(req.uid) });
	});
	h.setupApiRoute(router, 'get', `/${NS}/qa/members/:uid/counts`, members, async (req, res) => {
		await ok(res, await countsFor(asCount(req.params.uid), req.uid));
	});
	h.setupApiRoute(router, 'get', `/${NS}/qa/requests`, members, async (req, res) => {
		await ok(res, await requests.openFor(req.uid));
	});
	h.setupApiRoute(router, 'post', `/${NS}/qa/requests`, members, async (req, res) => {
		await ok(res, await requests.send(req.uid, asCount(req.body.uid), asCount(req.body.tid)));
	});
	h.setupApiRoute(router, 'put', `/${NS}/qa/requests/:id`, members, async (req, res) => {
		const answer = asString(req.body.answer);
		if (answer !== 'accept' && answer !== 'decline') {
			throw new Error(`[[${NS}:qa.error.request-bad-answer]]`);
		}
		await ok(res, await requests.answer(asCount(req.params.id), req.uid, answer === 'accept'));
	});
	h.setupApiRoute(router, 'delete', `/${NS}/qa/requests/:id`, members, async (req, res) => {
		await ok(res, await requests.withdraw(asCount(req.params.id), req.uid));
	});
	h.setupApiRoute(router, 'get', `/${NS}/qa/stats`, members, async (req, res) => {
		const scope = asString(req.query.scope, 100) || 'all';
		if (!/^(all|cid:\d+|c:[a-z0-9._-]+)$/.test(scope)) {
			throw new Error(`[[${NS}:qa.error.bad-scope]]`);
		}
		const cid = scope.startsWith('cid:') ? asCount(scope.slice(4)) : 0;
		if (cid && !await nodebb.privileges().categories.can('topics:read', cid, req.uid)) {
			throw new Error('[[error:no-privileges]]');
		}
		await ok(res, await lists.figures(scope, req.uid));
	});
}
