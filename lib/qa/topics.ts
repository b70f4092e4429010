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
	await store.placeTopic(null, t);
	if (t.type === 'question') {
		const s = await settings.get();
		await Promise.all([
			store.schedule('escalation', tid, t.timestamp + s.qaEscalateHours * 60 * 60 * 1000),
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
	const remindAt = expiryReminderAt(expiresAt, (await settings.get()).qaExpiryReminderDays);
	await store.schedule('expiry', tid, expiresAt);
	await store.schedule('expiryReminder', tid, remindAt > Date.now() ? remindAt : null);
}

/** A reply in a Q&A topic: who answered, the first reply's time, the unanswered list. */
export async function recordReply(post: { pid: number; tid: number; uid: number; timestamp: number }): Promise<void> {
	const t = await store.getTopic(post.tid);
	if (t?.type !== 'question' || post.uid === t.uid || post.uid <= 0) {
		return;
	}
	if (await store.addAnswerer(t.tid, post.uid)) {
		await store.bump(post.uid, 'answered', 1);
	}
	if (!t.firstReplyAt) {
		const at = post.timestamp || Date.now();
		await store.setTopicFields(t.tid, { lvlFirstReplyAt: at });
		// out of the unanswered list, into the first-reply figures
		await store.placeTopic(t, { ...t, firstReplyAt: at });
		if (t.status === 'open') {
			// no escalation for a question that has an answer; the asker is reminded to accept one instead
			await store.schedule('escalation', t.tid, at + (await settings.get()).qaAcceptReminderDays * DAY);
		}
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
		const after: QaTopic = { ...t, accepted, status: 'solved', acceptedAt: t.acceptedAt || now };
		await store.setTopicFields(tid, { lvlAccepted: JSON.stringify(accepted), lvlStatus: 'solved', lvlAcceptedAt: after.acceptedAt });
		await store.markAccepted(pid, true);
		await Promise.all([
			store.bump(post.uid, 'accepted', 1),
			...t.competences.map(c => store.bump(post.uid, `c:${c}`, 1)),
			acceptedChanged(post.uid, t.competences, 1),
		]);
		// solved: out of the open lists, into the solved list and the accepted-answer figures
		await store.placeTopic(t, after);
		if (!t.accepted.length) {
			await store.schedule('escalation', tid, null);
			await requests.closeForTopic(tid);
		}
		await similar.reindex(tid);
		await nodebb.topics().events.log(tid, { type: 'lvl-accepted', uid: actor, pid, href: `/post/${String(pid)}` });
		await notifyAccepted(t, post.uid, actor, pid);
		return after;
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
		const after: QaTopic = { ...t, accepted, status: accepted.length ? 'solved' : 'open', acceptedAt: accepted.length ? t.acceptedAt : 0 };
		await store.setTopicFields(tid, { lvlAccepted: JSON.stringify(accepted), lvlStatus: after.status, lvlAcceptedAt: after.acceptedAt });
		await store.markAccepted(pid, false);
		await Promise.all([
			store.bump(answerer, 'accepted', -1),
			...t.competences.map(c => store.bump(answerer, `c:${c}`, -1)),
			acceptedChanged(answerer, t.competences, -1),
		]);
		// no accepted answer left: back in the open lists, out of the accepted-answer figures
		await store.placeTopic(t, after);
		if (!accepted.length && t.escalation < 3) {
			// open again: the asker may be reminded to accept another answer
			await store.schedule('escalation', tid, Date.now() + (await settings.get()).qaAcceptReminderDays * DAY);
		}
		await similar.reindex(tid);
		if (actor !== 'system') {
			await nodebb.topics().events.log(tid, { type: 'lvl-unaccepted', uid: actor, pid, href: `/post/${String(pid)}` });
		}
		return { ...t, accepted, status: after.status };
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
	await store.placeTopic(t, { ...t, status, expiresAt });
	await (status === 'open' ? scheduleExpiry(tid, expiresAt) : store.unschedule(['expiry', 'expiryReminder'], tid));
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
	const answerers = await store.answerersOf(t.tid);
	const acceptedBy = t.accepted.length ? (await nodebb.posts().getPostsFields(t.accepted, ['uid'])).map(p => asCount(p.uid)) : [];
	await Promise.all([
		store.placeTopic(t, null),
		store.unschedule(['expiry', 'expiryReminder', 'escalation'], t.tid),
		...(t.type === 'question' ? [store.bump(t.uid, 'asked', -1)] : []),
		...answerers.map(uid => store.bump(uid, 'answered', -1)),
		...acceptedBy.flatMap(uid => [store.bump(uid, 'accepted', -1), ...t.competences.map(c => store.bump(uid, `c:${c}`, -1)), acceptedChanged(uid, t.competences, -1)]),
	]);
	await requests.purgeForTopic(t.tid);
	await store.forgetTopicData(t);
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
		await store.placeTopic({ ...t, cid: fromCid }, { ...t, cid: toCid });
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
