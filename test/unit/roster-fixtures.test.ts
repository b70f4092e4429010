import assert from 'assert';
import fs from 'fs';
import path from 'path';
import { parseRosterFile } from '../../lib/membership/roster-file';
import { type ColumnMapping, defaultActiveStatuses, guessMapping, mapRows, statusSummary } from '../../lib/membership/rules';
import { EXPECTED, EXPECTED_STATUSES, type ExpectedLine, FILES } from '../fixtures/rosters';

const DIR = path.resolve(__dirname, '../../../test/fixtures');

/** What the import makes of each line of the file, in the shape of the expected preview. */
async function previewLines(file: string): Promise<{ lines: ExpectedLine[]; statuses: unknown }> {
	const table = await parseRosterFile(fs.readFileSync(path.join(DIR, file)), file);
	const mapping = guessMapping(table.headers) as ColumnMapping;
	assert.deepStrictEqual(mapping, {
		memberNumber: 'Lidnummer', lastName: 'Naam', firstName: 'Voornaam', emails: ['E-mail'], birthDate: 'Geboortedatum',
		status: 'Status', endDate: 'Einddatum',
	});
	const statusColumn = table.headers.indexOf('Status');
	const numbered = table.rows.filter(r => (r.cells[0] ?? '').trim() && !/^totaal/i.test(r.cells[0] ?? ''));
	const statuses = statusSummary(numbered.map(r => r.cells[statusColumn] ?? ''));
	const { entries, invalid, warnings } = mapRows(table, mapping, { activeStatuses: defaultActiveStatuses(statuses), today: '2026-12-03' });
	const byLine = new Map<number, ExpectedLine>();
	const at = (line: number, memberNumber: string) => {
		const found = byLine.get(line) ?? { line, outcome: 'imported', memberNumber, reasons: [] };
		byLine.set(line, found);
		return found;
	};
	const firstLine = new Map<string, number>();
	for (const w of warnings) {
		const l = at(w.line, w.memberNumber);
		l.outcome = 'warning';
		l.reasons.push(w.reason);
	}
	for (const r of invalid) {
		const l = at(r.line, r.memberNumber);
		l.outcome = 'refused';
		l.reasons.push(r.reason);
	}
	for (const row of table.rows) {
		const num = (row.cells[0] ?? '').trim();
		if (num && !firstLine.has(num)) {
			firstLine.set(num, row.line);
		}
	}
	for (const e of entries) {
		const l = at(firstLine.get(e.memberNumber) ?? 0, e.memberNumber);
		l.entry = { lastName: e.lastName, firstName: e.firstName, emails: e.emails, birthDate: e.birthDate, status: e.status, active: e.active };
	}
	return { lines: [...byLine.values()].sort((a, b) => a.line - b.line), statuses };
}

describe('roster fixtures: files as a secretariat saves them', () => {
	for (const [kind, file] of Object.entries(FILES)) {
		describe(`${kind} (${file})`, () => {
			it('gives the expected preview, line by line', async () => {
				const { lines } = await previewLines(file);
				for (const expected of EXPECTED) {
					assert.deepStrictEqual(lines.find(l => l.line === expected.line), expected, `line ${String(expected.line)}`);
				}
				assert.deepStrictEqual(lines.map(l => l.line), EXPECTED.map(l => l.line), 'no other line listed, empty lines skipped');
			});

			it('lists every status with its count, the people who left unticked', async () => {
				assert.deepStrictEqual((await previewLines(file)).statuses, EXPECTED_STATUSES);
			});
		});
	}

	it('are what make-rosters writes: Windows-1252 with CRLF, UTF-8 with a byte order mark, a real workbook', () => {
		const excel = fs.readFileSync(path.join(DIR, FILES.excelCsv));
		assert.ok(excel.includes(Buffer.from('\r\n')) && !excel.includes(Buffer.from([0xc3])), 'CRLF, no UTF-8 sequences');
		assert.ok(excel.includes(Buffer.from([0x92])), 'the typographic apostrophe of D’Hondt as Windows-1252 0x92');
		assert.ok(excel.subarray(0, 10).toString('latin1').startsWith('Lidnummer;'));
		const utf8 = fs.readFileSync(path.join(DIR, FILES.utf8Csv));
		assert.deepStrictEqual([...utf8.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
		assert.ok(utf8.subarray(3, 20).toString('utf8').startsWith('Lidnummer,'));
		assert.strictEqual(fs.readFileSync(path.join(DIR, FILES.xlsx)).subarray(0, 2).toString('latin1'), 'PK');
	});
});
