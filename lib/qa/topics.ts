/**
 * Q&A topics: type and competences on creation, the lists, replies, accepted answers, the offer/wanted lifecycle,
 * moves, type changes and purges. Every change keeps the lists, the counters and the figures in step.
 */
import { neutralFromHost } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import * as taxonomy from '../competences/taxonomy';
import { acceptedChanged } from '../competences';
import {
	acceptProblem, type CategoryQa, expiryReminderAt, initialStatus, normaliseCategory, type QaTopic, readTopicInput, settableStatuses,
	type Status, type TopicInput, type TopicType, validateCategory,
} from './rules';
import * as requests from './requests';
import * as similar from './similar';
import * as store from './store';
import { K } from './store';

const DAY = 24 * 60 * 60 * 1000;

/** Q&A applies in the platform's categories only. */
export async function isQaCategory(cid: number): Promise<boolean> {
	return (await settings.get()).platformCids.includes(cid);
}

export async function categoryQa(cid: number): Promise<CategoryQa> {
	return normaliseCategory(await store.categorySetting(cid));
}

export async function setCategoryQa(cid: number, raw: Record<string, unknown>): Promise<CategoryQa> {
	const problem = validateCategory(raw);
	if (problem) {
		throw new Error(problem);
	}
	const value = normaliseCategory(raw);
	await store.setCategorySetting(cid, value);
	return value;
}

async function known(): Promise<(key: string) => boolean> {
	const t = await taxonomy.get();
	return (key: string): boolean => {
		const c = t.competences.find(x => x.key === key);
		return Boolean(c && !c.retired && !c.mergedInto);
	};
}

/** filter:topic.post: checks the type and competences of a new topic; throws a translated error. */
export async function readNewTopic(data: Record<string, unknown>): Promise<TopicInput | null> {
	const cid = asCount(data.cid);
	if (!await isQaCategory(cid)) {
		return null;
	}
	return readTopicInput(data, await categoryQa(cid), await known());
}

/** The fields a new Q&A topic starts with (filter:topic.create). */
export async function initialFields(input: TopicInput, now: number): Promise<Record<string, unknown>> {
	const s = await settings.get();
	const lifecycle = input.type === 'offer' || input.type === 'wanted';
	return {
		lvlType: input.type,
		lvlStatus: initialStatus(input.type),
		lvlCompetences: JSON.stringify(input.competences),
		lvlAccepted: '[]',
		lvlExpiresAt: lifecycle ? now + s.qaExpiryDays * DAY : 0,
	};
}

/** After NodeBB created the topic: the lists, the figures and the schedules. */
export async function indexNewTopic(tid: number): Promise<QaTopic | null> {
	const t = await store.getTopic(tid);
	if (!t?.type) {
		return null;
	}
	const db = nodebb.db();
	await Promise.all(store.listKeys(t).map(key => db.sortedSetAdd(key, t.timestamp, String(tid))));
	if (t.type === 'question') {
		const s = await settings.get();
		await Promise.all([
			...store.statScopes(t).map(scope => db.sortedSetAdd(K.statQuestions(scope), t.timestamp, String(tid))),
			db.sortedSetAdd(K.escalation, t.timestamp + s.qaEscalateHours * 60 * 60 * 1000, String(tid)),
			store.bump(t.uid, 'asked', 1),
		]);
	} else if (t.status === 'open' && t.expiresAt) {
		await scheduleExpiry(tid, t.expiresAt);
	}
	await similar.reindex(tid);
	return t;
}

/** An open offer or wanted post: when it expires, and when its author is reminded. */
async function scheduleExpiry(tid: number, expiresAt: number): Promise<void> {
	const db = nodebb.db();
	const remindAt = expiryReminderAt(expiresAt, (await settings.get()).qaExpiryReminderDays);
	await db.sortedSetAdd(K.expiry, expiresAt, String(tid));
	if (remindAt > Date.now()) {
		await db.sortedSetAdd(K.expiryReminder, remindAt, String(tid));
	} else {
		await db.sortedSetRemove(K.expiryReminder, String(tid));
	}
}

