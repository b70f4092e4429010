/**
 * Settings: declared once, with defaults, normalised on every read.
 *
 * Stored in NodeBB's `settings:lvl` hash (edited on the ACP page through NodeBB's settings module). Read on demand
 * through `meta.settings.get`, which NodeBB caches and invalidates itself, so a change applies without a restart.
 */
import * as nodebb from './nodebb';
import { DEFAULT_LADDER, parseLadder } from './engagement/rules';
import { isTimeZone } from './qa/promise-rules';

export const NS = 'lvl';
export const PLUGIN_ID = 'nodebb-plugin-leden-voor-leden';

export type VerificationMode = 'account-first' | 'refuse';

/**
 * How much of a member other members see in the directory: not listed at all (still asked by routing), the name and
 * the domains of their competences only, the profile, or the profile with the ways of contact the member chose.
 */
export const DIRECTORY_TIERS = ['hidden', 'names', 'profile', 'contact'] as const;
export type DirectoryTier = typeof DIRECTORY_TIERS[number];

export interface Settings {
	/** The group whose members are verified members of the association: the unit of access. */
	membersGroup: string;
	/** The platform's categories: members-only, privileges granted to `membersGroup` only. */
	platformCids: number[];
	/** Groups whose members need no roster verification (administrators never do). */
	exemptGroups: string[];
	/** Whether an unverified person gets an account that sees nothing, or is refused before one exists. */
	verificationMode: VerificationMode;
	/** Days a member keeps access after leaving the roster (0 = at once). */
	graceDays: number;
	/** Days an import preview that was never applied is kept before it is deleted with its file. */
	rosterPreviewDays: number;
	/** Days the roster keeps the entry of someone who left (from their end date, or when the platform saw it); 0 = for good. */
	rosterRetentionDays: number;
	/** Verification attempts allowed per account and per IP address in an hour. */
	attemptsPerHour: number;
	/** Directory: the tier of a member who chose none. */
	directoryTier: DirectoryTier;
	/** Directory: every member has `directoryTier`, whatever they chose. */
	directoryTierLocked: boolean;
	/** Q&A: a question may have several accepted answers (default one). */
	qaSeveralAccepted: boolean;
	/** Q&A: members a new question is routed to. */
	qaRouteCount: number;
	/** Q&A: routed questions a member receives at most in 7 days. */
	qaWeeklyCap: number;
	/** Q&A: open direct requests ("ask this member") an asker may have at once. */
	qaDirectRequests: number;
	/** Q&A: days after which an offer or wanted post expires; the author is reminded some days before. */
	qaExpiryDays: number;
	qaExpiryReminderDays: number;
	/** Q&A: hours a round waits for a claim or a reply before the question goes to the next matching members. */
	qaEscalateHours: number;
	/** Q&A (the promise): rounds of routing before an unclaimed question goes to the coordinators. */
	qaRounds: number;
	/** Q&A (the promise): hours a claim holds without a reply. */
	qaClaimHours: number;
	/** Q&A (the promise): open claims + open direct requests a member carries at most (members may set less). */
	qaCapacity: number;
	/** Q&A (the promise): the forum's time zone for members' quiet hours (IANA name). */
	qaTimeZone: string;
	/** Q&A (the promise): the coordinators group ('' = the escalation group, else the moderators). */
	qaCoordinatorGroup: string;
	/** Q&A (the promise): coordinators per category, "cid=Group" lines (they win over qaCoordinatorGroup). */
	qaCoordinatorGroups: string;
	/** Q&A: days without a reply before a question goes to the moderators or the escalation group. */
	qaModeratorDays: number;
	/** Q&A: the group told about questions nobody answered ('' = the moderators of the question's category). */
	qaEscalationGroup: string;
	/** Q&A: days with replies but none accepted before the asker is reminded. */
	qaAcceptReminderDays: number;
	/** Insight: show a "top contributors" list (named members) on the dashboard; off = aggregates only. */
	insightTopContributors: boolean;
	/** Rules of engagement: a new charter version must be accepted at the next visit ('require'), or members are only told ('inform'). */
	charterAcceptance: 'require' | 'inform';
	/** Rules of engagement: days a warning stays active. */
	warningDays: number;
	/** Rules of engagement: the ladder, `count:action:days` steps (`2:queue:14, 3:mute:7`). */
	warningLadder: string;
	/** Rules of engagement: what the non-commercial guard does with a hit ('off' = nothing). */
	guardMode: 'flag' | 'queue' | 'off';
}

