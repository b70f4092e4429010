/**
 * API of similar questions and "me too", for members only (NodeBB's CSRF and session through its api module):
 *   GET    /api/v3/plugins/lvl/qa/similar?title=&text=&cid=&competences=
 *   PUT    /api/v3/plugins/lvl/qa/topics/:tid/demand
 *   DELETE /api/v3/plugins/lvl/qa/topics/:tid/demand
 */
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { apiMembersOnly } from '../membership';
import { NS } from '../settings';
import * as demand from './demand';
import * as similar from './similar';

const ok = (res: nodebb.Res, payload?: unknown): Promise<void> => nodebb.controllerHelpers().formatApiResponse(200, res, payload);

async function readable(tid: number, uid: number): Promise<void> {
	if (!await nodebb.privileges().topics.can('topics:read', tid, uid)) {
		throw new Error('[[error:no-topic]]');
	}
}

export function similarApiRoutes(router: nodebb.Router): void {
	const h = nodebb.routeHelpers();
	const members = [apiMembersOnly];

	h.setupApiRoute(router, 'get', `/${NS}/qa/similar`, members, async (req, res) => {
		const competences = asString(req.query.competences, 300).split(',').map(k => k.trim()).filter(Boolean);
		await ok(res, {
			questions: await similar.lookup(req.uid, {
				title: asString(req.query.title, 255),
				text: asString(req.query.text, 1000),
				cid: asCount(req.query.cid),
				competences,
			}),
		});
	});
	h.setupApiRoute(router, 'put', `/${NS}/qa/topics/:tid/demand`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, await demand.add(tid, req.uid));
	});
	h.setupApiRoute(router, 'delete', `/${NS}/qa/topics/:tid/demand`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, await demand.remove(tid, req.uid));
	});
}
