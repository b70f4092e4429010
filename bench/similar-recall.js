'use strict';

// Recall@5 of similar questions on the labelled pairs (test/fixtures/similar-pairs.json), on the pure ranking
// (lib/qa/similar-rules.ts, built): `npm run build && node bench/similar-recall.js`. Prints a markdown table.
// The unit suite asserts the same figures (test/unit/similar-rules.test.ts).

const path = require('path');
const ROOT = path.join(__dirname, '..');
const rules = require(path.join(ROOT, 'build/lib/qa/similar-rules.js'));
const { fromStarter } = require(path.join(ROOT, 'build/lib/competences/taxonomy-rules.js'));
const data = require(path.join(ROOT, 'test/fixtures/similar-pairs.json'));

const lexicon = rules.buildLexicon(fromStarter(require(path.join(ROOT, 'lib/competences/starter-taxonomy.json'))));
const index = new rules.MemoryIndex(lexicon);
for (const q of data.corpus) {
	index.add({ tid: q.id, title: q.title, competences: q.competences, solved: q.solved });
}

const rows = [];
for (const withCompetences of [true, false]) {
	const hits = {};
	for (const p of data.pairs) {
		const found = index.search({ title: p.asked.title, competences: withCompetences ? p.asked.competences : [] }).some(r => r.tid === p.target);
		for (const kind of [p.kind, 'all']) {
			hits[kind] = hits[kind] || [0, 0];
			hits[kind][0] += found ? 1 : 0;
			hits[kind][1] += 1;
		}
	}
	const cell = k => `${(hits[k][0] / hits[k][1]).toFixed(3)} (${hits[k][0]}/${hits[k][1]})`;
	rows.push(`| ${withCompetences ? 'title + chosen competence' : 'title only'} | ${cell('nl')} | ${cell('fr')} | ${cell('mixed')} | **${cell('all')}** |`);
}
console.log(`${data.corpus.length} questions in the corpus, ${data.pairs.length} pairs\n`);
console.log('| query | nl | fr | mixed (nl ↔ fr) | all |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
