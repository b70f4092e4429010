import assert from 'assert';
import { neutral, neutralFromHost, plain, token } from '../../lib/kernel/text';
import { lvlKey, txToken } from '../../lib/kernel/templates';

// The client's template helpers (static/lib/text.ts, built into build/client) must follow the same rule as the server's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const client = require('../../client/static/lib/text.js') as { txToken: typeof txToken; lvlKey: typeof lvlKey };

const HOSTILE = [
	'<script>alert(1)</script>',
	'"><svg onload=alert(1)>',
	'javascript:alert(1)',
	'[[topic:merged-message, javascript:alert(document.domain), Bekijk mijn cv]]',
	'[[global:home, [[topic:merged-message, javascript:alert(1), x]]]]',
	'&#91;&#91;topic:merged-message, javascript:alert(1), x&#93;&#93;',
	'&lsqb;&lsqb;topic:merged-message, javascript:alert(1), x&rsqb;&rsqb;',
	'{x}', '{{x}}', '<!-- IMPORT partials/x.tpl -->', '&lt;b&gt;', 'Crème & Brûlée', "O'Brien = 50% , `x`",
];

/** What NodeBB's decodeHTMLEntities does (public/src/utils.common.js, 4.11 to 4.15): numeric, hex, then a table of names without lsqb/rsqb. */
function nodebbDecode(html: string): string {
	return html.replace(/&#(\d+);?/g, (_m, c: string) => String.fromCharCode(Number(c)))
		.replace(/&#[xX]([A-Fa-f0-9]+);?/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
		.replace(/&([^;\W]+;?)/g, (m, e: string) => ({ 'amp;': '&', 'lt;': '<', 'gt;': '>', 'quot;': '"', 'apos;': "'", amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[e] ?? m);
}
function nodebbEscape(s: string): string {
	return s.replace(/[&<>"'`=]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#x3D;' } as Record<string, string>)[c] ?? c);
}
/** A translation argument in NodeBB: decoded, escaped, `&amp;lsqb;` fixed back (translator.common.js). */
function asTranslatedArg(s: string): string {
	return nodebbEscape(nodebbDecode(s)).replace(/&amp;lsqb;/g, '&lsqb;').replace(/&amp;rsqb;/g, '&rsqb;');
}

describe('kernel: member text', () => {
	it('leaves no markup, no quote, no bracket, no comma and no percent sign', () => {
		for (const h of HOSTILE) {
			const n = neutral(h);
			assert.doesNotMatch(n, /[<>"'`[\],%]/, h);
			assert.doesNotMatch(n, /&(?!amp;|lt;|gt;|quot;|#39;|#96;|#x3D;|lsqb;|rsqb;|#44;|#37;)/, h);
		}
	});

	it('reads back exactly as typed, once (no double escaping)', () => {
		for (const h of HOSTILE) {
			assert.strictEqual(plain(neutral(h)), h);
		}
		assert.strictEqual(neutral('Crème & Brûlée'), 'Crème &amp; Brûlée');
		assert.strictEqual(neutral('&lt;b&gt;'), '&amp;lt;b&amp;gt;');
	});

	it('cannot become a token again in NodeBB\'s translator (its decoder does not know &lsqb;)', () => {
		for (const h of HOSTILE) {
			const arg = asTranslatedArg(neutral(h));
			assert.doesNotMatch(arg, /\[|\]|<|>|"/, h);
			// and the browser shows it as typed (&lsqb; is an HTML5 entity); NodeBB's own fixDoubleEscaped turns a typed
			// "&lsqb;" into "[" inside a translation argument: harmless (still no token), and only there
			if (!h.includes('&lsqb;')) {
				assert.strictEqual(plain(arg), h.replace(/\s+/g, ' ').trim());
			}
		}
	});

	it('a value NodeBB hands out escaped (usernames, titles) is neutralised exactly once', () => {
		assert.strictEqual(neutralFromHost('Q&amp;A, 50% [dringend]'), 'Q&amp;A&#44; 50&#37; &lsqb;dringend&rsqb;');
		assert.strictEqual(neutralFromHost('&lt;b&gt;'), '&lt;b&gt;');
		assert.strictEqual(neutralFromHost(undefined), '');
	});

	it('builds a token whose arguments cannot split it or inject another', () => {
		assert.strictEqual(token('lvl:x', 'a, b', 3, '[[topic:merged-message, javascript:alert(1), x]]'),
			'[[lvl:x, a&#44; b, 3, &lsqb;&lsqb;topic:merged-message&#44; javascript:alert(1)&#44; x&rsqb;&rsqb;]]');
	});
});

describe('kernel: template helpers (NodeBB 4.11 stand-in for 4.14\'s tx)', () => {
	for (const [name, impl] of [['server', { txToken, lvlKey }], ['client', client]] as const) {
		it(`${name}: our key becomes a token, text stays text, arguments stay arguments`, () => {
			assert.strictEqual(impl.txToken('lvl:home.lead'), '[[lvl:home.lead]]');
			assert.strictEqual(impl.txToken('lvl:count', 3, neutral('a, b')), '[[lvl:count, 3, a&#44; b]]');
			assert.strictEqual(impl.txToken('[[lvl:role.mentor]]'), '[[lvl:role.mentor]]');
			assert.strictEqual(impl.txToken(neutral('Crème & Brûlée')), 'Crème &amp; Brûlée');
			assert.strictEqual(impl.txToken('lvl:x', 'a,b[[c]]%1'), '[[lvl:x, a&#44;b&lsqb;&lsqb;c&rsqb;&rsqb;&#37;1]]');
			assert.strictEqual(impl.txToken(undefined), '');
		});
		it(`${name}: a key built from a value takes only key characters from it`, () => {
			assert.strictEqual(impl.lvlKey('lvl:level.', 'expert'), 'lvl:level.expert');
			assert.strictEqual(impl.lvlKey('lvl:level.', 'x]], [[topic:merged-message, javascript:alert(1)'), 'lvl:level.xtopicmerged-messagejavascriptalert1');
		});
	}
});
