/**
 * Pure: turning what arrives from forms, query strings and the database (strings on Redis, JSON types on
 * PostgreSQL) into plain values. One place, so every module reads input the same way.
 */

/** A string or number as trimmed text (cut at `max`); anything else as ''. */
export function asString(v: unknown, max = Infinity): string {
	const text = typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
	return text.length > max ? text.slice(0, max) : text;
}

/** A whole number ≥ 0, or the fallback. */
export function asCount(v: unknown, fallback = 0): number {
	const n = parseInt(asString(v), 10);
	return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** '1', 'true', 'on', 'yes', 1 and true are true. */
export function asFlag(v: unknown): boolean {
	return v === true || v === 1 || ['1', 'true', 'on', 'yes'].includes(asString(v).toLowerCase());
}
