/**
 * Reading the roster file the secretariat exports from Excel: CSV in whatever encoding and delimiter Excel chose, or
 * XLSX. Pure apart from its parsers (no NodeBB). Every cell comes back as the text the secretariat sees.
 */
import { parse } from 'csv-parse/sync';
import type { Cell, Worksheet } from 'exceljs';
import { inflateRawSync } from 'zlib';

const NS = 'lvl';

export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 100000;
// Unpacked size of an XLSX's parts: a 10 MB zip of repetitive XML could otherwise unpack to gigabytes.
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

export interface ParsedTable {
	headers: string[];
	/** `line`: the row number the secretariat sees in Excel (the header is line 1). */
	rows: { line: number; cells: string[] }[];
}

function fail(code: string): Error {
	return new Error(`[[${NS}:error.${code}]]`);
}

// What Windows-1252 puts at 0x80-0x9F (WHATWG index); the five undefined bytes stay C1 controls, as the standard says.
const WINDOWS_1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), otherwise Windows-1252 (Excel's "CSV"). */
export function decodeText(buf: Buffer): string {
	if (buf[0] === 0xff && buf[1] === 0xfe) {
		return new TextDecoder('utf-16le').decode(buf);
	}
	if (buf[0] === 0xfe && buf[1] === 0xff) {
		return new TextDecoder('utf-16be').decode(buf);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(buf);
	} catch {
		// Node before the fix of nodejs/node#56542 decodes windows-1252 as Latin-1, leaving 0x80-0x9F as C1 controls:
		// `€`, `’` (as in D’Hondt) and `œ` would be lost. Mapping them here is a no-op on a Node that decodes right.
		return new TextDecoder('windows-1252').decode(buf)
			.replace(/[\u0080-\u009f]/g, c => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
	}
}

const DELIMITERS = [';', '\t', ','] as const;
export type Delimiter = typeof DELIMITERS[number];

/**
 * The delimiter of the first lines, counted outside quotes. One that appears as often on every line as on the header
 * wins; otherwise the most frequent. Ties go to `;` (what Excel writes in Belgium), then tab, then `,`.
 */
export function detectDelimiter(text: string): Delimiter {
	const lines: Record<Delimiter, number>[] = [];
	let counts = { ';': 0, '\t': 0, ',': 0 };
	let quoted = false;
	let blank = true;
	const sample = text.slice(0, 65536);
	for (let i = 0; i < sample.length && lines.length < 10; i += 1) {
		const ch = sample[i];
		if (ch === '"') {
			quoted = !quoted;
		} else if (!quoted && (ch === '\n' || ch === '\r')) {
			if (!blank) {
				lines.push(counts);
			}
			counts = { ';': 0, '\t': 0, ',': 0 };
			blank = true;
		} else if (!quoted && (ch === ';' || ch === '\t' || ch === ',')) {
			counts[ch] += 1;
		}
		if (ch !== undefined && !/\s/.test(ch)) {
			blank = false;
		}
	}
	if (!blank && lines.length < 10) {
		lines.push(counts);
	}
	const [first] = lines;
	if (!first) {
		return ',';
	}
	const steady = DELIMITERS.filter(d => first[d] > 0 && lines.every(l => l[d] === first[d]));
	const candidates = steady.length ? steady : DELIMITERS;
	const total = (d: Delimiter) => lines.reduce((sum, l) => sum + l[d], 0);
	const best = candidates.reduce((a, b) => (total(b) > total(a) ? b : a));
	return total(best) > 0 ? best : ',';
}

/** Header, data rows with their lines, fully empty rows dropped; the checks every format shares. */
function toTable(rows: { line: number; cells: string[] }[]): ParsedTable {
	const filled = rows.filter(r => r.cells.some(c => c !== ''));
	if (!filled.length) {
		throw fail('roster-empty');
	}
	const header = filled[0];
	if (header?.line !== 1) {
		throw fail('roster-no-header');
	}
	const data = filled.slice(1);
	if (!data.length) {
		throw fail('roster-empty');
	}
	if (data.length > MAX_ROWS) {
		throw fail('roster-too-large');
	}
	const cells = [...header.cells];
	while (cells.length && cells[cells.length - 1] === '') {
		cells.pop();
	}
	// Two columns both called "E-mail" must stay distinguishable when a column is chosen by its name.
	const seen = new Set<string>();
	const headers = cells.map(name => {
		let unique = name;
		for (let n = 2; name && seen.has(unique); n += 1) {
			unique = `${name} (${n})`;
		}
		seen.add(unique);
		return unique;
	});
	return { headers, rows: data };
}

function looksBinary(text: string): boolean {
	const sample = text.slice(0, 65536);
	if (sample.includes('\u0000') || /^\s*<(?:!doctype|html|\?xml|table)/i.test(sample)) {
		return true;
	}
	let controls = 0;
	for (let i = 0; i < sample.length; i += 1) {
		const code = sample.charCodeAt(i);
		if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) {
			controls += 1;
		}
	}
	// Text has no control characters besides tab and line breaks; a stray one is tolerated, a binary file has many.
	return controls > sample.length / 100;
}

function parseCsv(buf: Buffer): ParsedTable {
	const text = decodeText(buf);
	if (looksBinary(text)) {
		throw fail('roster-unreadable');
	}
	let records: string[][];
	try {
		records = parse(text, {
			delimiter: detectDelimiter(text),
			relax_column_count: true,
			relax_quotes: true,
			trim: true,
			// Empty lines stay as records, so that a record's index is its row in Excel.
			skip_empty_lines: false,
		});
	} catch {
		throw fail('roster-unreadable');
	}
	return toTable(records.map((cells, i) => ({ line: i + 1, cells: cells.map(c => c.trim()) })));
}

/**
 * The unpacked size of a zip, checked before exceljs unpacks it: the sizes its central directory declares, and then
 * each part actually inflated under a hard cap (a part that inflates past the cap stops there), so a zip that lies
 * about its sizes is caught too. Throws `roster-too-large` past `cap`; null when the zip is unreadable or a part's
 * real size is not the one declared.
 */
export function checkedUnzippedSize(buf: Buffer, cap = MAX_UNZIPPED_BYTES): number | null {
	const stop = Math.max(0, buf.length - 22 - 65535);
	for (let end = buf.length - 22; end >= stop; end -= 1) {
		if (buf.readUInt32LE(end) !== 0x06054b50) {
			continue;
		}
		const entries = buf.readUInt16LE(end + 10);
		let p = buf.readUInt32LE(end + 16);
		if (entries === 0xffff || p === 0xffffffff) {
			throw fail('roster-too-large');
		}
		const parts: { method: number; compressed: number; declared: number; local: number }[] = [];
		let declaredTotal = 0;
		for (let i = 0; i < entries; i += 1) {
			if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) {
				return null;
			}
			const part = { method: buf.readUInt16LE(p + 10), compressed: buf.readUInt32LE(p + 20), declared: buf.readUInt32LE(p + 24), local: buf.readUInt32LE(p + 42) };
			declaredTotal += part.declared;
			parts.push(part);
			p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
		}
		if (declaredTotal > cap) {
			throw fail('roster-too-large');
		}
		let actualTotal = 0;
		for (const part of parts) {
			if (part.local + 30 > buf.length || buf.readUInt32LE(part.local) !== 0x04034b50) {
				return null;
			}
			const start = part.local + 30 + buf.readUInt16LE(part.local + 26) + buf.readUInt16LE(part.local + 28);
			const data = buf.subarray(start, start + part.compressed);
			let size: number;
			if (part.method === 0) {
				size = data.length;
			} else if (part.method === 8) {
				try {
					size = inflateRawSync(data, { maxOutputLength: Math.max(1, cap - actualTotal) }).length;
				} catch (err) {
					if (err instanceof RangeError) {
						throw fail('roster-too-large');
					}
					return null;
				}
			} else {
				return null;
			}
			if (size !== part.declared) {
				return null;
			}
			actualTotal += size;
		}
		return actualTotal;
	}
	return null;
}

