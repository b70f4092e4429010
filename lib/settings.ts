/**
 * Settings: declared once, with defaults, normalised on every read.
 *
 * Stored in NodeBB's `settings:lvl` hash (edited on the ACP page through NodeBB's settings module). Read on demand
 * through `meta.settings.get`, which NodeBB caches and invalidates itself, so a change applies without a restart.
 */
import * as nodebb from './nodebb';

export const NS = 'lvl';
export const PLUGIN_ID = 'nodebb-plugin-leden-voor-leden';

export type VerificationMode = 'account-first' | 'refuse';

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
	/** Verification attempts allowed per account and per IP address in an hour. */
	attemptsPerHour: number;
}

export const DEFAULTS: Readonly<Settings> = Object.freeze({
	membersGroup: 'Leden',
	platformCids: [],
	exemptGroups: [],
	verificationMode: 'account-first',
	graceDays: 30,
	attemptsPerHour: 5,
});

/** Group names NodeBB reserves: never usable as the members group. */
export const RESERVED_GROUPS = ['registered-users', 'verified-users', 'unverified-users', 'banned-users',
	'administrators', 'Global Moderators', 'guests', 'spiders', 'fediverse'];

function list(raw: unknown): string[] {
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

/** Pure: whatever is stored (strings on Redis, JSON types on PostgreSQL) becomes a complete, valid Settings. */
export function normalise(raw: Record<string, unknown> | null | undefined): Settings {
	const r = raw ?? {};
	const group = text(r.membersGroup, DEFAULTS.membersGroup);
	return {
		membersGroup: RESERVED_GROUPS.includes(group) ? DEFAULTS.membersGroup : group,
		platformCids: [...new Set(list(r.platformCids).map(v => parseInt(v, 10)).filter(n => Number.isInteger(n) && n > 0))],
		exemptGroups: [...new Set(list(r.exemptGroups))],
		verificationMode: r.verificationMode === 'refuse' ? 'refuse' : 'account-first',
		graceDays: int(r.graceDays, DEFAULTS.graceDays, 0, 365),
		attemptsPerHour: int(r.attemptsPerHour, DEFAULTS.attemptsPerHour, 1, 100),
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
	for (const [key, min, max] of [['graceDays', 0, 365], ['attemptsPerHour', 1, 100]] as const) {
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
		attemptsPerHour: String(settings.attemptsPerHour),
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
