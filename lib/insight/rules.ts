/**
 * Insight rules, pure: periods and months, figures of a period from the Q&A's durations, the backlog's age buckets,
 * the "came back within three months" cohort, competence gaps and CSV. No NodeBB here.
 */
import { csvCell, median } from '../kernel/text';

export const DAY = 24 * 60 * 60 * 1000;

/** The period selector: this and last calendar month, rolling 90 and 365 days, everything. */
export const PERIODS = ['month', 'last-month', '90d', '365d', 'all'] as const;
export type Period = typeof PERIODS[number];
export const DEFAULT_PERIOD: Period = '90d';

export function readPeriod(raw: unknown): Period {
	return (PERIODS as readonly unknown[]).includes(raw) ? raw as Period : DEFAULT_PERIOD;
}

/** The first millisecond of the month `offset` months from the one holding `now` (server time). */
export function monthStart(now: number, offset = 0): number {
	const d = new Date(now);
	return new Date(d.getFullYear(), d.getMonth() + offset, 1).getTime();
}

/** `YYYY-MM` of a time (server time). */
export function monthKey(at: number): string {
	const d = new Date(at);
	return `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** A period as a half-open range of creation times [from, to). */
export function periodRange(period: Period, now: number): { from: number; to: number } {
	switch (period) {
		case 'month': return { from: monthStart(now), to: Infinity };
		case 'last-month': return { from: monthStart(now, -1), to: monthStart(now) };
		case '90d': return { from: now - 90 * DAY, to: Infinity };
		case '365d': return { from: now - 365 * DAY, to: Infinity };
		default: return { from: 0, to: Infinity };
	}
}

/** The last `n` calendar months, oldest first, each as [from, to) with its key: the charts' x axis. */
export function lastMonths(now: number, n: number): { key: string; from: number; to: number }[] {
	return Array.from({ length: n }, (_, i) => {
		const from = monthStart(now, i - n + 1);
		return { key: monthKey(from), from, to: monthStart(now, i - n + 2) };
	});
}

/* ---------- Q&A figures of a period ---------- */

export interface QaFigures {
	questions: number;
	answered: number;
	/** answered / questions, 0..1; null without questions */
	answerRate: number | null;
	solved: number;
	medianFirstReplyMs: number | null;
	medianAcceptedMs: number | null;
}

/**
 * The figures of the questions created in [from, to): how many, how many got a reply or an accepted answer, and
 * the medians of those durations. `created` is tid → creation time; the durations are tid → ms.
 */
export function qaFigures(created: Map<string, number>, firstReply: Map<string, number>, accepted: Map<string, number>, range: { from: number; to: number }): QaFigures {
	const replies: number[] = [];
	const accepts: number[] = [];
	let questions = 0;
	for (const [tid, at] of created) {
		if (at < range.from || at >= range.to) {
			continue;
		}
		questions += 1;
		const r = firstReply.get(tid);
		if (r !== undefined) {
			replies.push(r);
		}
		const a = accepted.get(tid);
		if (a !== undefined) {
			accepts.push(a);
		}
	}
	return {
		questions,
		answered: replies.length,
		answerRate: questions ? replies.length / questions : null,
		solved: accepts.length,
		medianFirstReplyMs: median(replies),
		medianAcceptedMs: median(accepts),
	};
}

/* ---------- the backlog of unanswered questions ---------- */

/** Age buckets of the unanswered questions: under 2 days, 2–7 days, 1–4 weeks, 1–3 months, older. */
export const BACKLOG_BUCKETS = ['lt2d', '2to7d', '1to4w', '1to3m', 'gt3m'] as const;
export type BacklogBucket = typeof BACKLOG_BUCKETS[number];
const BUCKET_EDGES_DAYS = [0, 2, 7, 28, 91];

/** Each bucket as a range of creation times [min, max] for a sorted-set count (newest bucket first). */
export function backlogRanges(now: number): { bucket: BacklogBucket; min: number | '-inf'; max: number | '+inf' }[] {
	return BACKLOG_BUCKETS.map((bucket, i) => {
		const youngest = BUCKET_EDGES_DAYS[i] ?? 0;
		const oldest = BUCKET_EDGES_DAYS[i + 1];
		return {
			bucket,
			// created after now − oldest (exclusive of the boundary, which belongs to the older bucket)
			min: oldest === undefined ? '-inf' as const : now - oldest * DAY + 1,
			max: i === 0 ? '+inf' as const : now - youngest * DAY,
		};
	});
}

/* ---------- "came back within three months of verification" ---------- */

export const RETURN_WINDOW = 90 * DAY;
/** A visit counts as coming back when it is at least this long after the verification (the verification itself is a visit). */
export const RETURN_AFTER = DAY;

/** Did a member, verified at `joinedAt` and last seen at `lastSeen`, come back within the window (as far as that tells)? */
export function cameBack(joinedAt: number, lastSeen: number): boolean {
	return lastSeen >= joinedAt + RETURN_AFTER && lastSeen <= joinedAt + RETURN_WINDOW;
}

export interface Cohort {
	/** members whose three months have passed */
	eligible: number;
	/** of those, who came back within them */
	returned: number;
	share: number | null;
	/** members still inside their three months, and how many of them came back already */
	pending: number;
	pendingReturned: number;
}

/** The cohort figure from each member's verification time and the time they were first seen back (0 = never). */
export function cohort(members: { joinedAt: number; returnedAt: number }[], now: number): Cohort {
	const out: Cohort = { eligible: 0, returned: 0, share: null, pending: 0, pendingReturned: 0 };
	for (const m of members) {
		const back = m.returnedAt > 0 && m.returnedAt <= m.joinedAt + RETURN_WINDOW;
		if (m.joinedAt + RETURN_WINDOW <= now) {
			out.eligible += 1;
			out.returned += back ? 1 : 0;
		} else {
			out.pending += 1;
			out.pendingReturned += back ? 1 : 0;
		}
	}
	out.share = out.eligible ? out.returned / out.eligible : null;
	return out;
}

/* ---------- competences ---------- */

/** Levels as the directory numbers them (1 basic, 2 experienced, 3 expert). */
export const LEVEL_NAMES = ['basic', 'experienced', 'expert'] as const;

export interface DomainRow {
	domain: string;
	basic: number;
	experienced: number;
	expert: number;
	/** distinct members with any competence of the domain */
	members: number;
}

/**
 * Members per domain and level: each member counts once per domain, at their highest level in it.
 * Each profile maps a competence key to its level name; `domainOf` maps a competence to its domain.
 */
export function domainLevels(profiles: Map<string, string>[], domainOf: (key: string) => string | undefined, domains: string[]): DomainRow[] {
	const rows = new Map(domains.map(d => [d, { domain: d, basic: 0, experienced: 0, expert: 0, members: 0 }]));
	for (const p of profiles) {
		const best = new Map<string, number>();
		for (const [key, level] of p) {
			const d = domainOf(key);
			const n = LEVEL_NAMES.indexOf(level as typeof LEVEL_NAMES[number]) + 1;
			if (d && n > (best.get(d) ?? 0)) {
				best.set(d, n);
			}
		}
		for (const [d, n] of best) {
			const row = rows.get(d);
			if (row) {
				row.members += 1;
				row[LEVEL_NAMES[n - 1] ?? 'basic'] += 1;
			}
		}
	}
	return [...rows.values()];
}

export interface Gap {
	key: string;
	questions: number;
	/** members at experienced or expert level */
	experienced: number;
}

/** Competences asked about (questions > 0) with fewer than `min` members at experienced or expert level. */
export function competenceGaps(asked: Map<string, number>, experienced: Map<string, number>, min = 2): Gap[] {
	return [...asked].filter(([, q]) => q > 0)
		.map(([key, questions]) => ({ key, questions, experienced: experienced.get(key) ?? 0 }))
		.filter(g => g.experienced < min)
		.sort((a, b) => b.questions - a.questions || a.experienced - b.experienced || a.key.localeCompare(b.key));
}

/* ---------- shares and CSV ---------- */

export function share(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

/** A percentage for display and CSV ('' when there is nothing to divide by). */
export function percent(ratio: number | null): string {
	return ratio === null ? '' : String(Math.round(ratio * 1000) / 10);
}

/** Hours with one decimal, for CSV ('' when there is no median). */
export function hours(ms: number | null): string {
	return ms === null ? '' : String(Math.round(ms / 360000) / 10);
}

export type Cell = string | number | null;

/**
 * CSV as Belgian spreadsheets open it: `;` between cells, CRLF, a BOM so accents survive. Text starting with
 * = + - @ (a formula when opened) is prefixed with an apostrophe; numbers stay numbers.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
	const cell = (v: Cell): string => {
		if (v === null) {
			return '';
		}
		if (typeof v === 'number') {
			return Number.isFinite(v) ? String(v) : '';
		}
		return csvCell(v, ';');
	};
	return `\ufeff${[header, ...rows].map(r => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