export const DEFAULTS: Readonly<Settings> = Object.freeze({
	membersGroup: 'Leden',
	platformCids: [],
	exemptGroups: [],
	verificationMode: 'account-first',
	graceDays: 30,
	rosterPreviewDays: 7,
	rosterRetentionDays: 365,
	attemptsPerHour: 5,
	directoryTier: 'profile',
	directoryTierLocked: false,
	qaSeveralAccepted: false,
	qaRouteCount: 5,
	qaWeeklyCap: 3,
	qaDirectRequests: 3,
	qaExpiryDays: 60,
	qaExpiryReminderDays: 5,
	qaEscalateHours: 24,
	qaRounds: 3,
	qaClaimHours: 24,
	qaCapacity: 3,
	qaTimeZone: 'Europe/Brussels',
	qaCoordinatorGroup: '',
	qaCoordinatorGroups: '',
	qaModeratorDays: 7,
	qaEscalationGroup: '',
	qaAcceptReminderDays: 7,
	insightTopContributors: false,
	charterAcceptance: 'require',
	warningDays: 180,
	warningLadder: DEFAULT_LADDER,
	guardMode: 'flag',
});

/** Integer settings: their bounds. */
const RANGES = {
	graceDays: [0, 365], rosterPreviewDays: [1, 90], rosterRetentionDays: [0, 3650], attemptsPerHour: [1, 100], qaRouteCount: [0, 50], qaWeeklyCap: [0, 50], qaDirectRequests: [1, 20],
	qaExpiryDays: [1, 730], qaExpiryReminderDays: [0, 60], qaEscalateHours: [1, 720], qaRounds: [1, 10], qaClaimHours: [1, 336], qaCapacity: [1, 20], qaModeratorDays: [1, 90], qaAcceptReminderDays: [1, 90],
	warningDays: [1, 3650],
} as const;

/** Group names NodeBB reserves: never usable as the members group. */
export const RESERVED_GROUPS = ['registered-users', 'verified-users', 'unverified-users', 'banned-users',
	'administrators', 'Global Moderators', 'guests', 'spiders', 'fediverse'];

/** NodeBB's reserved groups and its privilege groups (`cid:<cid>:privileges:…`). */
export function isReservedGroup(name: string): boolean {
	return RESERVED_GROUPS.includes(name) || name.startsWith('cid:');
}

export function list(raw: unknown): string[] {
	if (Array.isArray(raw)) {
		return raw.map(v => String(v).trim()).filter(Boolean);
	}
	if (typeof raw === 'string' && raw.trim()) {
		const text = raw.trim();
		if (text.startsWith('[')) {
			try {
				const parsed: unknown = JSON.parse(text);
				return list(Array.isArray(parsed) ? parsed : []);
			} catch {
				return [];
			}
		}
		return text.split(',').map(v => v.trim()).filter(Boolean);
	}
	return [];
}

function int(raw: unknown, fallback: number, min: number, max: number): number {
	const n = typeof raw === 'number' ? raw : parseInt(typeof raw === 'string' ? raw : '', 10);
	if (!Number.isFinite(n)) {
		return fallback;
	}
	return Math.min(max, Math.max(min, Math.trunc(n)));
}

function text(raw: unknown, fallback: string, maxLength = 100): string {
	const value = typeof raw === 'string' ? raw.trim() : '';
	return value ? value.slice(0, maxLength) : fallback;
}

function flag(raw: unknown): boolean {
	return raw === true || raw === 'on' || raw === '1' || raw === 1 || raw === 'true';
}

/** A stored ladder that no longer parses falls back to the default (validate() keeps bad ones out). */
function ladderText(raw: unknown): string {
	if (raw === undefined || raw === null) {
		return DEFAULT_LADDER;
	}
	const value = typeof raw === 'string' ? raw.trim() : '';
	try {
		parseLadder(value);
		return value;
	} catch {
		return DEFAULT_LADDER;
	}
}

