import assert from 'assert';
import { csvCell as safeCsvCell, foldText, isFormulaLike } from '../../lib/kernel/text';
import type { ParsedTable } from '../../lib/membership/roster-file';
import {
	defaultActiveStatuses, diffRoster, emailKey, guessMapping, INACTIVE_STATUS_WORDS, isEmail,
	looksInactive, mapRows, normaliseEmail, normaliseMemberNumber, parseDate, proofMatches, splitEmails,
	statusesKnown, statusSummary, tokenArg, touchesVerification, withoutGroupTitle,
} from '../../lib/membership/rules';
import type { ColumnMapping, RosterEntry } from '../../lib/membership/rules';

function entry(memberNumber: string, fields: Partial<RosterEntry> = {}): RosterEntry {
	return {
		memberNumber, lastName: '', firstName: '', emails: [], birthDate: '', status: '', active: true, endDate: '',
		...fields,
	};
}

function table(headers: string[], ...rows: string[][]): ParsedTable {
	return { headers, rows: rows.map((cells, i) => ({ line: i + 2, cells })) };
}

const opts = { activeStatuses: [], today: '2025-06-15' };

describe('membership rules', () => {
	describe('text normalisation', () => {
		it('folds names: lower case, no accents, whitespace collapsed', () => {
			assert.strictEqual(foldText('  Désiré   HÉNIN\t'), 'desire henin');
			assert.strictEqual(foldText('Çağlar Öztürk'), 'caglar ozturk');
			assert.strictEqual(foldText(''), '');
		});

		it('normalises and recognises e-mail addresses', () => {
			assert.strictEqual(normaliseEmail('  Jan.Peeters@Example.BE '), 'jan.peeters@example.be');
			for (const ok of ['jan@example.be', 'j.peeters+forum@sub.example.co.uk', "o'brien@example.ie"]) {
				assert.strictEqual(isEmail(ok), true, ok);
			}
			for (const bad of ['', 'jan', 'jan@', '@example.be', 'jan@example', 'jan peeters@example.be', 'jan@@example.be',
				'jan@-example.be', `${'a'.repeat(250)}@example.be`]) {
				assert.strictEqual(isEmail(bad), false, bad);
			}
		});

		it('splits a cell holding several e-mail addresses', () => {
			assert.deepStrictEqual(splitEmails('a@x.be; b@y.be,c@z.be  d@w.be\ne@v.be'),
				['a@x.be', 'b@y.be', 'c@z.be', 'd@w.be', 'e@v.be']);
			assert.deepStrictEqual(splitEmails('  '), []);
			assert.deepStrictEqual(splitEmails('a@x.be;'), ['a@x.be']);
		});

		it('normalises member numbers, keeping leading zeros', () => {
			assert.strictEqual(normaliseMemberNumber(' 000 123 '), '000123');
			assert.strictEqual(normaliseMemberNumber('ab-12\u00a034'), 'AB-1234');
			assert.strictEqual(normaliseMemberNumber('   '), '');
		});

		it('keeps values from breaking out of a translation token', () => {
			assert.strictEqual(tokenArg('a,b]] [[lvl:x]] 100%'), 'a b lvl:x 100');
			assert.strictEqual(tokenArg('x'.repeat(300)).length, 100);
		});
	});

	describe('parseDate', () => {
		it('accepts ISO and day-first dates', () => {
			assert.strictEqual(parseDate('1980-01-01'), '1980-01-01');
			assert.strictEqual(parseDate('1980-1-2'), '1980-01-02');
			assert.strictEqual(parseDate('1980-01-02 00:00:00'), '1980-01-02');
			assert.strictEqual(parseDate('31/12/1979'), '1979-12-31');
			assert.strictEqual(parseDate('31-12-1979'), '1979-12-31');
			assert.strictEqual(parseDate('31.12.1979'), '1979-12-31');
			assert.strictEqual(parseDate('1/2/2003'), '2003-02-01');
			assert.strictEqual(parseDate(' 05/06/2007 '), '2007-06-05');
		});

		it('reads Excel serial numbers, 1900 leap-year bug included', () => {
			assert.strictEqual(parseDate('29221'), '1980-01-01');
			assert.strictEqual(parseDate('1'), '1900-01-01');
			assert.strictEqual(parseDate('59'), '1900-02-28');
			assert.strictEqual(parseDate('60'), null, 'Excel\'s 1900-02-29 never existed');
			assert.strictEqual(parseDate('61'), '1900-03-01');
			assert.strictEqual(parseDate('45658'), '2025-01-01');
			assert.strictEqual(parseDate('29221.75'), '1980-01-01');
			assert.strictEqual(parseDate('80000'), '2119-01-11');
			assert.strictEqual(parseDate('0'), null);
			assert.strictEqual(parseDate('80001'), null);
		});

		it('refuses two-digit years, impossible dates and anything else', () => {
			for (const bad of ['01/02/80', '1-2-03', '31/02/2000', '29/02/1900', '2001-02-29', '00/01/2000', '01/13/2000',
				'2000-13-01', '01/02-2000', '1 januari 1980', '', 'n/a', '0999-01-01', '-5']) {
				assert.strictEqual(parseDate(bad), null, bad);
			}
			assert.strictEqual(parseDate('29/02/2000'), '2000-02-29');
		});
	});

	describe('guessMapping', () => {
		it('recognises Dutch headers', () => {
			assert.deepStrictEqual(guessMapping(['Lidnummer', 'Naam', 'Voornaam', 'E-mail', 'Geboortedatum', 'Statuut',
				'Vervaldatum', 'Telefoonnummer']), {
				memberNumber: 'Lidnummer', lastName: 'Naam', firstName: 'Voornaam', emails: ['E-mail'],
				birthDate: 'Geboortedatum', status: 'Statuut', endDate: 'Vervaldatum',
			});
		});

		it('recognises French headers without regard to case or accents', () => {
			assert.deepStrictEqual(guessMapping(['N° membre', 'NOM DE FAMILLE', 'Prenom', 'Courriel', 'Adresse e-mail',
				'Date de naissance', 'statut', 'Date de fin']), {
				memberNumber: 'N° membre', lastName: 'NOM DE FAMILLE', firstName: 'Prenom',
				emails: ['Courriel', 'Adresse e-mail'], birthDate: 'Date de naissance', status: 'statut',
				endDate: 'Date de fin',
			});
			assert.strictEqual(guessMapping(['Numéro de membre']).memberNumber, 'Numéro de membre');
			assert.strictEqual(guessMapping(['Nº membre']).memberNumber, 'Nº membre');
		});

		it('recognises English headers and several e-mail columns', () => {
			assert.deepStrictEqual(guessMapping(['Member ID', 'Surname', 'First name', 'Email', 'Email 2', 'Date of birth',
				'Membership', 'Expiry']), {
				memberNumber: 'Member ID', lastName: 'Surname', firstName: 'First name', emails: ['Email', 'Email 2'],
				birthDate: 'Date of birth', status: 'Membership', endDate: 'Expiry',
			});
		});

		it('prefers the specific header and maps each header once', () => {
			const m = guessMapping(['Nummer', 'Naam', 'Lidnr', 'Familienaam']);
			assert.strictEqual(m.memberNumber, 'Lidnr');
			assert.strictEqual(m.lastName, 'Familienaam');
			assert.deepStrictEqual(guessMapping(['Opmerking', 'Telefoon']), {});
		});
	});

	describe('mapRows', () => {
		const headers = ['Lidnr', 'Naam', 'Voornaam', 'E-mail', 'E-mail 2', 'Geboren', 'Status', 'Einde'];
		const mapping: ColumnMapping = {
			memberNumber: 'Lidnr', lastName: 'Naam', firstName: 'Voornaam', emails: ['E-mail', 'E-mail 2'],
			birthDate: 'Geboren', status: 'Status', endDate: 'Einde',
		};

		it('turns rows into entries', () => {
			const { entries, invalid } = mapRows(table(headers,
				[' 000 12 ', ' Van den  Broeck ', 'Désiré', 'D.VdB@Example.be; desire@example.be', 'desire@example.be',
					'01/02/1980', 'Werkend', ''],
				['13', 'Hénin', 'Jan', '', '', '', 'Werkend']), mapping, { ...opts, activeStatuses: ['werkend'] });
			assert.deepStrictEqual(invalid, []);
			assert.deepStrictEqual(entries, [
				{
					memberNumber: '00012', lastName: 'Van den Broeck', firstName: 'Désiré',
					emails: ['d.vdb@example.be', 'desire@example.be'], birthDate: '1980-02-01', status: 'Werkend',
					active: true, endDate: '',
				},
				entry('13', { lastName: 'Hénin', firstName: 'Jan', status: 'Werkend' }),
			]);
		});

		it('refuses every row of a member number that two different rows carry, naming the other lines', () => {
			const { entries, invalid, duplicates } = mapRows(table(['Nr', 'Naam'], ['7', 'Eerste'], ['8', 'Ander'], [' 7', 'Tweede'],
				['07', 'Niet hetzelfde'], ['7', 'Derde']), { memberNumber: 'Nr', lastName: 'Naam' }, opts);
			assert.deepStrictEqual(entries.map(e => e.lastName), ['Ander', 'Niet hetzelfde']);
			assert.deepStrictEqual(duplicates, ['7']);
			assert.deepStrictEqual(invalid, [
				{ line: 2, reason: '[[lvl:roster.invalid.duplicate-member-number, 4 6]]', memberNumber: '7' },
				{ line: 4, reason: '[[lvl:roster.invalid.duplicate-member-number, 2 6]]', memberNumber: '7' },
				{ line: 6, reason: '[[lvl:roster.invalid.duplicate-member-number, 2 4]]', memberNumber: '7' },
			]);
		});

		it('imports the same line twice once, with a warning', () => {
			const { entries, invalid, warnings } = mapRows(table(['Nr', 'Naam'], ['7', 'Peeters'], ['7', ' Peeters ', '']),
				{ memberNumber: 'Nr', lastName: 'Naam' }, opts);
			assert.deepStrictEqual(entries.map(e => e.lastName), ['Peeters']);
			assert.deepStrictEqual(invalid, []);
			assert.deepStrictEqual(warnings, [{ line: 3, reason: '[[lvl:roster.warning.repeated-row, 2]]', memberNumber: '7' }]);
		});

		it('refuses only rows without a member number; a bad e-mail, date or status loses that value, not the row', () => {
			const { entries, invalid, warnings } = mapRows(table(headers,
				['', 'Zonder nummer'],
				['20', 'A', '', 'geen-adres'],
				['21', 'B', '', 'ok@example.be', 'ook]]fout%[[lvl:x]]'],
				['22', 'C', '', '', '', '31/02/1980', 'Werkend'],
				['23', 'D', '', '', '', '', 'Werkend', '1/1/25'],
				['24', 'E', '', 'benoît.dupont@example.be', '', '', 'Werkend']), mapping, { ...opts, activeStatuses: ['Werkend'] });
			assert.deepStrictEqual(entries.map(e => [e.memberNumber, e.emails, e.birthDate, e.endDate, e.active]), [
				['20', [], '', '', true],
				['21', ['ok@example.be'], '', '', true],
				['22', [], '', '', true],
				['23', [], '', '', true],
				['24', ['benoît.dupont@example.be'], '', '', true],
			]);
			assert.deepStrictEqual(invalid, [
				{ line: 2, reason: '[[lvl:roster.invalid.missing-member-number]]', memberNumber: '' },
			]);
			assert.deepStrictEqual(warnings, [
				{ line: 3, reason: '[[lvl:roster.warning.bad-email, geen-adres]]', memberNumber: '20' },
				{ line: 3, reason: '[[lvl:roster.warning.missing-status]]', memberNumber: '20' },
				{ line: 4, reason: '[[lvl:roster.warning.bad-email, ook fout lvl:x]]', memberNumber: '21' },
				{ line: 4, reason: '[[lvl:roster.warning.missing-status]]', memberNumber: '21' },
				{ line: 5, reason: '[[lvl:roster.warning.bad-birth-date, 31/02/1980]]', memberNumber: '22' },
				{ line: 6, reason: '[[lvl:roster.warning.bad-end-date, 1/1/25]]', memberNumber: '23' },
			]);
		});

		it('a row refused for its member number never makes a later row a duplicate', () => {
			const { entries, invalid } = mapRows(table(['Nr', 'Mail'], ['5', 'fout'], ['6', 'goed@example.be'], ['', 'x@example.be']),
				{ memberNumber: 'Nr', emails: ['Mail'] }, opts);
			assert.deepStrictEqual(entries.map(e => e.memberNumber), ['5', '6']);
			assert.deepStrictEqual(invalid.map(i => i.line), [4]);
		});

		it('decides who is active from the ticked statuses and the end date; nothing ticked is nobody', () => {
			const t = table(['Nr', 'Status', 'Einde'],
				['1', 'Werkend lid', ''], ['2', 'MEMBRE  EFFECTIF', ''], ['3', 'Ex-lid', ''], ['4', '', ''],
				['5', 'werkend lid', '2025-06-15'], ['6', 'werkend lid', '14/06/2025'], ['7', 'werkend lid', '2030-01-01']);
			const active = (activeStatuses: string[], m: ColumnMapping) =>
				mapRows(t, m, { activeStatuses, today: '2025-06-15' }).entries.filter(e => e.active).map(e => e.memberNumber);
			const all = { memberNumber: 'Nr', status: 'Status', endDate: 'Einde' };
			assert.deepStrictEqual(active(['Werkend lid', 'Membre effectif'], all), ['1', '2', '4', '5', '7'],
				'an empty status says nothing about leaving');
			assert.deepStrictEqual(active([], all), ['4'], 'nothing ticked: nobody with a status is active');
			assert.deepStrictEqual(active(['Werkend lid'], { memberNumber: 'Nr' }), ['1', '2', '3', '4', '5', '6', '7'],
				'no status or end date column: everyone');
			const first = mapRows(t, all, { activeStatuses: ['werkend lid'], today: '2025-06-15' }).entries[0]!;
			assert.strictEqual(first.status, 'Werkend lid');
			assert.strictEqual(first.endDate, '');
		});

		it('refuses a mapping without member number or naming an absent column', () => {
			const t = table(['Nr', 'Naam'], ['1', 'A']);
			assert.throws(() => mapRows(t, { memberNumber: '' }, opts), { message: '[[lvl:error.mapping-member-number-required]]' });
			assert.throws(() => mapRows(t, { memberNumber: 'Lidnr' }, opts), { message: '[[lvl:error.mapping-unknown-column, Lidnr]]' });
			assert.throws(() => mapRows(t, { memberNumber: 'Nr', emails: ['Mail, [[x]]'] }, opts),
				{ message: '[[lvl:error.mapping-unknown-column, Mail x]]' });
			assert.strictEqual(mapRows(t, { memberNumber: 'Nr', lastName: '', emails: [''] }, opts).entries.length, 1,
				'an empty name means "not mapped"');
		});
	});

	describe('diffRoster', () => {
		it('sorts the incoming roster into added, changed, unchanged and leaving', () => {
			const current = [
				entry('1', { lastName: 'Peeters', emails: ['a@x.be', 'b@x.be'] }),
				entry('2', { lastName: 'Janssens' }),
				entry('3', { lastName: 'Maes', status: 'werkend' }),
				entry('4', { lastName: 'Wouters' }),
				entry('5', { lastName: 'Oud', active: false }),
			];
			const incoming = [
				entry('1', { lastName: 'Peeters', emails: ['b@x.be', 'a@x.be'] }),
				entry('3', { lastName: 'Maes', status: 'ex-lid', active: false }),
				entry('2', { lastName: 'Janssens', emails: ['j@x.be'] }),
				entry('6', { lastName: 'Nieuw' }),
			];
			const diff = diffRoster(current, incoming);
			assert.deepStrictEqual(diff.added.map(e => e.memberNumber), ['6']);
			assert.deepStrictEqual(diff.changed.map(c => [c.before.memberNumber, c.fields]),
				[['3', ['status', 'active']], ['2', ['emails']]]);
			assert.strictEqual(diff.changed[0]?.after.status, 'ex-lid');
			assert.strictEqual(diff.unchanged, 1, 'the order of e-mail addresses is no change');
			assert.deepStrictEqual(diff.leaving.map(e => e.memberNumber), ['4'], 'an already inactive member is not leaving');
		});

		it('has nothing to report for the same roster', () => {
			const roster = [entry('1'), entry('2')];
			assert.deepStrictEqual(diffRoster(roster, roster), { added: [], changed: [], unchanged: 2, leaving: [] });
			assert.deepStrictEqual(diffRoster([], roster).added.length, 2);
			assert.deepStrictEqual(diffRoster(roster, []).leaving.length, 2);
		});
	});

	describe('e-mail addresses as people type them (RFC 5321, RFC 6531)', () => {
		it('accepts internationalised local parts and domains, as NodeBB\'s validator does', () => {
			for (const ok of ['benoît.dupont@example.be', 'jürgen.müller@example.de', 'zoë@café.be', 'françois@mail.example.fr',
				'δοκιμή@παράδειγμα.δοκιμή', 'x@xn--caf-dma.be', 'a.b-c_d@example.museum']) {
				assert.strictEqual(isEmail(ok), true, ok);
			}
			for (const bad of ['.jan@example.be', 'jan.@example.be', 'jan..peeters@example.be', 'jan@example.b', 'jan@exa mple.be',
				'jan@example.be\u0000', `${'a'.repeat(65)}@example.be`, 'jan@example.123']) {
				assert.strictEqual(isEmail(bad), false, bad);
			}
		});

		it('reads what a mail program pastes into a cell', () => {
			assert.deepStrictEqual(splitEmails('Jan Peeters <jan@example.be>'), ['jan@example.be']);
			assert.deepStrictEqual(splitEmails('mailto:jan@example.be; "an@example.be".'), ['jan@example.be', 'an@example.be']);
		});

		it('compares addresses without case and accent differences when a member verifies', () => {
			assert.strictEqual(emailKey(' Benoît.Dupont@Example.BE '), 'benoit.dupont@example.be');
			const benoit = entry('9', { emails: ['benoît.dupont@example.be'] });
			assert.strictEqual(proofMatches(benoit, { email: 'benoit.dupont@example.be' }), true);
			assert.strictEqual(proofMatches(benoit, { email: 'BENOÎT.DUPONT@EXAMPLE.BE' }), true);
			// NFC typed on one device, NFD stored from another
			assert.strictEqual(proofMatches(benoit, { email: 'beno\u0069\u0302t.dupont@example.be' }), true);
			assert.strictEqual(proofMatches(benoit, { email: 'benoit.dupond@example.be' }), false);
		});
	});

	describe('statuses as a decision', () => {
		it('recognises statuses of people who left, in Dutch, French and English', () => {
			for (const gone of ['Ontslagen', 'OVERLEDEN', 'Geschrapt', 'geschorst', 'Ex-lid', 'Oud-lid', 'Uitgeschreven',
				'Démissionnaire', 'Décédé', 'Radiée', 'Suspendu', 'Ancien membre', 'Resigned', 'Deceased', 'Struck off',
				'Suspended', 'Former', 'Lapsed', 'Lid (overleden 2024)', 'ontslagen op 1/1']) {
				assert.strictEqual(looksInactive(gone), true, gone);
			}
			for (const member of ['Werkend lid', 'Lid', 'Erelid', 'Membre effectif', 'Membre d\'honneur', 'Active', 'Steunend lid',
				'Buitengewoon lid', '']) {
				assert.strictEqual(looksInactive(member), false, member);
			}
			assert.ok(INACTIVE_STATUS_WORDS.nl.includes('ontslagen') && INACTIVE_STATUS_WORDS.fr.includes('radié'));
			assert.strictEqual(looksInactive('Slapend', ['slapend']), true, 'the admin\'s own list counts');
		});

		it('lists every distinct status with its count and starts the people who left unticked', () => {
			const summary = statusSummary(['Werkend lid', 'werkend  lid', 'Ontslagen', '', 'Slapend', 'Décédé', 'WERKEND LID'], ['slapend']);
			assert.deepStrictEqual(summary, [
				{ value: 'Werkend lid', count: 3, inactive: false },
				{ value: 'Décédé', count: 1, inactive: true },
				{ value: 'Ontslagen', count: 1, inactive: true },
				{ value: 'Slapend', count: 1, inactive: true },
			]);
			assert.deepStrictEqual(defaultActiveStatuses(summary), ['Werkend lid']);
			assert.strictEqual(statusesKnown(summary, ['werkend lid', 'décédé', 'ONTSLAGEN', 'slapend']), true);
			assert.strictEqual(statusesKnown(summary, ['werkend lid']), false);
		});

		it('takes the members group out of a stored group title, whatever its form', () => {
			assert.strictEqual(withoutGroupTitle('["Leden"]', 'Leden'), '');
			assert.strictEqual(withoutGroupTitle('["Leden","Bestuur"]', 'Leden'), '["Bestuur"]');
			assert.strictEqual(withoutGroupTitle('Leden', 'Leden'), '');
			assert.strictEqual(withoutGroupTitle('["Bestuur"]', 'Leden'), '["Bestuur"]', 'left as it was');
			assert.strictEqual(withoutGroupTitle('Ledenraad', 'Leden'), 'Ledenraad');
		});

		it('says which changes touch what a member verifies with', () => {
			assert.strictEqual(touchesVerification(['emails']), true);
			assert.strictEqual(touchesVerification(['lastName', 'status']), true);
			assert.strictEqual(touchesVerification(['birthDate']), true);
			assert.strictEqual(touchesVerification(['status', 'active', 'endDate']), false);
		});
	});

	describe('proofMatches', () => {
		const member = entry('1', {
			lastName: 'Van den Broeck', emails: ['desire@example.be', 'd.vdb@work.example'], birthDate: '1980-02-01',
		});

		it('matches any of the e-mail addresses, normalised', () => {
			assert.strictEqual(proofMatches(member, { email: ' Desire@Example.BE ' }), true);
			assert.strictEqual(proofMatches(member, { email: 'd.vdb@work.example' }), true);
			assert.strictEqual(proofMatches(member, { email: 'desire@example.com' }), false);
			assert.strictEqual(proofMatches(member, { email: '' }), false);
			assert.strictEqual(proofMatches(entry('2'), { email: '' }), false, 'never on empty values');
		});

		it('matches last name and birth date together', () => {
			assert.strictEqual(proofMatches(member, { lastName: 'vandenbroeck', birthDate: '01/02/1980' }), true);
			assert.strictEqual(proofMatches(member, { lastName: 'VAN DEN BROECK', birthDate: '1980-02-01' }), true);
			assert.strictEqual(proofMatches(member, { lastName: 'Van-den-Broeck', birthDate: '1.2.1980' }), true);
			const dhondt = entry('2', { lastName: 'D\'Hondt', birthDate: '1975-12-31' });
			assert.strictEqual(proofMatches(dhondt, { lastName: 'dhondt', birthDate: '31/12/1975' }), true);
			assert.strictEqual(proofMatches(dhondt, { lastName: 'D’Hondt', birthDate: '31/12/1975' }), true);
			const henin = entry('3', { lastName: 'Hénin', birthDate: '1990-05-05' });
			assert.strictEqual(proofMatches(henin, { lastName: 'henin', birthDate: '5/5/1990' }), true);
		});

		it('refuses a wrong name, a wrong date or empty values', () => {
			assert.strictEqual(proofMatches(member, { lastName: 'Van den Broek', birthDate: '01/02/1980' }), false);
			assert.strictEqual(proofMatches(member, { lastName: 'Van den Broeck', birthDate: '02/01/1980' }), false);
			assert.strictEqual(proofMatches(member, { lastName: 'Van den Broeck', birthDate: '' }), false);
			assert.strictEqual(proofMatches(member, { lastName: 'Van den Broeck', birthDate: '01/02/80' }), false);
			assert.strictEqual(proofMatches(member, { lastName: '', birthDate: '01/02/1980' }), false);
			assert.strictEqual(proofMatches(member, { lastName: ' - ', birthDate: '01/02/1980' }), false);
			assert.strictEqual(proofMatches(entry('4'), { lastName: '', birthDate: '' }), false);
			assert.strictEqual(proofMatches(entry('5', { lastName: 'X' }), { lastName: 'X', birthDate: '' }), false,
				'no birth date on the roster: no match');
		});
	});

	describe('CSV export cells', () => {
		it('recognises what a spreadsheet would run as a formula', () => {
			for (const s of ['=1+1', '+32 2 555', '-2', '@SUM(A1)', '\t=1', '\r=1', "=cmd|' /C calc'!A0"]) {
				assert.strictEqual(isFormulaLike(s), true, JSON.stringify(s));
			}
			for (const s of ['', 'Jan', ' =1', '1=1', 'a@b.be']) {
				assert.strictEqual(isFormulaLike(s), false, JSON.stringify(s));
			}
		});

		it('defuses and quotes cells for export', () => {
			assert.strictEqual(safeCsvCell('Jan'), 'Jan');
			assert.strictEqual(safeCsvCell('=1+1'), '\'=1+1');
			assert.strictEqual(safeCsvCell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
			assert.strictEqual(safeCsvCell('=HYPERLINK("http://x";"y")'), '"\'=HYPERLINK(""http://x"";""y"")"');
			assert.strictEqual(safeCsvCell('Peeters, Jan'), '"Peeters, Jan"');
			assert.strictEqual(safeCsvCell('a;b'), '"a;b"');
			assert.strictEqual(safeCsvCell('twee\nregels'), '"twee\nregels"');
			assert.strictEqual(safeCsvCell('\tx'), '"\'\tx"');
			assert.strictEqual(safeCsvCell('zeg "ja"'), '"zeg ""ja"""');
		});
	});
});
