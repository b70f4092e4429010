/**
 * The Q&A lists: unanswered, unsolved, solved, "for you", mine, offers and wanted posts. Each reads one page of a
 * sorted set (or, for "for you", the open questions of the member's own competences), then keeps what NodeBB lets
 * the member see (deleted topics and categories they cannot read drop out).
 */
import { asCount } from '../coerce';
import * as nodebb from '../nodebb';
import * as competenceStore from '../competences/store';
import { median } from '../kernel/text';
import { LIST_PAGE_SIZE, type ListName } from './rules';
import * as demand from './demand';
import { K } from './store';

export interface ListPage {
	list: ListName;
	tids: number[];
	total: number;
	page: number;
	pageCount: number;
}

async function forYou(uid: number): Promise<number[]> {
	const db = nodebb.db();
	const profile = await competenceStore.getProfile(uid);
	const keys = profile.competences.map(c => c.key);
	if (!keys.length) {
		return [];
	}
	const rows = await Promise.all(keys.map(k => db.getSortedSetRevRangeWithScores(K.competenceOpen(k), 0, 499)));
	const byTid = new Map<number, number>();
	for (const r of rows.flat()) {
		byTid.set(Number(r.value), r.score);
	}
	const tids = [...byTid.keys()];
	// one read each for every candidate: who asked it, and whether the member already answered it
	const [askers, answered] = await Promise.all([
		nodebb.topics().getTopicsFields(tids, ['uid']),
		db.isMemberOfSets(tids.map(tid => K.answerers(tid)), String(uid)),
	]);
	const open = tids.filter((_, i) => asCount(askers[i]?.uid) > 0 && asCount(askers[i]?.uid) !== uid && !answered[i]);
	// counted only among what the member may read (the pulse shows the count)
	const readable = await nodebb.privileges().topics.filterTids('topics:read', open, uid);
	return readable.sort((a, b) => (byTid.get(b) ?? 0) - (byTid.get(a) ?? 0));
}

function keyOf(list: ListName, uid: number): string {
	switch (list) {
		case 'unanswered': return K.unanswered;
		case 'solved': return K.status('solved');
		// open questions only (offers and wanted posts are "open" too): a key of their own, kept as statuses change
		case 'unsolved': return K.openQuestions;
		case 'mine': return K.mine(uid);
		case 'offers': return K.type('offer');
		case 'wanted': return K.type('wanted');
		default: return K.status('open');
	}
}

/** The categories a member may not read: usually none, and then every count is exact as it is kept. */
async function unreadableCids(uid: number): Promise<Set<number>> {
	const all = (await nodebb.db().getSortedSetRange('categories:cid', 0, -1)).map(Number);
	const readable = new Set(await nodebb.privileges().categories.filterCids('topics:read', all, uid));
	return new Set(all.filter(cid => !readable.has(cid)));
}

/** The tids that are not in a category of `hidden` (order kept). */
async function outside(tids: number[], hidden: Set<number>): Promise<number[]> {
	const cids = await nodebb.topics().getTopicsFields(tids, ['cid']);
	return tids.filter((_, i) => !hidden.has(asCount(cids[i]?.cid)));
}

/**
 * One page of a list for a member, newest first. The total counts only what the member may read: for a member who
 * may not read some categories, the list is read whole and their topics left out before it is paged.
 */
