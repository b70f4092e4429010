/**
 * Thin adapters between NodeBB's hooks and the Q&A services (hook payloads checked against NodeBB 4.11.2).
 */
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import * as claims from './claims';
import * as coordinator from './coordinator';
import * as jobs from './jobs';
import * as promise from './promise-routes';
import * as quiet from './quiet';
import * as requests from './requests';
import * as routing from './routing';
import { readTopic, type QaTopic, STATUSES, type TopicType, TYPES } from './rules';
import { apiRoutes, pageRoutes, QA_PATH } from './routes';
import * as store from './store';
import * as topics from './topics';

/** A topic's label: HTML on NodeBB 4.11 (Harmony prints it raw); from 4.14 Harmony's `partials/topic/icon.tpl` object. */
type TopicIcon = string | { classes: string; icon?: string; label: string };
type TopicLike = Record<string, unknown> & { icons?: TopicIcon[] };

export async function staticAppLoad(payload: { router: nodebb.Router }): Promise<void> {
	pageRoutes(payload.router);
	await jobs.start();
}

export async function staticApiRoutes(payload: { router: nodebb.Router }): Promise<void> {
	apiRoutes(payload.router);
	promise.apiRoutes(payload.router);
}

/** topics/create.js: `filter:topic.post` gets the request's body; a bad type or competence refuses the topic. */
export async function filterTopicPost(data: Record<string, unknown>): Promise<Record<string, unknown>> {
	const input = await topics.readNewTopic(data);
	if (input) {
		data.lvlType = input.type;
		data.lvlCompetences = input.competences;
	} else {
		delete data.lvlType;
		delete data.lvlCompetences;
	}
	return data;
}

/**
 * A new topic that goes to NodeBB's post queue (`filter:post-queue.save`: { id, uid, type, data }) is checked now, so
 * the member hears about a missing competence when posting, not when a moderator approves it days later.
 */
export async function filterPostQueueSave(payload: { type: string; data: Record<string, unknown> }): Promise<typeof payload> {
	if (payload.type === 'topic') {
		await topics.readNewTopic(payload.data);
	}
	return payload;
}

/** `filter:topic.create` ({ topic, data }): the fields are written with NodeBB's own topic hash. */
export async function filterTopicCreate(payload: { topic: Record<string, unknown>; data: Record<string, unknown> }): Promise<typeof payload> {
	const type = asString(payload.data.lvlType);
	if (type) {
		Object.assign(payload.topic, await topics.initialFields({
			type: type as TopicType,
			competences: Array.isArray(payload.data.lvlCompetences) ? payload.data.lvlCompetences.map(String) : [],
		}, asCount(payload.topic.timestamp) || Date.now()));
	}
	return payload;
}

/** `action:topic.post` ({ topic, post, data }): lists, figures, then routing to the members who know. */
export async function actionTopicPost(payload: { topic: { tid: number } }): Promise<void> {
	try {
		const t = await topics.indexNewTopic(asCount(payload.topic.tid));
		if (t?.type === 'question' && !(await routing.route(t)).length) {
			// nobody available to ask: the next run of the job sends it to the coordinators
			await nodebb.db().sortedSetAdd(store.K.escalation, Date.now(), String(t.tid));
		}
	} catch (err) {
		nodebb.log.error(`Q&A indexing of topic ${String(payload.topic.tid)} failed: ${String(err)}`);
	}
}

/** `action:topic.reply` ({ post, data }). */
export async function actionTopicReply(payload: { post: { pid: number; tid: number; uid: number; timestamp: number } }): Promise<void> {
	try {
		await topics.recordReply({ pid: asCount(payload.post.pid), tid: asCount(payload.post.tid), uid: asCount(payload.post.uid), timestamp: asCount(payload.post.timestamp) });
		await claims.onReply(asCount(payload.post.tid));
	} catch (err) {
		nodebb.log.error(`Q&A reply record for ${String(payload.post.pid)} failed: ${String(err)}`);
	}
}

/** NodeBB 4.14+ (with the Harmony that came with it) draws a topic's labels from objects, not HTML. */
function labelsAsObjects(): boolean {
	const [major = 0, minor = 0] = nodebb.hostVersion().split('.').map(n => parseInt(n, 10) || 0);
	return major > 4 || (major === 4 && minor >= 14);
}

