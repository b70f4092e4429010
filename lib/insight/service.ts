/**
 * Insight: the board's dashboard and the members' community pulse.
 *
 * Two kinds of figures. What a single count answers (accounts, members, joins this month, questions per month,
 * the backlog by age) is read live when the page opens: each is one count on a sorted set the other capabilities
 * keep up to date as events happen. What needs a join over many members or questions (active members, the
 * "came back" cohort, profiles per domain and level, answer rates and medians per period, category and
 * competence) is computed by a snapshot job every hour, on the one NodeBB process that runs jobs, under a lock;
 * the page reads that snapshot in one read. "Recount now" in the ACP runs the same job at once.
 */
import { plain } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import * as competenceStore from '../competences/store';
import * as taxonomy from '../competences/taxonomy';
import { label } from '../competences/taxonomy-rules';
import * as membershipStore from '../membership/store';
import * as qa from '../qa/index';
import * as engagement from './engagement';
import {
	backlogRanges, type BacklogBucket, cameBack, type Cohort, cohort, competenceGaps, DAY, type DomainRow, domainLevels, type Gap,
	lastMonths, monthStart, type Period, PERIODS, periodRange, type QaFigures, qaFigures, share,
} from './rules';
import * as store from './store';

const BATCH = 1000;
/** a page of a large sorted set read at once (see eachMemberBatch) */
const READ_PAGE = 100000;
const PARALLEL = 4;
const TOP = 10;

/* ---------- the snapshot ---------- */

export interface PeriodSnapshot {
	all: QaFigures;
	categories: ({ cid: number } & QaFigures)[];
	competences: ({ key: string } & QaFigures)[];
	gaps: Gap[];
}

export interface Snapshot {
	participation: { rosterActive: number; active30: number; active90: number; cohort: Cohort; members: number };
	competences: { members: number; withProfile: number; domains: DomainRow[]; experienced: Record<string, number>; holders: Record<string, number> };
	periods: Record<Period, PeriodSnapshot>;
	top: { uid: number; answered: number; accepted: number }[] | null;
}

async function membersGroup(): Promise<string> {
	return (await settings.get()).membersGroup;
}

/** `fn` over `items` a batch at a time, a few batches at once (the figures it adds up do not depend on the order). */
async function inBatches<T>(items: T[], fn: (batch: T[]) => Promise<void>): Promise<void> {
	const batches: T[][] = [];
	for (let i = 0; i < items.length; i += BATCH) {
		batches.push(items.slice(i, i + BATCH));
	}
	for (let i = 0; i < batches.length; i += PARALLEL) {
		await Promise.all(batches.slice(i, i + PARALLEL).map(fn));
	}
}

/**
 * Every member of the members group, a batch at a time, with their join time (= when they were verified). The group is
 * read in large pages and handed out in small batches: PostgreSQL sorts the whole group again for each page read, so
 * 1,000-member pages of 50,000 members cost fifty sorts instead of one.
 */
async function eachMemberBatch(fn: (batch: { uid: number; joinedAt: number }[]) => Promise<void>): Promise<void> {
	const group = await membersGroup();
	for (let start = 0; ; start += READ_PAGE) {
		const page = await nodebb.groupMembersWithJoinTimes(group, start, start + READ_PAGE - 1);
		await inBatches(page, fn);
		if (page.length < READ_PAGE) {
			return;
		}
	}
}

async function participationPart(now: number, withTop: boolean): Promise<{ part: Snapshot['participation']; top: Snapshot['top'] }> {
	let active30 = 0;
	let active90 = 0;
	let members = 0;
	const cohortRows: { joinedAt: number; returnedAt: number }[] = [];
	const counts: { uid: number; answered: number; accepted: number }[] = [];
	await eachMemberBatch(async (batch) => {
		const uids = batch.map(b => b.uid);
		const [seen, back, qaCounts] = await Promise.all([
			nodebb.lastOnline(uids), store.returnTimes(uids),
			withTop ? qa.answerCounts(uids) : Promise.resolve([]),
		]);
		members += batch.length;
		batch.forEach((b, i) => {
			const last = seen[i] ?? 0;
			active30 += last >= now - 30 * DAY ? 1 : 0;
			active90 += last >= now - 90 * DAY ? 1 : 0;
			cohortRows.push({ joinedAt: b.joinedAt, returnedAt: back[i] ?? 0 });
			const c = qaCounts[i];
			if (c && (c.answered || c.accepted)) {
				counts.push({ uid: b.uid, answered: c.answered, accepted: c.accepted });
			}
		});
	});
	const meta = await membershipStore.getMeta();
	const fps = meta.version ? await membershipStore.fingerprints(meta.version) : null;
	const rosterActive = fps ? [...fps.values()].filter(f => f.startsWith('1')).length : 0;
	counts.sort((a, b) => b.accepted - a.accepted || b.answered - a.answered || a.uid - b.uid);
	return {
		part: { rosterActive, active30, active90, cohort: cohort(cohortRows, now), members },
		top: withTop ? counts.slice(0, TOP) : null,
	};
}