/** A reply in a Q&A topic: who answered, the first reply's time, the unanswered list. */
export async function recordReply(post: { pid: number; tid: number; uid: number; timestamp: number }): Promise<void> {
	const t = await store.getTopic(post.tid);
	if (t?.type !== 'question' || post.uid === t.uid || post.uid <= 0) {
		return;
	}
	const db = nodebb.db();
	const isNew = !await db.isSetMember(K.answerers(t.tid), String(post.uid));
	if (isNew) {
		await db.setAdd(K.answerers(t.tid), String(post.uid));
		await store.bump(post.uid, 'answered', 1);
	}
	if (!t.firstReplyAt) {
		const at = post.timestamp || Date.now();
		await store.setTopicFields(t.tid, { lvlFirstReplyAt: at });
		await db.sortedSetRemove(K.unanswered, String(t.tid));
		if (t.status === 'open') {
			// no escalation for a question that has an answer; the asker is reminded to accept one instead
			await db.sortedSetAdd(K.escalation, at + (await settings.get()).qaAcceptReminderDays * DAY, String(t.tid));
		}
		await Promise.all(store.statScopes(t).map(scope => db.sortedSetAdd(K.statFirstReply(scope), Math.max(0, at - t.timestamp), String(t.tid))));
	}
}

/* ---------- accepted answers ---------- */

export async function canAccept(tid: number, uid: number): Promise<boolean> {
	return uid > 0 && nodebb.privileges().topics.isOwnerOrAdminOrMod(tid, uid);
}

async function postFacts(pid: number): Promise<{ pid: number; tid: number; uid: number; deleted: boolean } | null> {
	const p = await nodebb.posts().getPostFields(pid, ['pid', 'tid', 'uid', 'deleted']);
	return asCount(p.pid) ? { pid: asCount(p.pid), tid: asCount(p.tid), uid: asCount(p.uid), deleted: asCount(p.deleted) === 1 } : null;
}

async function withLock<T>(tid: number, fn: () => Promise<T>): Promise<T> {
	const name = `accept:${String(tid)}`;
	if (!await store.lock(name)) {
		throw new Error(`[[${NS}:qa.error.busy]]`);
	}
	try {
		return await fn();
	} finally {
		await store.unlock(name);
	}
}

async function notifyAccepted(t: QaTopic, answerer: number, actor: number, pid: number): Promise<void> {
	const title = asString((await nodebb.topics().getTopicFields(t.tid, ['title'])).title);
	const n = nodebb.notifications();
	try {
		if (answerer !== actor) {
			await n.push(await n.create({
				type: 'lvl-qa-accepted', nid: `lvl:qa:accepted:${String(pid)}:${String(Date.now())}`, from: actor, pid, tid: t.tid,
				bodyShort: `[[${NS}:qa.notification.accepted, ${neutralFromHost(title)}]]`, path: `/post/${String(pid)}`,
			}), [answerer]);
		}
		if (actor !== t.uid) {
			await n.push(await n.create({
				type: 'lvl-qa-accepted', nid: `lvl:qa:accepted-for:${String(pid)}:${String(Date.now())}`, from: actor, pid, tid: t.tid,
				bodyShort: `[[${NS}:qa.notification.accepted-for-you, ${neutralFromHost(title)}]]`, path: `/post/${String(pid)}`,
			}), [t.uid]);
		}
	} catch (err) {
		nodebb.log.error(`accepted-answer notification for ${String(pid)} failed: ${String(err)}`);
	}
}