function badges(t: QaTopic): TopicIcon[] {
	if (!t.type) {
		return [];
	}
	const icon = { question: 'fa-circle-question', offer: 'fa-hand-holding-heart', wanted: 'fa-magnifying-glass', discussion: 'fa-comments' }[t.type];
	const tone = t.status === 'solved' || t.status === 'fulfilled' ? 'text-bg-success' : t.status === 'open' ? 'text-bg-primary' : 'text-bg-secondary';
	if (labelsAsObjects()) {
		const out: TopicIcon[] = [{ classes: `text-bg-light lvl-badge lvl-type-${t.type}`, icon, label: `${NS}:qa.type.${t.type}` }];
		if (t.status) {
			out.push({ classes: `${tone} lvl-badge lvl-status-${t.status}`, label: `${NS}:qa.status.${t.status}` });
		}
		return out;
	}
	const out = [`<span class="badge text-bg-light border lvl-badge lvl-type-${t.type}" component="lvl/type"><i class="fa ${icon}"></i> [[${NS}:qa.type.${t.type}]]</span>`];
	if (t.status) {
		out.push(`<span class="badge ${tone} lvl-badge lvl-status-${t.status}" component="lvl/status">[[${NS}:qa.status.${t.status}]]</span>`);
	}
	return out;
}

/** Every topic list (`filter:topics.get`: { topics, uid }): type and status badges. */
export async function filterTopicsGet(payload: { topics: TopicLike[]; uid: number }): Promise<typeof payload> {
	for (const topic of payload.topics) {
		const t = readTopic(topic);
		if (t?.type) {
			topic.icons = [...(topic.icons ?? []), ...badges(t)];
		}
	}
	return payload;
}

/** The topic page (`filter:topic.get`: { topic, uid }): badges, and what the client needs for accepted answers. */
export async function filterTopicGet(payload: { topic: TopicLike; uid: number }): Promise<typeof payload> {
	const t = readTopic(payload.topic);
	if (t?.type) {
		payload.topic.icons = [...(payload.topic.icons ?? []), ...badges(t)];
		// the asker, the author or a moderator: the same check decides accepting and setting a status
		const mayManage = await topics.canAccept(t.tid, payload.uid);
		payload.topic.lvlQa = {
			type: t.type,
			status: t.status,
			competences: t.competences,
			accepted: t.accepted,
			expiresAt: t.expiresAt,
			canAccept: t.type === 'question' && mayManage,
			canSetStatus: (t.type === 'offer' || t.type === 'wanted') && mayManage,
			// the topic and the privilege already read: passed on, not read again on every topic page
			promise: await promise.view(t, payload.uid, Date.now(), mayManage),
		};
	}
	return payload;
}

/** `filter:post.tools` ({ pid, post, uid, tools }): "accept as answer" / "undo" for the asker and moderators. */
export async function filterPostTools(payload: { pid: number; post: { tid?: number }; uid: number; tools: Record<string, unknown>[] }): Promise<typeof payload> {
	const facts = await nodebb.posts().getPostFields(asCount(payload.pid), ['tid', 'uid']);
	const t = await store.getTopic(asCount(facts.tid));
	if (t?.type !== 'question' || t.mainPid === asCount(payload.pid) || t.uid === asCount(facts.uid) || !await topics.canAccept(t.tid, payload.uid)) {
		return payload;
	}
	const accepted = t.accepted.includes(asCount(payload.pid));
	payload.tools.push(accepted
		? { action: 'lvl/unaccept', icon: 'fa-rotate-left', html: `[[${NS}:qa.undo-accept]]` }
		: { action: 'lvl/accept', icon: 'fa-check', html: `[[${NS}:qa.accept]]` });
	return payload;
}

/** `filter:topicEvents.init` ({ types }): who accepted or undid what, and status changes, in the topic's timeline. */
export async function filterTopicEventsInit(payload: { types: Record<string, unknown> }): Promise<typeof payload> {
	const t = nodebb.topics().events;
	payload.types['lvl-accepted'] = { icon: 'fa-check text-success', translation: (e: Record<string, unknown>, lang: string) => t.translateSimple(e, lang, `${NS}:qa.event.accepted`) };
	payload.types['lvl-unaccepted'] = { icon: 'fa-rotate-left', translation: (e: Record<string, unknown>, lang: string) => t.translateSimple(e, lang, `${NS}:qa.event.unaccepted`) };
	payload.types['lvl-status'] = { icon: 'fa-flag', translation: (e: Record<string, unknown>, lang: string) => t.translateSimple(e, lang, `${NS}:qa.event.status-${asString(e.text) || 'open'}`) };
	return payload;
}

/** Category pages filter by type and status (`?lvlType=question&lvlStatus=open`): one more set to intersect. */
export async function filterBuildTopicsSortedSet(payload: { set: string | string[]; data: { query?: Record<string, unknown> } }): Promise<typeof payload> {
	const q = payload.data.query ?? {};
	const extra: string[] = [];
	const type = asString(q.lvlType);
	const status = asString(q.lvlStatus);
	if (['question', 'offer', 'wanted', 'discussion'].includes(type)) {
		extra.push(store.K.type(type as 'question'));
	}
	if (['open', 'solved', 'fulfilled', 'closed', 'expired'].includes(status)) {
		extra.push(store.K.status(status as 'open'));
	}
	if (extra.length) {
		payload.set = [...(Array.isArray(payload.set) ? payload.set : [payload.set]), ...extra];
	}
	return payload;
}

