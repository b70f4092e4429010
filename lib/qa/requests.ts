/**
 * "Ask this member": an asker points one of their open questions at a member they found in the directory or on a
 * profile. The member accepts (they follow the question) or declines in one click; the asker is told either way. An
 * asker has at most `qaDirectRequests` (default 3) open requests. Requests close by themselves when the question is
 * solved or closed, and go with the question or with either account.
 */
import { neutralFromHost } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { canUsePlatform } from '../membership';
import * as settings from '../settings';
import { NS } from '../settings';
import * as competenceStore from '../competences/store';
import { effectiveTier, searchable } from '../competences';
import { type DirectRequest, readRequest, requestProblem } from './rules';
import { deliver } from './quiet';
import * as store from './store';
import { K } from './store';

export const NOTIFICATION_TYPE = 'lvl-qa-request';

async function get(id: number): Promise<DirectRequest | null> {
	return id > 0 ? readRequest(await nodebb.db().getObject(K.request(id))) : null;
}

/** Whether a member can be asked about a question: a verified member, in the directory, available, able to read it. */
async function reachable(to: number, tid: number): Promise<boolean> {
	if (!(to > 0) || !await canUsePlatform(to)) {
		return false;
	}
	const [profile, paused, canRead, s] = await Promise.all([
		competenceStore.getProfile(to),
		nodebb.db().getObjectField(K.memberPrefs(to), 'paused'),
		nodebb.privileges().topics.can('topics:read', tid, to),
		settings.get(),
	]);
	// at the hidden and names tiers a member is asked by routing only: a refusal here would tell their availability
	return searchable(effectiveTier(profile, s)) && profile.availability !== 'not-now' && asString(paused) !== '1' && canRead;
}

/** Now, or when the member's quiet hours or "do not disturb" end (lib/qa/quiet.ts). */
async function notify(uid: number, data: nodebb.NotificationData): Promise<void> {
	await deliver([uid], { type: NOTIFICATION_TYPE, ...data });
}

async function titleOf(tid: number): Promise<string> {
	return neutralFromHost(asString((await nodebb.topics().getTopicFields(tid, ['title'])).title));
}

async function nameOf(uid: number): Promise<string> {
	return neutralFromHost(asString((await nodebb.user().getUserFields(uid, ['displayname'])).displayname));
}

/** The one check for sending: used by the route and by the button (which only shows when it passes). */
export async function canAsk(from: number, to: number): Promise<boolean> {
	return from > 0 && from !== to && await canUsePlatform(from);
}

/** Sends a request; throws a translated error (self, not a question, not yours, not open, unreachable, twice, limit). */
export async function send(from: number, to: number, tid: number): Promise<DirectRequest> {
	if (!await canAsk(from, to)) {
		throw new Error(to === from ? `[[${NS}:qa.error.request-self]]` : '[[error:no-privileges]]');
	}
	const lockName = `requests:${String(from)}`;
	if (!await store.lock(lockName)) {
		throw new Error(`[[${NS}:qa.error.busy]]`);
	}
	try {
		const db = nodebb.db();
		const [topic, openFromAsker, askedBefore, ok, askedForQuestion] = await Promise.all([
			store.getTopic(tid),
			db.sortedSetCard(K.requestsFrom(from)),
			db.sortedSetScore(K.requestsFor(tid), String(to)),
			reachable(to, tid),
			// every request of the question stays in this set (withdrawn and declined ones too) until it is purged
			db.sortedSetCard(K.requestsFor(tid)),
		]);
		const problem = requestProblem({
			from, to, topic, openFromAsker, limit: (await settings.get()).qaDirectRequests, alreadyAsked: askedBefore !== null, reachable: ok, askedForQuestion,
		});
		if (problem) {
			throw new Error(problem);
		}
		const id = await db.incrObjectField(K.ids, 'request');
		const now = Date.now();
		const r: DirectRequest = { id, from, to, tid, state: 'open', createdAt: now, answeredAt: 0 };
		await db.setObject(K.request(id), { ...r });
		await Promise.all([
			db.sortedSetAdd(K.requestsTo(to), now, String(id)),
			db.sortedSetAdd(K.requestsFrom(from), now, String(id)),
			db.sortedSetAdd(K.openRequests, now, `${String(to)}:${String(id)}`),
			db.sortedSetsAdd([K.requestsOf(from), K.requestsOf(to)], now, String(id)),
			db.sortedSetAdd(K.requestsFor(tid), id, String(to)),
		]);
		await notify(to, {
			nid: `lvl:qa:request:${String(id)}`, from, tid, path: '/vragen?list=requests',
			bodyShort: `[[${NS}:qa.notification.request, ${await nameOf(from)}, ${await titleOf(tid)}]]`,
		});
		return r;
	} finally {
		await store.unlock(lockName);
	}
}

async function leaveOpenLists(r: DirectRequest): Promise<void> {
	const db = nodebb.db();
	await Promise.all([
		db.sortedSetRemove(K.requestsTo(r.to), String(r.id)),
		db.sortedSetRemove(K.requestsFrom(r.from), String(r.id)),
		db.sortedSetRemove(K.openRequests, `${String(r.to)}:${String(r.id)}`),
	]);
}