/** Marks a reply as the accepted answer. Only the asker or a moderator; the state changes completely or not at all. */
export async function accept(tid: number, pid: number, actor: number): Promise<QaTopic> {
	if (!await canAccept(tid, actor)) {
		throw new Error(`[[${NS}:qa.error.not-allowed-accept]]`);
	}
	return withLock(tid, async () => {
		const t = await store.getTopic(tid);
		if (!t) {
			throw new Error('[[error:no-topic]]');
		}
		const post = await postFacts(pid);
		const problem = acceptProblem(t, post, (await settings.get()).qaSeveralAccepted);
		if (problem || !post) {
			throw new Error(problem ?? '[[error:no-post]]');
		}
		const now = Date.now();
		const accepted = [...t.accepted, pid];
		const db = nodebb.db();
		await store.setTopicFields(tid, { lvlAccepted: JSON.stringify(accepted), lvlStatus: 'solved', lvlAcceptedAt: t.acceptedAt || now });
		await nodebb.db().setObjectField(`post:${String(pid)}`, 'lvlAccepted', 1);
		await Promise.all([
			store.bump(post.uid, 'accepted', 1),
			...t.competences.map(c => store.bump(post.uid, `c:${c}`, 1)),
			acceptedChanged(post.uid, t.competences, 1),
		]);
		if (!t.accepted.length) {
			await Promise.all([
				db.sortedSetsRemove([K.status('open'), K.openQuestions], String(tid)),
				db.sortedSetAdd(K.status('solved'), t.timestamp, String(tid)),
				db.sortedSetRemove(K.escalation, String(tid)),
				...t.competences.map(c => db.sortedSetRemove(K.competenceOpen(c), String(tid))),
				...store.statScopes(t).map(scope => db.sortedSetAdd(K.statAccepted(scope), Math.max(0, now - t.timestamp), String(tid))),
			]);
		}
		if (!t.accepted.length) {
			await requests.closeForTopic(tid);
		}
		await similar.reindex(tid);
		await nodebb.topics().events.log(tid, { type: 'lvl-accepted', uid: actor, pid, href: `/post/${String(pid)}` });
		await notifyAccepted(t, post.uid, actor, pid);
		return { ...t, accepted, status: 'solved' as Status, acceptedAt: t.acceptedAt || now };
	});
}

/** Takes an accepted answer back (asker or moderator; also when the post is purged or moved away: `system`). */
export async function undo(tid: number, pid: number, actor: number | 'system', answererUid?: number): Promise<QaTopic> {
	if (actor !== 'system' && !await canAccept(tid, actor)) {
		throw new Error(`[[${NS}:qa.error.not-allowed-accept]]`);
	}
	return withLock(tid, async () => {
		const t = await store.getTopic(tid);
		if (!t) {
			throw new Error('[[error:no-topic]]');
		}
		if (!t.accepted.includes(pid)) {
			throw new Error(`[[${NS}:qa.error.not-accepted]]`);
		}
		const accepted = t.accepted.filter(p => p !== pid);
		// a purged post's hash may already be gone: the hook's payload says whose it was
		const answerer = answererUid ?? asCount((await nodebb.posts().getPostFields(pid, ['uid'])).uid);
		const db = nodebb.db();
		await store.setTopicFields(tid, { lvlAccepted: JSON.stringify(accepted), lvlStatus: accepted.length ? 'solved' : 'open', lvlAcceptedAt: accepted.length ? t.acceptedAt : 0 });
		await db.deleteObjectField(`post:${String(pid)}`, 'lvlAccepted');
		await Promise.all([
			store.bump(answerer, 'accepted', -1),
			...t.competences.map(c => store.bump(answerer, `c:${c}`, -1)),
			acceptedChanged(answerer, t.competences, -1),
		]);
		if (!accepted.length) {
			await Promise.all([
				db.sortedSetRemove(K.status('solved'), String(tid)),
				db.sortedSetsAdd([K.status('open'), K.openQuestions], t.timestamp, String(tid)),
				...t.competences.map(c => db.sortedSetAdd(K.competenceOpen(c), t.timestamp, String(tid))),
				...store.statScopes(t).map(scope => db.sortedSetRemove(K.statAccepted(scope), String(tid))),
				// open again: the asker may be reminded to accept another answer
				...(t.escalation < 3 ? [db.sortedSetAdd(K.escalation, Date.now() + (await settings.get()).qaAcceptReminderDays * DAY, String(tid))] : []),
			]);
		}
		await similar.reindex(tid);
		if (actor !== 'system') {
			await nodebb.topics().events.log(tid, { type: 'lvl-unaccepted', uid: actor, pid, href: `/post/${String(pid)}` });
		}
		return { ...t, accepted, status: accepted.length ? 'solved' : 'open' };
	});
}

/* ---------- offers and wanted posts ---------- */