async function competencesPart(): Promise<Snapshot['competences']> {
	const db = nodebb.db();
	const group = await membersGroup();
	const t = await taxonomy.get();
	const domainOf = new Map(t.competences.map(c => [c.key, c.domain]));
	const profiles: Map<string, string>[] = [];
	const experienced: Record<string, number> = {};
	const holders: Record<string, number> = {};
	// every profile's uid in one read (see eachMemberBatch), then the profiles a batch at a time
	const all: number[] = [];
	for (let start = 0; ; start += READ_PAGE) {
		const page = (await db.getSortedSetRange(competenceStore.K.profiles, start, start + READ_PAGE - 1)).map(Number);
		all.push(...page);
		if (page.length < READ_PAGE) {
			break;
		}
	}
	await inBatches(all, async (uids) => {
		const inGroup = await nodebb.groups().isMembers(uids, group);
		const members = uids.filter((_, i) => inGroup[i]);
		for (const p of await competenceStore.getProfiles(members)) {
			if (!p.competences.length) {
				continue;
			}
			const m = new Map<string, string>();
			for (const c of p.competences) {
				m.set(c.key, c.level);
				holders[c.key] = (holders[c.key] ?? 0) + 1;
				if (c.level === 'experienced' || c.level === 'expert') {
					experienced[c.key] = (experienced[c.key] ?? 0) + 1;
				}
			}
			profiles.push(m);
		}
	});
	const members = await nodebb.groups().getGroupData(group);
	return {
		members: asCount(members?.memberCount),
		withProfile: profiles.length,
		domains: domainLevels(profiles, k => domainOf.get(k), t.domains.filter(d => !d.retired).map(d => d.key)),
		experienced,
		holders,
	};
}

/**
 * The figures of every scope. A question's first reply and acceptance are the same in each of its scopes (Q&A writes
 * them to all at once), so they are read once, from the "all" scope; each category and competence adds only the
 * questions it holds (one set each, read whole in one go) instead of three.
 */
async function qaPart(now: number, experienced: Record<string, number>): Promise<Record<Period, PeriodSnapshot>> {
	const s = await settings.get();
	const t = await taxonomy.get();
	const [created, firstReply, accepted] = await Promise.all([
		qa.statScores('all', 'questions'), qa.statScores('all', 'firstReply'), qa.statScores('all', 'accepted'),
	]);
	const figures = (questions: Map<string, number>): Record<Period, QaFigures> =>
		Object.fromEntries(PERIODS.map(p => [p, qaFigures(questions, firstReply, accepted, periodRange(p, now))])) as Record<Period, QaFigures>;
	const scopeFigures = async (scope: string): Promise<Record<Period, QaFigures>> => figures(await qa.statScores(scope, 'questions'));
	const all = figures(created);
	const cats = await Promise.all(s.platformCids.map(async cid => ({ cid, f: await scopeFigures(`cid:${String(cid)}`) })));
	const comps: { key: string; f: Record<Period, QaFigures> }[] = [];
	const keys = t.competences.map(c => c.key);
	for (let i = 0; i < keys.length; i += 10) {
		comps.push(...await Promise.all(keys.slice(i, i + 10).map(async key => ({ key, f: await scopeFigures(`c:${key}`) }))));
	}
	const out = {} as Record<Period, PeriodSnapshot>;
	for (const p of PERIODS) {
		const competences = comps.filter(c => c.f[p].questions > 0).map(c => ({ key: c.key, ...c.f[p] }))
			.sort((a, b) => b.questions - a.questions || a.key.localeCompare(b.key));
		out[p] = {
			all: all[p],
			categories: cats.map(c => ({ cid: c.cid, ...c.f[p] })),
			competences,
			gaps: competenceGaps(new Map(competences.map(c => [c.key, c.questions])), new Map(Object.entries(experienced))),
		};
	}
	return out;
}