/** The asked member accepts (and follows the question) or declines; only they can, and only while it is open. */
export async function answer(id: number, uid: number, accept: boolean): Promise<DirectRequest> {
	const r = await get(id);
	if (!r || r.to !== uid) {
		throw new Error(`[[${NS}:qa.error.request-not-found]]`);
	}
	if (r.state !== 'open') {
		throw new Error(`[[${NS}:qa.error.request-answered]]`);
	}
	const now = Date.now();
	const state = accept ? 'accepted' : 'declined';
	await nodebb.db().setObject(K.request(id), { state, answeredAt: now });
	await leaveOpenLists(r);
	if (accept) {
		await nodebb.topics().follow(r.tid, uid);
	}
	await notify(r.from, {
		nid: `lvl:qa:request:${String(id)}:${state}`, from: uid, tid: r.tid, path: `/topic/${String(r.tid)}`,
		bodyShort: `[[${NS}:qa.notification.request-${state}, ${await nameOf(uid)}, ${await titleOf(r.tid)}]]`,
	});
	return { ...r, state, answeredAt: now };
}

/** The asker takes a request back while it is open. */
export async function withdraw(id: number, uid: number): Promise<DirectRequest> {
	const r = await get(id);
	if (!r || r.from !== uid) {
		throw new Error(`[[${NS}:qa.error.request-not-found]]`);
	}
	if (r.state !== 'open') {
		throw new Error(`[[${NS}:qa.error.request-answered]]`);
	}
	await nodebb.db().setObject(K.request(id), { state: 'closed', answeredAt: Date.now() });
	await leaveOpenLists(r);
	return { ...r, state: 'closed' };
}

async function ofTopic(tid: number): Promise<DirectRequest[]> {
	const rows = await nodebb.db().getSortedSetRangeWithScores(K.requestsFor(tid), 0, -1);
	const hashes = await nodebb.db().getObjects(rows.map(row => K.request(row.score)));
	return hashes.map(readRequest).filter((r): r is DirectRequest => r !== null);
}

/** The question was solved or closed: its open requests close (they no longer wait on anyone). */
export async function closeForTopic(tid: number): Promise<void> {
	const open = (await ofTopic(tid)).filter(r => r.state === 'open');
	for (const r of open) {
		await nodebb.db().setObjectField(K.request(r.id), 'state', 'closed');
		await leaveOpenLists(r);
	}
}

/** The question is purged: its requests go entirely. */
export async function purgeForTopic(tid: number): Promise<void> {
	const db = nodebb.db();
	for (const r of await ofTopic(tid)) {
		await leaveOpenLists(r);
		await Promise.all([db.sortedSetRemove(K.requestsOf(r.from), String(r.id)), db.sortedSetRemove(K.requestsOf(r.to), String(r.id))]);
		await db.delete(K.request(r.id));
	}
	await db.delete(K.requestsFor(tid));
}

/** An account is deleted: every request it sent or received goes. */
export async function purgeForUser(uid: number): Promise<void> {
	const db = nodebb.db();
	const ids = (await db.getSortedSetRange(K.requestsOf(uid), 0, -1)).map(Number);
	const all = (await db.getObjects(ids.map(K.request))).map(readRequest).filter((r): r is DirectRequest => r !== null);
	for (const r of all) {
		await leaveOpenLists(r);
		const other = r.from === uid ? r.to : r.from;
		await Promise.all([
			db.sortedSetRemove(K.requestsOf(other), String(r.id)),
			db.sortedSetRemove(K.requestsFor(r.tid), String(r.to)),
			db.delete(K.request(r.id)),
		]);
	}
	await db.deleteAll([K.requestsOf(uid), K.requestsTo(uid), K.requestsFrom(uid)]);
}

export interface RequestView extends DirectRequest {
	title: string;
	slug: string;
	user: Record<string, unknown>;
	nameArg: string;
}

async function views(ids: number[], otherSide: 'from' | 'to'): Promise<RequestView[]> {
	const all = (await nodebb.db().getObjects(ids.map(K.request))).map(readRequest).filter((r): r is DirectRequest => r !== null);
	const [topicsData, users] = await Promise.all([
		nodebb.topics().getTopicsFields(all.map(r => r.tid), ['title', 'slug']),
		nodebb.user().getUsersFields(all.map(r => r[otherSide]), ['uid', 'username', 'userslug', 'displayname', 'picture', 'icon:text', 'icon:bgColor']),
	]);
	return all.map((r, i) => ({
		...r, title: neutralFromHost(topicsData[i]?.title), slug: asString(topicsData[i]?.slug), user: users[i] ?? {},
		// the name as an argument of a translation token (a comma or brackets in it cannot split or inject one)
		nameArg: neutralFromHost(asString(users[i]?.displayname)),
	}));
}

/** The open requests waiting on a member, and the ones they sent that are still open (newest first). */
export async function openFor(uid: number): Promise<{ received: RequestView[]; sent: RequestView[]; limit: number }> {
	const db = nodebb.db();
	const [to, from] = await Promise.all([db.getSortedSetRevRange(K.requestsTo(uid), 0, 49), db.getSortedSetRevRange(K.requestsFrom(uid), 0, 49)]);
	const [received, sent] = await Promise.all([views(to.map(Number), 'from'), views(from.map(Number), 'to')]);
	return { received, sent, limit: (await settings.get()).qaDirectRequests };
}

export async function openCount(uid: number): Promise<number> {
	return asCount(await nodebb.db().sortedSetCard(K.requestsTo(uid)));
}
