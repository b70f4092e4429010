import assert from 'assert';
import {
	type ArticleChange, BUILT_IN, blocks, compileList, decodeReason, diffCharters, diffWords, encodeReason, findHit, parseLadder, proposeStep, readArticles,
	MAX_CHECKED, regexProblem, renderMarkdown, STARTER_PATTERNS,
} from '../../lib/engagement/rules';

const t = (s: string): { nl: string; fr: string; en: string } => ({ nl: `${s} nl`, fr: `${s} fr`, en: `${s} en` });
const art = (title: string, body: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ title: t(title), body: t(body), ...extra });

describe('rules of engagement: the charter', () => {
	it('numbers articles by their place and gives new ones ids that are never reused', () => {
		const first = readArticles([art('Hoffelijkheid', 'Wees beleefd.'), art('Niet-commercieel', 'Geen verkoop.', { nonCommercial: true })], 1);
		assert.deepStrictEqual(first.articles.map(a => a.id), ['art-1', 'art-2']);
		assert.strictEqual(first.next, 3);
		// art-1 deleted, a new article added: it gets art-3, not art-1
		const second = readArticles([{ ...first.articles[1] }, art('Vertrouwelijkheid', 'Wat gedeeld wordt, blijft binnen.')], first.next);
		assert.deepStrictEqual(second.articles.map(a => a.id), ['art-2', 'art-3']);
	});

	it('refuses an empty charter, an incomplete article, a duplicate and two non-commercial articles', () => {
		assert.throws(() => readArticles([], 1), /error\.charter-empty/);
		assert.throws(() => readArticles('nonsense', 1), /error\.charter-empty/);
		assert.throws(() => readArticles([{ title: { nl: 'x', fr: 'x', en: '' }, body: t('b') }], 1), /error\.article-incomplete, 1, en/);
		assert.throws(() => readArticles([art('a', 'b', { id: 'art-1' }), art('c', 'd', { id: 'art-1' })], 2), /duplicate-article, 2/);
		assert.throws(() => readArticles([art('a', 'b', { nonCommercial: true }), art('c', 'd', { nonCommercial: true })], 1), /one-non-commercial/);
		assert.throws(() => readArticles([art('a', 'b', { id: '<script>' })], 1), /no-such-article/);
	});

	it('shows what changed between two versions, article by article and word by word', () => {
		const v1 = readArticles([art('A', 'Wees altijd beleefd.'), art('B', 'Geen verkoop.'), art('C', 'Blijft binnen.')], 1);
		const v2 = readArticles([{ ...v1.articles[1] }, { ...v1.articles[0], body: { ...t('x'), nl: 'Wees altijd hoffelijk.' } }, art('D', 'Nieuw.')], v1.next);
		const changes = diffCharters(v1.articles, v2.articles);
		const byId: Record<string, ArticleChange | undefined> = Object.fromEntries(changes.map(c => [c.id, c]));
		assert.strictEqual(byId['art-2']?.status, 'moved');
		const moved = byId['art-2'];
		assert.deepStrictEqual([moved.from, moved.to], [2, 1]);
		assert.strictEqual(byId['art-1']?.status, 'changed');
		assert.strictEqual(byId['art-3']?.status, 'removed');
		assert.strictEqual(byId['art-4']?.status, 'added');
		const nl = byId['art-1'].body!.nl;
		assert.deepStrictEqual(nl.filter(p => p.op !== 'same').map(p => [p.op, p.text]), [['removed', 'beleefd. nl'], ['added', 'hoffelijk.']]);
	});

	it('diffs words exactly: joining the pieces gives back both texts', () => {
		const pieces = diffWords('de kat zat op de mat', 'de hond zat niet op de mat');
		assert.strictEqual(pieces.filter(p => p.op !== 'added').map(p => p.text).join(''), 'de kat zat op de mat');
		assert.strictEqual(pieces.filter(p => p.op !== 'removed').map(p => p.text).join(''), 'de hond zat niet op de mat');
	});

	it('renders an article safely: markdown subset, HTML and translation tokens escaped', () => {
		const html = renderMarkdown('Wees **beleefd**.\n\n- een\n- twee\n\n<script>alert(1)</script> [[admin:x]]');
		assert.match(html, /<strong>beleefd<\/strong>/);
		assert.match(html, /<ul><li>een<\/li><li>twee<\/li><\/ul>/);
		assert.ok(!html.includes('<script>'));
		assert.ok(!html.includes('[[admin'));
		const b = blocks('Eén\n\n1. a\n2. b', s => s.toUpperCase());
		assert.deepStrictEqual(b.map(x => [x.p, x.ol, x.items.map(i => i.text)]), [[true, false, ['EÉN']], [false, true, ['A', 'B']]]);
	});
});

describe('rules of engagement: flag reasons', () => {
	it('encodes an article as a translation token and reads it back; anything else is not an article', () => {
		const reason = encodeReason({ id: 'art-7' }, 3);
		assert.strictEqual(reason, '[[lvl-engagement:flag.article, 3, art-7]]');
		assert.deepStrictEqual(decodeReason(reason), { id: 'art-7', number: 3 });
		assert.strictEqual(decodeReason('[[flags:modal-reason-spam]]'), null);
		assert.strictEqual(decodeReason('[[lvl-engagement:flag.article, 3, art-7]] extra'), null);
		assert.strictEqual(decodeReason('[[lvl-engagement:flag.article, 3, <b>]]'), null);
	});
});

