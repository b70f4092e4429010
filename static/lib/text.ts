/**
 * Templates rendered in the browser follow the server's rule (lib/kernel/templates.ts): our words through the `tx`
 * helper (NodeBB 4.14+ has its own; on 4.11 the page's translator reads the token this one writes), keys built from
 * values through `lvlKey`, text someone typed arrives prepared by the server (lib/kernel/text.ts) and prints raw.
 * The helpers are the server's own (lib/kernel/tokens.ts), not a copy.
 * Client code that shows text it got from an API puts it in with .text() / textContent, never as HTML.
 */
import type { Benchpress } from 'benchpress';
import { txToken, lvlKey } from '../../lib/kernel/tokens';

export { txToken, lvlKey };

/** Registers the helpers on NodeBB's Benchpress (passed in, so that this module also loads without NodeBB). */
export function register(Benchpress: Benchpress): void {
	Benchpress.registerHelper('lvlKey', lvlKey);
	if (typeof Benchpress.helpers.tx !== 'function') {
		Benchpress.registerHelper('tx', txToken);
	}
}
