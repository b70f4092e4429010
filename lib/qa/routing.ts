/**
 * Routing a question to the members who know. Reads only the top of each asked competence's directory index (its
 * score already orders by level, availability and advice and carries the languages: profile-rules.indexScore), so
 * what it costs does not grow with the number of members.
 */
import { demandOf } from './demand';
import { neutralFromHost } from '../kernel/text';
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import * as competenceStore from '../competences/store';
import { topHolders } from '../competences/directory';
import { pickRecipients, type QaTopic, type RoutingCandidate } from './rules';
import { availabilityOf, setState, stateOf } from './claims';
import { routable, roundSize } from './promise-rules';
import { deliver } from './quiet';
import * as store from './store';

const WEEK = 7 * 24 * 60 * 60 * 1000;
/** How deep into each competence's index routing looks. */
const TOP = 200;

export const NOTIFICATION_TYPE = 'lvl-qa-routed';

export async function isPaused(uid: number): Promise<boolean> {
	const [prefs] = await store.prefsOf([uid]);
	return asString(prefs?.paused) === '1';
}

export async function setPaused(uid: number, paused: boolean): Promise<void> {
	await store.setPrefs(uid, { paused: paused ? '1' : '0' });
}

/** Questions routed to a member in the last 7 days. */
export async function weekCount(uid: number): Promise<number> {
	return store.routedToSince(uid, Date.now() - WEEK);
}

/** How often each member appears before the first ':' of a "uid:…" value. */
function countByUid(values: string[]): Map<number, number> {
	const out = new Map<number, number>();
	for (const v of values) {
		const uid = Number(v.slice(0, v.indexOf(':')));
		out.set(uid, (out.get(uid) ?? 0) + 1);
	}
	return out;
}

/**
 * How many members have the same question ("me too", lib/qa/demand.ts): the one place demand enters routing, each
 * round asks more members for it (promise-rules.roundSize).
 */
export { demandOf };

export async function candidates(t: QaTopic, now = Date.now()): Promise<RoutingCandidate[]> {
	const lists = await Promise.all(t.competences.map(c => topHolders(c, 1, TOP)));
	const byUid = new Map<number, RoutingCandidate>();
	for (const rows of lists) {
		for (const r of rows) {
			const { uid } = r;
			const prev = byUid.get(uid);
			byUid.set(uid, { uid, score: Math.max(prev?.score ?? 0, r.score), matches: (prev?.matches ?? 0) + 1, weekCount: 0, openRequests: 0, paused: false });
		}
	}
	// only members who may read the question (its title goes out in the notification), not on holiday, below capacity
	const readers = new Set(await nodebb.privileges().topics.filterUids('topics:read', t.tid, [...byUid.keys()]));
	const readable = [...byUid.values()].filter(c => readers.has(c.uid));
	const avail = await availabilityOf(readable.map(c => c.uid), now);
	const cands = readable.filter((_, i) => { const a = avail[i]; return a ? routable(a) : false; });
	if (!cands.length) {
		return cands;
	}
	const since = now - WEEK;
	// routings older than a week no longer count
	const [{ routings: week, requests: open }, prefs] = await Promise.all([
		store.recentRoutingsAndRequests(since),
		store.prefsOf(cands.map(c => c.uid)),
	]);
	const weeks = countByUid(week);
	const requests = countByUid(open);
	cands.forEach((c, i) => {
		c.weekCount = weeks.get(c.uid) ?? 0;
		c.openRequests = requests.get(c.uid) ?? 0;
		c.paused = asString(prefs[i]?.paused) === '1';
	});
	return cands;
}

/**
 * Routes a question: picks the best members and notifies them (NodeBB notification type `lvl-qa-routed`, so each
 * member chooses notification, e-mail, both or none), now or when their quiet hours end. Members asked before are
 * not asked again (the next round takes the next ones). Each call is a round of the promise. Returns the members asked.
 */
export async function route(t: QaTopic, count?: number, now = Date.now()): Promise<number[]> {
	if (t.type !== 'question' || !t.competences.length) {
		return [];
	}
	const s = await settings.get();
	const [alreadyList, asker, demand] = await Promise.all([store.routedMembers(t.tid), competenceStore.getProfile(t.uid), demandOf(t.tid)]);
	const picked = pickRecipients(await candidates(t, now), {
		asker: t.uid, askerLanguages: asker.languages, weeklyCap: s.qaWeeklyCap,
		count: count ?? roundSize(s.qaRouteCount, demand), exclude: new Set(alreadyList),
	});
	if (!picked.length) {
		return [];
	}
	await sendTo(t, picked, now, 'routed');
	return picked;
}

/** Records a round to these members and tells them ('routed', or 'assigned' by a coordinator). */
export async function sendTo(t: QaTopic, uids: number[], now: number, kind: 'routed' | 'assigned', by = 0): Promise<void> {
	await store.recordRouting(t.tid, uids, now);
	const state = await stateOf(t.tid);
	await setState(t.tid, kind === 'assigned' ? { roundAt: now, assignedTo: uids[0] ?? 0, assignedBy: by, assignedAt: now } : {
		round: state.round + 1,
		// the first round counts from the question's own time (the job's timeouts are measured from it)
		roundAt: state.round === 0 && t.timestamp ? Math.min(now, t.timestamp) : now,
	});
	const title = asString((await nodebb.topics().getTopicFields(t.tid, ['title'])).title);
	await deliver(uids, {
		type: NOTIFICATION_TYPE,
		nid: `lvl:qa:${kind}:${String(t.tid)}:${String(now)}`,
		bodyShort: kind === 'assigned' ? `[[lvl-promise:notification.assigned, ${neutralFromHost(title)}]]` : `[[${NS}:qa.notification.routed, ${neutralFromHost(title)}]]`,
		path: `/topic/${String(t.tid)}`,
		tid: t.tid,
		from: kind === 'assigned' ? by : t.uid,
		importance: 6,
	}, now);
}

/** How many members could help with these competences (the composer shows it while a member writes). */
export async function helpersFor(keys: string[], viewer: number): Promise<number> {
	const db = nodebb.db();
	if (keys.length === 1) {
		// one competence: its index's size (competenceStore.competenceCounts), less the viewer if they hold it
		const [count = 0] = await competenceStore.competenceCounts(keys);
		const own = await db.sortedSetScore(competenceStore.K.byCompetence(keys[0] ?? ''), String(viewer));
		return count - (own === null ? 0 : 1);
	}
	const lists = await Promise.all(keys.slice(0, 3).map(k => db.getSortedSetRangeByScore(competenceStore.K.byCompetence(k), 0, -1, 1, '+inf')));
	const all = new Set(lists.flat());
	all.delete(String(viewer));
	return all.size;
}

export async function routedCount(tid: number): Promise<number> {
	return store.routedCount(tid);
}