describe('rules of engagement: the ladder', () => {
	it('reads the admin\'s steps and proposes the highest one reached', () => {
		const steps = parseLadder('3:mute:7, 2:queue:14');
		assert.deepStrictEqual(steps, [{ count: 2, action: 'queue', days: 14 }, { count: 3, action: 'mute', days: 7 }]);
		assert.strictEqual(proposeStep(steps, 1), null);
		assert.deepStrictEqual(proposeStep(steps, 2), { count: 2, action: 'queue', days: 14 });
		assert.deepStrictEqual(proposeStep(steps, 5), { count: 3, action: 'mute', days: 7 });
		assert.deepStrictEqual(parseLadder(''), []);
	});

	it('refuses steps it cannot read, naming the step', () => {
		assert.throws(() => parseLadder('2:queue:14, 3:shout:7'), /bad-ladder, 3:shout:7/);
		assert.throws(() => parseLadder('2:queue:0'), /bad-ladder/);
		assert.throws(() => parseLadder('2:queue:14, 2:mute:7'), /bad-ladder/);
	});
});

describe('rules of engagement: the non-commercial guard', () => {
	const nl = compileList(STARTER_PATTERNS.nl, 'nl');
	const fr = compileList(STARTER_PATTERNS.fr, 'fr');

	it('finds prices, shop and affiliate links and the listed words, in Dutch and French, without case or accents', () => {
		assert.strictEqual(findHit('Mijn oude fiets, 120 euro, ophalen in Gent', nl)?.source, '{price}');
		assert.strictEqual(findHit('Prijs: € 1.250,00', nl)?.source, '{price}');
		assert.strictEqual(findHit('Zie https://www.bol.com/nl/p/boek/123', nl)?.source, '{shop-link}');
		assert.strictEqual(findHit('https://example.org/x?ref=abc', nl)?.source, '{affiliate}');
		assert.strictEqual(findHit('Mijn boek staat TE KOOP.', nl)?.source, 'te koop');
		assert.strictEqual(findHit('Appartement a VENDRE à Gand', fr)?.source, 'à vendre');
		assert.strictEqual(findHit('Quel est le prix ?', fr)?.source, 'prix');
	});

	it('leaves ordinary questions alone (whole words only)', () => {
		assert.strictEqual(findHit('Wie kent een goede notaris in Gent? Ik heb 3 vragen over de erfenis.', nl), null);
		assert.strictEqual(findHit('Een promotor voor mijn doctoraat gezocht', nl), null, '"promo" is not in "promotor"');
		assert.strictEqual(findHit('Le prixe Nobel', fr), null);
	});

	it('refuses invalid regular expressions and what RE2 cannot run in linear time, naming the line', () => {
		assert.throws(() => compileList('te koop\n/(unclosed/', 'nl'), /pattern-invalid, nl, 2/);
		assert.throws(() => compileList('/(\\w+)\\1/', 'en'), /pattern-unsafe, en, 1/);
		assert.throws(() => compileList('/(?=a)b/', 'en'), /pattern-unsafe/);
		assert.throws(() => compileList('/(?<!a)b/', 'fr'), /pattern-unsafe, fr, 1/);
		assert.throws(() => compileList('{unknown}', 'nl'), /pattern-unknown-kind, nl, 1/);
		assert.strictEqual(regexProblem('\\d+\\s?euro'), null);
		assert.strictEqual(regexProblem('x'.repeat(201)), 'invalid');
		assert.strictEqual(compileList('# comment\n/\\bkoopje\\b/', 'nl').length, 1);
	});

	it('runs every pattern on RE2, so the classic catastrophic ones are harmless and still work (security #12 M3)', () => {
		// safe-regex2 let the first two through; JavaScript's engine took seconds on 27 characters of input
		const evil = compileList('/(\\w|\\d)+$/\n/.*.*.*x/\n/^(a|a)*$/\n/(x+x+)+y/\n/(a+)+$/', 'nl');
		assert.deepStrictEqual(evil.map(p => p.engine), ['re2', 're2', 're2', 're2', 're2']);
		const hostile = `${'a1'.repeat(24999)}!`;
		assert.strictEqual(findHit(hostile, evil), null);
		assert.strictEqual(findHit(`${'a'.repeat(49990)}x!`, evil)?.source, '/.*.*.*x/');
		assert.strictEqual(findHit('abc123', evil)?.source, '/(\\w|\\d)+$/');
		assert.strictEqual(findHit(`${'x'.repeat(30000)}y`, evil.slice(3, 4))?.source, '/(x+x+)+y/');
	});

	it('looks at a bounded part of a post only', () => {
		const list = compileList('te koop', 'nl');
		assert.strictEqual(findHit(`${'a '.repeat(MAX_CHECKED / 2 - 10)} te koop`, list)?.source, 'te koop');
		assert.strictEqual(findHit(`${'a '.repeat(MAX_CHECKED / 2)} te koop`, list), null);
	});

	it('has built-in kinds that RE2 runs, the shop link included (linear on a hostile link wall)', () => {
		for (const [name, expr] of Object.entries(BUILT_IN)) {
			assert.deepStrictEqual(compileList(`{${name}}`, 'en').map(p => [p.engine, p.expr]), [['re2', expr]], `{${name}} runs on RE2`);
		}
		const links = compileList('{shop-link}', 'nl');
		assert.strictEqual(findHit('https://'.repeat(6000), links), null);
		assert.strictEqual(findHit(`${'https://'.repeat(6000)} https://example.org/a/shop`, links)?.source, '{shop-link}');
		assert.strictEqual(findHit('Kijk op https://www.ebay.de/itm/1', links)?.source, '{shop-link}');
	});
});
