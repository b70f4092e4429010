/**
 * Small DOM helpers shared by the plugin's ACP pages: table cells, translated text, uploads, dialogs and buttons
 * that report their request. Every piece of data goes in as text, never as HTML.
 */
import * as alerts from 'alerts';
import bootbox from 'bootbox';
import translator from 'translator';

export function cell(value: string | number | null | undefined, className?: string): JQuery {
	return $('<td>').addClass(className ?? '').text(value === undefined || value === null ? '' : String(value));
}

/** The translator returns HTML (its arguments escaped); reduced to plain text, it can go in with .text(). */
export async function translateText(token: string): Promise<string> {
	const html = await translator.translate(token);
	return new DOMParser().parseFromString(html, 'text/html').body.textContent;
}

export function translateInto(target: JQuery | string, token: string): void {
	const into = typeof target === 'string' ? $(target) : target;
	translateText(token).then((text) => { into.text(text); }, alerts.error);
}

interface Envelope { status?: { message?: string }; response?: unknown }

/** The api module sends JSON only; a file goes as multipart and is answered in NodeBB's envelope. */
export async function upload(path: string, data: FormData): Promise<unknown> {
	const res = await fetch(`${config.relative_path}/api/v3${path}`, {
		method: 'POST',
		body: data,
		credentials: 'same-origin',
		headers: { 'x-csrf-token': config.csrf_token },
	});
	const body = await res.json().catch(() => null) as Envelope | null;
	if (!res.ok || !body) {
		throw new Error(body?.status?.message ?? (res.statusText || '[[error:unknown]]'));
	}
	return body.response;
}

/** The input's value as trimmed text ('' for none). */
export function valueOf(input: JQuery): string {
	const v = input.val();
	return typeof v === 'string' ? v.trim() : '';
}

let cloned = 0;

/** A copy of a <template>'s content; each copy gets its own ids, so a form can be on the page and in a dialog at once. */
export function clone(id: string): JQuery {
	const suffix = `-${String(cloned += 1)}`;
	const template = document.getElementById(id) as HTMLTemplateElement;
	const node = $(template.content.cloneNode(true) as DocumentFragment).children();
	node.find('[id]').addBack('[id]').each((_i, el) => {
		el.id += suffix;
	});
	for (const attr of ['for', 'aria-describedby']) {
		node.find(`[${attr}]`).each((_i, el) => {
			el.setAttribute(attr, `${el.getAttribute(attr) ?? ''}${suffix}`);
		});
	}
	return node;
}

/** Disables a button while its request runs, and reports any failure. */
export function busy<T>(button: JQuery | HTMLElement | null, promise: Promise<T>): Promise<T | undefined> {
	$(button ?? []).prop('disabled', true);
	return promise.catch((err: unknown) => {
		alerts.error(err);
		return undefined;
	}).finally(() => $(button ?? []).prop('disabled', false));
}

/** An API call that says so when it succeeded (a message, or a function of the result), then runs what follows. */
export function act<T>(button: JQuery | HTMLElement | null, request: Promise<T>, message: string | ((result: T) => string), then: (result: T) => void): void {
	void busy(button, request.then((result) => {
		alerts.success(typeof message === 'function' ? message(result) : message);
		then(result);
	}));
}

/** (a callback that returns false keeps a bootbox dialog open, so no `ok && fn()` here) */
export function confirmThen(message: string, fn: () => void): void {
	bootbox.confirm(message, (ok) => {
		if (ok) {
			fn();
		}
	});
}

/**
 * A dialog around a form. Data is filled in by the caller after this returns, so none of it passes through the
 * dialog's translation.
 */
export function dialog(title: string, body: JQuery, saveLabel: string, save: (modal: JQuery) => void): JQuery {
	const run = (): boolean => {
		save(modal);
		return false;
	};
	const modal = bootbox.dialog({
		title: title,
		message: body,
		size: 'large',
		onEscape: true,
		buttons: {
			cancel: { label: '[[global:cancel]]', className: 'btn-link' },
			save: { label: saveLabel, className: 'btn-primary', callback: run },
		},
	});
	body.find('form').addBack('form').on('submit', (ev) => {
		ev.preventDefault();
		run();
	});
	modal.on('shown.bs.modal', () => body.find('input:not([readonly]), select:not(:disabled), textarea').first().trigger('focus'));
	return modal;
}

export function saveButton(modal: JQuery): JQuery {
	return modal.find('.modal-footer .btn-primary');
}

/** Hides a bootbox dialog (Bootstrap's modal plugin on NodeBB's jQuery). */
export function hide(modal: JQuery): void {
	(modal as JQuery & { modal(action: string): void }).modal('hide');
}