/**
 * NodeBB's search (`filter:search.filterAndSort`: { pids, posts, data }): `lvlType` and `lvlStatus` in the search
 * query keep only the posts of such topics. The posts carry their topic's hash (search.js getMatchedPosts).
 */
export async function filterSearchFilterAndSort(payload: { pids: number[]; posts: { topic?: Record<string, unknown> }[]; data: { qs?: Record<string, unknown> } }): Promise<typeof payload> {
	const q = payload.data.qs ?? {};
	const type = asString(q.lvlType);
	const status = asString(q.lvlStatus);
	const wantType = (TYPES as readonly string[]).includes(type) ? type : '';
	const wantStatus = (STATUSES as readonly string[]).includes(status) ? status : '';
	if (wantType || wantStatus) {
		payload.posts = payload.posts.filter(p => (!wantType || asString(p.topic?.lvlType) === wantType) && (!wantStatus || asString(p.topic?.lvlStatus) === wantStatus));
	}
	return payload;
}

/** Search results (`filter:search.contentGetResult`: { result, data }): each post's topic type and status, for the badges. */
export async function filterSearchContentGetResult(payload: { result: { posts?: { topic?: Record<string, unknown> & { tid?: number } }[] } }): Promise<typeof payload> {
	const posts = payload.result.posts ?? [];
	const tids = posts.map(p => asCount(p.topic?.tid));
	const found = await store.getTopics(tids.filter(Boolean));
	const byTid = new Map(found.filter((t): t is QaTopic => t !== null).map(t => [t.tid, t]));
	for (const p of posts) {
		const t = byTid.get(asCount(p.topic?.tid));
		if (p.topic && t?.type) {
			p.topic.lvlType = t.type;
			p.topic.lvlStatus = t.status;
		}
	}
	return payload;
}

/** `action:topic.move` ({ tid, fromCid, toCid, uid }). */
export async function actionTopicMove(payload: { tid: number; fromCid: number; toCid: number; uid: number }): Promise<void> {
	try {
		await topics.onMove(asCount(payload.tid), asCount(payload.fromCid), asCount(payload.toCid), asCount(payload.uid));
	} catch (err) {
		nodebb.log.error(`Q&A move of topic ${String(payload.tid)} failed: ${String(err)}`);
	}
}

/** `action:topics.purge` ({ topics, uid }): the payload holds the topics' data (their hashes are being deleted). */
export async function actionTopicsPurge(payload: { topics: Record<string, unknown>[] }): Promise<void> {
	for (const raw of payload.topics) {
		const t = readTopic(raw);
		if (t?.type) {
			await topics.forget(t).catch((err: unknown) => { nodebb.log.error(`Q&A purge of ${String(t.tid)}: ${String(err)}`); });
			await claims.forgetTopic(t).catch((err: unknown) => { nodebb.log.error(`promise purge of ${String(t.tid)}: ${String(err)}`); });
		}
	}
}

/** `action:posts.purge` ({ posts, uid }) and `action:post.move` ({ post, tid }): accepted answers that went away. */
export async function actionPostsPurge(payload: { posts: { pid: number; tid: number; uid: number }[] }): Promise<void> {
	await topics.onPostsGone(payload.posts.map(p => ({ pid: asCount(p.pid), tid: asCount(p.tid), uid: asCount(p.uid) })))
		.catch((err: unknown) => { nodebb.log.error(`Q&A post purge: ${String(err)}`); });
}

export async function actionPostMove(payload: { post: { pid: number; tid: number; uid: number } }): Promise<void> {
	await actionPostsPurge({ posts: [payload.post] });
}

export async function filterUserNotificationTypes(payload: { types: string[]; privilegedTypes: string[] }): Promise<typeof payload> {
	payload.types.push(`notificationType_${routing.NOTIFICATION_TYPE}`, `notificationType_${requests.NOTIFICATION_TYPE}`, 'notificationType_lvl-qa-accepted', 'notificationType_lvl-qa', `notificationType_${coordinator.NOTIFICATION_TYPE}`);
	return payload;
}

export async function filterNavigationAvailable(items: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
	items.push({ route: QA_PATH, title: `[[${NS}:qa.title]]`, enabled: false, iconClass: 'fa-circle-question', textClass: 'd-lg-none', text: `[[${NS}:qa.title]]` });
	return items;
}

export async function staticUserDelete(payload: { uid: number }): Promise<void> {
	const db = nodebb.db();
	await requests.purgeForUser(payload.uid);
	await routing.forgetMember(payload.uid);
	await claims.forgetMember(payload.uid);
	await quiet.forgetMember(payload.uid);
	await db.deleteAll([store.K.counts(payload.uid), store.K.memberPrefs(payload.uid), store.K.routedTo(payload.uid), store.K.mine(payload.uid)]);
}
