/**
 * Membership rules: pure decisions about the roster (no NodeBB). Normalising what the secretariat's spreadsheet
 * holds, mapping its columns, comparing two rosters and matching what a person proves against a roster entry.
 */
import { foldText, tokenArg } from '../kernel/text';
import type { ParsedTable } from './roster-file';

// the kernel's folding, named here for the membership modules that compare names and statuses
export { foldText, tokenArg };

const NS = 'lvl';


export function normaliseEmail(s: string): string {
	return s.trim().toLowerCase();
}

/**
 * How two addresses are compared when a member proves who they are: without case and accent differences
 * (`Benoît.Dupont@…` on the roster, `benoit.dupont@…` typed on a phone without accents).
 */
export function emailKey(s: string): string {
	return s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

// RFC 5321 atext, widened by RFC 6531 (SMTPUTF8) to every non-ASCII character: `benoît.dupont@…` and `jürgen@…` are
// addresses, as `validator`'s isEmail (NodeBB's) also says with its default `allow_utf8_local_part`. Dots separate
// atoms: none first, last or doubled. The domain may hold U-labels (`café.be`); its last label is a TLD of letters, and
// there is at least one dot: an address on a roster is meant to receive mail from outside.
const LOCAL_ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}-]+$/iu;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;
const TLD = /^(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{2,59})$/iu;

export function isEmail(s: string): boolean {
	if (s.length > 254 || /[\s\p{C}]/u.test(s)) {
		return false;
	}
	const at = s.lastIndexOf('@');
	const local = s.slice(0, at);
	const domain = s.slice(at + 1);
	if (at < 1 || local.length > 64 || !local.split('.').every(atom => LOCAL_ATOM.test(atom))) {
		return false;
	}
	const labels = domain.split('.');
	return labels.length >= 2 && labels.every(l => DOMAIN_LABEL.test(l)) && TLD.test(labels[labels.length - 1] ?? '');
}

/**
 * A cell may hold several addresses: `a@x.be; b@y.be`, `a@x.be, b@y.be` or one per line; what a mail program pastes
 * (`Jan <jan@x.be>`, `mailto:jan@x.be`) counts as the address inside.
 */
