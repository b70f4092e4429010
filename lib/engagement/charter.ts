/**
 * The charter: versions published by admins, read by everyone it concerns, accepted by members (at registration
 * and when a new version is published), with who accepted what and when.
 */
import { neutral, plain } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { type Article, type Block, blocks, type CharterVersion, type Lang, diffCharters, type ArticleChange, readArticles, renderMarkdown, sameText, ENS } from './rules';
import * as store from './store';

export async function current(): Promise<CharterVersion | null> {
	return store.getVersion(await store.currentVersion());
}

/** Publishes the submitted articles as a new version, unless they say exactly what the version in force says. */
export async function publish(rawArticles: unknown, by: number): Promise<{ version: number; created: boolean }> {
	const { articles, next } = readArticles(rawArticles, await store.nextArticle());
	const now = await current();
	// an id that was never given out is refused: ids are the server's to give, so a citation can always be traced
	const known = new Set<string>();
	for (const v of await store.versionList()) {
		(await store.getVersion(v.version))?.articles.forEach(a => known.add(a.id));
	}
	const posted = Array.isArray(rawArticles) ? rawArticles as { id?: unknown }[] : [];
	if (posted.some(a => typeof a.id === 'string' && a.id && !known.has(a.id))) {
		throw new Error(`[[${ENS}:error.no-such-article]]`);
	}
	if (now && sameText(now.articles, articles)) {
		return { version: now.version, created: false };
	}
	const version = await store.publish(articles, by, next);
	await nodebb.events().log({ type: 'lvl-charter-published', uid: by, version });
	return { version, created: true };
}

export interface ShownArticle { id: string; number: number; title: string; html: string; nonCommercial: boolean }

/** A version's articles in one language, the text rendered safely as HTML (for the API and client code). */
export function show(articles: Article[], lang: Lang): ShownArticle[] {
	return articles.map((a, i) => ({ id: a.id, number: i + 1, title: a.title[lang], html: renderMarkdown(a.body[lang]), nonCommercial: a.nonCommercial }));
}

/** The same for a server-rendered template: text only, escaped once whatever NodeBB's Benchpress does. */
export function forPage(articles: Article[], lang: Lang): { id: string; number: number; title: string; blocks: Block[]; nonCommercial: boolean }[] {
	const t = (x: string): string => neutral(x);
	return articles.map((a, i) => ({ id: a.id, number: i + 1, title: t(a.title[lang]), blocks: blocks(a.body[lang], t), nonCommercial: a.nonCommercial }));
}

export async function history(): Promise<{ version: number; publishedAt: number; publishedBy: number; articles: number; accepted: number }[]> {
	const list = await store.versionList();
	const db = nodebb.db();
	return Promise.all(list.map(async (v) => {
		const [full, accepted] = await Promise.all([store.getVersion(v.version), db.sortedSetCard(store.K.acceptances(v.version))]);
		return { version: v.version, publishedAt: v.publishedAt, publishedBy: full?.publishedBy ?? 0, articles: full?.articles.length ?? 0, accepted };
	}));
}

export async function diff(from: number, to: number): Promise<{ from: CharterVersion; to: CharterVersion; changes: ArticleChange[] }> {
	const [a, b] = await Promise.all([store.getVersion(from), store.getVersion(to)]);
	if (!a || !b) {
		throw new Error(`[[${ENS}:error.no-such-version]]`);
	}
	return { from: a, to: b, changes: diffCharters(a.articles, b.articles) };
}

/** Does this account still have to accept (a charter exists and it has not accepted the version in force)? */
export async function pendingFor(uid: number): Promise<number> {
	if (!(uid > 0)) {
		return 0;
	}
	// asked on every page a member opens: kept per process until a write changes it
	const { version: v, accepted } = await store.pendingVersions(uid);
	if (!v) {
		return 0;
	}
	return accepted >= v ? 0 : v;
}

/** Records that the account accepted `version`, which must be the one in force (an older page posted late is refused). */
export async function accept(uid: number, version: number): Promise<number> {
	const v = await store.currentVersion();
	if (!v || asCount(version) !== v) {
		throw new Error(`[[${ENS}:error.stale-version]]`);
	}
	await store.recordAcceptance(uid, v);
	return v;
}

/**
 * Who accepted the version in force and who did not, among the platform's members (the members group; exempt groups
 * and administrators are not asked to be listed). Pages of the members group, so it stays cheap for large rosters.
 */
export async function standing(start: number, count: number, filter: 'all' | 'accepted' | 'pending'): Promise<{ version: number; members: number; accepted: number; rows: { uid: number; username: string; version: number; at: number }[] }> {
	const { membersGroup } = await settings.get();
	const v = await store.currentVersion();
	const db = nodebb.db();
	const [group, acceptedCount] = await Promise.all([
		nodebb.groups().getGroupData(membersGroup),
		v ? db.sortedSetCount(store.K.accepted, v, '+inf') : Promise.resolve(0),
	]);
	const rows: { uid: number; username: string; version: number; at: number }[] = [];
	// walk the group in pages until enough rows match the filter (or the group ends)
	let offset = 0;
	const page = 500;
	let skipped = 0;
	while (rows.length < count) {
		const uids = (await nodebb.groups().getMembers(membersGroup, offset, offset + page - 1)).map(Number);
		if (!uids.length) {
			break;
		}
		offset += page;
		const versions = await db.sortedSetScores(store.K.accepted, uids.map(String));
		for (const [i, uid] of uids.entries()) {
			const has = asCount(versions[i]);
			const ok = v > 0 && has >= v;
			if (filter === 'all' || (filter === 'accepted') === ok) {
				if (skipped < start) {
					skipped += 1;
				} else if (rows.length < count) {
					rows.push({ uid, username: '', version: has, at: 0 });
				}
			}
		}
	}
	const users = await nodebb.user().getUsersFields(rows.map(r => r.uid), ['username']);
	const times = await Promise.all(rows.map(r => (r.version ? db.sortedSetScore(store.K.acceptances(r.version), String(r.uid)) : Promise.resolve(0))));
	rows.forEach((r, i) => {
		// NodeBB hands usernames out escaped; the ACP inserts them as text
		r.username = plain(asString(users[i]?.username));
		r.at = asCount(times[i]);
	});
	return { version: v, members: asCount(group?.memberCount), accepted: acceptedCount, rows };
}
