/**
 * Kernel: the template helpers `tx` (NodeBB 4.11's stand-in) and `lvlKey`, pure so that the server
 * (./templates.ts) and the browser (static/lib/text.ts) register the very same functions. Imports nothing.
 */

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