/** Pure: whatever is stored (strings on Redis, JSON types on PostgreSQL) becomes a complete, valid Settings. */
export function normalise(raw: Record<string, unknown> | null | undefined): Settings {
	const r = raw ?? {};
	const group = text(r.membersGroup, DEFAULTS.membersGroup);
	return {
		membersGroup: RESERVED_GROUPS.includes(group) ? DEFAULTS.membersGroup : group,
		platformCids: [...new Set(list(r.platformCids).map(v => parseInt(v, 10)).filter(n => Number.isInteger(n) && n > 0))],
		// NodeBB's own groups are never an exemption (`registered-users` would let every account in): dropped
		exemptGroups: [...new Set(list(r.exemptGroups))].filter(g => !isReservedGroup(g)),
		verificationMode: r.verificationMode === 'refuse' ? 'refuse' : 'account-first',
		graceDays: int(r.graceDays, DEFAULTS.graceDays, ...RANGES.graceDays),
		rosterPreviewDays: int(r.rosterPreviewDays, DEFAULTS.rosterPreviewDays, ...RANGES.rosterPreviewDays),
		rosterRetentionDays: int(r.rosterRetentionDays, DEFAULTS.rosterRetentionDays, ...RANGES.rosterRetentionDays),
		attemptsPerHour: int(r.attemptsPerHour, DEFAULTS.attemptsPerHour, ...RANGES.attemptsPerHour),
		directoryTier: (DIRECTORY_TIERS as readonly unknown[]).includes(r.directoryTier) ? r.directoryTier as DirectoryTier : DEFAULTS.directoryTier,
		directoryTierLocked: flag(r.directoryTierLocked),
		qaSeveralAccepted: r.qaSeveralAccepted === true || r.qaSeveralAccepted === 'on' || r.qaSeveralAccepted === '1' || r.qaSeveralAccepted === 1,
		qaRouteCount: int(r.qaRouteCount, DEFAULTS.qaRouteCount, ...RANGES.qaRouteCount),
		qaWeeklyCap: int(r.qaWeeklyCap, DEFAULTS.qaWeeklyCap, ...RANGES.qaWeeklyCap),
		qaDirectRequests: int(r.qaDirectRequests, DEFAULTS.qaDirectRequests, ...RANGES.qaDirectRequests),
		qaExpiryDays: int(r.qaExpiryDays, DEFAULTS.qaExpiryDays, ...RANGES.qaExpiryDays),
		qaExpiryReminderDays: int(r.qaExpiryReminderDays, DEFAULTS.qaExpiryReminderDays, ...RANGES.qaExpiryReminderDays),
		qaEscalateHours: int(r.qaEscalateHours, DEFAULTS.qaEscalateHours, ...RANGES.qaEscalateHours),
		qaRounds: int(r.qaRounds, DEFAULTS.qaRounds, ...RANGES.qaRounds),
		qaClaimHours: int(r.qaClaimHours, DEFAULTS.qaClaimHours, ...RANGES.qaClaimHours),
		qaCapacity: int(r.qaCapacity, DEFAULTS.qaCapacity, ...RANGES.qaCapacity),
		qaTimeZone: typeof r.qaTimeZone === 'string' && isTimeZone(r.qaTimeZone.trim()) ? r.qaTimeZone.trim() : DEFAULTS.qaTimeZone,
		qaCoordinatorGroup: typeof r.qaCoordinatorGroup === 'string' ? r.qaCoordinatorGroup.trim().slice(0, 100) : '',
		qaCoordinatorGroups: typeof r.qaCoordinatorGroups === 'string' ? r.qaCoordinatorGroups.trim().slice(0, 2000) : '',
		qaModeratorDays: int(r.qaModeratorDays, DEFAULTS.qaModeratorDays, ...RANGES.qaModeratorDays),
		qaEscalationGroup: typeof r.qaEscalationGroup === 'string' ? r.qaEscalationGroup.trim().slice(0, 100) : '',
		qaAcceptReminderDays: int(r.qaAcceptReminderDays, DEFAULTS.qaAcceptReminderDays, ...RANGES.qaAcceptReminderDays),
		insightTopContributors: flag(r.insightTopContributors),
		charterAcceptance: r.charterAcceptance === 'inform' ? 'inform' : 'require',
		warningDays: int(r.warningDays, DEFAULTS.warningDays, ...RANGES.warningDays),
		warningLadder: ladderText(r.warningLadder),
		guardMode: r.guardMode === 'queue' || r.guardMode === 'off' ? r.guardMode : 'flag',
	};
}

