/**
 * The roster's use cases: import with preview, all-or-nothing apply, history, and row-by-row edits.
 */
import { asFlag, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import { reconcileNumbers } from './access';
import { parseRosterFile, type ParsedTable } from './roster-file';
import {
	type ColumnMapping, diffRoster, foldText, guessMapping, type InvalidRow, isEmail, mapRows, normaliseEmail,
	normaliseMemberNumber, parseDate, type RosterDiff, type RosterEntry, splitEmails,
} from './rules';
import { diffFingerprints, isoDay, removesEveryone } from './standing';
import * as store from './store';

/** How many rows of each list a preview answer carries; the rest is paged. */
export const PREVIEW_PAGE = 100;

export type PreviewList = 'added' | 'changed' | 'leaving' | 'invalid';

/**
 * What a preview keeps until it is applied: the new entries once, and the comparison by member number only
 * (entries are not stored twice; 50,000 rows stay a few megabytes).
 */
interface StoredPreview {
	entries: RosterEntry[];
	invalid: InvalidRow[];
	added: string[];
	changed: { before: RosterEntry; num: string; fields: (keyof RosterEntry)[] }[];
	leaving: RosterEntry[];
	unchanged: number;
	statusValues: string[];
}

function compact(entries: RosterEntry[], invalid: InvalidRow[], diff: RosterDiff, values: string[]): StoredPreview {
	return {
		entries,
		invalid,
		added: diff.added.map(e => e.memberNumber),
		changed: diff.changed.map(c => ({ before: c.before, num: c.after.memberNumber, fields: c.fields })),
		leaving: diff.leaving,
		unchanged: diff.unchanged,
		statusValues: values,
	};
}

/** The lists of a stored preview, rebuilt from the member numbers. */
function expand(stored: StoredPreview): { added: RosterEntry[]; changed: RosterDiff['changed']; leaving: RosterEntry[]; invalid: InvalidRow[] } {
	const byNumber = new Map(stored.entries.map(e => [e.memberNumber, e]));
	return {
		added: stored.added.map(n => byNumber.get(n)).filter((e): e is RosterEntry => !!e),
		changed: stored.changed.flatMap(c => {
			const after = byNumber.get(c.num);
			return after ? [{ before: c.before, after, fields: c.fields }] : [];
		}),
		leaving: stored.leaving,
		invalid: stored.invalid,
	};
}

export interface Preview {
	import: store.ImportRecord;
	headers: string[];
	mapping: Partial<ColumnMapping>;
	activeStatuses: string[];
	/** distinct values of the status column, for the admin to pick the active ones */
	statusValues: string[];
	counts: { rows: number; added: number; changed: number; unchanged: number; leaving: number; invalid: number; active: number; currentActive: number };
	/** the import would leave nobody active: applying needs an explicit confirmation */
	removesEveryone: boolean;
	lists: { added: RosterEntry[]; changed: RosterDiff['changed']; leaving: RosterEntry[]; invalid: InvalidRow[] };
}

function completeMapping(headers: string[], wanted: Partial<ColumnMapping> | undefined, remembered: Partial<ColumnMapping>): Partial<ColumnMapping> {
	const usable = (m: Partial<ColumnMapping>): boolean => !!m.memberNumber && headers.includes(m.memberNumber);
	if (wanted && Object.keys(wanted).length) {
		return wanted;
	}
	if (usable(remembered)) {
		// the secretariat's last choice, as far as this file has the same columns
		const keep: Partial<ColumnMapping> = {};
		for (const [k, v] of Object.entries(remembered) as [keyof ColumnMapping, string | string[]][]) {
			if (Array.isArray(v)) {
				const cols = v.filter(h => headers.includes(h));
				if (cols.length) {
					(keep as Record<string, unknown>)[k] = cols;
				}
			} else if (headers.includes(v)) {
				(keep as Record<string, unknown>)[k] = v;
			}
		}
		return keep;
	}
	return guessMapping(headers);
}

function statusValues(table: ParsedTable, column: string | undefined): string[] {
	if (!column) {
		return [];
	}
	const index = table.headers.indexOf(column);
	const seen = new Map<string, string>();
	for (const row of table.rows) {
		const value = (row.cells[index] ?? '').trim();
		if (value && !seen.has(foldText(value))) {
			seen.set(foldText(value), value);
		}
		if (seen.size > 50) {
			break;
		}
	}
	return [...seen.values()].sort();
}

/**
 * The comparison with the roster in force: by fingerprint, reading back only the entries that differ or leave.
 * (A roster from before fingerprints is read whole.)
 */
async function compare(version: number, entries: RosterEntry[]): Promise<{ diff: RosterDiff; currentActive: number }> {
	const fps = version ? await store.fingerprints(version) : new Map<string, string>();
	if (!fps) {
		const current = await store.allEntries(version);
		return { diff: diffRoster(current, entries), currentActive: current.filter(e => e.active).length };
	}
	const quick = diffFingerprints(fps, entries);
	const suspects = new Set(quick.suspects);
	const before = await store.getEntries([...quick.suspects, ...quick.absent], version);
	const detail = diffRoster(before, entries.filter(e => suspects.has(e.memberNumber)));
	return {
		diff: { added: quick.added, changed: detail.changed, unchanged: quick.unchanged + detail.unchanged, leaving: detail.leaving },
		currentActive: quick.currentActive,
	};
}

async function computePreview(rec: store.ImportRecord, table: ParsedTable): Promise<{ preview: Preview; stored: StoredPreview }> {
	const meta = await store.getMeta();
	const mapping = rec.mapping;
	let entries: RosterEntry[] = [];
	let invalid: InvalidRow[] = [];
	if (mapping.memberNumber) {
		({ entries, invalid } = mapRows(table, mapping as ColumnMapping, { activeStatuses: rec.activeStatuses, today: isoDay(Date.now()) }));
	}
	const { diff, currentActive } = await compare(meta.version, entries);
	const active = entries.filter(e => e.active).length;
	const counts = {
		rows: table.rows.length, added: diff.added.length, changed: diff.changed.length, unchanged: diff.unchanged,
		leaving: diff.leaving.length, invalid: invalid.length, active, currentActive,
	};
	rec.counts = counts;
	rec.baseRevision = meta.revision;
	const stored = compact(entries, invalid, diff, statusValues(table, mapping.status));
	return { stored, preview: previewOf(rec, stored) };
}

function previewOf(rec: store.ImportRecord, stored: StoredPreview): Preview {
	const lists = expand(stored);
	const counts = rec.counts as Preview['counts'];
	return {
		import: rec,
		headers: rec.headers,
		mapping: rec.mapping,
		activeStatuses: rec.activeStatuses,
		statusValues: stored.statusValues,
		counts,
		removesEveryone: removesEveryone(counts.currentActive, counts.active),
		lists: {
			added: lists.added.slice(0, PREVIEW_PAGE),
			changed: lists.changed.slice(0, PREVIEW_PAGE),
			leaving: lists.leaving.slice(0, PREVIEW_PAGE),
			invalid: lists.invalid.slice(0, PREVIEW_PAGE),
		},
	};
}

/** Reads an uploaded file and shows what importing it would change. Nothing on the roster changes. */
export async function createPreview(uid: number, filename: string, buf: Buffer, mapping?: Partial<ColumnMapping>, activeStatuses?: string[]): Promise<Preview> {
	const table = await parseRosterFile(buf, filename);
	const meta = await store.getMeta();
	const rec: store.ImportRecord = {
		id: await store.nextImportId(), uid, filename: filename.slice(0, 200), createdAt: Date.now(), status: 'preview', appliedAt: 0,
		baseRevision: meta.revision, counts: {}, headers: table.headers,
		mapping: completeMapping(table.headers, mapping, meta.mapping),
		activeStatuses: activeStatuses ?? meta.activeStatuses,
	};
	const { preview, stored } = await computePreview(rec, table);
	// the file itself is kept (not its parsed table, which is several times larger) for a change of mapping
	await store.saveImport(rec, { file: buf.toString('base64'), preview: JSON.stringify(stored) });
	return preview;
}

async function openPreview(id: number): Promise<{ rec: store.ImportRecord; stored: StoredPreview }> {
	const rec = await store.getImport(id);
	if (!rec) {
		throw new Error(`[[${NS}:error.no-such-import]]`);
	}
	if (rec.status !== 'preview') {
		throw new Error(`[[${NS}:error.import-closed]]`);
	}
	const stored = JSON.parse(await store.getImportPayload(id, 'preview')) as StoredPreview;
	return { rec, stored };
}

/** The admin changed the column mapping or the active statuses: recompute the preview from the same file. */
export async function remap(id: number, mapping: Partial<ColumnMapping>, activeStatuses: string[]): Promise<Preview> {
	const { rec } = await openPreview(id);
	const file = Buffer.from(await store.getImportPayload(id, 'file'), 'base64');
	const table = await parseRosterFile(file, rec.filename);
	rec.mapping = mapping;
	rec.activeStatuses = activeStatuses;
	const { preview, stored } = await computePreview(rec, table);
	await store.saveImport(rec, { preview: JSON.stringify(stored) });
	return preview;
}

export async function getPreview(id: number): Promise<Preview> {
	const { rec, stored } = await openPreview(id);
	return previewOf(rec, stored);
}

/** More rows of one of the preview's lists. */
export async function previewPage(id: number, list: PreviewList, start: number): Promise<{ items: unknown[]; total: number }> {
	const { stored } = await openPreview(id);
	const all: unknown[] = expand(stored)[list];
	return { items: all.slice(start, start + PREVIEW_PAGE), total: all.length };
}

/**
 * Puts the previewed roster in force, all or nothing: the new version is written beside the old one and a single
 * write switches over; a failure before that leaves the previous roster exactly as it was.
 */
export async function apply(id: number, by: number, opts: { confirmRemoveAll?: boolean } = {}): Promise<store.ImportRecord> {
	const { rec, stored } = await openPreview(id);
	const meta = await store.getMeta();
	if (meta.revision !== rec.baseRevision) {
		throw new Error(`[[${NS}:error.roster-changed-since-preview]]`);
	}
	if (!rec.mapping.memberNumber) {
		throw new Error(`[[${NS}:error.mapping-member-number-required]]`);
	}
	if (!stored.entries.length) {
		throw new Error(`[[${NS}:error.roster-empty]]`);
	}
	const currentActive = rec.counts.currentActive ?? 0;
	const incomingActive = stored.entries.filter(e => e.active).length;
	if (removesEveryone(currentActive, incomingActive) && !opts.confirmRemoveAll) {
		throw new Error(`[[${NS}:error.confirm-remove-all]]`);
	}
	if (!await store.lockApply()) {
		throw new Error(`[[${NS}:error.import-busy]]`);
	}
	let next = meta.version + 1;
	try {
		// checked again under the lock: another apply (in this process or another) may have finished in between
		const locked = await store.getMeta();
		if (locked.revision !== rec.baseRevision) {
			throw new Error(`[[${NS}:error.roster-changed-since-preview]]`);
		}
		next = locked.version + 1;
		try {
			await store.writeVersion(next, stored.entries);
		} catch (err) {
			await store.dropVersion(next).catch(() => undefined);
			throw err;
		}
		await store.switchTo(next, stored.entries.length);
	} finally {
		await store.unlockApply();
	}
	rec.status = 'applied';
	rec.appliedAt = Date.now();
	await store.saveImport(rec);
	await store.dropImportPayload(id);
	await store.saveMapping(rec.mapping as ColumnMapping, rec.activeStatuses);
	await nodebb.events().log({ type: 'lvl-roster-imported', uid: by, importId: id, filename: rec.filename, ...rec.counts });
	// the old version is no longer read by anyone; remove it after the switch
	await store.dropVersion(meta.version);
	// accounts whose entry changed, left or came back
	await reconcileNumbers([...stored.leaving.map(e => e.memberNumber), ...stored.added, ...stored.changed.map(c => c.num)]);
	return rec;
}

export async function discard(id: number): Promise<void> {
	const { rec } = await openPreview(id);
	rec.status = 'discarded';
	await store.saveImport(rec);
	await store.dropImportPayload(id);
}

/* ---------- row-by-row ---------- */

export interface EntryInput {
	memberNumber?: unknown;
	lastName?: unknown;
	firstName?: unknown;
	emails?: unknown;
	birthDate?: unknown;
	status?: unknown;
	active?: unknown;
	endDate?: unknown;
}

function s(v: unknown, max: number): string {
	return typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, max) : typeof v === 'number' ? String(v) : '';
}