export function splitEmails(s: string): string[] {
	const bracketed = [...s.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].map(m => m[1] ?? '');
	if (bracketed.length) {
		return bracketed;
	}
	return s.split(/[;,\s]+/).map(part => part.replace(/^mailto:/i, '').replace(/^["'(]+|["').]+$/g, '')).filter(Boolean);
}

function ymd(year: number, month: number, day: number): string | null {
	if (year < 1000 || year > 9999) {
		return null;
	}
	const date = new Date(Date.UTC(year, month - 1, day));
	// Date.UTC rolls 31/02 over into March; a date that does not survive the round trip does not exist.
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
		return null;
	}
	return date.toISOString().slice(0, 10);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

function fromExcelSerial(serial: number): string | null {
	// Excel counts 1900-02-29, which never existed, as day 60; days before it are one off from the 1899-12-30 epoch.
	if (serial === 60) {
		return null;
	}
	const days = serial < 60 ? serial + 1 : serial;
	return new Date(EXCEL_EPOCH + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A date as the secretariat may have typed or exported it, as `YYYY-MM-DD`, or null.
 * Day before month (Belgian usage); two-digit years are refused rather than guessed.
 */
export function parseDate(s: string): string | null {
	const text = s.trim();
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
	if (m) {
		return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
	}
	m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
	if (m) {
		return ymd(Number(m[4]), Number(m[3]), Number(m[1]));
	}
	m = /^(\d{1,5})(?:\.\d+)?$/.exec(text);
	if (m) {
		const serial = Number(m[1]);
		return serial >= 1 && serial <= 80000 ? fromExcelSerial(serial) : null;
	}
	return null;
}

/** Leading zeros are part of a member number: `000123` and `123` are different members. */
export function normaliseMemberNumber(s: string): string {
	return s.replace(/\s+/g, '').toUpperCase();
}

/** Which header holds what; values are header names as they appear in the file. */
export interface ColumnMapping {
	memberNumber: string;
	lastName?: string;
	firstName?: string;
	emails?: string[];
	birthDate?: string;
	status?: string;
	endDate?: string;
}

type SingleField = Exclude<keyof ColumnMapping, 'emails'>;

/** Header names per field in nl, fr and en, most specific first, compared without case, accents, spaces or punctuation. */
const HEADER_NAMES: Record<SingleField | 'emails', string[]> = {
	memberNumber: ['lidnummer', 'lidnr', 'lid nummer', 'lidmaatschapsnummer', 'numéro de membre', 'numéro membre',
		'n° de membre', 'n° membre', 'no membre', 'member number', 'membership number', 'member id', 'member no',
		'member nr', 'nummer', 'numéro'],
	emails: ['e-mail', 'email', 'mail', 'e-mailadres', 'emailadres', 'mailadres', 'courriel', 'adresse e-mail',
		'adresse email', 'adresse mail', 'e-mail address', 'email address'],
	birthDate: ['geboortedatum', 'date de naissance', 'birth date', 'birthdate', 'date of birth'],
	endDate: ['einddatum', 'vervaldatum', 'date de fin', 'date d\'expiration', 'end date', 'expiry', 'expiry date',
		'expiration date', 'geldig tot', 'valid until'],
	firstName: ['voornaam', 'voornamen', 'prénom', 'first name', 'firstname', 'given name'],
	lastName: ['achternaam', 'familienaam', 'nom de famille', 'last name', 'lastname', 'surname', 'family name',
		'naam', 'nom'],
	status: ['status', 'statuut', 'statut', 'lidmaatschap', 'type lid', 'lidtype', 'type de membre', 'member type',
		'membership', 'membership status', 'type'],
};

function headerKey(s: string): string {
	// NFKD first: `Nº` (an ordinal indicator, a letter) becomes `No`.
	return foldText(s.normalize('NFKD')).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Recognises the usual nl, fr and en headers; `E-mail 2` counts as an e-mail column like `E-mail`. */
export function guessMapping(headers: string[]): Partial<ColumnMapping> {
	const keys = headers.map(h => [h, headerKey(h), headerKey(h).replace(/\d+$/, '')] as const);
	const used = new Set<string>();
	const mapping: Partial<ColumnMapping> = {};
	const matches = (name: string) => keys.filter(([h, key, bare]) => h && !used.has(h) &&
		(key === headerKey(name) || bare === headerKey(name))).map(([h]) => h);

	for (const name of HEADER_NAMES.memberNumber) {
		const [found] = matches(name);
		if (found !== undefined) {
			mapping.memberNumber = found;
			used.add(found);
			break;
		}
	}
	const emails: string[] = [];
	for (const name of HEADER_NAMES.emails) {
		for (const found of matches(name)) {
			emails.push(found);
			used.add(found);
		}
	}
	if (emails.length) {
		mapping.emails = headers.filter(h => emails.includes(h));
	}
	for (const field of ['birthDate', 'endDate', 'firstName', 'lastName', 'status'] as const) {
		for (const name of HEADER_NAMES[field]) {
			const [found] = matches(name);
			if (found !== undefined) {
				mapping[field] = found;
				used.add(found);
				break;
			}
		}
	}
	return mapping;
}

export interface RosterEntry {
	memberNumber: string;
	lastName: string;
	firstName: string;
	emails: string[];
	/** YYYY-MM-DD or '' */
	birthDate: string;
	status: string;
	active: boolean;
	/** YYYY-MM-DD or '' */
	endDate: string;
}

/** A row the import refuses (no usable member number, or a member number on two different rows). */
export interface InvalidRow {
	line: number;
	/** A translation token. */
	reason: string;
	memberNumber: string;
}

/** A row that is imported with one value left out (a malformed e-mail, date or status), listed for the secretariat. */
export type RowWarning = InvalidRow;


/**
 * Status words that say a person is no longer a member, in nl, fr and en, compared folded (no case, accents or
 * punctuation) as whole words anywhere in the value: `Ontslagen 2024` and `Lid (overleden)` are recognised too.
 */
export const INACTIVE_STATUS_WORDS: Readonly<Record<'nl' | 'fr' | 'en', readonly string[]>> = {
	nl: ['ontslagen', 'ontslag', 'ontslagnemend', 'overleden', 'geschrapt', 'geschorst', 'ex-lid', 'exlid', 'oud-lid',
		'oudlid', 'uitgetreden', 'uitgeschreven', 'uitgesloten', 'afgevoerd', 'afgemeld', 'opgezegd', 'gestopt', 'vervallen', 'verlopen', 'inactief',
		'niet actief', 'non-actief', 'niet meer lid', 'geen lid'],
	fr: ['démissionnaire', 'démission', 'démissionné', 'démissionnée', 'décédé', 'décédée', 'radié', 'radiée', 'suspendu',
		'suspendue', 'ancien membre', 'ancienne membre', 'ex-membre', 'exclu', 'exclue', 'désinscrit', 'désinscrite',
		'expiré', 'expirée', 'inactif', 'inactive', 'non actif', 'non-membre'],
	en: ['resigned', 'deceased', 'struck off', 'suspended', 'former', 'former member', 'ex-member', 'lapsed', 'expired',
		'expelled', 'cancelled', 'canceled', 'terminated', 'inactive', 'not active', 'non-member', 'left'],
};

function statusWords(s: string): string {
	return ` ${foldText(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

const INACTIVE_PHRASES = Object.values(INACTIVE_STATUS_WORDS).flat().map(statusWords);

/** Does this status value say the person left (a recognised word, or one the admin marked inactive before)? */
export function looksInactive(status: string, rememberedInactive: readonly string[] = []): boolean {
	const value = statusWords(status);
	if (value.trim() === '') {
		return false;
	}
	return INACTIVE_PHRASES.some(p => value.includes(p)) || rememberedInactive.some(r => foldText(r) === foldText(status));
}

export interface StatusValue {
	/** as first seen in the file */
	value: string;
	count: number;
	/** recognised as a status of people who left, or remembered as such */
	inactive: boolean;
}

/** Every distinct status in a column (folded), with how many rows carry it, most frequent first. */
export function statusSummary(values: readonly string[], rememberedInactive: readonly string[] = []): StatusValue[] {
	const seen = new Map<string, StatusValue>();
	for (const raw of values) {
		const value = raw.replace(/\s+/g, ' ').trim();
		if (!value) {
			continue;
		}
		const key = foldText(value);
		const found = seen.get(key);
		if (found) {
			found.count += 1;
		} else {
			seen.set(key, { value, count: 1, inactive: looksInactive(value, rememberedInactive) });
		}
	}
	return [...seen.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The decision a preview starts with: every value ticked as active, except the ones that say the person left. */
export function defaultActiveStatuses(summary: readonly StatusValue[]): string[] {
	return summary.filter(s => !s.inactive).map(s => s.value);
}

/** Every value of the file has been decided by the admin before (ticked or unticked): nothing new to review. */
export function statusesKnown(summary: readonly StatusValue[], decided: readonly string[]): boolean {
	const known = new Set(decided.map(foldText));
	return summary.every(s => known.has(foldText(s.value)));
}

export interface MapOptions {
	/**
	 * The status values that count as an active member, when a status column is mapped. A row whose status is not
	 * among them is inactive: ticking nothing makes nobody active (never everybody).
	 */
	activeStatuses: string[];
	/** YYYY-MM-DD */
	today: string;
}

export interface MappedRows {
	entries: RosterEntry[];
	/** refused rows: no member number, or a member number on two different rows */
	invalid: InvalidRow[];
	/** imported rows with a value left out */
	warnings: RowWarning[];
	/** member numbers on two different rows: neither imported until the file is corrected */
	duplicates: string[];
}

function columnIndex(headers: string[], name: string): number {
	const index = headers.indexOf(name);
	if (index < 0) {
		throw new Error(`[[${NS}:error.mapping-unknown-column, ${tokenArg(name)}]]`);
	}
	return index;
}

// What a spreadsheet's last line says when it counts the members instead of being one (nl, fr, en).
const TOTALS = /^(?:sub)?(?:totaal|totalen|total|totaux|som|somme|aantal|nombre|count|sum)(?![\p{L}])/u;

/**
 * Turns the file's rows into roster entries. A row is refused only when it has no member number, or shares it with
 * a different row (then both are refused and listed, each naming the other lines); a malformed e-mail, date or an
 * empty status leaves that value out and makes the row a warning, listed with its line, but imported.
 */
export function mapRows(table: ParsedTable, mapping: ColumnMapping, opts: MapOptions): MappedRows {
	if (!mapping.memberNumber) {
		throw new Error(`[[${NS}:error.mapping-member-number-required]]`);
	}
	const optional = (name: string | undefined) => (name ? columnIndex(table.headers, name) : -1);
	const col = {
		memberNumber: columnIndex(table.headers, mapping.memberNumber),
		lastName: optional(mapping.lastName),
		firstName: optional(mapping.firstName),
		emails: (mapping.emails ?? []).filter(Boolean).map(name => columnIndex(table.headers, name)),
		birthDate: optional(mapping.birthDate),
		status: optional(mapping.status),
		endDate: optional(mapping.endDate),
	};
	const activeStatuses = new Set(opts.activeStatuses.map(foldText).filter(Boolean));
	const clean = (cells: string[], index: number) => (index < 0 ? '' : (cells[index] ?? '').replace(/\s+/g, ' ').trim());

	const out: MappedRows = { entries: [], invalid: [], warnings: [], duplicates: [] };
	// Rows per member number first: a duplicate is judged on every row that carries the number, never on order.
	const byNumber = new Map<string, { line: number; cells: string[] }[]>();
	for (const row of table.rows) {
		const raw = clean(row.cells, col.memberNumber);
		const memberNumber = normaliseMemberNumber(raw);
		if (!memberNumber || TOTALS.test(foldText(raw))) {
			const reason = memberNumber ? 'totals-row' : 'missing-member-number';
			out.invalid.push({ line: row.line, reason: `[[${NS}:roster.invalid.${reason}]]`, memberNumber });
			continue;
		}
		const rows = byNumber.get(memberNumber) ?? [];
		rows.push(row);
		byNumber.set(memberNumber, rows);
	}
	// The same line twice (a copy-paste) is one member; the same number with anything else different is a conflict.
	const rowText = (cells: string[]) => JSON.stringify(cells.map((_, i) => clean(cells, i))).replace(/(,"")+]$/, ']');
	const same = (a: string[], b: string[]) => rowText(a) === rowText(b);

	for (const [memberNumber, rows] of byNumber) {
		const [first, ...others] = rows;
		if (!first) {
			continue;
		}
		if (others.some(r => !same(first.cells, r.cells))) {
			out.duplicates.push(memberNumber);
			for (const r of rows) {
				const elsewhere = rows.filter(o => o !== r).map(o => o.line).join(' ');
				out.invalid.push({ line: r.line, reason: `[[${NS}:roster.invalid.duplicate-member-number, ${elsewhere}]]`, memberNumber });
			}
			continue;
		}
		const warn = (reason: string) => out.warnings.push({ line: first.line, reason: `[[${NS}:roster.warning.${reason}]]`, memberNumber });
		for (const r of others) {
			out.warnings.push({ line: r.line, reason: `[[${NS}:roster.warning.repeated-row, ${first.line}]]`, memberNumber });
		}
		const cell = (index: number) => clean(first.cells, index);

		const emails: string[] = [];
		for (const e of col.emails.flatMap(i => splitEmails(cell(i)))) {
			if (isEmail(e)) {
				emails.push(e);
			} else {
				warn(`bad-email, ${tokenArg(e)}`);
			}
		}
		const date = (index: number, what: string): string => {
			const raw = cell(index);
			const parsed = raw ? parseDate(raw) : '';
			if (parsed === null) {
				warn(`${what}, ${tokenArg(raw)}`);
			}
			return parsed ?? '';
		};
		const birthDate = date(col.birthDate, 'bad-birth-date');
		const endDate = date(col.endDate, 'bad-end-date');
		const status = cell(col.status);
		if (col.status >= 0 && !status) {
			warn('missing-status');
		}
		// An empty status says nothing about leaving: the end date alone decides.
		const statusActive = col.status < 0 || !status || activeStatuses.has(foldText(status));
		const unique = new Map<string, string>();
		for (const e of emails.map(normaliseEmail)) {
			if (!unique.has(emailKey(e))) {
				unique.set(emailKey(e), e);
			}
		}
		out.entries.push({
			memberNumber,
			lastName: cell(col.lastName),
			firstName: cell(col.firstName),
			emails: [...unique.values()],
			birthDate,
			status,
			active: statusActive && (!endDate || endDate >= opts.today),
			endDate,
		});
	}
	const byLine = (a: InvalidRow, b: InvalidRow) => a.line - b.line;
	out.invalid.sort(byLine);
	out.warnings.sort(byLine);
	return out;
}

export interface RosterDiff {
	added: RosterEntry[];
	changed: { before: RosterEntry; after: RosterEntry; fields: (keyof RosterEntry)[] }[];
	unchanged: number;
	/** Active on the current roster and absent from the new file. */
	leaving: RosterEntry[];
}

/** What a member proves themself with: a change here decides whether they can still verify. */
export const VERIFICATION_FIELDS: readonly (keyof RosterEntry)[] = ['emails', 'lastName', 'firstName', 'birthDate'];

export function touchesVerification(fields: readonly (keyof RosterEntry)[]): boolean {
	return fields.some(f => VERIFICATION_FIELDS.includes(f));
}

const COMPARED: (keyof RosterEntry)[] = ['lastName', 'firstName', 'emails', 'birthDate', 'status', 'active', 'endDate'];

function sameField(a: RosterEntry, b: RosterEntry, field: keyof RosterEntry): boolean {
	if (field === 'emails') {
		// The order of addresses in a cell carries no meaning.
		const x = [...a.emails].sort();
		const y = [...b.emails].sort();
		return x.length === y.length && x.every((e, i) => e === y[i]);
	}
	return a[field] === b[field];
}

/** What replacing the current roster with the incoming one would change, for the secretariat to review first. */
export function diffRoster(current: RosterEntry[], incoming: RosterEntry[]): RosterDiff {
	const before = new Map(current.map(e => [normaliseMemberNumber(e.memberNumber), e]));
	const diff: RosterDiff = { added: [], changed: [], unchanged: 0, leaving: [] };
	const present = new Set<string>();
	for (const after of incoming) {
		const key = normaliseMemberNumber(after.memberNumber);
		present.add(key);
		const old = before.get(key);
		if (!old) {
			diff.added.push(after);
			continue;
		}
		const fields = COMPARED.filter(f => !sameField(old, after, f));
		if (fields.length) {
			diff.changed.push({ before: old, after, fields });
		} else {
			diff.unchanged += 1;
		}
	}
	diff.leaving = current.filter(e => e.active && !present.has(normaliseMemberNumber(e.memberNumber)));
	return diff;
}

/** What a person gives to show they are the member on the roster. */
export type Proof = { email: string } | { lastName: string; birthDate: string };

/** `Van den Broeck` = `vandenbroeck`, `D'Hondt` = `D’hondt` = `dhondt`: only letters and digits count. */
function nameKey(s: string): string {
	return foldText(s).replace(/[^\p{L}\p{N}]/gu, '');
}

export function proofMatches(entry: RosterEntry, proof: Proof): boolean {
	if ('email' in proof) {
		const email = emailKey(proof.email);
		return email !== '' && entry.emails.some(e => emailKey(e) === email);
	}
	const name = nameKey(proof.lastName);
	const born = parseDate(proof.birthDate);
	const rosterBorn = parseDate(entry.birthDate);
	return name !== '' && name === nameKey(entry.lastName) && born !== null && born === rosterBorn;
}

/**
 * A user's stored `groupTitle` (a JSON list of group names, or one name) without the members group; '' when nothing
 * is left. Membership must never show as a title.
 */
export function withoutGroupTitle(raw: string, group: string): string {
	let titles: unknown;
	try {
		titles = JSON.parse(raw);
	} catch {
		titles = raw;
	}
	const list = (Array.isArray(titles) ? titles : [titles]).filter((t): t is string => typeof t === 'string' && t !== '');
	const kept = list.filter(t => t !== group);
	if (kept.length === list.length) {
		return raw;
	}
	return kept.length ? JSON.stringify(kept) : '';
}