/**
 * Pure: checks what an admin submits. Returns a translation token for the first problem, or null.
 * Normalisation alone would silently replace bad values; the admin must be told instead.
 */
export function validate(raw: Record<string, unknown>): string | null {
	const group = typeof raw.membersGroup === 'string' ? raw.membersGroup.trim() : '';
	if (raw.membersGroup !== undefined && !group) {
		return `[[${NS}:error.group-name-required]]`;
	}
	if (RESERVED_GROUPS.includes(group)) {
		return `[[${NS}:error.group-name-reserved]]`;
	}
	if (group.length > 100) {
		return `[[${NS}:error.group-name-too-long]]`;
	}
	if (raw.exemptGroups !== undefined && list(raw.exemptGroups).some(isReservedGroup)) {
		const bad = list(raw.exemptGroups).find(g => RESERVED_GROUPS.includes(g)) ?? 'cid:…';
		return `[[${NS}:error.exempt-system-group, ${bad}]]`;
	}
	if (raw.directoryTier !== undefined && !(DIRECTORY_TIERS as readonly unknown[]).includes(raw.directoryTier)) {
		return `[[${NS}:error.bad-tier]]`;
	}
	if (typeof raw.qaTimeZone === 'string' && raw.qaTimeZone.trim() && !isTimeZone(raw.qaTimeZone.trim())) {
		return '[[lvl-promise:error.time-zone]]';
	}
	if (raw.warningLadder !== undefined) {
		try {
			parseLadder(raw.warningLadder);
		} catch (err) {
			return err instanceof Error ? err.message : String(err);
		}
	}
	for (const [key, [min, max]] of Object.entries(RANGES)) {
		const value = raw[key];
		if (value !== undefined && value !== '') {
			const n = Number(value);
			if (!Number.isInteger(n) || n < min || n > max) {
				return `[[${NS}:error.out-of-range, ${key}, ${min}, ${max}]]`;
			}
		}
	}
	return null;
}

/** Pure: the storage form. Lists become JSON text, so Redis and PostgreSQL store the same thing. */
export function toStored(settings: Settings): Record<string, string> {
	return {
		membersGroup: settings.membersGroup,
		platformCids: JSON.stringify(settings.platformCids),
		exemptGroups: JSON.stringify(settings.exemptGroups),
		verificationMode: settings.verificationMode,
		graceDays: String(settings.graceDays),
		rosterPreviewDays: String(settings.rosterPreviewDays),
		rosterRetentionDays: String(settings.rosterRetentionDays),
		attemptsPerHour: String(settings.attemptsPerHour),
		directoryTier: settings.directoryTier,
		directoryTierLocked: settings.directoryTierLocked ? '1' : '0',
		qaSeveralAccepted: settings.qaSeveralAccepted ? '1' : '0',
		qaRouteCount: String(settings.qaRouteCount),
		qaWeeklyCap: String(settings.qaWeeklyCap),
		qaDirectRequests: String(settings.qaDirectRequests),
		qaExpiryDays: String(settings.qaExpiryDays),
		qaExpiryReminderDays: String(settings.qaExpiryReminderDays),
		qaEscalateHours: String(settings.qaEscalateHours),
		qaRounds: String(settings.qaRounds),
		qaClaimHours: String(settings.qaClaimHours),
		qaCapacity: String(settings.qaCapacity),
		qaTimeZone: settings.qaTimeZone,
		qaCoordinatorGroup: settings.qaCoordinatorGroup,
		qaCoordinatorGroups: settings.qaCoordinatorGroups,
		qaModeratorDays: String(settings.qaModeratorDays),
		qaEscalationGroup: settings.qaEscalationGroup,
		qaAcceptReminderDays: String(settings.qaAcceptReminderDays),
		insightTopContributors: settings.insightTopContributors ? '1' : '0',
		charterAcceptance: settings.charterAcceptance,
		warningDays: String(settings.warningDays),
		warningLadder: settings.warningLadder,
		guardMode: settings.guardMode,
	};
}

export async function get(): Promise<Settings> {
	return normalise(await nodebb.meta().settings.get(NS));
}

export async function save(values: Partial<Settings>): Promise<Settings> {
	const next = normalise({ ...(await get()), ...values });
	await nodebb.meta().settings.set(NS, toStored(next));
	return get();
}