/** Pure: validates what the secretariat typed in the roster editor. */
export function readEntry(input: EntryInput, base?: RosterEntry): RosterEntry {
	const memberNumber = normaliseMemberNumber(s(input.memberNumber ?? base?.memberNumber, 50));
	if (!memberNumber) {
		throw new Error(`[[${NS}:roster.invalid.missing-member-number]]`);
	}
	const rawEmails = input.emails === undefined ? base?.emails ?? [] : Array.isArray(input.emails) ? input.emails.map(String) : splitEmails(s(input.emails, 1000));
	const emails = [...new Set(rawEmails.map(normaliseEmail).filter(Boolean))];
	const bad = emails.find(e => !isEmail(e));
	if (bad) {
		throw new Error(`[[${NS}:roster.invalid.bad-email, ${bad.replace(/[,[\]%]/g, ' ')}]]`);
	}
	const date = (v: unknown, fallback: string): string => {
		const raw = v === undefined ? fallback : s(v, 20);
		if (!raw) {
			return '';
		}
		const parsed = parseDate(raw);
		if (!parsed) {
			throw new Error(`[[${NS}:roster.invalid.bad-date, ${raw.replace(/[,[\]%]/g, ' ')}]]`);
		}
		return parsed;
	};
	const active = input.active === undefined ? base?.active ?? true : asFlag(input.active);
	return {
		memberNumber,
		lastName: input.lastName === undefined ? base?.lastName ?? '' : s(input.lastName, 100),
		firstName: input.firstName === undefined ? base?.firstName ?? '' : s(input.firstName, 100),
		emails,
		birthDate: date(input.birthDate, base?.birthDate ?? ''),
		status: input.status === undefined ? base?.status ?? '' : s(input.status, 100),
		active,
		endDate: date(input.endDate, base?.endDate ?? ''),
	};
}

