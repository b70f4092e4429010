import assert from 'assert';
import fs from 'fs';
import path from 'path';
import { foldText } from '../../lib/kernel/text';
import {
	applyMerge, findCompetence, fromStarter, label, LANGS, matchCompetences, mergePlan, normaliseSynonyms,
	parseTaxonomyCsv, parseTaxonomyJson, pickLang, resolveKey, slugKey, toCsv, toJson, validateKey, validateLabels,
	validateSynonyms,
} from '../../lib/competences/taxonomy-rules';
import type { Competence, Domain, Taxonomy } from '../../lib/competences/taxonomy-rules';

const STARTER_FILE = path.resolve(__dirname, '../../../lib/competences/starter-taxonomy.json');
const starterText = fs.readFileSync(STARTER_FILE, 'utf8');
const starter = fromStarter(JSON.parse(starterText));

function domain(key: string, nl: string, fr: string, en: string, fields: Partial<Domain> = {}): Domain {
	return { key, labels: { nl, fr, en }, order: 0, retired: false, ...fields };
}

function comp(key: string, nl: string, fr: string, en: string, synonyms: string[] = [], fields: Partial<Competence> = {}): Competence {
	return { key, domain: key.split('.')[0] ?? '', labels: { nl, fr, en }, synonyms, order: 0, retired: false, mergedInto: '', ...fields };
}

/** A small taxonomy with every state an entry can be in. */
function sample(): Taxonomy {
	return {
		domains: [
			domain('law', 'Juridisch', 'Juridique', 'Law'),
			domain('tax', 'Fiscaliteit', 'Fiscalité', 'Tax', { order: 1 }),
			domain('old', 'Oud', 'Ancien', 'Old', { order: 2, retired: true }),
		],
		competences: [
			comp('law.labour', 'Arbeidsrecht', 'Droit du travail', 'Employment law', ['sociaal recht', 'droit social', 'ontslag', 'licenciement']),
			comp('law.company', 'Vennootschapsrecht', 'Droit des sociétés', 'Company law', ['WVV', 'CSA'], { order: 1 }),
			comp('law.social', 'Sociaal recht', 'Droit social', 'Social law', [], { order: 2 }),
			comp('law.dismissal', 'Ontslagrecht', 'Droit du licenciement', 'Dismissal law', [], { order: 3, retired: true }),
			comp('law.work', 'Werkrecht', 'Droit du boulot', 'Work law', [], { order: 4, mergedInto: 'law.labour' }),
			comp('tax.personal', 'Personenbelasting', 'Impôt des personnes physiques', 'Personal income tax', ['IPP', 'belastingaangifte']),
			comp('tax.transfer', 'Verrekenprijzen', 'Prix de transfert', 'Transfer pricing', [], { order: 1 }),
			comp('old.telex', 'Telex', 'Télex', 'Telex'),
		],
	};
}