export async function setStatus(tid: number, status: Status, actor: number | 'system'): Promise<QaTopic> {
	const t = await store.getTopic(tid);
	if (!t?.type) {
		throw new Error('[[error:no-topic]]');
	}
	if (actor !== 'system' && !await nodebb.privileges().topics.isOwnerOrAdminOrMod(tid, actor)) {
		throw new Error(`[[${NS}:qa.error.not-allowed-status]]`);
	}
	const allowed: Status[] = actor === 'system' ? [...settableStatuses(t.type), 'expired'] : settableStatuses(t.type);
	if (!allowed.includes(status)) {
		throw new Error(`[[${NS}:qa.error.bad-status]]`);
	}
	const s = await settings.get();
	const db = nodebb.db();
	const expiresAt = status === 'open' ? Date.now() + s.qaExpiryDays * DAY : 0;
	if (t.status === status) {
		if (status !== 'open') {
			return t;
		}
		// "open" again on an open post: the author extends it by another expiry period
		await store.setTopicFields(tid, { lvlExpiresAt: expiresAt });
		await scheduleExpiry(tid, expiresAt);
		if (actor !== 'system') {
			await nodebb.topics().events.log(tid, { type: 'lvl-status', uid: actor, text: 'extended' });
		}
		return { ...t, expiresAt };
	}
	await store.setTopicFields(tid, { lvlStatus: status, lvlExpiresAt: expiresAt });
	await Promise.all([
		...(t.status ? [db.sortedSetRemove(K.status(t.status), String(tid))] : []),
		db.sortedSetAdd(K.status(status), t.timestamp, String(tid)),
		status === 'open' ? scheduleExpiry(tid, expiresAt) : db.sortedSetsRemove([K.expiry, K.expiryReminder], String(tid)),
	]);
	if (actor !== 'system') {
		await nodebb.topics().events.log(tid, { type: 'lvl-status', uid: actor, text: status });
	}
	return { ...t, status, expiresAt };
}

/* ---------- type changes, moves and purges ---------- */

/** Changing a topic's type: refused once others have replied to a question (their answers would lose their meaning). */
export async function changeType(tid: number, data: Record<string, unknown>, actor: number): Promise<QaTopic> {
	const t = await store.getTopic(tid);
	if (!t) {
		throw new Error('[[error:no-topic]]');
	}
	if (!await nodebb.privileges().topics.isOwnerOrAdminOrMod(tid, actor)) {
		throw new Error(`[[${NS}:qa.error.not-allowed-status]]`);
	}
	if (!await isQaCategory(t.cid)) {
		throw new Error(`[[${NS}:qa.error.not-qa-category]]`);
	}
	if (t.type === 'question' && (t.firstReplyAt || t.accepted.length)) {
		throw new Error(`[[${NS}:qa.error.type-locked]]`);
	}
	const input = readTopicInput(data, await categoryQa(t.cid), await known());
	await forget(t);
	await store.setTopicFields(tid, await initialFields(input, Date.now()));
	await indexNewTopic(tid);
	const next = await store.getTopic(tid);
	if (!next) {
		throw new Error('[[error:no-topic]]');
	}
	return next;
}

/**
 * Takes a topic out of every list, counter and figure (before a purge, a type change, or when it leaves the
 * platform's categories).
 */
