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
import * as store from './store';
import { K } from './store';

export interface ListPage {
	list: ListName;
	tids: number[];
	total: number;
	page: number;
	pageCount: number;
}

async function forYou(uid: number): Promise<number[]> {
	const profile = await competenceStore.getProfile(uid);
	const keys = profile.competences.map(c => c.key);
	if (!keys.length) {
		return [];
	}
	const byTid = await store.openOfCompetences(keys);
	const tids = [...byTid.keys()];
	// one read each for every candidate: who asked it, and whether the member already answered it
	const [askers, answered] = await Promise.all([
		nodebb.topics().getTopicsFields(tids, ['uid']),
		store.hasAnswered(tids, uid),
	]);
	const open = tids.filter((_, i) => asCount(askers[i]?.uid) > 0 && asCount(askers[i]?.uid) !== uid && !answered[i]);
	// counted only among what the member may read (the pulse shows the count)
	const readable = await nodebb.privileges().topics.filterTids('topics:read', open, uid);
	return readable.sort((a, b) => (byTid.get(b) ?? 0) - (byTid.get(a) ?? 0));
}

/** The sorted sets a list is (offers and wanted posts: those of the type that are open). */
function setsOf(list: ListName, uid: number): string[] {
	switch (list) {
		case 'unanswered': return [K.unanswered];
		case 'solved': return [K.status('solved')];
		// open questions only (offers and wanted posts are "open" too): a key of their own, kept as statuses change
		case 'unsolved': return [K.openQuestions];
		case 'mine': return [K.mine(uid)];
		case 'offers': return [K.type('offer'), K.status('open')];
		case 'wanted': return [K.type('wanted'), K.status('open')];
		default: return [K.status('open')];
	}
}

/** The categories a member may not read: usually none, and then every count is exact as it is kept. */
async function unreadableCids(uid: number): Promise<Set<number>> {
	const all = await store.categoryIds();
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
		// read whole and filtered once per change of the lists, per set of categories the reader may not read
		const sets = setsOf(list, uid);
		const readable = await store.wholeList(`${sets.join('|')}|${[...hidden].sort((a, b) => a - b).join(',')}`, async () => outside(
			list === 'unanswered'
				// the questions members have too first, as on the paged path
				? (await demand.unansweredPage(sets[0] ?? '', 0, Math.max(0, await store.listSize(sets[0] ?? '') - 1))).map(Number)
				: await store.listPage(sets, 0, -1),
			hidden,
		));
		total = readable.length;
		tids = readable.slice(start, start + LIST_PAGE_SIZE);
	} else if (list === 'for-you') {
		const all = await forYou(uid);
		total = all.length;
		tids = all.slice(start, start + LIST_PAGE_SIZE);
	} else {
		const sets = setsOf(list, uid);
		// unanswered: the questions members have too come first ("me too")
		const read = list === 'unanswered'
			? demand.unansweredPage(sets[0] ?? '', start, start + LIST_PAGE_SIZE - 1).then(r => r.map(Number))
			: store.listPage(sets, start, start + LIST_PAGE_SIZE - 1);
		// the total is counted once per change of the lists, not on every page
		[tids, total] = await Promise.all([read, store.listTotal(sets)]);
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
	const mid = Math.floor(n / 2);
	const rows = await store.statRows(key, n % 2 ? mid : mid - 1, mid);
	return median(rows.map(r => r.score));
}

/** The figures of a scope from its sets read whole, without the questions in `hidden` categories. */
async function figuresWithout(scope: string, hidden: Set<number>): Promise<Figures> {
	const [questions, firstReply, accepted] = await Promise.all([
		store.statRows(K.statQuestions(scope)), store.statRows(K.statFirstReply(scope)), store.statRows(K.statAccepted(scope)),
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
	const [questions, answered, solved] = await Promise.all([
		store.listTotal([K.statQuestions(scope)]), store.listTotal([K.statFirstReply(scope)]), store.listTotal([K.statAccepted(scope)]),
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
