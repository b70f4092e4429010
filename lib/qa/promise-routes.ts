/**
 * The promise on the topic page and in the API (verified members only, and only for questions they may read):
 * claim, give back, decline; a coordinator's suggestions and assignment; a member's own capacity, holiday and quiet
 * hours. `view()` is what the topic page gets: the asker's status line and the buttons this member may use.
 */
import { neutralFromHost } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { apiMembersOnly } from '../membership';
import * as settings from '../settings';
import * as claims from './claims';
import * as coordinator from './coordinator';
import { activeClaim, capacityOf, displayName, clock, parseClock, readPrefs, standing } from './promise-rules';
import { type QaTopic } from './rules';
import { K } from './store';

const DAY = 24 * 60 * 60 * 1000;

const ok = (res: nodebb.Res, payload?: unknown): Promise<void> => nodebb.controllerHelpers().formatApiResponse(200, res, payload);

async function readable(tid: number, uid: number): Promise<void> {
	if (!await nodebb.privileges().topics.can('topics:read', tid, uid)) {
		throw new Error('[[error:no-topic]]');
	}
}

async function nameOf(uid: number): Promise<string> {
	return uid > 0 ? neutralFromHost(displayName(await nodebb.user().getUserFields(uid, ['username', 'fullname', 'displayname']))) : '';
}

export interface PromiseView {
	/** the status line (a translation token), for the asker, moderators and coordinators; '' for others */
	line: string;
	state: string;
	canClaim: boolean;
	canDecline: boolean;
	canRelease: boolean;
	claimedByYou: boolean;
	canAssign: boolean;
}

/** What the topic page shows this member about a question's promise. */
export async function view(t: QaTopic, uid: number, now = Date.now(), ownerOrMod?: boolean): Promise<PromiseView | null> {
	if (t.type !== 'question' || !(uid > 0)) {
		return null;
	}
	const db = nodebb.db();
	const [state, routed, routedToThem, isOwnerOrMod, mayCoordinate] = await Promise.all([
		claims.stateOf(t.tid), db.sortedSetCard(K.routedFor(t.tid)), claims.wasRoutedTo(t.tid, uid),
		ownerOrMod ?? nodebb.privileges().topics.isOwnerOrAdminOrMod(t.tid, uid), coordinator.canCoordinate(t.tid, uid, t),
	]);
	const pending = t.status === 'open' && !t.deleted && !t.firstReplyAt;
	const claimed = activeClaim(state, now);
	let line = '';
	let key = '';
	if (isOwnerOrMod || mayCoordinate) {
		const s = standing({
			status: t.status, answered: t.firstReplyAt > 0, routed, state, now,
			claimName: await nameOf(state.claimBy), assignedName: await nameOf(state.assignedTo),
		});
		key = s.key;
		line = `[[lvl-promise:standing.${s.key}${s.args.map(a => `, ${a}`).join('')}]]`;
	}
	return {
		line,
		state: key,
		canClaim: pending && routedToThem && !claimed && uid !== t.uid,
		canDecline: pending && routedToThem && uid !== t.uid && !(claimed && state.claimBy !== uid),
		canRelease: claimed && state.claimBy === uid,
		claimedByYou: claimed && state.claimBy === uid,
		canAssign: pending && mayCoordinate && !claimed,
	};
}

export interface AvailabilityForm {
	capacity: number;
	forumCapacity: number;
	awayUntil: string;
	quietFrom: string;
	quietTo: string;
	quietOff: boolean;
	timeZone: string;
}

export async function availabilityForm(uid: number, now = Date.now()): Promise<AvailabilityForm> {
	const [raw, s] = await Promise.all([nodebb.db().getObject(K.memberPrefs(uid)), settings.get()]);
	const p = readPrefs(raw);
	return {
		capacity: capacityOf(p, s.qaCapacity), forumCapacity: s.qaCapacity,
		awayUntil: p.awayUntil > now ? new Date(p.awayUntil).toISOString().slice(0, 10) : '',
		quietFrom: clock(p.quietFrom), quietTo: clock(p.quietTo), quietOff: p.quietFrom === p.quietTo, timeZone: s.qaTimeZone,
	};
}

/** Saves what a member may set: capacity (1 … the forum's), away until a date (within a year), quiet hours or none. */
export async function saveAvailability(uid: number, body: Record<string, unknown>, now = Date.now()): Promise<AvailabilityForm> {
	const s = await settings.get();
	const capacity = asCount(body.capacity, -1);
	if (capacity < 1 || capacity > s.qaCapacity) {
		throw new Error(`[[lvl-promise:error.capacity, ${String(s.qaCapacity)}]]`);
	}
	const away = asString(body.awayUntil, 10);
	let awayUntil = 0;
	if (away) {
		// away up to and including that day
		const day = /^\d{4}-\d{2}-\d{2}$/.test(away) ? Date.parse(`${away}T23:59:59Z`) : NaN;
		if (!Number.isFinite(day) || day < now || day > now + 366 * DAY) {
			throw new Error('[[lvl-promise:error.away-date]]');
		}
		awayUntil = day;
	}
	const off = body.quietOff === true || body.quietOff === 'true' || body.quietOff === 'on';
	const from = off ? 0 : parseClock(body.quietFrom);
	const to = off ? 0 : parseClock(body.quietTo);
	if (from === null || to === null) {
		throw new Error('[[lvl-promise:error.quiet-hours]]');
	}
	await nodebb.db().setObject(K.memberPrefs(uid), {
		capacity: capacity >= s.qaCapacity ? 0 : capacity, awayUntil, quietFrom: clock(from), quietTo: clock(to),
	});
	return availabilityForm(uid, now);
}

export function apiRoutes(router: nodebb.Router): void {
	const h = nodebb.routeHelpers();
	const members = [apiMembersOnly];
	const base = '/lvl/qa/topics/:tid';
	// the acting member is always the signed-in one: any uid in the body is ignored
	h.setupApiRoute(router, 'put', `${base}/claim`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, await claims.claim(tid, req.uid));
	});
	h.setupApiRoute(router, 'delete', `${base}/claim`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, await claims.release(tid, req.uid));
	});
	h.setupApiRoute(router, 'put', `${base}/decline`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, await claims.decline(tid, req.uid));
	});
	h.setupApiRoute(router, 'get', `${base}/suggestions`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, { members: await coordinator.suggestions(tid, req.uid) });
	});
	h.setupApiRoute(router, 'put', `${base}/assign`, members, async (req, res) => {
		const tid = asCount(req.params.tid);
		await readable(tid, req.uid);
		await ok(res, await coordinator.assign(tid, req.uid, asCount(req.body.uid)));
	});
	h.setupApiRoute(router, 'get', '/lvl/qa/me/availability', members, async (req, res) => {
		await ok(res, await availabilityForm(req.uid));
	});
	h.setupApiRoute(router, 'put', '/lvl/qa/me/availability', members, async (req, res) => {
		await ok(res, await saveAvailability(req.uid, req.body));
	});
}