async function currentVersion(): Promise<number> {
	const meta = await store.getMeta();
	if (meta.version) {
		return meta.version;
	}
	// the very first entry typed by hand starts version 1
	await store.switchTo(1, 0);
	return 1;
}

export async function addEntry(input: EntryInput, by: number): Promise<RosterEntry> {
	const entry = readEntry(input);
	const v = await currentVersion();
	if (await store.getEntry(entry.memberNumber, v)) {
		throw new Error(`[[${NS}:error.member-number-exists]]`);
	}
	await store.putEntry(v, entry, null);
	await nodebb.events().log({ type: 'lvl-roster-edited', uid: by, memberNumber: entry.memberNumber, change: 'added' });
	await reconcileNumbers([entry.memberNumber]);
	return entry;
}

export async function updateEntry(num: string, input: EntryInput, by: number): Promise<RosterEntry> {
	const v = (await store.getMeta()).version;
	const before = v ? await store.getEntry(num, v) : null;
	if (!before) {
		throw new Error(`[[${NS}:error.no-such-member-number, ${normaliseMemberNumber(num).replace(/[,[\]%]/g, ' ')}]]`);
	}
	const entry = readEntry({ ...input, memberNumber: before.memberNumber }, before);
	await store.putEntry(v, entry, before);
	await nodebb.events().log({ type: 'lvl-roster-edited', uid: by, memberNumber: entry.memberNumber, change: 'updated' });
	await reconcileNumbers([entry.memberNumber]);
	return entry;
}

