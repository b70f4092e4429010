/**
 * The roster's use cases: import with preview, all-or-nothing apply, history, and row-by-row edits.
 */
import { asFlag, asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import { reconcileNumbers } from './access';
import { parseRosterFile, type ParsedTable } from './roster-file';
import {
	type ColumnMapping, diffRoster, foldText, guessMapping, type InvalidRow, isEmail, mapRows, type MappedRows,
	normaliseEmail, normaliseMemberNumber, parseDate, type RosterDiff, type RosterEntry, type RowWarning, splitEmails,
	statusesKnown, statusSummary, type StatusValue, touchesVerification,
} from './rules';
import { diffFingerprints, isoDay, removesEveryone } from './standing';
import * as store from './store';

/** How many rows of each list a preview answer carries; the rest is paged. */
export const PREVIEW_PAGE = 100;

export type PreviewList = 'added' | 'changed' | 'leaving' | 'invalid' | 'warnings';

/**
 * What becomes of the account linked to a member number that leaves or turns inactive:
 * `grace` its grace period starts (or goes on), `none` the member never registered, `revoked` access is already gone,
 * `override` an administrator restored access, which the roster does not take away.
 */
export type AccountFate = 'grace' | 'none' | 'revoked' | 'override';

/**
 * What a preview keeps until it is applied: the new entries once, and the comparison by member number only
 * (entries are not stored twice; 50,000 rows stay a few megabytes).
 */
interface StoredPreview {
	entries: RosterEntry[];
	invalid: InvalidRow[];
	warnings?: RowWarning[];
	added: string[];
	changed: { before: RosterEntry; num: string; fields: (keyof RosterEntry)[] }[];
	leaving: RosterEntry[];
	unchanged: number;
	statusValues: string[];
	statuses?: StatusValue[];
	/** member numbers on two rows whose current entry stays as it is until the file is corrected */
	kept?: string[];
	/** member number → what happens to the linked account, for leaving and newly inactive members */
	fates?: Record<string, AccountFate>;
}

export interface PreviewChange {
	before: RosterEntry;
	after: RosterEntry;
	fields: (keyof RosterEntry)[];
	/** e-mail, name or birth date changed: what the member verifies with */
	verification: boolean;
	/** active before, inactive now */
	deactivated: boolean;
	account?: AccountFate;
}

export type LeavingEntry = RosterEntry & { account: AccountFate };

interface PreviewLists {
	added: RosterEntry[];
	changed: PreviewChange[];
	leaving: LeavingEntry[];
	invalid: InvalidRow[];
	warnings: RowWarning[];
}

function compact(mapped: MappedRows, diff: RosterDiff, statuses: StatusValue[], kept: string[], fates: Record<string, AccountFate>): StoredPreview {
	return {
		entries: mapped.entries,
		invalid: mapped.invalid,
		warnings: mapped.warnings,
		added: diff.added.map(e => e.memberNumber),
		changed: diff.changed.map(c => ({ before: c.before, num: c.after.memberNumber, fields: c.fields })),
		leaving: diff.leaving,
		unchanged: diff.unchanged,
		statusValues: statuses.map(v => v.value),
		statuses,
		kept,
		fates,
	};
}

/** The lists of a stored preview, rebuilt from the member numbers. */
function expand(stored: StoredPreview): PreviewLists {
	const byNumber = new Map(stored.entries.map(e => [e.memberNumber, e]));
	const fates = stored.fates ?? {};
	return {
		added: stored.added.map(n => byNumber.get(n)).filter((e): e is RosterEntry => !!e),
		changed: stored.changed.flatMap((c) => {
			const after = byNumber.get(c.num);
			const deactivated = c.before.active && !!after && !after.active;
			return after ? [{
				before: c.before, after, fields: c.fields, verification: touchesVerification(c.fields), deactivated,
				...(deactivated ? { account: fates[c.num] ?? 'none' } : {}),
			}] : [];
		}),
		leaving: stored.leaving.map(e => ({ ...e, account: fates[e.memberNumber] ?? 'none' })),
		invalid: stored.invalid,
		warnings: stored.warnings ?? [],
	};
}

export interface PreviewCounts {
	rows: number;
	added: number;
	changed: number;
	unchanged: number;
	leaving: number;
	invalid: number;
	active: number;
	currentActive: number;
	/** lines imported with a value left out */
	warnings: number;
	/** remarks on those lines (a line may have several): the length of the `warnings` list */
	warningRows: number;
	/** member numbers on two different rows (each row is in `invalid`) */
	duplicates: number;
	/** leaving members whose account starts (or continues) its grace period */
	leavingAccounts: number;
	/** leaving members who never registered */
	leavingUnregistered: number;
	/** leaving members whose access is already revoked or was restored by an admin */
	leavingOther: number;
	/** changed entries that were active and are not any more */
	deactivated: number;
	deactivatedAccounts: number;
	/** changed entries whose e-mail, name or birth date changed */
	changedVerification: number;
}

export interface Preview {
	import: store.ImportRecord;
	headers: string[];
	mapping: Partial<ColumnMapping>;
	activeStatuses: string[];
	/** distinct values of the status column, for the admin to pick the active ones */
	statusValues: string[];
	/** the same, with their counts and whether they were recognised as statuses of people who left */
	statuses: StatusValue[];
	/** the admin must still confirm the status decision before applying */
	statusesToReview: boolean;
	graceDays: number;
	counts: PreviewCounts;
	/** the import would leave nobody active: applying needs an explicit confirmation */
	removesEveryone: boolean;
	lists: PreviewLists;
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

/** The distinct values of the status column, counted; the admin's own inactive values recognised too. */
function summariseStatuses(table: ParsedTable, mapping: Partial<ColumnMapping>, meta: store.RosterMeta): StatusValue[] {
	const index = mapping.status ? table.headers.indexOf(mapping.status) : -1;
	const numberIndex = mapping.memberNumber ? table.headers.indexOf(mapping.memberNumber) : -1;
	if (index < 0) {
		return [];
	}
	// rows without a member number are refused anyway: a totals row's text is no status to decide on
	const rows = table.rows.filter(r => numberIndex < 0 || normaliseMemberNumber(r.cells[numberIndex] ?? ''));
	return statusSummary(rows.map(r => r.cells[index] ?? ''), meta.inactiveStatuses).slice(0, 200);
}

/** Ticked at first: what the admin ticked before, and every value that does not say the person left. */
function initialActiveStatuses(statuses: StatusValue[], meta: store.RosterMeta): string[] {
	const ticked = new Set(meta.activeStatuses.map(foldText));
	return statuses.filter(v => ticked.has(foldText(v.value)) || !v.inactive).map(v => v.value);
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

/** What the import does to the accounts linked to these member numbers (one read for the links, one for the states). */
async function accountFates(nums: string[]): Promise<Record<string, AccountFate>> {
	const links = await store.linkedUids(nums);
	const linked = [...links.entries()];
	const states = await store.getMemberStates(linked.map(([, uid]) => uid));
	const fates: Record<string, AccountFate> = {};
	for (const num of nums) {
		fates[num] = 'none';
	}
	linked.forEach(([num, uid], i) => {
		const st = states[i];
		if (st && st.memberNumber === num && uid) {
			fates[num] = st.override ? 'override' : st.revokedAt ? 'revoked' : 'grace';
		}
	});
	return fates;
}

async function computePreview(rec: store.ImportRecord, table: ParsedTable): Promise<{ preview: Preview; stored: StoredPreview }> {
	const meta = await store.getMeta();
	const mapping = rec.mapping;
	let mapped: MappedRows = { entries: [], invalid: [], warnings: [], duplicates: [] };
	if (mapping.memberNumber) {
		mapped = mapRows(table, mapping as ColumnMapping, { activeStatuses: rec.activeStatuses, today: isoDay(Date.now()) });
	}
	// A member number on two rows is imported from neither; the entry in force stays as it is until the file is
	// corrected, so the member does not count as leaving.
	const kept = meta.version && mapped.duplicates.length ? await store.getEntries(mapped.duplicates, meta.version) : [];
	const entries = [...mapped.entries, ...kept];
	const { diff, currentActive } = await compare(meta.version, entries);
	const deactivated = diff.changed.filter(c => c.before.active && !c.after.active);
	const fates = await accountFates([...diff.leaving, ...deactivated.map(c => c.after)].map(e => e.memberNumber));
	const fateOf = (num: string) => fates[num] ?? 'none';
	const active = entries.filter(e => e.active).length;
	const counts: PreviewCounts = {
		rows: table.rows.length, added: diff.added.length, changed: diff.changed.length, unchanged: diff.unchanged,
		leaving: diff.leaving.length, invalid: mapped.invalid.length, active, currentActive,
		warnings: new Set(mapped.warnings.map(w => w.line)).size,
		warningRows: mapped.warnings.length,
		duplicates: mapped.duplicates.length,
		leavingAccounts: diff.leaving.filter(e => fateOf(e.memberNumber) === 'grace').length,
		leavingUnregistered: diff.leaving.filter(e => fateOf(e.memberNumber) === 'none').length,
		leavingOther: diff.leaving.filter(e => ['revoked', 'override'].includes(fateOf(e.memberNumber))).length,
		deactivated: deactivated.length,
		deactivatedAccounts: deactivated.filter(c => fateOf(c.after.memberNumber) === 'grace').length,
		changedVerification: diff.changed.filter(c => touchesVerification(c.fields)).length,
	};
	rec.counts = { ...counts };
	rec.baseRevision = meta.revision;
	const statuses = summariseStatuses(table, mapping, meta);
	const stored = compact({ ...mapped, entries }, diff, statuses, kept.map(e => e.memberNumber), fates);
	return { stored, preview: await previewOf(rec, stored) };
}

async function previewOf(rec: store.ImportRecord, stored: StoredPreview): Promise<Preview> {
	const lists = expand(stored);
	const counts = rec.counts as unknown as PreviewCounts;
	const { graceDays } = await settings.get();
	return {
		import: rec,
		headers: rec.headers,
		mapping: rec.mapping,
		activeStatuses: rec.activeStatuses,
		statusValues: stored.statusValues,
		statuses: stored.statuses ?? [],
		statusesToReview: (stored.statuses ?? []).length > 0 && !rec.statusesReviewed,
		graceDays,
		counts,
		removesEveryone: removesEveryone(counts.currentActive, counts.active),
		lists: {
			added: lists.added.slice(0, PREVIEW_PAGE),
			changed: lists.changed.slice(0, PREVIEW_PAGE),
			leaving: lists.leaving.slice(0, PREVIEW_PAGE),
			invalid: lists.invalid.slice(0, PREVIEW_PAGE),
			warnings: lists.warnings.slice(0, PREVIEW_PAGE),
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
		activeStatuses: activeStatuses ?? [],
		statusesReviewed: activeStatuses !== undefined,
	};
	if (activeStatuses === undefined) {
		const statuses = summariseStatuses(table, rec.mapping, meta);
		rec.activeStatuses = initialActiveStatuses(statuses, meta);
		// a file whose every status the admin decided on before needs no new decision
		rec.statusesReviewed = statusesKnown(statuses, [...meta.activeStatuses, ...meta.inactiveStatuses]);
	}
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

/**
 * The admin changed the column mapping or the active statuses: recompute the preview from the same file. The ticks
 * sent are the admin's decision; a different status column starts again from the suggested ticks.
 */
export async function remap(id: number, mapping: Partial<ColumnMapping>, activeStatuses: string[]): Promise<Preview> {
	const { rec } = await openPreview(id);
	const file = Buffer.from(await store.getImportPayload(id, 'file'), 'base64');
	const table = await parseRosterFile(file, rec.filename);
	const statusColumnChanged = (mapping.status ?? '') !== (rec.mapping.status ?? '');
	rec.mapping = mapping;
	if (statusColumnChanged) {
		const meta = await store.getMeta();
		const statuses = summariseStatuses(table, mapping, meta);
		rec.activeStatuses = initialActiveStatuses(statuses, meta);
		rec.statusesReviewed = statusesKnown(statuses, [...meta.activeStatuses, ...meta.inactiveStatuses]);
	} else {
		rec.activeStatuses = activeStatuses;
		rec.statusesReviewed = true;
	}
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

/** The admin's decisions, remembered for the next file: the latest decision on a value wins. */
function rememberStatuses(meta: store.RosterMeta, statuses: StatusValue[], active: string[]): { active: string[]; inactive: string[] } {
	const ticked = new Set(active.map(foldText));
	const decidedNow = new Set(statuses.map(v => foldText(v.value)));
	const keep = (list: string[]) => list.filter(v => !decidedNow.has(foldText(v)));
	return {
		active: [...keep(meta.activeStatuses), ...statuses.filter(v => ticked.has(foldText(v.value))).map(v => v.value)].slice(-200),
		inactive: [...keep(meta.inactiveStatuses), ...statuses.filter(v => !ticked.has(foldText(v.value))).map(v => v.value)].slice(-200),
	};
}

/**
 * Puts the previewed roster in force, all or nothing: the new version is written beside the old one and a single
 * write switches over; a failure before that leaves the previous roster exactly as it was.
 */
export async function apply(id: number, by: number, opts: { confirmRemoveAll?: boolean; confirmStatuses?: boolean } = {}): Promise<store.ImportRecord> {
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
	if ((stored.statuses ?? []).length && !rec.statusesReviewed && !opts.confirmStatuses) {
		throw new Error(`[[${NS}:error.confirm-statuses]]`);
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
	rec.statusesReviewed = true;
	await store.saveImport(rec);
	await store.dropImportPayload(id);
	const remembered = stored.statuses?.length ? rememberStatuses(meta, stored.statuses, rec.activeStatuses) : { active: meta.activeStatuses, inactive: meta.inactiveStatuses };
	await store.saveMapping(rec.mapping as ColumnMapping, remembered.active, remembered.inactive);
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

const DAY = 24 * 60 * 60 * 1000;

/**
 * A preview never applied holds a copy of the association's member list: after `rosterPreviewDays` it goes with
 * every key it has. Runs under the apply lock, so an apply in progress (in any process) is never cut short; a busy
 * lock means the next run does it. Applied and discarded imports stay in the history (they keep no file).
 */
export async function expirePreviews(now = Date.now()): Promise<number> {
	const s = await settings.get();
	const before = now - s.rosterPreviewDays * DAY;
	if (!await store.lockApply()) {
		return 0;
	}
	let removed = 0;
	try {
		for (const id of await store.importIdsBefore(before, 500)) {
			const rec = await store.getImport(id);
			if (!rec || rec.status === 'preview' || rec.status === 'failed') {
				await store.deleteImport(id);
				removed += 1;
			}
		}
	} finally {
		await store.unlockApply();
	}
	return removed;
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
	revokedAt: number;
	verifiedAt: number;
	/** an administrator restored access whatever the roster says */
	override: boolean;
	overrideAt: number;
	/** false for an account whose member number is no longer on the roster (it left with the last import) */
	onRoster: boolean;
}

/** The ACP list's filters: accounts by what happened to their access, or roster members who never registered. */
export type RosterFilter = '' | 'grace' | 'revoked' | 'restored' | 'unregistered';
export const ROSTER_FILTERS: readonly RosterFilter[] = ['grace', 'revoked', 'restored', 'unregistered'];

function standingOf(st: store.MemberState | null): RosterRow['standing'] {
	return !st ? 'unlinked' : st.revokedAt ? 'revoked' : st.graceUntil ? 'grace' : 'member';
}

async function rowsFor(entries: (RosterEntry | null)[], states: (store.MemberState | null)[], nums: string[]): Promise<RosterRow[]> {
	const uids = states.map(st => st?.uid ?? 0);
	const users = await nodebb.user().getUsersFields(uids, ['username']);
	return entries.map((e, i): RosterRow => {
		const st = states[i] ?? null;
		const uid = uids[i] ?? 0;
		const base: RosterEntry = e ?? {
			memberNumber: nums[i] ?? '', lastName: '', firstName: '', emails: [], birthDate: '', status: '', active: false, endDate: '',
		};
		return {
			...base,
			uid,
			username: uid ? asString(users[i]?.username) : '',
			standing: standingOf(st),
			graceUntil: st?.graceUntil ?? 0,
			revokedAt: st?.revokedAt ?? 0,
			verifiedAt: st?.verifiedAt ?? 0,
			override: st?.override ?? false,
			overrideAt: st?.overrideAt ?? 0,
			onRoster: !!e,
		};
	});
}

/** Linked accounts in a state, soonest or latest first, read in batches (a few thousand linked accounts at most). */
async function accountsIn(filter: 'grace' | 'revoked' | 'restored'): Promise<store.MemberState[]> {
	const states = (await store.getMemberStates(await store.allLinkedUids())).filter((st): st is store.MemberState => !!st);
	if (filter === 'grace') {
		return states.filter(st => st.graceUntil && !st.revokedAt && !st.override).sort((a, b) => a.graceUntil - b.graceUntil);
	}
	if (filter === 'revoked') {
		return states.filter(st => st.revokedAt).sort((a, b) => b.revokedAt - a.revokedAt);
	}
	return states.filter(st => st.override).sort((a, b) => b.overrideAt - a.overrideAt);
}

export async function list(query: string, start: number, count: number, filter: RosterFilter = ''): Promise<{ rows: RosterRow[]; total: number; meta: store.RosterMeta }> {
	const meta = await store.getMeta();
	if (filter === 'grace' || filter === 'revoked' || filter === 'restored') {
		// by account, not by roster entry: an account in its grace period has usually left the roster
		const all = await accountsIn(filter);
		const page = all.slice(start, start + count);
		const nums = page.map(st => st.memberNumber);
		const entries = meta.version ? await Promise.all(nums.map(n => store.getEntry(n, meta.version))) : nums.map(() => null);
		return { rows: await rowsFor(entries, page, nums), total: all.length, meta };
	}
	if (!meta.version) {
		return { rows: [], total: 0, meta };
	}
	let nums: string[];
	let total: number;
	if (filter === 'unregistered') {
		// active members without a linked account; the fingerprints carry the active flag, so no entry is read twice
		const fps = await store.fingerprints(meta.version);
		const every = fps ? [...fps.keys()].sort() : await store.allNumbers(meta.version);
		const links = await store.linkedUids(every);
		const candidates = every.filter(n => !links.has(n));
		const unregistered = fps ?
			candidates.filter(n => fps.get(n)?.startsWith('1')) :
			(await store.getEntries(candidates, meta.version)).filter(e => e.active).map(e => e.memberNumber);
		nums = unregistered.slice(start, start + count);
		total = unregistered.length;
	} else {
		({ nums, total } = await store.search(meta.version, query.trim().slice(0, 100), start, count));
	}
	const entries = await store.getEntries(nums, meta.version);
	const uids = await Promise.all(entries.map(e => store.linkedUid(e.memberNumber)));
	const states = await store.getMemberStates(uids);
	return { rows: await rowsFor(entries, states.map((st, i) => (uids[i] ? st : null)), entries.map(e => e.memberNumber)), total, meta };
}