export async function page(list: ListName, uid: number, pageNo: number): Promise<ListPage> {
	const start = (pageNo - 1) * LIST_PAGE_SIZE;
	let tids: number[];
	let total: number;
	const hidden = list === 'for-you' ? new Set<number>() : await unreadableCids(uid);
	if (hidden.size) {
		const db = nodebb.db();
		const all = list === 'offers' || list === 'wanted'
			? (await db.getSortedSetRevIntersect({ sets: [keyOf(list, uid), K.status('open')], start: 0, stop: -1, weights: [1, 0] })).map(Number)
			: list === 'unanswered'
				// the questions members have too first, as on the paged path
				? (await demand.unansweredPage(keyOf(list, uid), 0, Math.max(0, await db.sortedSetCard(keyOf(list, uid)) - 1))).map(Number)
				: (await db.getSortedSetRevRange(keyOf(list, uid), 0, -1)).map(Number);
		const readable = await outside(all, hidden);
		total = readable.length;
		tids = readable.slice(start, start + LIST_PAGE_SIZE);
	} else if (list === 'for-you') {
		const all = await forYou(uid);
		total = all.length;
		tids = all.slice(start, start + LIST_PAGE_SIZE);
	} else if (list === 'offers' || list === 'wanted') {
		const db = nodebb.db();
		const sets = [keyOf(list, uid), K.status('open')];
		[tids, total] = await Promise.all([
			db.getSortedSetRevIntersect({ sets, start, stop: start + LIST_PAGE_SIZE - 1, weights: [1, 0] }).then(r => r.map(Number)),
			db.sortedSetIntersectCard(sets),
		]);
	} else {
		const key = keyOf(list, uid);
		// unanswered: the questions members have too come first ("me too")
		const read = list === 'unanswered' ? demand.unansweredPage : nodebb.sortedSetRevPage;
		[tids, total] = await Promise.all([
			read(key, start, start + LIST_PAGE_SIZE - 1).then(r => r.map(Number)),
			nodebb.db().sortedSetCard(key),
		]);
	}
	const visible = await nodebb.privileges().topics.filterTids('topics:read', tids, uid);
	return { list, tids: visible, total, page: pageNo, pageCount: Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)) };
}

/* ---------- figures ---------- */

export interface Figures {
	questions: number;
	answered: number;
	answerRate: number | null;
	medianFirstReplyMs: number | null;
	medianAcceptedMs: number | null;
	solved: number;
}

async function middleOf(key: string, n: number): Promise<number | null> {
	if (!n) {
		return null;
	}
	const db = nodebb.db();
	const mid = Math.floor(n / 2);
	const rows = await db.getSortedSetRangeWithScores(key, n % 2 ? mid : mid - 1, mid);
	return median(rows.map(r => r.score));
}

/** The figures of a scope from its sets read whole, without the questions in `hidden` categories. */
async function figuresWithout(scope: string, hidden: Set<number>): Promise<Figures> {
	const db = nodebb.db();
	const [questions, firstReply, accepted] = await Promise.all([
		db.getSortedSetRangeWithScores(K.statQuestions(scope), 0, -1),
		db.getSortedSetRangeWithScores(K.statFirstReply(scope), 0, -1),
		db.getSortedSetRangeWithScores(K.statAccepted(scope), 0, -1),
	]);
	const shown = new Set(await outside([...new Set([...questions, ...firstReply, ...accepted].map(r => Number(r.value)))], hidden));
	const [q, f, a] = [questions, firstReply, accepted].map(rows => rows.filter(r => shown.has(Number(r.value))));
	const n = q?.length ?? 0;
	const answered = f?.length ?? 0;
	return {
		questions: n,
		answered,
		answerRate: n ? answered / n : null,
		medianFirstReplyMs: median((f ?? []).map(r => r.score)),
		medianAcceptedMs: median((a ?? []).map(r => r.score)),
		solved: a?.length ?? 0,
	};
}

/**
 * Answer rate and medians of a scope ('all', 'cid:<cid>', 'c:<key>'): counts are cards, medians the middle entry.
 * With `uid`, only questions that member may read count (a member who may not read some categories gets the figures
 * of the others).
 */
export async function figures(scope: string, uid?: number): Promise<Figures> {
	if (uid !== undefined && !scope.startsWith('cid:')) {
		const hidden = await unreadableCids(uid);
		if (hidden.size) {
			return figuresWithout(scope, hidden);
		}
	}
	const db = nodebb.db();
	const [questions, answered, solved] = await Promise.all([
		db.sortedSetCard(K.statQuestions(scope)), db.sortedSetCard(K.statFirstReply(scope)), db.sortedSetCard(K.statAccepted(scope)),
	]);
	const [firstReply, accepted] = await Promise.all([middleOf(K.statFirstReply(scope), answered), middleOf(K.statAccepted(scope), solved)]);
	return {
		questions: asCount(questions),
		answered: asCount(answered),
		answerRate: questions ? answered / questions : null,
		medianFirstReplyMs: firstReply,
		medianAcceptedMs: accepted,
		solved: asCount(solved),
	};
}
