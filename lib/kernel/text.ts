/**
 * Kernel: member text on its way to HTML and to NodeBB's translator.
 *
 * Pure, imports nothing. Also the small text rules every capability shares: folding for comparisons, CSV cells,
 * the median. Every string a member, moderator or admin typed (and everything a query string reflects)
 * goes through `neutral` before it reaches a template, a page's HTML, a translation argument (`[[ns:key, …]]` or
 * `{{tx("ns:key", …)}}`), a notification's bodyShort/bodyLong or the client's HTML.
 *
 * What it does, and why each choice survives NodeBB (4.11 to 4.15, read in public/src/utils.common.js and
 * public/src/modules/translator.common.js):
 * - `& < > " ' \` =` become the entities NodeBB's own `escapeHTML` uses: no markup, safe inside `"…"` attributes.
 * - `[` and `]` become `&lsqb;` and `&rsqb;`. NodeBB's `decodeHTMLEntities` (run on every translation argument, and
 *   on `{x}` output from 4.14) turns numeric forms like `&#91;` back into `[`, but it does not know `&lsqb;`; its
 *   `fixDoubleEscaped` turns `&amp;lsqb;` back into `&lsqb;`. So no token can be formed, whatever pass the text
 *   goes through, and the browser shows `[` as typed (`&lsqb;` is an HTML5 entity).
 * - `,` and `%` become `&#44;` and `&#37;`, so the text is one argument of a token (commas split arguments, `%1`
 *   would pull in another argument); the translator decodes them back after splitting.
 * The result is HTML text: print it raw (`{{x}}` in a template, `innerHTML`), never escape it again.
 */

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	'`': '&#96;',
	'=': '&#x3D;',
	'[': '&lsqb;',
	']': '&rsqb;',
	',': '&#44;',
	'%': '&#37;',
};

const SPECIAL = /[&<>"'`=[\],%]/g;

/** Member text, neutralised for HTML (text and attributes) and for NodeBB's translator (as text or argument). */
export function neutral(text: unknown): string {
	const s = typeof text === 'string' ? text : typeof text === 'number' && Number.isFinite(text) ? String(text) : '';
	return s.replace(SPECIAL, c => ENTITIES[c] ?? c);
}

/** NodeBB's HTML entities (what `validator.escape`/`escapeHTML` produce, and our own) back to text, one pass. */
export function plain(html: string): string {
	return html.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|lsqb|rsqb);/gi, (m, e: string) => {
		const k = e.toLowerCase();
		if (k.startsWith('#x')) {
			return String.fromCodePoint(parseInt(k.slice(2), 16));
		}
		if (k.startsWith('#')) {
			return String.fromCodePoint(parseInt(k.slice(1), 10));
		}
		return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", lsqb: '[', rsqb: ']' } as Record<string, string>)[k] ?? m;
	});
}

/**
 * Text NodeBB hands out already escaped (usernames, display names, topic titles, category names), neutralised
 * exactly once: decoded, then `neutral`. Never double-escaped, and its brackets are neutralised too (NodeBB escapes
 * HTML in a username but leaves `[[…]]` alone).
 */
export function neutralFromHost(escaped: unknown): string {
	return neutral(plain(typeof escaped === 'string' ? escaped : typeof escaped === 'number' ? String(escaped) : ''));
}

/** A translation token built from our own key and arguments; every argument that is not one of our tokens is neutralised. */
export function token(key: string, ...args: (string | number)[]): string {
	return `[[${[key, ...args.map(a => (typeof a === 'number' ? String(a) : neutral(a)))].join(', ')}]]`;
}

/**
 * A value from a file or a form placed inside one of our translation tokens as plain words (an error naming the
 * cell): it can neither close the token, split its arguments nor open another. Cut at 100 characters.
 */
export function tokenArg(value: string): string {
	return value.replace(/[,[\]%]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

/** Lower case, accents removed: how the guard's patterns and the similar-questions index compare words. */
export function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** `fold`, whitespace collapsed and trimmed: how names, headers and competence labels are compared. */
export function foldText(s: string): string {
	return fold(s).replace(/\s+/g, ' ').trim();
}

/** Cells a spreadsheet would run as a formula when the export is opened (CSV injection). */
export function isFormulaLike(s: string): boolean {
	return /^[=+\-@\t\r]/.test(s);
}

/**
 * One cell of a CSV export: defused if formula-like (a leading `'`), quoted when it holds a quote, a line break or
 * one of `delimiters` (by default every delimiter a spreadsheet might guess; a file that is always `;`-separated
 * passes `;`, so that a decimal comma stays unquoted).
 */
export function csvCell(s: string, delimiters = ';,\t'): string {
	const value = isFormulaLike(s) ? `'${s}` : s;
	const special = `${delimiters}"\r\n`;
	return Array.from(special).some(c => value.includes(c)) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The median of a list of numbers (in any order), or null when there is none. */
export function median(values: readonly number[]): number | null {
	if (!values.length) {
		return null;
	}
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] ?? null : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
