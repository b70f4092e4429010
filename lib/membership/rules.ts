/**
 * Membership rules: pure decisions about the roster (no NodeBB). Normalising what the secretariat's spreadsheet
 * holds, mapping its columns, comparing two rosters and matching what a person proves against a roster entry.
 */
import type { ParsedTable } from './roster-file';

const NS = 'lvl';

/** Lower case, accents removed, whitespace collapsed: how names and headers are compared. */
export function foldText(s: string): string {
	return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function normaliseEmail(s: string): string {
	return s.trim().toLowerCase();
}

// The WHATWG form's rule, plus a dot in the domain: an address on a roster is meant to receive mail from outside.
const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export function isEmail(s: string): boolean {
	return s.length <= 254 && EMAIL.test(s);
}

/** A cell may hold several addresses: `a@x.be; b@y.be`, `a@x.be, b@y.be` or one per line. */
export function splitEmails(s: string): string[] {
	return s.split(/[;,\s]+/).filter(Boolean);
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

export interface InvalidRow {
	line: number;
	/** A translation token. */
	reason: string;
	memberNumber: string;
}

/** A value from the file placed inside a translation token must not close it, split its arguments or open another. */
export function tokenArg(value: string): string {
	return value.replace(/[,[\]%]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

export interface MapOptions {
	/** Statuses that count as an active member; empty = every status. */
	activeStatuses: string[];
	/** YYYY-MM-DD */
	today: string;
}

function columnIndex(headers: string[], name: string): number {
	const index = headers.indexOf(name);
	if (index < 0) {
		throw new Error(`[[${NS}:error.mapping-unknown-column, ${tokenArg(name)}]]`);
	}
	return index;
}

/** Turns the file's rows into roster entries, reporting each row it cannot use with the reason and its line. */
export function mapRows(table: ParsedTable, mapping: ColumnMapping, opts: MapOptions): { entries: RosterEntry[]; invalid: InvalidRow[] } {
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
	const activeStatuses = opts.activeStatuses.map(foldText).filter(Boolean);

	const entries: RosterEntry[] = [];
	const invalid: InvalidRow[] = [];
	const firstLine = new Map<string, number>();
	for (const { line, cells } of table.rows) {
		const cell = (index: number) => (index < 0 ? '' : (cells[index] ?? '').replace(/\s+/g, ' ').trim());
		const memberNumber = normaliseMemberNumber(cell(col.memberNumber));
		const reject = (reason: string) => invalid.push({ line, reason: `[[${NS}:roster.invalid.${reason}]]`, memberNumber });
		if (!memberNumber) {
			reject('missing-member-number');
			continue;
		}
		const seen = firstLine.get(memberNumber);
		if (seen !== undefined) {
			reject(`duplicate-member-number, ${seen}`);
			continue;
		}
		// Claimed by its first row even when that row is invalid: a later row must not silently stand in for it.
		firstLine.set(memberNumber, line);

		const emails = col.emails.flatMap(i => splitEmails(cell(i)));
		const badEmail = emails.find(e => !isEmail(e));
		if (badEmail !== undefined) {
			reject(`bad-email, ${tokenArg(badEmail)}`);
			continue;
		}
		const dates = [cell(col.birthDate), cell(col.endDate)].map(raw => ({ raw, date: raw ? parseDate(raw) : '' }));
		const badDate = dates.find(d => d.date === null);
		if (badDate) {
			reject(`bad-date, ${tokenArg(badDate.raw)}`);
			continue;
		}
		const [birthDate = '', endDate = ''] = dates.map(d => d.date ?? '');
		const status = cell(col.status);
		const statusActive = col.status < 0 || !activeStatuses.length || activeStatuses.includes(foldText(status));
		entries.push({
			memberNumber,
			lastName: cell(col.lastName),
			firstName: cell(col.firstName),
			emails: [...new Set(emails.map(normaliseEmail))],
			birthDate,
			status,
			active: statusActive && (!endDate || endDate >= opts.today),
			endDate,
		});
	}
	return { entries, invalid };
}

export interface RosterDiff {
	added: RosterEntry[];
	changed: { before: RosterEntry; after: RosterEntry; fields: (keyof RosterEntry)[] }[];
	unchanged: number;
	/** Active on the current roster and absent from the new file. */
	leaving: RosterEntry[];
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
		const email = normaliseEmail(proof.email);
		return email !== '' && entry.emails.some(e => normaliseEmail(e) === email);
	}
	const name = nameKey(proof.lastName);
	const born = parseDate(proof.birthDate);
	const rosterBorn = parseDate(entry.birthDate);
	return name !== '' && name === nameKey(entry.lastName) && born !== null && born === rosterBorn;
}

/** Cells a spreadsheet would run as a formula when the export is opened (CSV injection). */
export function isFormulaLike(s: string): boolean {
	return /^[=+\-@\t\r]/.test(s);
}

/** One cell for a CSV export: defused if formula-like, quoted when it holds a delimiter, a quote or a line break. */
export function safeCsvCell(s: string): string {
	const value = isFormulaLike(s) ? `'${s}` : s;
	return /[;,\t"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