function isoDate(d: Date): string {
	return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A number as digits: 1e21 and 1e-7 are written out, as Excel shows them. */
function numberText(n: number): string {
	if (!Number.isFinite(n)) {
		return '';
	}
	const s = String(n);
	const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
	if (!m) {
		return s;
	}
	const [, sign = '', whole = '', fraction = '', exp = '0'] = m;
	const digits = whole + fraction;
	const point = whole.length + Number(exp);
	if (point <= 0) {
		return `${sign}0.${'0'.repeat(-point)}${digits}`;
	}
	if (point >= digits.length) {
		return sign + digits + '0'.repeat(point - digits.length);
	}
	return `${sign + digits.slice(0, point)}.${digits.slice(point)}`;
}

function valueText(value: unknown, numFmt: string | undefined): string {
	if (value === null || value === undefined) {
		return '';
	}
	if (value instanceof Date) {
		return isoDate(value);
	}
	if (typeof value === 'number') {
		// A member number shown as 000123 through a `000000` format is 123 in the cell; the secretariat sees 000123.
		const text = numberText(value);
		return numFmt && /^0+$/.test(numFmt) && /^\d+$/.test(text) ? text.padStart(numFmt.length, '0') : text;
	}
	if (typeof value === 'string') {
		return value;
	}
	if (typeof value === 'boolean') {
		return value ? 'TRUE' : 'FALSE';
	}
	if (typeof value === 'object') {
		const v = value as Record<string, unknown>;
		if (Array.isArray(v.richText)) {
			return (v.richText as { text?: unknown }[]).map(r => (typeof r.text === 'string' ? r.text : '')).join('');
		}
		if ('formula' in v || 'sharedFormula' in v) {
			// The value Excel computed and saved with the file; the formula itself is never read as data.
			return valueText(v.result, numFmt);
		}
		if ('hyperlink' in v || 'text' in v) {
			return valueText(v.text, numFmt);
		}
		if (typeof v.error === 'string') {
			return v.error;
		}
	}
	return '';
}

function cellText(cell: Cell): string {
	if (cell.isMerged && cell.master !== cell) {
		// Like Excel's own CSV export: a merged range's value belongs to its top-left cell only.
		return '';
	}
	return valueText(cell.value, cell.numFmt).trim();
}

function firstVisibleSheet(sheets: Worksheet[]): Worksheet | undefined {
	return sheets.find(s => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0];
}

async function parseXlsx(buf: Buffer): Promise<ParsedTable> {
	if (checkedUnzippedSize(buf) === null) {
		throw fail('roster-unreadable');
	}
	// Loaded on first use: exceljs is large and only the roster import needs it.
	const { Workbook } = await import('exceljs');
	const workbook = new Workbook();
	try {
		// A copy as a plain ArrayBuffer: exceljs's typings do not accept Node's Buffer, though JSZip reads both.
		await workbook.xlsx.load(new Uint8Array(buf).buffer);
	} catch {
		throw fail('roster-unreadable');
	}
	const sheet = firstVisibleSheet(workbook.worksheets);
	if (!sheet) {
		// Excel never saves a workbook without a sheet: this is another zip (.docx, .ods) that exceljs let through.
		throw fail('roster-unreadable');
	}
	if (sheet.actualRowCount > MAX_ROWS + 1) {
		throw fail('roster-too-large');
	}
	const rows: { line: number; cells: string[] }[] = [];
	sheet.eachRow((row, line) => {
		const cells: string[] = [];
		row.eachCell({ includeEmpty: true }, (cell, col) => {
			cells[col - 1] = cellText(cell);
		});
		rows.push({ line, cells: Array.from({ length: cells.length }, (_, i) => cells[i] ?? '') });
	});
	return toTable(rows);
}

function isZip(buf: Buffer): boolean {
	return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 0x03 || buf[2] === 0x05);
}

function isKnownBinary(buf: Buffer): boolean {
	const head = buf.subarray(0, 8).toString('hex');
	// OLE2 (.xls, .doc) and PDF: files the secretariat may pick by mistake.
	return head === 'd0cf11e0a1b11ae1' || buf.subarray(0, 5).toString('latin1') === '%PDF-';
}

/** Reads an uploaded roster; errors are translation tokens the upload form shows as they are. */
export async function parseRosterFile(buf: Buffer, filename: string): Promise<ParsedTable> {
	if (buf.length > MAX_BYTES) {
		throw fail('roster-too-large');
	}
	if (!buf.length) {
		throw fail('roster-empty');
	}
	if (isZip(buf) || /\.xlsx$/i.test(filename.trim())) {
		return parseXlsx(buf);
	}
	if (isKnownBinary(buf)) {
		throw fail('roster-unreadable');
	}
	return parseCsv(buf);
}
