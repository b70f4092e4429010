/**
 * Kernel: how the plugin's templates print, the same on NodeBB 4.11 and 4.14+.
 *
 * NodeBB 4.14 stopped translating the rendered page: templates translate with the `{{tx("ns:key", args…)}}` helper,
 * and `{x}` escapes (decoding entities first) while `{{x}}` prints raw. NodeBB 4.11 translates the whole rendered
 * page (server and client), has no `tx` helper, and prints `{x}` raw. So the plugin's templates follow one rule:
 * - our own words: `{{tx("ns:key", args…)}}`; a key built from a value: `{{tx(lvlKey("ns:prefix.", ./value))}}`;
 * - text someone typed (and anything reflected from a request): prepared by `neutral` (lib/kernel/text.ts) and
 *   printed raw, `{{x}}`, so it is escaped exactly once on every version;
 * - `{x}` only for values that cannot carry markup (numbers, keys, slugs, dates).
 * On 4.11 the plugin adds a `tx` helper that writes the token for the page's translator; 4.14+ has its own.
 * static/lib/text.js does the same for templates rendered in the browser.
 */
import * as nodebb from '../nodebb';

const TOKEN = /^\[\[[^[\]]*(?:\[\[[^[\]]*\]\][^[\]]*)*\]\]$/;
const KEY = /^[a-z][a-z0-9-]*:[a-z0-9_.-]+$/i;

/** A value as one argument of a token: our own tokens stay tokens; text can neither split nor open one. */
function argOf(a: unknown): string {
	const s = typeof a === 'number' ? String(a) : typeof a === 'string' ? a : '';
	return TOKEN.test(s) ? s : s.replace(/,/g, '&#44;').replace(/%/g, '&#37;').replace(/\[/g, '&lsqb;').replace(/\]/g, '&rsqb;');
}

/** NodeBB 4.11's stand-in for 4.14's `tx` helper: the token, for the translator that runs over the page. */
export function txToken(key: unknown, ...args: unknown[]): string {
	if (typeof key !== 'string' || key === '') {
		return '';
	}
	if (TOKEN.test(key) || !KEY.test(key)) {
		// already a token of ours, or text (prepared by `neutral`): as it is
		return key;
	}
	return `[[${[key, ...args.map(argOf)].join(', ')}]]`;
}

/** A translation key from a prefix and a value (`lvl:level.` + `expert`); the value cannot add anything but a key. */
export function lvlKey(prefix: unknown, value: unknown): string {
	return `${typeof prefix === 'string' ? prefix : ''}${(typeof value === 'string' || typeof value === 'number' ? String(value) : '').replace(/[^a-z0-9_.-]/gi, '')}`;
}

/** Registers the helpers the templates use (NodeBB's own `tx` is kept where it exists). */
export function registerHelpers(): void {
	const bp = nodebb.benchpress();
	bp.registerHelper('lvlKey', lvlKey);
	if (typeof bp.helpers.tx !== 'function') {
		bp.registerHelper('tx', txToken);
	}
}
