/**
 * Hooks of similar questions, "me too" and the digest section (thin: payload in, a service call, payload out).
 * Posting, type changes, solving and reopening keep the index through the Q&A topic service itself.
 */
import { asCount } from '../coerce';
import * as nodebb from '../nodebb';
import * as demand from './demand';
import * as digest from './digest';
import { readTopic } from './rules';
import * as similar from './similar';
import { similarApiRoutes } from './similar-routes';

// eslint-disable-next-line @typescript-eslint/require-await -- NodeBB awaits every hook: the manifest test wants it async
export async function staticApiRoutes(payload: { router: nodebb.Router }): Promise<void> {
	similarApiRoutes(payload.router);
}

/** `action:post.edit` ({ post, data, uid }): an edited question (title or first lines) is indexed again. */
export async function actionPostEdit(payload: { post: { pid?: unknown; tid?: unknown; topic?: { isMainPost?: unknown } } }): Promise<void> {
	const tid = asCount(payload.post.tid);
	if (tid && payload.post.topic?.isMainPost !== false) {
		await similar.reindex(tid);
	}
}

/** `action:topics.purge` ({ topics, uid }): the topics' data still holds the terms they were indexed under. */
export async function actionTopicsPurge(payload: { topics: Record<string, unknown>[] }): Promise<void> {
	for (const topic of payload.topics) {
		await similar.forget(topic).catch((err: unknown) => { nodebb.log.error(`similar-questions purge: ${String(err)}`); });
		await demand.forgetTopic(asCount(topic.tid)).catch((err: unknown) => { nodebb.log.error(`"me too" purge: ${String(err)}`); });
	}
}

/** The topic page (`filter:topic.get`: { topic, uid }): the "me too" button's state, the count for who may see it. */
export async function filterTopicGet(payload: { topic: Record<string, unknown> & { lvlQa?: { type?: string; canAccept?: boolean } }; uid: number }): Promise<typeof payload> {
	const qa = payload.topic.lvlQa;
	if (qa?.type === 'question') {
		// the Q&A hook before this one read the topic and whether the reader manages it (for a question: canAccept)
		const known = typeof qa.canAccept === 'boolean' ? { topic: readTopic(payload.topic), ownerOrMod: qa.canAccept } : undefined;
		payload.topic.lvlDemand = await demand.view(asCount(payload.topic.tid), payload.uid, known);
	}
	return payload;
}

export async function filterEmailModify(data: digest.EmailPayload): Promise<digest.EmailPayload> {
	try {
		return await digest.addToDigest(data);
	} catch (err) {
		nodebb.log.error(`digest section for uid ${String(data.uid)} failed: ${String(err)}`);
		return data;
	}
}

export async function staticUserDelete(payload: { uid: number }): Promise<void> {
	await demand.forgetMember(payload.uid);
}
