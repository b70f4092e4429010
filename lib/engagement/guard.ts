/**
 * The non-commercial guard: new topics and replies in the platform's categories are checked against the admin's
 * lists (nl, fr, en); a hit is reported citing the non-commercial article, or sent to NodeBB's post queue.
 * Moderators (admins, global and category moderators) are not checked. A false positive is dismissed in one click.
 */
import { neutral } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { current } from './charter';
import { canModeratePost, ERR_NO_PRIVILEGES } from './permissions';
import { compileList, encodeReason, ENS, findHit, LANGS, type Pattern, STARTER_PATTERNS, type Texts } from './rules';
import * as store from './store';

export async function lists(): Promise<Texts> {
	return await store.texts(store.K.patterns) ?? { ...STARTER_PATTERNS };
}

/**
 * Every list is compiled (and so checked) before anything is stored: one bad entry refuses the save, nothing is lost.
 * The lists and a new version stamp are written in one write: every process sees the stamp change and recompiles.
 */
export async function saveLists(raw: Record<string, unknown>): Promise<Texts> {
	const t: Texts = { nl: asString(raw.nl, 20000), fr: asString(raw.fr, 20000), en: asString(raw.en, 20000) };
	LANGS.forEach((lang) => { compileList(t[lang], lang); });
	await store.setTexts(store.K.patterns, t, `${String(Date.now())}-${Math.random().toString(36).slice(2, 10)}`);
	return t;
}

/** This process's compiled lists, kept until the stamp saved with the lists changes (one field read per post). */
let cache: { version: string; patterns: Pattern[] } | null = null;

async function compiled(): Promise<Pattern[]> {
	const version = await store.textsVersion(store.K.patterns);
	if (cache?.version === version) {
		return cache.patterns;
	}
	const t = await lists();
	// stored lists were checked when saved; a list that no longer compiles (edited in the database) is skipped, not run
	const patterns = LANGS.flatMap((lang) => {
		try {
			return compileList(t[lang], lang);
		} catch {
			nodebb.log.warn(`the ${lang} list of the non-commercial guard does not compile: skipped`);
			return [];
		}
	});
	cache = { version, patterns };
	return patterns;
}

/** The engine the guard's patterns run on (every one: RE2, linear in the text). */
export async function engines(): Promise<string[]> {
	return [...new Set((await compiled()).map(p => p.engine))];
}

/** The pattern a new post hits, when the guard applies to it (platform category, author not a moderator). */
export async function check(uid: number, cid: number, text: string): Promise<{ pattern: string; lang: string } | null> {
	const s = await settings.get();
	if (s.guardMode === 'off' || !s.platformCids.includes(cid) || !(uid > 0) || await nodebb.moderationUser().isPrivileged(uid)) {
		return null;
	}
	const hit = findHit(text, await compiled());
	return hit ? { pattern: hit.source, lang: hit.lang } : null;
}

async function reporter(): Promise<number> {
	const [first] = await nodebb.groups().getMembers('administrators', 0, 0);
	return asCount(first);
}

/** Flag mode, after NodeBB created the post: the report cites the non-commercial article (or says it is the guard's). */
export async function onNewPost(post: { pid: number; uid: number; tid: number; content: string; title?: string }): Promise<void> {
	const s = await settings.get();
	if (s.guardMode !== 'flag') {
		return;
	}
	const t = await nodebb.topics().getTopicFields(post.tid, ['cid', 'title', 'mainPid']);
	const cid = asCount(t.cid);
	const text = `${asCount(t.mainPid) === post.pid ? asString(t.title) : ''}\n${post.content}`;
	const hit = await check(post.uid, cid, text);
	if (!hit) {
		return;
	}
	const charter = await current();
	const index = charter ? charter.articles.findIndex(a => a.nonCommercial) : -1;
	const article = charter?.articles[index];
	const reason = article ? encodeReason(article, index + 1) : `[[${ENS}:flag.guard]]`;
	const by = await reporter();
	// the hit is on record before the report exists, so a moderator who opens the report can always dismiss it
	await record(String(post.pid), { pid: post.pid, uid: post.uid, cid, ...hit, mode: 'flag', flagId: 0 });
	let flagId = 0;
	try {
		flagId = asCount((await nodebb.moderationFlags().create('post', post.pid, by, reason, undefined, true)).flagId);
		await nodebb.moderationFlags().appendNote(flagId, by, `[[${ENS}:flag.guard-note, ${neutral(hit.pattern)}]]`);
	} catch (err) {
		nodebb.log.warn(`the guard could not report post ${String(post.pid)}: ${String(err)}`);
	}
	if (flagId) {
		await nodebb.db().setObjectField(store.K.hit(String(post.pid)), 'flagId', flagId);
	}
}

/** Queue mode (`filter:post.shouldQueue`): a hit sends the post to NodeBB's post queue, where a moderator accepts it in one click. */
export async function shouldQueue(uid: number, data: Record<string, unknown>): Promise<boolean> {
	const s = await settings.get();
	if (s.guardMode !== 'queue') {
		return false;
	}
	let cid = asCount(data.cid);
	if (!cid && asCount(data.tid)) {
		cid = asCount((await nodebb.topics().getTopicFields(asCount(data.tid), ['cid'])).cid);
	}
	const hit = await check(uid, cid, `${asString(data.title)}\n${asString(data.content)}`);
	if (!hit) {
		return false;
	}
	const now = Date.now();
	await record(`q:${String(uid)}:${String(now)}`, { pid: 0, uid, cid, ...hit, mode: 'queue', flagId: 0 });
	return true;
}

async function record(id: string, hit: Record<string, unknown>): Promise<void> {
	const db = nodebb.db();
	const now = Date.now();
	await db.setObject(store.K.hit(id), { ...hit, at: now });
	await db.sortedSetAdd(store.K.hits, now, id);
}

/** One click: the hit was not commercial. The report is rejected (NodeBB's own state) and the hit marked dismissed. */
export async function dismiss(caller: number, pid: number): Promise<{ pid: number; flagId: number }> {
	const hit = await nodebb.db().getObject(store.K.hit(String(pid)));
	if (!hit) {
		throw new Error(`[[${ENS}:error.no-such-hit]]`);
	}
	if (!await canModeratePost(caller, pid)) {
		throw new Error(ERR_NO_PRIVILEGES);
	}
	// the report may be a moment younger than the hit: NodeBB's own field on the post names it too
	const flagId = asCount(hit.flagId) || asCount(await nodebb.db().getObjectField(`post:${String(pid)}`, 'flagId'));
	await nodebb.db().setObject(store.K.hit(String(pid)), { dismissedBy: caller, dismissedAt: Date.now() });
	if (flagId) {
		await nodebb.moderationFlags().update(flagId, caller, { state: 'rejected' });
	}
	return { pid, flagId };
}