/** The member left: inactive from today, and the grace period starts for their account. */
export async function markLeft(num: string, by: number): Promise<RosterEntry> {
	return updateEntry(num, { active: false, endDate: isoDay(Date.now() - 24 * 60 * 60 * 1000) }, by);
}

export interface RosterRow extends RosterEntry {
	uid: number;
	username: string;
	standing: 'unlinked' | 'member' | 'grace' | 'revoked';
	graceUntil: number;
	/** an administrator restored access whatever the roster says */
	override: boolean;
}

export async function list(query: string, start: number, count: number): Promise<{ rows: RosterRow[]; total: number; meta: store.RosterMeta }> {
	const meta = await store.getMeta();
	if (!meta.version) {
		return { rows: [], total: 0, meta };
	}
	const { nums, total } = await store.search(meta.version, query.trim().slice(0, 100), start, count);
	const entries = await store.getEntries(nums, meta.version);
	const uids = await Promise.all(entries.map(e => store.linkedUid(e.memberNumber)));
	const [states, users] = await Promise.all([
		Promise.all(uids.map(uid => (uid ? store.getMemberState(uid) : Promise.resolve(null)))),
		nodebb.user().getUsersFields(uids, ['username']),
	]);
	const rows = entries.map((e, i): RosterRow => {
		const st = states[i];
		const uid = uids[i] ?? 0;
		return {
			...e,
			uid,
			username: uid ? asString(users[i]?.username) : '',
			standing: !st ? 'unlinked' : st.revokedAt ? 'revoked' : st.graceUntil ? 'grace' : 'member',
			graceUntil: st?.graceUntil ?? 0,
			override: st?.override ?? false,
		};
	});
	return { rows, total, meta };
}
