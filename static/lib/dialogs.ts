/**
 * NodeBB 4.11 translated every bootbox dialog (public/vendor/bootbox/wrapper.js); 4.14 dropped that wrapper, so the
 * tokens in our dialogs' titles, messages and buttons showed as typed. The same wrapper, once, on every version:
 * where the host's is still there, the text is already translated when ours looks, or both translate the same tokens.
 */
import type { Bootbox, DialogOptions } from 'bootbox';
import type { Translator } from 'translator';

const HAS_TOKEN = /\[\[.+\]\]/;
const ATTRIBUTES = ['placeholder', 'title', 'value', 'label', 'aria-label'];

function escapeHTML(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Translates the tokens in an element's text (escaped first, as NodeBB 4.11's translateInPlace did) and attributes. */
function translateIn(element: HTMLElement, translator: Translator): Promise<unknown> {
	const tr = (text: string): Promise<string> => new Promise((resolve) => { translator.translate(text, config.userLang, resolve); });
	const jobs: Promise<void>[] = [];
	const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const textNode = node;
		const value = textNode.nodeValue ?? '';
		if (HAS_TOKEN.test(value)) {
			jobs.push(tr(escapeHTML(value)).then((html) => { $(textNode).replaceWith(html); }));
		}
	}
	element.querySelectorAll('*').forEach((el) => {
		for (const attr of ATTRIBUTES) {
			const value = el.getAttribute(attr);
			if (value && HAS_TOKEN.test(value)) {
				jobs.push(tr(value).then((text) => { el.setAttribute(attr, text); }));
			}
		}
	});
	return Promise.all(jobs);
}

type Dialog = Bootbox['dialog'] & { lvlTranslates?: boolean };

export function translateDialogs(bootbox: Bootbox, translator: Translator): void {
	const dialog = bootbox.dialog as Dialog;
	if (typeof dialog !== 'function' || dialog.lvlTranslates) {
		return;
	}
	const wrapped: Dialog = function (options: DialogOptions & { show?: boolean }) {
		const show = options.show !== false;
		options.show = false;
		const $elem = dialog.call(bootbox, options);
		const element = $elem[0];
		const done = element ? translateIn(element, translator) : Promise.resolve();
		done.catch(() => { /* shown as it is */ }).then(() => {
			if (show) {
				($elem as JQuery & { modal(action: string): void }).modal('show');
			}
		}, () => undefined);
		return $elem;
	};
	wrapped.lvlTranslates = true;
	bootbox.dialog = wrapped;
}