function fileError(fn: () => unknown, pattern: RegExp): void {
	assert.throws(fn, (err: Error) => {
		assert.match(err.message, /^\[\[lvl:error\.taxonomy-invalid-file, /);
		assert.match(err.message, pattern);
		return true;
	});
}

const keys = (list: { key: string }[]) => list.map(x => x.key);

describe('taxonomy rules', () => {
	describe('the starter taxonomy', () => {
		it('loads with 13-17 domains of 6-8 competences, 90-120 in all', () => {
			assert.ok(starter.domains.length >= 13 && starter.domains.length <= 17, `${starter.domains.length} domains`);
			assert.ok(starter.competences.length >= 90 && starter.competences.length <= 120, `${starter.competences.length} competences`);
			for (const d of starter.domains) {
				const n = starter.competences.filter(c => c.domain === d.key).length;
				assert.ok(n >= 6 && n <= 8, `${d.key} has ${n} competences`);
			}
			assert.ok([...starter.domains, ...starter.competences].every(x => !x.retired));
			assert.ok(starter.competences.every(c => c.mergedInto === ''));
		});

		it('covers the fields the brief names', () => {
			assert.deepStrictEqual(keys(starter.domains), ['law', 'tax', 'finance', 'insurance', 'ict', 'health', 'defence',
				'engineering', 'real-estate', 'management', 'education', 'communication', 'languages', 'culture', 'associations']);
			const nl = new Set(starter.competences.map(c => c.labels.nl));
			const fr = new Set(starter.competences.map(c => c.labels.fr));
			for (const term of ['Vennootschapsrecht', 'Personenbelasting', 'Successieplanning', 'Cyberveiligheid', 'Reservekader',
				'Militaire geschiedenis', 'Vrijwilligerswerk', 'Mentorschap', 'Beheer van een vzw']) {
				assert.ok(nl.has(term), term);
			}
			for (const term of ['Droit des sociétés', 'Impôt des personnes physiques', 'Planification successorale', 'Cybersécurité',
				'Cadre de réserve', 'Histoire militaire', 'Bénévolat', "Gestion d'une ASBL"]) {
				assert.ok(fr.has(term), term);
			}
		});

		it('labels everything in nl, fr and en, with Dutch and French really different', () => {
			// Proper nouns and words both languages share; nothing in the starter needs it today, kept for editors.
			const sameInNlAndFr = new Set<string>([]);
			for (const x of [...starter.domains, ...starter.competences]) {
				assert.strictEqual(validateLabels(x.labels), null, x.key);
				if (x.labels.nl === x.labels.fr) {
					assert.ok(sameInNlAndFr.has(x.key), `${x.key}: nl and fr are both "${x.labels.nl}"`);
				}
			}
			for (const key of sameInNlAndFr) {
				const x = findCompetence(starter, key) ?? starter.domains.find(d => d.key === key);
				assert.strictEqual(x?.labels.nl, x?.labels.fr, `${key} no longer needs the allow-list`);
			}
			for (const lang of LANGS) {
				const folded = starter.competences.map(c => foldText(c.labels[lang]));
				assert.strictEqual(new Set(folded).size, folded.length, `${lang} labels are unique`);
			}
		});

		it('has unique, valid keys named after their domain, and 2-5 synonyms per competence', () => {
			const all = keys([...starter.domains, ...starter.competences]);
			assert.strictEqual(new Set(all).size, all.length);
			for (const d of starter.domains) {
				assert.strictEqual(validateKey(d.key, 'domain'), null, d.key);
			}
			for (const c of starter.competences) {
				assert.strictEqual(validateKey(c.key, 'competence'), null, c.key);
				assert.ok(c.key.startsWith(`${c.domain}.`), c.key);
				assert.ok(c.synonyms.length >= 2 && c.synonyms.length <= 5, `${c.key} has ${c.synonyms.length} synonyms`);
				assert.deepStrictEqual(normaliseSynonyms(c.synonyms), c.synonyms, `${c.key} synonyms are already normal`);
			}
		});

		it('is written exactly as toJson writes it', () => {
			assert.strictEqual(toJson(starter), starterText);
		});
	});

	describe('keys', () => {
		it('accepts domain and competence keys', () => {
			for (const key of ['law', 'real-estate', 'ict2', 'law.labour', 'real-estate.co-ownership', `a.${'b'.repeat(58)}`]) {
				assert.strictEqual(validateKey(key), null, key);
			}
			assert.strictEqual(validateKey('law', 'domain'), null);
			assert.strictEqual(validateKey('law.labour', 'competence'), null);
		});

		it('refuses anything else with a token naming the key', () => {
			assert.strictEqual(validateKey('Law'), '[[lvl:error.taxonomy-bad-key, Law]]');
			for (const key of ['', 'law.', '.labour', 'law..labour', 'law.labour.x', 'law-', '-law', 'law--x', 'droit_social',
				'économie', 'law labour', `a.${'b'.repeat(59)}`]) {
				assert.notStrictEqual(validateKey(key), null, key);
			}
			assert.match(validateKey('law.labour', 'domain') ?? '', /bad-key, law\.labour\]\]$/);
			assert.match(validateKey('law', 'competence') ?? '', /bad-key, law\]\]$/);
			assert.strictEqual(validateKey('a,b]]'), '[[lvl:error.taxonomy-bad-key, a b]]', 'a key cannot break the token');
		});

		it('proposes a key slug from a label', () => {
			assert.strictEqual(slugKey("Droit d'auteur & œuvres"), 'droit-d-auteur-oeuvres');
			assert.strictEqual(slugKey('  Vzw-beheer  '), 'vzw-beheer');
			assert.strictEqual(slugKey('Planification successorale'), 'planification-successorale');
			assert.strictEqual(slugKey('Straße Ærø'), 'strasse-aero');
			assert.strictEqual(slugKey('!!!'), '');
			const long = slugKey('Hospitalisatie- en ziekteverzekering voor zelfstandigen en vrije beroepen');
			assert.ok(long.length <= 40 && !long.endsWith('-'), long);
			assert.strictEqual(long, 'hospitalisatie-en-ziekteverzekering-voor');
			assert.strictEqual(validateKey(`law.${long}`), null);
		});
	});

	describe('labels and synonyms', () => {
		it('validates labels in all three languages', () => {
			assert.strictEqual(validateLabels({ nl: 'Arbeidsrecht', fr: 'Droit du travail', en: 'Employment law' }), null);
			assert.strictEqual(validateLabels({ fr: 'Droit du travail', en: 'Employment law' }), '[[lvl:error.taxonomy-label-required, nl]]');
			assert.strictEqual(validateLabels({ nl: 'Arbeidsrecht', fr: '  ', en: 'Employment law' }), '[[lvl:error.taxonomy-label-required, fr]]');
			assert.strictEqual(validateLabels({ nl: 'x', fr: 'x'.repeat(81), en: 'x' }), '[[lvl:error.taxonomy-label-too-long, fr]]');
			assert.strictEqual(validateLabels({ nl: 'x', fr: ` ${'x'.repeat(80)} `, en: 'x' }), null, 'trimmed before counting');
			assert.strictEqual(validateLabels({ nl: '<b>Recht</b>', fr: 'x', en: 'x' }), '[[lvl:error.taxonomy-label-invalid]]');
			assert.strictEqual(validateLabels({ nl: 'a', fr: 'b', en: 'c > d' }), '[[lvl:error.taxonomy-label-invalid]]');
		});

		it('normalises synonyms: trimmed, deduplicated without regard to accents or case, at most 20 of 60 characters', () => {
			assert.deepStrictEqual(normaliseSynonyms([' ontslag ', 'Ontslag', 'licenciement', 'LICENCIÉMENT', '', 7, null, 'droit  social']),
				['ontslag', 'licenciement', 'droit social']);
			assert.deepStrictEqual(normaliseSynonyms(['x'.repeat(61), 'y'.repeat(60)]), ['y'.repeat(60)]);
			assert.strictEqual(normaliseSynonyms(Array.from({ length: 30 }, (_, i) => `s${i}`)).length, 20);
			assert.deepStrictEqual(normaliseSynonyms('ontslag|licenciement\ndroit social'), ['ontslag', 'licenciement', 'droit social']);
			assert.deepStrictEqual(normaliseSynonyms(['<script>', 'a|b']), ['script', 'a b']);
			assert.deepStrictEqual(normaliseSynonyms(undefined), []);
			assert.deepStrictEqual(normaliseSynonyms({ 0: 'x' }), []);
		});

		it('validates synonyms strictly for files and forms', () => {
			assert.strictEqual(validateSynonyms(['ontslag', 'licenciement']), null);
			assert.strictEqual(validateSynonyms(undefined), null);
			assert.strictEqual(validateSynonyms(Array.from({ length: 20 }, (_, i) => `s${i}`).concat('S0')), null, 'duplicates do not count');
			const bad = '[[lvl:error.taxonomy-synonyms-invalid]]';
			assert.strictEqual(validateSynonyms(Array.from({ length: 21 }, (_, i) => `s${i}`)), bad);
			assert.strictEqual(validateSynonyms(['x'.repeat(61)]), bad);
			assert.strictEqual(validateSynonyms(['a|b']), bad);
			assert.strictEqual(validateSynonyms([1]), bad);
			assert.strictEqual(validateSynonyms({}), bad);
		});
	});

	describe('label', () => {
		it('picks nl, fr or en from a NodeBB language code', () => {
			assert.deepStrictEqual(['nl', 'nl-BE', 'nl_BE', 'NL', 'fr', 'fr-BE', 'fr_CA', 'en-GB', 'en-US', 'de', ''].map(pickLang),
				['nl', 'nl', 'nl', 'nl', 'fr', 'fr', 'fr', 'en', 'en', 'en', 'en']);
		});

		it('labels an entry, or a key in a taxonomy', () => {
			const t = sample();
			const labour = findCompetence(t, 'law.labour')!;
			assert.strictEqual(label(labour, 'nl-BE'), 'Arbeidsrecht');
			assert.strictEqual(label(labour, 'fr'), 'Droit du travail');
			assert.strictEqual(label(labour, 'de'), 'Employment law');
			assert.strictEqual(label(t, 'law.labour', 'fr-BE'), 'Droit du travail');
			assert.strictEqual(label(t, 'tax', 'nl'), 'Fiscaliteit');
			assert.strictEqual(label(t, 'law.unknown', 'nl'), 'law.unknown');
		});
	});

	describe('JSON files', () => {
		it('survives a round trip, retired and merged entries included', () => {
			const t = sample();
			const text = toJson(t);
			const json = JSON.parse(text) as { version: number; domains: { key: string; retired?: boolean; competences: { key: string; retired?: boolean; mergedInto?: string }[] }[] };
			assert.strictEqual(json.version, 1);
			const law = json.domains[0]!;
			assert.strictEqual(json.domains[2]?.retired, true);
			assert.strictEqual(law.retired, undefined, 'only retired entries say so');
			assert.strictEqual(law.competences[3]?.retired, true);
			assert.strictEqual(law.competences[4]?.mergedInto, 'law.labour');
			assert.deepStrictEqual(parseTaxonomyJson(text), t);
			assert.deepStrictEqual(parseTaxonomyJson(`\uFEFF${text}`), t, 'a BOM is fine');
		});

		it('numbers entries in file order and cleans labels and synonyms', () => {
			const t = fromStarter({ domains: [
				{ key: 'b', labels: { nl: ' B  nl ', fr: 'B fr', en: 'B en' }, competences: [
					{ key: 'b.y', labels: { nl: 'y', fr: 'y fr', en: 'y en' } },
					{ key: 'b.x', labels: { nl: 'x', fr: 'x fr', en: 'x en' }, synonyms: ['een', 'Één', ' twee '] },
				] },
				{ key: 'a', labels: { nl: 'A', fr: 'A fr', en: 'A en' } },
			] });
			assert.deepStrictEqual(t.domains.map(d => [d.key, d.order]), [['b', 0], ['a', 1]]);
			assert.deepStrictEqual(t.competences.map(c => [c.key, c.domain, c.order]), [['b.y', 'b', 0], ['b.x', 'b', 1]]);
			assert.strictEqual(t.domains[0]?.labels.nl, 'B nl');
			assert.deepStrictEqual(t.competences[1]?.synonyms, ['een', 'twee']);
			assert.deepStrictEqual(t.competences[0]?.synonyms, []);
		});

		it('refuses bad files with the reason', () => {
			const ok = { key: 'law', labels: { nl: 'Juridisch', fr: 'Juridique', en: 'Law' } };
			const labour = { key: 'law.labour', labels: { nl: 'Arbeidsrecht', fr: 'Droit du travail', en: 'Employment law' } };
			const file = (...competences: unknown[]) => ({ version: 1, domains: [{ ...ok, competences }] });

			fileError(() => parseTaxonomyJson('{"domains": ['), /\[\[lvl:error\.taxonomy-not-json\]\]\]\]$/);
			fileError(() => parseTaxonomyJson('[]'), /taxonomy-no-domains/);
			fileError(() => fromStarter({ domains: [] }), /taxonomy-no-domains/);
			fileError(() => fromStarter({ version: 2, domains: [ok] }), /taxonomy-bad-version, 2\]\]/);
			fileError(() => fromStarter({ domains: [ok, ok] }), /taxonomy-entry, law, \[\[lvl:error\.taxonomy-duplicate-key, law\]\]/);
			fileError(() => fromStarter(file(labour, labour)), /taxonomy-duplicate-key, law\.labour/);
			fileError(() => fromStarter({ domains: [{ ...ok, key: 'Law' }] }), /taxonomy-entry, #1, \[\[lvl:error\.taxonomy-bad-key, Law\]\]/);
			fileError(() => fromStarter(file({ ...labour, key: 'tax.vat' })),
				/taxonomy-entry, tax\.vat, \[\[lvl:error\.taxonomy-key-domain-mismatch, tax\.vat, law\]\]/);
			fileError(() => fromStarter(file({ ...labour, labels: { nl: 'Arbeidsrecht', en: 'Employment law' } })),
				/taxonomy-entry, law\.labour, \[\[lvl:error\.taxonomy-label-required, fr\]\]/);
			fileError(() => fromStarter(file({ ...labour, synonyms: 'ontslag' }, { key: 'law.x', labels: labour.labels, synonyms: [3] })),
				/taxonomy-entry, law\.x, \[\[lvl:error\.taxonomy-synonyms-invalid\]\]/);
			fileError(() => fromStarter(file('law.labour')), /taxonomy-entry, law #1, \[\[lvl:error\.taxonomy-bad-entry\]\]/);
			fileError(() => fromStarter(file({ ...labour, retired: 'yes' })), /taxonomy-bad-entry/);
			fileError(() => fromStarter({ domains: [{ ...ok, competences: {} }] }), /taxonomy-entry, law, \[\[lvl:error\.taxonomy-bad-entry/);
			fileError(() => fromStarter({ domains: [{ ...ok, synonyms: ['x'] }] }), /taxonomy-domain-extra/);
			fileError(() => fromStarter(file({ ...labour, mergedInto: 'law.gone' })), /taxonomy-unknown-merge-target, law\.gone/);
			fileError(() => fromStarter(file({ ...labour, mergedInto: 'law' })), /taxonomy-unknown-merge-target, law\]\]/);
			fileError(() => fromStarter(file({ ...labour, mergedInto: 'law.labour' })), /taxonomy-merge-self/);
			fileError(() => fromStarter(file(
				{ ...labour, key: 'law.a', mergedInto: 'law.b' },
				{ ...labour, key: 'law.b', mergedInto: 'law.labour' },
				labour,
			)), /taxonomy-entry, law\.a, \[\[lvl:error\.taxonomy-merge-target-merged, law\.b\]\]/);
		});
	});

	describe('CSV files', () => {
		it('writes one row per domain and per competence, for Excel', () => {
			const csv = toCsv(sample());
			assert.ok(csv.startsWith('\uFEFFdomain;key;nl;fr;en;synonyms;retired;mergedInto\r\n'));
			const lines = csv.slice(1).split('\r\n');
			assert.strictEqual(lines[1], ';law;Juridisch;Juridique;Law;;;');
			assert.strictEqual(lines[2], 'law;law.labour;Arbeidsrecht;Droit du travail;Employment law;sociaal recht|droit social|ontslag|licenciement;;');
			assert.ok(lines.includes('law;law.work;Werkrecht;Droit du boulot;Work law;;;law.labour'));
			assert.ok(lines.includes('law;law.dismissal;Ontslagrecht;Droit du licenciement;Dismissal law;;1;'));
			assert.ok(lines.includes(';old;Oud;Ancien;Old;;1;'));
			assert.strictEqual(lines.length, 1 + 3 + 8 + 1, 'header, domains, competences and a final line break');
		});

		it('survives a round trip, with commas, quotes and formula-like cells', () => {
			const t = sample();
			const labour = findCompetence(t, 'law.labour')!;
			labour.synonyms = ['ontslag, collectief', 'droit "social"', '-ologie', "'=x"];
			labour.labels.fr = '=Droit du travail';
			const company = findCompetence(t, 'law.company')!;
			company.synonyms = ['+32 wetboek', 'WVV'];
			company.labels.en = '@company';
			company.labels.nl = "'=Vennootschapsrecht";
			const csv = toCsv(t);
			assert.ok(csv.includes(";'=Droit du travail;"), 'a formula-like label is defused');
			assert.ok(csv.includes(";'+32 wetboek|WVV;"), 'so is a synonym cell');
			assert.ok(csv.includes(";''=Vennootschapsrecht;"), 'a cell already starting with \' keeps it');
			assert.ok(csv.includes('"ontslag, collectief|droit ""social""|-ologie|\'=x"'), 'commas and quotes are quoted');
			assert.deepStrictEqual(parseTaxonomyCsv(csv), t);
			assert.deepStrictEqual(parseTaxonomyCsv(toCsv(starter)), starter);
		});

		it('reads a hand-made file: commas, any column order, extra columns, blank rows, words for retired', () => {
			const csv = [
				'Key,NL,FR,EN,Domain,Notes,Retired',
				'law.labour,Arbeidsrecht,Droit du travail,Employment law,law,a note,',
				',,,,,,',
				'law,Juridisch,Juridique,Law,,,nee',
				'',
				'law.old,Oud,Ancien,Old,law,,ja',
				'tax,Fiscaliteit,Fiscalité,Tax,,,Oui',
			].join('\n');
			const t = parseTaxonomyCsv(csv);
			assert.deepStrictEqual(t.domains.map(d => [d.key, d.retired, d.order]), [['law', false, 0], ['tax', true, 1]]);
			assert.deepStrictEqual(t.competences.map(c => [c.key, c.retired, c.synonyms, c.mergedInto]),
				[['law.labour', false, [], ''], ['law.old', true, [], '']]);
		});

		it('refuses bad files with the line and the reason', () => {
			const head = 'domain;key;nl;fr;en;synonyms;retired\n;law;Juridisch;Juridique;Law;;\n';
			fileError(() => parseTaxonomyCsv(''), /taxonomy-no-domains/);
			fileError(() => parseTaxonomyCsv('domain;key;nl;fr\n;law;a;b\n'), /taxonomy-csv-missing-column, en\]\]/);
			fileError(() => parseTaxonomyCsv('domain;key;nl;fr;en\n'), /taxonomy-no-domains/);
			fileError(() => parseTaxonomyCsv(`${head}tax;tax.vat;Btw;TVA;VAT;;\n`),
				/taxonomy-line, 3, \[\[lvl:error\.taxonomy-unknown-domain, tax\]\]/);
			fileError(() => parseTaxonomyCsv(`${head}law;tax.vat;Btw;TVA;VAT;;\n`), /taxonomy-line, 3, \[\[lvl:error\.taxonomy-key-domain-mismatch, tax\.vat, law\]\]/);
			fileError(() => parseTaxonomyCsv(`${head}law;law.x;X;;X;;\n`), /taxonomy-line, 3, \[\[lvl:error\.taxonomy-label-required, fr\]\]/);
			fileError(() => parseTaxonomyCsv(`${head}law;law.x;X;X;X;;misschien\n`), /taxonomy-line, 3, \[\[lvl:error\.taxonomy-bad-retired, misschien\]\]/);
			fileError(() => parseTaxonomyCsv(`${head};tax;Fisc;Fisc fr;Tax;btw;\n`), /taxonomy-line, 3, \[\[lvl:error\.taxonomy-domain-extra\]\]/);
			fileError(() => parseTaxonomyCsv(`${head};law;Juridisch;Juridique;Law;;\n`), /taxonomy-line, 3, \[\[lvl:error\.taxonomy-duplicate-key, law\]\]/);
			fileError(() => parseTaxonomyCsv(`${head}law;law.x;"X;X;X;;\n`), /taxonomy-csv-unreadable, \d+\]\]/);
		});
	});

	describe('merging', () => {
		it('plans a merge into a live competence', () => {
			assert.deepStrictEqual(mergePlan(sample(), 'law.social', 'law.labour'), { ok: true });
			assert.deepStrictEqual(mergePlan(sample(), 'law.dismissal', 'law.labour'), { ok: true }, 'a retired one may be merged away');
		});

		it('refuses what cannot be merged', () => {
			const t = sample();
			assert.deepStrictEqual(mergePlan(t, 'law.labour', 'law.labour'), { error: '[[lvl:error.taxonomy-merge-self]]' });
			assert.deepStrictEqual(mergePlan(t, 'law.nope', 'law.labour'), { error: '[[lvl:error.taxonomy-unknown-key, law.nope]]' });
			assert.deepStrictEqual(mergePlan(t, 'law.labour', 'law'), { error: '[[lvl:error.taxonomy-unknown-key, law]]' });
			assert.deepStrictEqual(mergePlan(t, 'law.social', 'law.dismissal'), { error: '[[lvl:error.taxonomy-merge-target-retired, law.dismissal]]' });
			assert.deepStrictEqual(mergePlan(t, 'law.social', 'old.telex'), { error: '[[lvl:error.taxonomy-merge-target-retired, old.telex]]' },
				'a competence of a retired domain counts as retired');
			assert.deepStrictEqual(mergePlan(t, 'law.social', 'law.work'), { error: '[[lvl:error.taxonomy-merge-target-merged, law.work]]' });
			assert.deepStrictEqual(mergePlan(t, 'law.work', 'law.social'), { error: '[[lvl:error.taxonomy-already-merged, law.work]]' });
		});

		it('applies a merge without chains, the target taking over the old names', () => {
			const before = sample();
			const after = applyMerge(before, 'law.labour', 'law.social');
			assert.strictEqual(findCompetence(after, 'law.labour')?.mergedInto, 'law.social');
			assert.strictEqual(findCompetence(after, 'law.work')?.mergedInto, 'law.social', 'an earlier merge follows along');
			assert.deepStrictEqual(findCompetence(after, 'law.social')?.synonyms,
				['Arbeidsrecht', 'Droit du travail', 'Employment law', 'ontslag', 'licenciement']);
			assert.strictEqual(findCompetence(before, 'law.labour')?.mergedInto, '', 'the input is left alone');
			assert.deepStrictEqual(parseTaxonomyJson(toJson(after)), after, 'the result is a valid taxonomy');
			assert.throws(() => applyMerge(before, 'law.labour', 'law.labour'), /taxonomy-merge-self/);
		});

		it('resolves old keys to where they now live', () => {
			const t = sample();
			assert.strictEqual(resolveKey(t, 'law.work'), 'law.labour');
			assert.strictEqual(resolveKey(t, 'law.labour'), 'law.labour');
			assert.strictEqual(resolveKey(t, 'law.dismissal'), 'law.dismissal', 'retired is not merged');
			assert.strictEqual(resolveKey(t, 'law.nope'), null);
			const loop = sample();
			findCompetence(loop, 'law.labour')!.mergedInto = 'law.work';
			assert.strictEqual(resolveKey(loop, 'law.work'), null, 'a cycle in a hand-edited store resolves to nothing');
		});
	});

	describe('autocomplete', () => {
		it('finds a label from the start of its words, in any language', () => {
			const [first] = matchCompetences(starter, 'droit trav');
			assert.deepStrictEqual(first, { key: 'law.labour', score: 60, matched: 'Droit du travail' });
			assert.deepStrictEqual(matchCompetences(starter, 'ARBEIDS')[0], { key: 'law.labour', score: 80, matched: 'Arbeidsrecht' });
			assert.strictEqual(matchCompetences(starter, 'cybersecurite')[0]?.matched, 'Cybersécurité');
			assert.strictEqual(matchCompetences(starter, 'Médecine  GÉNÉRALE')[0]?.key, 'health.general-practice');
		});

		it('finds synonyms members type', () => {
			assert.deepStrictEqual(matchCompetences(starter, 'ontslag')[0], { key: 'law.labour', score: 95, matched: 'ontslag' });
			assert.strictEqual(matchCompetences(starter, 'vzw beheer')[0]?.key, 'associations.npo-management');
			assert.strictEqual(matchCompetences(starter, 'opex')[0]?.key, 'defence.operations');
		});

		it('ranks an exact label first, then a prefix, then a fragment inside a word', () => {
			const t = sample();
			const hits = matchCompetences(t, 'sociaal recht');
			assert.deepStrictEqual(hits.map(h => [h.key, h.score, h.matched]), [
				['law.social', 100, 'Sociaal recht'],
				['law.labour', 95, 'sociaal recht'],
			]);
			// A word starting with the query beats a fragment inside a word; a label beats a synonym matched alike.
			assert.deepStrictEqual(matchCompetences(t, 'recht').map(h => [h.key, h.score, h.matched]), [
				['law.social', 60, 'Sociaal recht'],
				['law.labour', 55, 'sociaal recht'],
				['law.company', 30, 'Vennootschapsrecht'],
			]);
		});

		it('leaves out retired and merged competences and those of a retired domain', () => {
			const t = sample();
			assert.deepStrictEqual(matchCompetences(t, 'ontslagrecht'), []);
			assert.deepStrictEqual(keys(matchCompetences(t, 'werkrecht')), []);
			assert.deepStrictEqual(matchCompetences(t, 'telex'), []);
			assert.ok(!keys(matchCompetences(t, 'licenciement')).includes('law.dismissal'));
		});

		it('needs three letters to match inside a word, and respects the limit', () => {
			assert.deepStrictEqual(matchCompetences(sample(), 'ht'), [], '"ht" is inside "recht" but too short to count');
			assert.deepStrictEqual(matchCompetences(sample(), '   '), []);
			assert.deepStrictEqual(matchCompetences(sample(), 'law', 0), []);
			assert.strictEqual(matchCompetences(starter, 'e', 3).length, 3);
			assert.ok(matchCompetences(starter, 're').length <= 10);
		});
	});
});
