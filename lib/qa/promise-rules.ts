/**
 * The promise ("every member's question gets a member's answer within 48 hours"), as pure decisions: who may be
 * routed to (capacity, holiday), when a question moves on (claims, rounds, the coordinator, the moderators), quiet
 * hours, and the line that tells the asker where the question stands. No NodeBB here.
 */

const MINUTE = 60 * 1000;

/* ---------- availability: capacity and holiday ---------- */

export interface MemberPromisePrefs {
	/** the member's own capacity (0 = the forum's default); never above the forum's */
	capacity: number;
	/** holiday: not routed to before this time (0 = not away) */
	awayUntil: number;
	/** quiet hours as minutes of the day; equal values = no quiet hours */
	quietFrom: number;
	quietTo: number;
}

export const DEFAULT_QUIET = { from: 21 * 60, to: 8 * 60 } as const;

/** "HH:MM" → minutes of the day, or null. */
export function parseClock(v: unknown): number | null {
	const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(typeof v === 'string' ? v.trim() : '');
	return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function clock(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A stored preference hash (strings on Redis, JSON types on PostgreSQL) as prefs. */
export function readPrefs(h: Record<string, unknown> | null | undefined): MemberPromisePrefs {
	const r = h ?? {};
	const n = (v: unknown): number => {
		const x = typeof v === 'number' ? v : parseInt(typeof v === 'string' ? v : '', 10);
		return Number.isFinite(x) && x > 0 ? Math.trunc(x) : 0;
	};
	return {
		capacity: n(r.capacity),
		awayUntil: n(r.awayUntil),
		quietFrom: parseClock(r.quietFrom) ?? DEFAULT_QUIET.from,
		quietTo: parseClock(r.quietTo) ?? DEFAULT_QUIET.to,
	};
}

/** The capacity that applies: the member's own if lower than the forum's. */
export function capacityOf(p: MemberPromisePrefs, forumCapacity: number): number {
	return p.capacity > 0 ? Math.min(p.capacity, forumCapacity) : forumCapacity;
}

export interface Availability {
	away: boolean;
	full: boolean;
	load: number;
	capacity: number;
}

/** Whether a member can take another question now: not on holiday, open claims + open direct requests below capacity. */
export function availability(p: MemberPromisePrefs, load: number, forumCapacity: number, now: number): Availability {
	const capacity = capacityOf(p, forumCapacity);
	return { away: p.awayUntil > now, full: load >= capacity, load, capacity };
}

export const routable = (a: Availability): boolean => !a.away && !a.full;

/**
 * How many members a round asks. The one place where a question's demand ("me too", h6's count) raises it in
 * routing: each member who has the same question adds one more member to the round, at most doubling it.
 */
export function roundSize(base: number, demand: number): number {
	return base + Math.min(Math.max(0, Math.trunc(demand)), base);
}

/* ---------- quiet hours ---------- */

/** Minutes of the day and seconds at `now` in a time zone. */
export function localClock(now: number, timeZone: string): { minutes: number; seconds: number } {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(now));
	const get = (type: string): number => Number(parts.find(p => p.type === type)?.value ?? 0);
	return { minutes: get('hour') * 60 + get('minute'), seconds: get('second') };
}

export function isTimeZone(tz: string): boolean {
	try {
		new Intl.DateTimeFormat('en-GB', { timeZone: tz }).format(0);
		return tz.length > 0;
	} catch {
		return false;
	}
}

/**
 * When a member's quiet hours end, if `now` is within them (else null). From 21:00 to 08:00 wraps midnight; equal
 * ends mean no quiet hours. Rounded to the minute; the drain checks again, so a change of daylight-saving time
 * only delays a delivery until the next run.
 */
export function quietUntil(now: number, from: number, to: number, timeZone: string): number | null {
	if (from === to) {
		return null;
	}
	const { minutes, seconds } = localClock(now, timeZone);
	const inside = from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
	if (!inside) {
		return null;
	}
	const left = (to - minutes + 24 * 60) % (24 * 60);
	return now - seconds * 1000 - (now % 1000) + left * MINUTE;
}

/* ---------- the cascade ---------- */

export interface PromiseState {
	/** rounds of routing done (the posting's is the first) */
	round: number;
	/** when the last round went out */
	roundAt: number;
	claimBy: number;
	claimAt: number;
	/** the claim's end without a reply (0 = no claim) */
	claimUntil: number;
	/** the first claim ever (Insight's time to first claim) */
	firstClaimAt: number;
	coordinatorAt: number;
	assignedTo: number;
	assignedBy: number;
	assignedAt: number;
	moderatorsAt: number;
}

export function readState(h: Record<string, unknown> | null | undefined): PromiseState {
	const r = h ?? {};
	const n = (k: keyof PromiseState): number => {
		const v = r[k];
		const x = typeof v === 'number' ? v : parseInt(typeof v === 'string' ? v : '', 10);
		return Number.isFinite(x) && x > 0 ? Math.trunc(x) : 0;
	};
	return {
		round: n('round'), roundAt: n('roundAt'), claimBy: n('claimBy'), claimAt: n('claimAt'), claimUntil: n('claimUntil'),
		firstClaimAt: n('firstClaimAt'), coordinatorAt: n('coordinatorAt'), assignedTo: n('assignedTo'), assignedBy: n('assignedBy'),
		assignedAt: n('assignedAt'), moderatorsAt: n('moderatorsAt'),
	};
}

export const activeClaim = (s: PromiseState, now: number): boolean => s.claimBy > 0 && s.claimUntil > now;

export interface CascadeFacts {
	open: boolean;
	answered: boolean;
	timestamp: number;
	/** members the question was sent to so far */
	routed: number;
	/** members of those who declined */
	declined: number;
	state: PromiseState;
}

export interface CascadeTimes {
	roundMs: number;
	rounds: number;
	moderatorsMs: number;
}

export type CascadeAction = 'none' | 'expire-claim' | 'next-round' | 'coordinator' | 'moderators';

export interface CascadeStep {
	action: CascadeAction;
	/** when to look again (null: the reply/accept reminder logic or nothing) */
	next: number | null;
}

/**
 * What the job does with an open, unanswered question at `now`. A claim holds the cascade until it expires; without
 * one, a round that went unclaimed (or that everybody declined) passes the question to the next members, and after
 * the last round, or when nobody could be asked at all, to the coordinators, at once. The moderators' step after
 * `moderatorsMs` stays.
 */
export function cascadeStep(f: CascadeFacts, now: number, t: CascadeTimes): CascadeStep {
	if (!f.open || f.answered) {
		return { action: 'none', next: null };
	}
	const s = f.state;
	if (s.claimBy > 0) {
		return s.claimUntil > now ? { action: 'none', next: s.claimUntil } : { action: 'expire-claim', next: now };
	}
	const moderatorsDue = f.timestamp + t.moderatorsMs;
	if (!s.moderatorsAt && now >= moderatorsDue) {
		return { action: 'moderators', next: now };
	}
	const later = (at: number): CascadeStep => ({ action: 'none', next: s.moderatorsAt ? at : Math.min(at, moderatorsDue) });
	const roundOver = now >= s.roundAt + t.roundMs || (f.routed > 0 && f.declined >= f.routed);
	// a member a coordinator chose who did not take it up within a round: back to the coordinators
	const assignedPending = s.coordinatorAt > 0 && s.assignedTo > 0;
	if ((!s.coordinatorAt && (f.routed === 0 || (s.round >= t.rounds && roundOver))) || (assignedPending && roundOver)) {
		return { action: 'coordinator', next: now + t.roundMs };
	}
	if (s.coordinatorAt && !assignedPending) {
		// with the coordinators: they assign a member; the moderators' step remains
		return { action: 'none', next: s.moderatorsAt ? null : moderatorsDue };
	}
	if (roundOver && s.round < t.rounds) {
		return { action: 'next-round', next: now + t.roundMs };
	}
	return later(Math.max(now + 1, s.roundAt + t.roundMs));
}

/** Why a member cannot claim a question (a translation token), or null. */
export function claimProblem(f: { uid: number; asker: number; open: boolean; answered: boolean; routedToThem: boolean; state: PromiseState; available: Availability; now: number }): string | null {
	if (!f.open) {
		return '[[lvl-promise:error.question-closed]]';
	}
	if (f.uid === f.asker) {
		return '[[lvl-promise:error.own-question]]';
	}
	if (!f.routedToThem) {
		return '[[lvl-promise:error.not-routed]]';
	}
	if (activeClaim(f.state, f.now)) {
		return f.state.claimBy === f.uid ? '[[lvl-promise:error.already-yours]]' : '[[lvl-promise:error.claimed]]';
	}
	if (f.available.full) {
		return `[[lvl-promise:error.full, ${String(f.available.capacity)}]]`;
	}
	return null;
}

/* ---------- the asker's status line ---------- */

export type StandingKey = 'waiting' | 'sent' | 'passed' | 'claimed' | 'coordinator' | 'assigned' | 'answered' | 'solved' | 'closed';

export interface Standing {
	key: StandingKey;
	/** translation arguments (already safe as token arguments) */
	args: string[];
}

/**
 * Where a question stands, for its header: solved, answered, claimed by X, assigned to X by a coordinator, with the
 * coordinators, passed on, sent to N members, or still waiting for a first round.
 */
export function standing(f: { status: string; answered: boolean; routed: number; state: PromiseState; claimName: string; assignedName: string; now: number }): Standing {
	const s = f.state;
	if (f.status === 'solved') {
		return { key: 'solved', args: [] };
	}
	if (f.status && f.status !== 'open') {
		return { key: 'closed', args: [] };
	}
	if (f.answered) {
		return { key: 'answered', args: [] };
	}
	if (activeClaim(s, f.now)) {
		return { key: 'claimed', args: [f.claimName] };
	}
	if (s.assignedTo) {
		return { key: 'assigned', args: [f.assignedName] };
	}
	if (s.coordinatorAt) {
		return { key: 'coordinator', args: [] };
	}
	if (s.round > 1) {
		return { key: 'passed', args: [String(f.routed)] };
	}
	if (f.routed > 0) {
		return { key: 'sent', args: [String(f.routed)] };
	}
	return { key: 'waiting', args: [] };
}

/** A user's name as NodeBB shows it (it computes `displayname` only when the username is read with it). */
export function displayName(u: Record<string, unknown> | null | undefined): string {
	const pick = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
	return pick(u?.displayname) || pick(u?.username);
}

/* ---------- coordinators per category ---------- */

/** "12=Helpdesk Gent" lines (or ';'-separated) → cid → group name. */
export function parseCoordinatorGroups(text: string): Map<number, string> {
	const out = new Map<number, string>();
	for (const line of text.split(/[\n;]/)) {
		const m = /^\s*(\d+)\s*=\s*(.+?)\s*$/.exec(line);
		if (m?.[1] && m[2]) {
			out.set(Number(m[1]), m[2].slice(0, 100));
		}
	}
	return out;
}