/** Computes every joined figure and stores the snapshot. Returns null when another run holds the lock. */
export async function snapshot(now = Date.now(), timings?: Record<string, number>): Promise<Snapshot | null> {
	if (!await store.lock()) {
		return null;
	}
	const started = Date.now();
	// where the job's time goes (the bench asks for it)
	const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
		const t0 = Date.now();
		const out = await fn();
		if (timings) {
			timings[name] = Date.now() - t0;
		}
		return out;
	};
	try {
		const s = await settings.get();
		const { part, top } = await timed('participation', () => participationPart(now, s.insightTopContributors));
		const comp = await timed('competences', () => competencesPart());
		const periods = await timed('qa', () => qaPart(now, comp.experienced));
		const data: Snapshot = { participation: part, competences: comp, periods, top };
		await store.writeSnapshot(data, now, Date.now() - started);
		return data;
	} finally {
		await store.unlock();
	}
}

/**
 * The explicit recount: members whose last visit (NodeBB keeps only the latest) lies in their three months are
 * recorded as come back, for the time before Insight recorded returns as they happen; then a new snapshot.
 */
export async function recount(now = Date.now()): Promise<Snapshot | null> {
	await eachMemberBatch(async (batch) => {
		const uids = batch.map(b => b.uid);
		const [seen, back] = await Promise.all([nodebb.lastOnline(uids), store.returnTimes(uids)]);
		await store.recordReturns(batch.map((b, i) => ({ uid: b.uid, joinedAt: b.joinedAt, at: seen[i] ?? 0, known: (back[i] ?? 0) > 0 }))
			.filter(r => !r.known && cameBack(r.joinedAt, r.at)));
	});
	return snapshot(now);
}

/** `action:user.online` (at most every 5 minutes per account): a member seen back after their verification is recorded once. */
export async function noteOnline(uid: number, at: number): Promise<void> {
	if (!(uid > 0) || await store.hasReturned(uid)) {
		return;
	}
	const joinedAt = await nodebb.groupJoinTime(await membersGroup(), uid);
	if (joinedAt && cameBack(joinedAt, at)) {
		await store.recordReturn(uid, at);
	}
}

export async function startJobs(): Promise<void> {
	await nodebb.addJob({
		name: 'lvl:insight',
		cronTime: '0 7 * * * *',
		onTick: async () => {
			await snapshot();
		},
	});
}

/* ---------- the dashboard ---------- */

export interface Dashboard {
	period: Period;
	generatedAt: number;
	snapshotAt: number;
	snapshotTook: number;
	participation: {
		rosterEntries: number; rosterActive: number; registered: number; verified: number; verifiedShare: number | null;
		active30: number; active90: number; newThisMonth: number; cohort: Cohort;
	};
	competences: {
		withProfile: number; withProfileShare: number | null;
		domains: (DomainRow & { label: string })[];
		gaps: (Gap & { label: string; domain: string })[];
		emptyDomains: { key: string; label: string }[];
	};
	qa: {
		months: { key: string; questions: number; offers: number; wanted: number }[];
		figures: QaFigures;
		backlog: { bucket: BacklogBucket; count: number }[];
		categories: ({ cid: number; name: string } & QaFigures)[];
		competences: ({ key: string; label: string; domain: string; experienced: number } & QaFigures)[];
		/** "me too": questions members have too, and how many times members said so (now, not per period) */
		demand: { questions: number; members: number };
	};
	engagement: engagement.EngagementFigures;
	top: { uid: number; username: string; answered: number; accepted: number }[] | null;
}

async function live(now: number): Promise<{ registered: number; verified: number; newThisMonth: number; rosterEntries: number; months: Dashboard['qa']['months']; backlog: Dashboard['qa']['backlog'] }> {
	const group = await membersGroup();
	const months = lastMonths(now, 12);
	const [registered, groupData, newThisMonth, meta, monthRows, backlog] = await Promise.all([
		nodebb.userCount(),
		nodebb.groups().getGroupData(group),
		nodebb.groupJoinsBetween(group, monthStart(now), '+inf'),
		membershipStore.getMeta(),
		Promise.all(months.map(async m => ({
			key: m.key,
			questions: await qa.countCreated('questions', m.from, m.to - 1),
			offers: await qa.countCreated('offer', m.from, m.to - 1),
			wanted: await qa.countCreated('wanted', m.from, m.to - 1),
		}))),
		Promise.all(backlogRanges(now).map(async r => ({ bucket: r.bucket, count: await qa.countUnanswered(r.min, r.max) }))),
	]);
	return { registered, verified: asCount(groupData?.memberCount), newThisMonth, rosterEntries: meta.count, months: monthRows, backlog };
}

