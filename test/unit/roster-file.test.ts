import assert from 'assert';
import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import { deflateRawSync } from 'zlib';
import { MAX_BYTES, MAX_ROWS, checkedUnzippedSize, decodeText, detectDelimiter, parseRosterFile } from '../../lib/membership/roster-file';
import { guessMapping, mapRows } from '../../lib/membership/rules';
import type { ColumnMapping } from '../../lib/membership/rules';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function windows1252(text: string): Buffer {
	// Every character used here is in Latin-1, where Windows-1252 and Latin-1 agree.
	return Buffer.from(text, 'latin1');
}

async function xlsx(fill: (sheet: Worksheet, workbook: Workbook) => void): Promise<Buffer> {
	const workbook = new Workbook();
	fill(workbook.addWorksheet('Leden'), workbook);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rejects(buf: Buffer, filename: string, code: string): Promise<void> {
	await assert.rejects(parseRosterFile(buf, filename), { message: `[[lvl:error.${code}]]` });
}

/** Deterministic bytes that are no text and no zip. */
function garbage(length: number): Buffer {
	const buf = Buffer.alloc(length);
	let x = 2463534242;
	for (let i = 0; i < length; i += 1) {
		// xorshift32
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		buf[i] = x & 0xff;
	}
	return buf;
}

describe('roster file', () => {
	describe('decodeText', () => {
		it('decodes UTF-8 with and without BOM', () => {
			assert.strictEqual(decodeText(Buffer.from('Désiré;Hénin')), 'Désiré;Hénin');
			assert.strictEqual(decodeText(Buffer.concat([BOM, Buffer.from('Désiré;Hénin')])), 'Désiré;Hénin');
		});

		it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
			assert.strictEqual(decodeText(windows1252('Désiré;Hénin;Noël')), 'Désiré;Hénin;Noël');
			assert.strictEqual(decodeText(Buffer.from([0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94])), '€ “ok”', 'Windows-1252, not Latin-1');
			const dhondt = Buffer.concat([windows1252('D'), Buffer.from([0x92]), windows1252('Hondt;C'), Buffer.from([0x9c]), windows1252('ur')]);
			assert.strictEqual(decodeText(dhondt), 'D’Hondt;Cœur');
			const all = decodeText(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)));
			assert.strictEqual(all, '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
		});

		it('decodes UTF-16 with a BOM (Excel\'s "Unicode text")', () => {
			const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Lidnr\tNaam\r\n1\tHénin', 'utf16le')]);
			assert.strictEqual(decodeText(le), 'Lidnr\tNaam\r\n1\tHénin');
			const be = Buffer.from(le.subarray(2)).swap16();
			assert.strictEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), 'Lidnr\tNaam\r\n1\tHénin');
		});
	});

	describe('detectDelimiter', () => {
		it('finds semicolons, commas and tabs', () => {
			assert.strictEqual(detectDelimiter('Lidnr;Naam;Voornaam\n1;Peeters;Jan\n'), ';');
			assert.strictEqual(detectDelimiter('Lidnr,Naam,Voornaam\r\n1,Peeters,Jan\r\n'), ',');
			assert.strictEqual(detectDelimiter('Lidnr\tNaam\n1\tPeeters'), '\t');
		});

		it('ignores delimiters inside quotes and skips leading empty lines', () => {
			assert.strictEqual(detectDelimiter('\n\n"Naam, voornaam";Lidnr\n"Peeters, Jan";1\n"Maes, An";2'), ';');
			assert.strictEqual(detectDelimiter('"a;b;c",x\n"d;e;f",y'), ',');
			assert.strictEqual(detectDelimiter('"Adres\nStraat 1; bus 2",Nr\n"x",1'), ',');
		});

		it('prefers the delimiter that is steady over the lines', () => {
			assert.strictEqual(detectDelimiter('Lidnr;Naam;Opmerking\n1;Peeters;ja, graag, zeker\n2;Maes;nee, dank, u'), ';');
		});

		it('falls back to a comma for a single column', () => {
			assert.strictEqual(detectDelimiter('Lidnr\n1\n2'), ',');
			assert.strictEqual(detectDelimiter(''), ',');
		});
	});

	describe('parseRosterFile: CSV', () => {
		it('reads a Windows-1252 file separated by semicolons, as Excel saves it in Belgium', async () => {
			const buf = windows1252('Lidnr;Voornaam;Naam;E-mail\r\n0012;Désiré;Hénin;desire@example.be\r\n0013;Noël;Müller;\r\n');
			assert.deepStrictEqual(await parseRosterFile(buf, 'leden.csv'), {
				headers: ['Lidnr', 'Voornaam', 'Naam', 'E-mail'],
				rows: [
					{ line: 2, cells: ['0012', 'Désiré', 'Hénin', 'desire@example.be'] },
					{ line: 3, cells: ['0013', 'Noël', 'Müller', ''] },
				],
			});
		});

		it('reads UTF-8 with a BOM, which never reaches the first header', async () => {
			const table = await parseRosterFile(Buffer.concat([BOM, Buffer.from('Lidnummer;Naam\n1;Ødegård\n')]), 'leden.csv');
			assert.deepStrictEqual(table.headers, ['Lidnummer', 'Naam']);
			assert.deepStrictEqual(table.rows, [{ line: 2, cells: ['1', 'Ødegård'] }]);
			assert.strictEqual(guessMapping(table.headers).memberNumber, 'Lidnummer');
		});

		it('reads a comma-separated file with quoted cells', async () => {
			const buf = Buffer.from('Member number,Name,Email\n1,"Peeters, Jan","jan@example.be, j@example.be"\n2,"Zeg ""ja""",\n');
			const table = await parseRosterFile(buf, 'members.csv');
			assert.deepStrictEqual(table.rows, [
				{ line: 2, cells: ['1', 'Peeters, Jan', 'jan@example.be, j@example.be'] },
				{ line: 3, cells: ['2', 'Zeg "ja"', ''] },
			]);
		});

		it('reads Excel\'s tab-separated "Unicode text"', async () => {
			const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Lidnr\tNaam\r\n1\tHénin\r\n', 'utf16le')]);
			assert.deepStrictEqual((await parseRosterFile(buf, 'leden.txt')).rows, [{ line: 2, cells: ['1', 'Hénin'] }]);
		});

		it('trims cells, skips empty lines and keeps the line numbers of the rows after them', async () => {
			const buf = Buffer.from('Nr ; Naam;\n  1 ;  Peeters  \n\n;;\n   \n2;Maes;extra;cellen\n3\n"4";"Twee\nregels"\n5;Laatste\n\n');
			const table = await parseRosterFile(buf, 'leden.csv');
			assert.deepStrictEqual(table.headers, ['Nr', 'Naam'], 'trailing empty headers are dropped');
			assert.deepStrictEqual(table.rows, [
				{ line: 2, cells: ['1', 'Peeters'] },
				{ line: 6, cells: ['2', 'Maes', 'extra', 'cellen'] },
				{ line: 7, cells: ['3'] },
				{ line: 8, cells: ['4', 'Twee\nregels'] },
				{ line: 9, cells: ['5', 'Laatste'] },
			], 'a quoted cell over two lines is one row, as in Excel');
		});

		it('keeps a stray quote inside a cell', async () => {
			const table = await parseRosterFile(Buffer.from('Nr;Naam\n1;O"Brien\n'), 'leden.csv');
			assert.deepStrictEqual(table.rows[0]?.cells, ['1', 'O"Brien']);
		});

		it('names repeated headers apart', async () => {
			const table = await parseRosterFile(Buffer.from('Nr;E-mail;E-mail;E-mail\n1;a@x.be;b@x.be;c@x.be\n'), 'leden.csv');
			assert.deepStrictEqual(table.headers, ['Nr', 'E-mail', 'E-mail (2)', 'E-mail (3)']);
			assert.deepStrictEqual(guessMapping(table.headers).emails, ['E-mail', 'E-mail (2)', 'E-mail (3)']);
		});

		it('reports bad rows with the line the secretariat sees', async () => {
			const csv = 'Lidnr;Naam;E-mail;Geboortedatum\n' +
				'1;Peeters;jan@example.be;01/02/1980\n' +
				'\n' +
				'2;Maes;an-at-example.be;03/04/1981\n' +
				'1;Peeters;jan@example.be;01/02/1980\n' +
				'3;Wouters;;31/02/1982\n' +
				';Niemand;;\n';
			const table = await parseRosterFile(Buffer.from(csv), 'leden.csv');
			const mapping = guessMapping(table.headers) as ColumnMapping;
			const { entries, invalid, warnings } = mapRows(table, mapping, { activeStatuses: [], today: '2025-01-01' });
			assert.deepStrictEqual(entries.map(e => e.memberNumber), ['1', '2', '3'], 'a bad cell loses the value, not the member');
			assert.deepStrictEqual(invalid, [
				{ line: 7, reason: '[[lvl:roster.invalid.missing-member-number]]', memberNumber: '' },
			]);
			assert.deepStrictEqual(warnings, [
				{ line: 4, reason: '[[lvl:roster.warning.bad-email, an-at-example.be]]', memberNumber: '2' },
				{ line: 5, reason: '[[lvl:roster.warning.repeated-row, 2]]', memberNumber: '1' },
				{ line: 6, reason: '[[lvl:roster.warning.bad-birth-date, 31/02/1982]]', memberNumber: '3' },
			]);
		});

		it('parses 20,000 rows (their speed is measured in bench/)', async function () {
			this.timeout(30000);
			const lines = ['Lidnr;Naam;Voornaam;E-mail;Geboortedatum'];
			for (let i = 1; i <= 20000; i += 1) {
				lines.push(`${String(i).padStart(6, '0')};Naam ${i};Voornaam;lid${i}@example.be;${1 + i % 28}/${1 + i % 12}/19${50 + i % 50}`);
			}
			const table = await parseRosterFile(Buffer.from(lines.join('\r\n')), 'groot.csv');
			const { entries, invalid } = mapRows(table, guessMapping(table.headers) as ColumnMapping, { activeStatuses: [], today: '2025-01-01' });
			assert.strictEqual(table.rows.length, 20000);
			assert.deepStrictEqual(table.rows[19999], {
				line: 20001, cells: ['020000', 'Naam 20000', 'Voornaam', 'lid20000@example.be', '9/9/1950'],
			});
			assert.strictEqual(entries.length, 20000);
			assert.deepStrictEqual(invalid, []);
		});
	});

	describe('parseRosterFile: XLSX', () => {
		it('reads every cell of the first sheet as the text the secretariat sees', async () => {
			const buf = await xlsx((sheet, workbook) => {
				sheet.addRow(['Lidnummer', 'Geboortedatum', 'Formule', 'Tekst', 'Rijk', 'Groot', 'Opgevuld', 'Leeg', 'Ja', 'Link']);
				sheet.addRow(['000123', new Date(Date.UTC(1980, 0, 1)), { formula: '1+1', result: 2 }, "=cmd|' /C calc'!A0",
					{ richText: [{ text: 'Van den ', font: { bold: true } }, { text: 'Broeck' }] }, 1e21, 123, null, true,
					{ text: 'jan@example.be', hyperlink: 'mailto:jan@example.be' }]);
				sheet.getCell('G2').numFmt = '000000';
				sheet.addRow([]);
				sheet.addRow([' 000124 ', '', { formula: 'A2&"x"' }, 0.5, '', 1e-7]);
				workbook.addWorksheet('Tweede').addRow(['Niet', 'dit']);
			});
			const table = await parseRosterFile(buf, 'Leden.XLSX');
			assert.deepStrictEqual(table.headers,
				['Lidnummer', 'Geboortedatum', 'Formule', 'Tekst', 'Rijk', 'Groot', 'Opgevuld', 'Leeg', 'Ja', 'Link']);
			assert.deepStrictEqual(table.rows, [
				{
					line: 2,
					cells: ['000123', '1980-01-01', '2', "=cmd|' /C calc'!A0", 'Van den Broeck', '1000000000000000000000',
						'000123', '', 'TRUE', 'jan@example.be'],
				},
				{ line: 4, cells: ['000124', '', '', '0.5', '', '0.0000001'] },
			]);
			assert.ok(!JSON.stringify(table).includes('1+1'), 'a formula is never read as data');
		});

		it('knows an XLSX by its content whatever its name, and skips a hidden first sheet', async () => {
			const buf = await xlsx((sheet, workbook) => {
				sheet.state = 'hidden';
				sheet.addRow(['Verborgen']);
				sheet.addRow(['x']);
				const visible = workbook.addWorksheet('Zichtbaar');
				visible.addRow(['Nr', 'Naam']);
				visible.addRow([7, 'Peeters']);
			});
			assert.deepStrictEqual(await parseRosterFile(buf, 'leden.csv'), {
				headers: ['Nr', 'Naam'], rows: [{ line: 2, cells: ['7', 'Peeters'] }],
			});
		});

		it('gives a merged range\'s value to its first cell only', async () => {
			const buf = await xlsx(sheet => {
				sheet.addRow(['Nr', 'Naam', 'Voornaam']);
				sheet.getCell('A2').value = 1;
				sheet.mergeCells('B2:C2');
				sheet.getCell('B2').value = 'Peeters Jan';
			});
			assert.deepStrictEqual((await parseRosterFile(buf, 'leden.xlsx')).rows, [{ line: 2, cells: ['1', 'Peeters Jan', ''] }]);
		});

		it('refuses an empty workbook, a header without rows and a blank first row', async () => {
			await rejects(await xlsx(() => undefined), 'leden.xlsx', 'roster-empty');
			await rejects(await xlsx(sheet => sheet.addRow(['Nr', 'Naam'])), 'leden.xlsx', 'roster-empty');
			await rejects(await xlsx(sheet => {
				sheet.getCell('A2').value = 'Nr';
				sheet.getCell('A3').value = '1';
			}), 'leden.xlsx', 'roster-no-header');
		});

		it('refuses an XLSX that would unpack to more than it may', async () => {
			const buf = await xlsx(sheet => {
				sheet.addRow(['Nr']);
				sheet.addRow([1]);
			});
			// The central directory's first entry now declares 4 GB.
			const central = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
			buf.writeUInt32LE(0xfffffffe, central + 24);
			await rejects(buf, 'leden.xlsx', 'roster-too-large');
		});
	});

	describe('an XLSX that lies about its sizes (security #12)', () => {
		/** A one-part zip whose headers declare `declared` bytes for `content`. */
		function zip(content: Buffer, declared: number): Buffer {
			const name = Buffer.from('xl/sheet.xml');
			const data = deflateRawSync(content);
			const local = Buffer.alloc(30);
			local.writeUInt32LE(0x04034b50, 0);
			local.writeUInt16LE(8, 8);
			local.writeUInt32LE(data.length, 18);
			local.writeUInt32LE(declared, 22);
			local.writeUInt16LE(name.length, 26);
			const central = Buffer.alloc(46);
			central.writeUInt32LE(0x02014b50, 0);
			central.writeUInt16LE(8, 10);
			central.writeUInt32LE(data.length, 20);
			central.writeUInt32LE(declared, 24);
			central.writeUInt16LE(name.length, 28);
			central.writeUInt32LE(0, 42);
			const end = Buffer.alloc(22);
			end.writeUInt32LE(0x06054b50, 0);
			end.writeUInt16LE(1, 8);
			end.writeUInt16LE(1, 10);
			end.writeUInt32LE(central.length + name.length, 12);
			end.writeUInt32LE(local.length + name.length + data.length, 16);
			return Buffer.concat([local, name, data, central, name, end]);
		}

		it('inflates every part under a hard cap: a part declared small that unpacks past it is refused as too large', () => {
			const bomb = zip(Buffer.alloc(2_000_000, 'a'), 100);
			assert.throws(() => checkedUnzippedSize(bomb, 1_000_000), /roster-too-large/);
		});

		it('reads a part whose real size differs from the declared one as unreadable, an honest zip as its size', () => {
			assert.strictEqual(checkedUnzippedSize(zip(Buffer.alloc(5000, 'a'), 100), 1_000_000), null);
			assert.strictEqual(checkedUnzippedSize(zip(Buffer.alloc(5000, 'a'), 5000), 1_000_000), 5000);
			assert.throws(() => checkedUnzippedSize(zip(Buffer.alloc(5000, 'a'), 5000), 4000), /roster-too-large/, 'declared past the cap');
		});
	});

	describe('parseRosterFile: refusals', () => {
		it('refuses an empty file and one with only blank lines', async () => {
			await rejects(Buffer.alloc(0), 'leden.csv', 'roster-empty');
			await rejects(Buffer.from('\r\n\n  \n;;;\n'), 'leden.csv', 'roster-empty');
			await rejects(Buffer.concat([BOM]), 'leden.csv', 'roster-empty');
		});

		it('refuses a file with only a header', async () => {
			await rejects(Buffer.from('Lidnr;Naam;E-mail\r\n'), 'leden.csv', 'roster-empty');
			await rejects(Buffer.from('Lidnr;Naam;E-mail\r\n;;\r\n\r\n'), 'leden.csv', 'roster-empty');
		});

		it('refuses a file whose first line is not a header', async () => {
			await rejects(Buffer.from('\nLidnr;Naam\n1;Peeters\n'), 'leden.csv', 'roster-no-header');
			await rejects(Buffer.from(';;\n1;Peeters\n'), 'leden.csv', 'roster-no-header');
		});

		it('refuses more than 10 MB or more than 100,000 rows', async () => {
			await rejects(Buffer.alloc(MAX_BYTES + 1, 'a'), 'leden.csv', 'roster-too-large');
			await rejects(Buffer.alloc(MAX_BYTES + 1), 'leden.xlsx', 'roster-too-large');
			const rows = `Nr\n${'1\n'.repeat(MAX_ROWS)}`;
			assert.strictEqual((await parseRosterFile(Buffer.from(rows), 'leden.csv')).rows.length, MAX_ROWS);
			await rejects(Buffer.from(`${rows}1\n`), 'leden.csv', 'roster-too-large');
		});

		it('refuses what is neither CSV nor XLSX', async () => {
			const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), garbage(4096)]);
			await rejects(xls, 'leden.xls', 'roster-unreadable');
			await rejects(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 'leden.pdf', 'roster-unreadable');
			await rejects(garbage(4096), 'leden.csv', 'roster-unreadable');
			await rejects(Buffer.concat([Buffer.from('PK\x03\x04'), garbage(4096)]), 'leden.xlsx', 'roster-unreadable');
			await rejects(Buffer.from('Lidnr;Naam\n1;Peeters\n'), 'leden.xlsx', 'roster-unreadable');
			await rejects(Buffer.from('<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>'), 'leden.xls', 'roster-unreadable');
			await rejects(Buffer.from('Lidnr;Naam\u0000\n1;Peeters\n'), 'leden.csv', 'roster-unreadable');
		});

		it('reads a text file whatever its extension', async () => {
			const table = await parseRosterFile(Buffer.from('Lidnr\tNaam\n1\tPeeters\n'), 'export.xls');
			assert.deepStrictEqual(table.rows, [{ line: 2, cells: ['1', 'Peeters'] }]);
		});
	});
});
