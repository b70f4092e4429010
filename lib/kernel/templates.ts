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
 * The helpers themselves are pure (./tokens.ts): static/lib/text.ts registers the same ones in the browser.
 */
import * as nodebb from '../nodebb';
import { txToken, lvlKey } from './tokens';

export { txToken, lvlKey };

/** Registers the helpers the templates use (NodeBB's own `tx` is kept where it exists). */
export function registerHelpers(): void {
	const bp = nodebb.benchpress();
	bp.registerHelper('lvlKey', lvlKey);
	if (typeof bp.helpers.tx !== 'function') {
		bp.registerHelper('tx', txToken);
	}
}
