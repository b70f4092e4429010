/**
 * Similar questions, the pure text rules: folding, language, stop words, stems, concepts across languages, the
 * ranking, and the recall of the labelled set of question pairs (test/fixtures/similar-pairs.json).
 */
import assert from 'assert';
import starter from '../../lib/competences/starter-taxonomy.json';
import { fromStarter } from '../../lib/competences/taxonomy-rules';
import { buildLexicon, detectLanguage, fold, indexScore, MemoryIndex, pickSimilar, scoreCandidates, SOLVED_BONUS, stems, termsOf, words } from '../../lib/qa/similar-rules';
import pairs from '../fixtures/similar-pairs.json';

const lexicon = buildLexicon(fromStarter(starter));

interface Pair { id: number; kind: string; asked: { title: string; competences: string[] }; target: number }

/** recall@5 per kind of pair, and overall. */
function recall(withCompetences: boolean): Record<string, number> {
	const index = new MemoryIndex(lexicon);
	for (const q of pairs.corpus) {
		index.add({ tid: q.id, title: q.title, competences: q.competences, solved: q.solved });
	}
	const hits: Record<string, [number, number]> = {};
	for (const p of pairs.pairs as Pair[]) {
		const found = index.search({ title: p.asked.title, competences: withCompetences ? p.asked.competences : [] }).some(r => r.tid === p.target);
		for (const kind of [p.kind, 'all']) {
			const h = hits[kind] ?? [0, 0];
			hits[kind] = [h[0] + (found ? 1 : 0), h[1] + 1];
		}
	}
	return Object.fromEntries(Object.entries(hits).map(([k, [hit, n]]) => [k, hit / n]));
}

describe('similar questions: text rules', () => {
	it('ignores case and accents', () => {
		assert.strictEqual(fold('Déclaration d’IMPÔTS'), 'declaration d’impots');
		assert.deepStrictEqual(stems('Impôts'), stems('impots'));
		assert.deepStrictEqual(stems('DÉCLARATION d\'impôts'), stems('declaration d\'impots'));
	});

	it('splits on punctuation and apostrophes, and drops bare numbers', () => {
		assert.deepStrictEqual(words('Tax-on-web: l\'aide (2024)?'), ['tax', 'on', 'web', 'aide']);
	});

	it('tells Dutch, French and English apart by their stop words, and admits not knowing', () => {
		assert.strictEqual(detectLanguage(words('Hoe vul ik mijn aangifte in als gepensioneerde?')), 'nl');
		assert.strictEqual(detectLanguage(words('Comment remplir sa déclaration quand on est retraité ?')), 'fr');
		assert.strictEqual(detectLanguage(words('How do I file my tax return as a pensioner?')), 'en');
		assert.strictEqual(detectLanguage(words('Tax-on-web')), null);
	});

	it('drops the stop words of the language and stems what is left', () => {
		assert.deepStrictEqual(stems('Hoe vul ik mijn belastingen in?'), ['vul', 'belast']);
		assert.deepStrictEqual(stems('Les déclarations des impôts'), ['declar', 'impot']);
	});

	it('finds the competence a text speaks of in any of the three languages (labels and synonyms)', () => {
		assert.ok(termsOf('Mijn belastingaangifte invullen', '', lexicon).includes('~tax.personal'));
		assert.ok(termsOf('Ma déclaration d\'impôts', '', lexicon).includes('~tax.personal'));
		assert.ok(termsOf('Een echtscheiding regelen', '', lexicon).includes('~law.family'));
		assert.ok(termsOf('Divorce à l\'amiable', '', lexicon).includes('~law.family'));
	});

	it('adds the chosen competences, and keeps only terms fit for a key name, at most 40', () => {
		const terms = termsOf('Vraag', '', lexicon, ['tax.vat', 'law.family']);
		assert.ok(terms.includes('~tax.vat') && terms.includes('~law.family'));
		const long = termsOf(Array.from({ length: 80 }, (_, i) => `woord${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' '), '', lexicon);
		assert.ok(long.length <= 40);
		assert.ok(termsOf('<script>alert(1)</script> [[lvl:x]] ${y}', '', lexicon).every(t => /^~?[a-z0-9._-]+$/.test(t)));
	});

	it('scores solved questions above open ones in the index, then the newest', () => {
		assert.ok(indexScore(1, true) > indexScore(Date.now(), false));
		assert.strictEqual(indexScore(5, true), 5 + SOLVED_BONUS);
	});
});

describe('similar questions: ranking', () => {
	it('keeps only questions sharing enough of what the query weighs', () => {
		const postings = new Map([['a', [1, 2]], ['b', [2]], ['c', [3]]]);
		const df = new Map([['a', 2], ['b', 1], ['c', 1]]);
		const scores = scoreCandidates({ terms: ['a', 'b', 'x'], postings, df, total: 100 });
		assert.ok((scores.get(2) ?? 0) > (scores.get(1) ?? 0));
		assert.ok(!scores.has(3), 'no shared term');
	});

	it('shows at most five, solved ones first, a chosen competence weighing more', () => {
		const scores = new Map([[1, 10], [2, 9], [3, 8], [4, 7], [5, 6], [6, 5.5]]);
		const facts = new Map([1, 2, 3, 4, 5, 6].map(tid => [tid, { tid, solved: tid === 4, competences: tid === 6 ? ['tax.vat'] : [] }]));
		const picked = pickSimilar(scores, facts, ['tax.vat']).map(f => f.tid);
		assert.strictEqual(picked.length, 5);
		assert.strictEqual(picked[0], 4, 'solved first');
		assert.ok(picked.includes(6), 'the chosen competence lifts 6 above 5');
		assert.ok(!picked.includes(5));
	});

	it('finds nothing for an unrelated question', () => {
		const index = new MemoryIndex(lexicon);
		index.add({ tid: 1, title: 'Hoe vul ik mijn belastingaangifte in?', competences: ['tax.personal'] });
		assert.deepStrictEqual(index.search({ title: 'Welke koren zoeken zangers in Gent?' }), []);
	});

	it('finds a question asked in the other language through the taxonomy', () => {
		const index = new MemoryIndex(lexicon);
		index.add({ tid: 1, title: 'Comment remplir sa déclaration d\'impôts ?', competences: ['tax.personal'] });
		index.add({ tid: 2, title: 'Quel avocat pour un divorce ?', competences: ['law.family'] });
		assert.deepStrictEqual(index.search({ title: 'Mijn belastingaangifte invullen' }).map(r => r.tid), [1]);
	});
});

describe('similar questions: recall@5 on the labelled pairs', function () {
	this.timeout(20000);

	it('has at least 150 pairs in Dutch, French and across the two', () => {
		const kinds = new Set((pairs.pairs as Pair[]).map(p => p.kind));
		assert.ok(pairs.pairs.length >= 150, String(pairs.pairs.length));
		assert.deepStrictEqual([...kinds].sort(), ['fr', 'mixed', 'nl']);
	});

	it('finds the target among five suggestions for at least 80 % of the pairs, with the competence chosen', () => {
		const r = recall(true);
		assert.ok((r.all ?? 0) >= 0.8, JSON.stringify(r));
		assert.ok((r.mixed ?? 0) >= 0.8, JSON.stringify(r));
	});

	it('still finds at least 80 % from the title alone (before a competence is chosen)', () => {
		const r = recall(false);
		assert.ok((r.all ?? 0) >= 0.8, JSON.stringify(r));
	});
});
