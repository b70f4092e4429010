/**
 * Reports (NodeBB flags) that cite an article: the reason is checked before NodeBB stores it, each report is indexed
 * by article (the flags list filter `lvlArticle`), resolution times are kept, and the admin gets the figures.
 */
import { asCount } from '../coerce';
import { median } from '../kernel/text';
import * as nodebb from '../nodebb';
import { current } from './charter';
import { claimsArticle, decodeReason, encodeReason, ENS, numberOf, type Texts } from './rules';
import * as store from './store';

/**
 * Checks a flag reason before NodeBB stores it. A reason that claims to cite an article must cite one in force
 * (a tampered or stale reason is refused); it is rewritten with the article's number today. Other reasons pass.
 */
export async function checkReason(reason: unknown): Promise<string | null> {
	if (!claimsArticle(reason)) {
		return null;
	}
	const cited = decodeReason(reason);
	const charter = await current();
	const number = cited && charter ? numberOf(charter.articles, cited.id) : 0;
	if (!cited || !number) {
		throw new Error(`[[${ENS}:error.no-such-article]]`);
	}
	return encodeReason({ id: cited.id }, number);
}

/** `action:flags.addReport`: a report citing an article is indexed by it (once per flag), with the article's titles then. */
export async function indexReport(flagId: number, reason: unknown, timestamp: number): Promise<void> {
	const cited = decodeReason(reason);
	if (!cited || !flagId) {
		return;
	}
	const db = nodebb.db();
	if (await db.exists(store.K.flag(flagId))) {
		return;
	}
	const charter = await current();
	const article = charter?.articles.find(a => a.id === cited.id);
	const titles: Texts | null = article ? article.title : null;
	await db.setObject(store.K.flag(flagId), {
		flagId, articleId: cited.id, number: cited.number, version: charter?.version ?? 0,
		titles: JSON.stringify(titles), createdAt: timestamp || Date.now(), resolvedAt: 0, state: 'open',
	});
	await Promise.all([
		db.sortedSetAdd(store.K.flags, timestamp || Date.now(), String(flagId)),
		db.sortedSetAdd(store.K.flagsByArticle(cited.id), timestamp || Date.now(), String(flagId)),
	]);
}

/** `action:flags.update`: resolving or rejecting a cited flag records how long it took; reopening clears it. */
export async function onFlagUpdate(flagId: number, state: unknown): Promise<void> {
	const rec = await store.getFlag(flagId);
	if (!rec || typeof state !== 'string') {
		return;
	}
	const db = nodebb.db();
	if (state === 'resolved' || state === 'rejected') {
		const now = Date.now();
		await db.setObject(store.K.flag(flagId), { resolvedAt: now, state });
		await db.sortedSetAdd(store.K.resolved, Math.max(0, now - rec.createdAt), String(flagId));
	} else {
		await db.setObject(store.K.flag(flagId), { resolvedAt: 0, state });
		await db.sortedSetRemove(store.K.resolved, String(flagId));
	}
}

/** `action:flags.purge`-like cleanup is not needed: NodeBB keeps flags; a purged flag's id simply has no `flag:` hash. */

export interface Stats {
	perArticle: { id: string; number: number; title: Texts | null; reports: number; open: number }[];
	reports: number;
	resolved: number;
	medianResolutionMs: number;
	activeWarnings: number;
	warnings: number;
	guardHits: number;
}

/** The admin's figures: reports per article (including articles since deleted), time to resolution, active warnings. */
export async function stats(): Promise<Stats> {
	const db = nodebb.db();
	const charter = await current();
	const [reports, resolvedCount, activeWarnings, warnings, guardHits] = await Promise.all([
		db.sortedSetCard(store.K.flags), db.sortedSetCard(store.K.resolved),
		db.sortedSetCount(store.K.warningsActive, Date.now(), '+inf'), db.sortedSetCard(store.K.warnings), db.sortedSetCard(store.K.hits),
	]);
	// the middle of the sorted durations, read as one element (the set is ordered by duration)
	const middle = resolvedCount ? await db.getSortedSetRangeWithScores(store.K.resolved, Math.floor((resolvedCount - 1) / 2), Math.floor(resolvedCount / 2)) : [];
	const ids = new Set<string>(charter?.articles.map(a => a.id) ?? []);
	// articles no longer in force that reports still cite: found through the flags' own records
	const cited = await db.getSortedSetRange(store.K.flags, 0, 1999);
	const recs = await Promise.all(cited.map(id => store.getFlag(asCount(id))));
	recs.forEach((r) => { if (r?.articleId) { ids.add(r.articleId); } });
	const perArticle = await Promise.all([...ids].map(async (id) => {
		const article = charter?.articles.find(a => a.id === id);
		const rec = recs.find(r => r?.articleId === id);
		const flagIds = await db.getSortedSetRange(store.K.flagsByArticle(id), 0, -1);
		const states = await Promise.all(flagIds.map(f => nodebb.db().getObjectField(`flag:${f}`, 'state')));
		return {
			id,
			number: article && charter ? numberOf(charter.articles, id) : 0,
			title: article ? article.title : rec?.titles ?? null,
			reports: flagIds.length,
			open: states.filter(s => !s || s === 'open' || s === 'wip').length,
		};
	}));
	perArticle.sort((a, b) => (a.number || 999) - (b.number || 999));
	return {
		perArticle, reports, resolved: resolvedCount, medianResolutionMs: Math.round(median(middle.map(m => m.score)) ?? 0),
		activeWarnings, warnings, guardHits,
	};
}

/** What a moderator sees about a flag: the article it cites (as it read then) and the guard's hit, if any. */
export async function flagInfo(flagId: number): Promise<{ flag: store.FlagRecord | null; guard: Record<string, unknown> | null }> {
	const flag = await store.getFlag(flagId);
	const f = await nodebb.db().getObject(`flag:${String(flagId)}`);
	const pid = f?.type === 'post' ? asCount(f.targetId) : 0;
	const guard = pid ? await nodebb.db().getObject(store.K.hit(String(pid))) : null;
	return { flag, guard };
}

/** Every article id the charter has given out (`art-1` … ), current or withdrawn: the values the flag list filter accepts. */
export async function articleIds(): Promise<string[]> {
	const next = await store.nextArticle();
	return Array.from({ length: Math.max(0, next - 1) }, (_, i) => `art-${String(i + 1)}`);
}

/** Whether a stored report reason is one of ours that cites an article (`[[lvl-engagement:flag.article, n, art-k]]`). */
export function citesArticle(reason: unknown): boolean {
	return decodeReason(reason) !== null;
}