export async function forget(t: QaTopic): Promise<void> {
	const db = nodebb.db();
	const tid = String(t.tid);
	const answerers = (await db.getSetMembers(K.answerers(t.tid))).map(Number);
	const acceptedBy = t.accepted.length ? (await nodebb.posts().getPostsFields(t.accepted, ['uid'])).map(p => asCount(p.uid)) : [];
	await Promise.all([
		...store.listKeys(t).map(key => db.sortedSetRemove(key, tid)),
		...(['open', 'solved', 'fulfilled', 'closed', 'expired'] as Status[]).map(s => db.sortedSetRemove(K.status(s), tid)),
		db.sortedSetsRemove([K.expiry, K.expiryReminder, K.escalation, K.openQuestions], tid),
		...store.statScopes(t).flatMap(scope => [K.statQuestions(scope), K.statFirstReply(scope), K.statAccepted(scope)].map(key => db.sortedSetRemove(key, tid))),
		...(t.type === 'question' ? [store.bump(t.uid, 'asked', -1)] : []),
		...answerers.map(uid => store.bump(uid, 'answered', -1)),
		...acceptedBy.flatMap(uid => [store.bump(uid, 'accepted', -1), ...t.competences.map(c => store.bump(uid, `c:${c}`, -1)), acceptedChanged(uid, t.competences, -1)]),
	]);
	const routed = (await db.getSortedSetRange(K.routedFor(t.tid), 0, -1)).map(Number);
	await Promise.all(routed.map(uid => db.sortedSetRemove(K.routedTo(uid), tid)));
	if (routed.length) {
		await db.sortedSetRemove(K.routings, routed.map(uid => `${String(uid)}:${tid}`));
	}
	await db.deleteAll([K.answerers(t.tid), K.routedFor(t.tid)]);
	await requests.purgeForTopic(t.tid);
	await db.deleteObjectFields(`topic:${tid}`, ['lvlType', 'lvlStatus', 'lvlCompetences', 'lvlAccepted', 'lvlFirstReplyAt', 'lvlAcceptedAt', 'lvlExpiresAt', 'lvlEscalation']);
	await Promise.all(t.accepted.map(pid => db.deleteObjectField(`post:${String(pid)}`, 'lvlAccepted')));
	// no longer a question: out of the similar-questions index (a purge is handled from the hook's payload)
	await similar.reindex(t.tid);
}

/**
 * A topic moved (action:topic.move). Into a category whose Q&A setting does not allow its type, or out of the
 * platform: it goes back where it came from and the mover is told why (NodeBB offers no hook to refuse a move).
 */
export async function onMove(tid: number, fromCid: number, toCid: number, uid: number): Promise<'kept' | 'moved-back'> {
	const t = await store.getTopic(tid);
	if (!t?.type) {
		return 'kept';
	}
	const allowed = await isQaCategory(toCid) && (await categoryQa(toCid)).types.includes(t.type);
	if (allowed) {
		// the per-category figures follow the topic
		const db = nodebb.db();
		if (t.type === 'question') {
			await db.sortedSetRemove(K.statQuestions(`cid:${String(fromCid)}`), String(tid));
			await db.sortedSetAdd(K.statQuestions(`cid:${String(toCid)}`), t.timestamp, String(tid));
			const [first, acc] = await Promise.all([db.sortedSetScore(K.statFirstReply(`cid:${String(fromCid)}`), String(tid)), db.sortedSetScore(K.statAccepted(`cid:${String(fromCid)}`), String(tid))]);
			await db.sortedSetRemove(K.statFirstReply(`cid:${String(fromCid)}`), String(tid));
			await db.sortedSetRemove(K.statAccepted(`cid:${String(fromCid)}`), String(tid));
			if (first !== null) {
				await db.sortedSetAdd(K.statFirstReply(`cid:${String(toCid)}`), first, String(tid));
			}
			if (acc !== null) {
				await db.sortedSetAdd(K.statAccepted(`cid:${String(toCid)}`), acc, String(tid));
			}
		}
		return 'kept';
	}
	await nodebb.topics().tools.move(tid, { cid: fromCid, uid });
	try {
		const n = nodebb.notifications();
		await n.push(await n.create({
			type: 'lvl-qa', nid: `lvl:qa:moved-back:${String(tid)}:${String(Date.now())}`, tid,
			bodyShort: `[[${NS}:qa.notification.moved-back, [[${NS}:qa.type.${t.type}]]]]`, path: `/topic/${String(tid)}`,
		}), [uid]);
	} catch (err) {
		nodebb.log.error(`moved-back notification for ${String(tid)} failed: ${String(err)}`);
	}
	return 'moved-back';
}

/** Posts purged or moved out of their topic: accepted answers among them are undone, answer counts follow. */
export async function onPostsGone(posts: { pid: number; tid: number; uid: number }[]): Promise<void> {
	for (const p of posts) {
		const t = await store.getTopic(p.tid);
		if (!t?.type) {
			continue;
		}
		if (t.accepted.includes(p.pid)) {
			await undo(p.tid, p.pid, 'system', p.uid);
		}
	}
}

export type { TopicType };