/** Everything the "Inzicht" page shows for a period, labels in `lang`. A first visit without a snapshot computes one. */
export async function dashboard(period: Period, lang: string, now = Date.now()): Promise<Dashboard> {
	let snap = await store.readSnapshot<Snapshot>();
	if (!snap) {
		await snapshot(now);
		snap = await store.readSnapshot<Snapshot>();
	}
	const data = snap?.data;
	const s = await settings.get();
	const [l, t, eng, wanted] = await Promise.all([live(now), taxonomy.get(), engagement.figures(lang), qa.demandFigures()]);
	const p = data?.periods[period];
	const comp = data?.competences;
	const domainLabel = new Map(t.domains.map(d => [d.key, label(d, lang)]));
	const competence = new Map(t.competences.map(c => [c.key, c]));
	const cats = p?.categories.length ? await nodebb.categories().getCategoriesFields(p.categories.map(c => c.cid), ['cid', 'name']) : [];
	// NodeBB hands category names out HTML-escaped: back to text, escaped once where they are shown
	const catName = new Map(cats.map(c => [asCount(c.cid), plain(asString(c.name))]));
	const top = s.insightTopContributors && data?.top
		? await nodebb.user().getUsersFields(data.top.map(x => x.uid), ['uid', 'username']).then(users => (data.top ?? []).map((x, i) => ({ ...x, username: plain(asString(users[i]?.username)) })))
		: null;
	const domains = (comp?.domains ?? []).map(d => ({ ...d, label: domainLabel.get(d.domain) ?? d.domain }));
	const empty = emptyFigures();
	return {
		period,
		generatedAt: now,
		snapshotAt: snap?.at ?? 0,
		snapshotTook: snap?.took ?? 0,
		participation: {
			rosterEntries: l.rosterEntries,
			rosterActive: data?.participation.rosterActive ?? 0,
			registered: l.registered,
			verified: l.verified,
			verifiedShare: share(l.verified, data?.participation.rosterActive ?? 0),
			active30: data?.participation.active30 ?? 0,
			active90: data?.participation.active90 ?? 0,
			newThisMonth: l.newThisMonth,
			cohort: data?.participation.cohort ?? cohort([], now),
		},
		competences: {
			withProfile: comp?.withProfile ?? 0,
			withProfileShare: share(comp?.withProfile ?? 0, comp?.members ?? 0),
			domains,
			gaps: (p?.gaps ?? []).map(g => {
				const c = competence.get(g.key);
				return { ...g, label: c ? label(c, lang) : g.key, domain: c ? domainLabel.get(c.domain) ?? c.domain : '' };
			}),
			emptyDomains: domains.filter(d => d.members === 0).map(d => ({ key: d.domain, label: d.label })),
		},
		qa: {
			months: l.months,
			figures: p?.all ?? empty,
			backlog: l.backlog,
			categories: (p?.categories ?? []).map(c => ({ ...c, name: catName.get(c.cid) ?? `#${String(c.cid)}` })),
			competences: (p?.competences ?? []).map((c) => {
				const entry = competence.get(c.key);
				return { ...c, label: entry ? label(entry, lang) : c.key, domain: entry ? domainLabel.get(entry.domain) ?? entry.domain : '', experienced: comp?.experienced[c.key] ?? 0 };
			}),
			demand: wanted,
		},
		engagement: eng,
		top,
	};
}

function emptyFigures(): QaFigures {
	return { questions: 0, answered: 0, answerRate: null, solved: 0, medianFirstReplyMs: null, medianAcceptedMs: null };
}

/* ---------- the community pulse ---------- */

export interface Pulse {
	questions: number;
	answered: number;
	answerRate: number | null;
	medianFirstReplyMs: number | null;
	/** open questions in the reader's own competences that they have not answered (the "for you" list) */
	forYou: number;
}

let monthMemo: { at: number; month: number; value: Omit<Pulse, 'forYou'> } | null = null;

/** This month's questions, the share answered and the median first reply (kept a minute per process: it is the same for everyone). */
async function monthPulse(now: number): Promise<Omit<Pulse, 'forYou'>> {
	const month = monthStart(now);
	if (monthMemo && monthMemo.month === month && now - monthMemo.at < 60000) {
		return monthMemo.value;
	}
	const tids = await qa.questionsCreated(month, '+inf');
	const replies = (await qa.firstReplyDelays(tids)).filter((x): x is number => x !== null);
	const value = { questions: tids.length, answered: replies.length, answerRate: share(replies.length, tids.length), medianFirstReplyMs: qa.median(replies) };
	monthMemo = { at: now, month, value };
	return value;
}

export async function pulse(uid: number, now = Date.now()): Promise<Pulse> {
	const [month, forYou] = await Promise.all([monthPulse(now), qa.listPage('for-you', uid, 1)]);
	return { ...month, forYou: forYou.total };
}

/** Forget the memo (tests, and after a recount). */
export function resetPulse(): void {
	monthMemo = null;
}
