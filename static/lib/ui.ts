/**
 * The small helpers every client module shares: our words through NodeBB's translator, alerts, and buttons whose
 * label is one of our tokens. Text that came from the server goes in with .text() / textContent, never as HTML.
 */
import * as alerts from 'alerts';
import translator from 'translator';

/** Our translated words (HTML: only our own tokens, whose arguments the server neutralised). */
export function tr(token: string): Promise<string> {
	return new Promise((resolve) => {
		translator.translate(token, config.userLang, resolve);
	});
}

/** Our words as plain text, for .text() / attributes (the translator returns HTML). */
export async function trText(token: string): Promise<string> {
	const html = await tr(token);
	return new DOMParser().parseFromString(html, 'text/html').body.textContent;
}

export function alertError(err: unknown): void {
	alerts.error(err);
}

export function alertSuccess(token: string): void {
	tr(token).then((t) => { alerts.success(t); }, alertError);
}

/** A small button labelled with one of our tokens. */
export function button(component: string, token: string, tone: string): JQuery {
	const b = $('<button type="button" class="btn btn-sm"></button>').addClass(tone).attr('component', component);
	tr(token).then(t => b.text(t), alertError);
	return b;
}

/** The page's data field `name` as an object, or null: ajaxify.data is whatever the server rendered. */
export function pageData(name: string): object | null {
	const value = ajaxify.data[name];
	return value && typeof value === 'object' ? value : null;
}

/** The page's topic id, 0 when the page is no topic. */
export function pageTid(): number {
	const tid = Number(ajaxify.data.tid);
	return Number.isInteger(tid) && tid > 0 ? tid : 0;
}
