/**
 * The Q&A page `/vragen`: one list (or the direct requests), the member's own counters and routing, and the
 * community pulse (Insight's widget).
 */
import { neutralFromHost } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import { view as pulseView } from '../insight/widget';
import * as qa from '../qa';

export async function qaPage(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	// "requests" is not a list of topics: the direct requests waiting on the member, and the ones they sent
	const showRequests = asString(req.query.list) === 'requests';
	const list = showRequests ? 'requests' : qa.readList(req.query.list);
	const p = showRequests ? null : await qa.listPage(qa.readList(list), req.uid, Math.max(1, asCount(req.query.page, 1)));
	const [topicsData, mine, paused, week, direct, pulse] = await Promise.all([
		p ? nodebb.topics().getTopicsByTids(p.tids, req.uid) : [],
		qa.counts(req.uid), qa.routing.isPaused(req.uid), qa.routing.weekCount(req.uid),
		// the requests themselves only on their own tab; the other tabs need only how many wait
		showRequests ? qa.requests.openFor(req.uid) : qa.requests.openCount(req.uid).then(n => ({ received: [], sent: [], limit: 0, waiting: n })),
		pulseView(req.uid),
	]);
	res.render(`${NS}/qa`, {
		title: `[[${NS}:qa.title]]`,
		list,
		showRequests,
		tabs: [...qa.LISTS, 'requests'].map(name => ({ name, active: name === list, count: name === 'requests' ? ('waiting' in direct ? direct.waiting : direct.received.length) : 0 })),
		topics: (topicsData as Record<string, unknown>[]).map(t => ({ ...t, title: neutralFromHost(t.title) })),
		total: p?.total ?? 0,
		requests: direct,
		counts: { asked: mine.asked ?? 0, answered: mine.answered ?? 0, accepted: mine.accepted ?? 0 },
		pulse,
		routing: { paused, week, weekOne: week === 1 },
		pagination: p ? { page: p.page, pageCount: p.pageCount, prev: p.page > 1 ? p.page - 1 : 0, next: p.page < p.pageCount ? p.page + 1 : 0 } : {},
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:platform.name]]`, url: '/leden-voor-leden' }, { text: `[[${NS}:qa.title]]` }]),
	});
}
