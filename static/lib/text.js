'use strict';

// Templates rendered in the browser follow the server's rule (lib/kernel/templates.ts): our words through the `tx`
// helper (NodeBB 4.14+ has its own; on 4.11 the page's translator reads the token this one writes), keys built from
// values through `lvlKey`, text someone typed arrives prepared by the server (lib/kernel/text.ts) and prints raw.
// Client code that shows text it got from an API puts it in with .text() / textContent, never as HTML.
(function (factory) {
	if (typeof module === 'object' && module.exports) {
		module.exports = factory();
	} else {
		const helpers = factory();
		require(['benchpress'], function (Benchpress) {
			helpers.register(Benchpress);
		});
		require(['bootbox', 'translator'], function (bootbox, translator) {
			helpers.translateDialogs(bootbox, translator);
		});
	}
}(function () {
	const TOKEN = /^\[\[[^[\]]*(?:\[\[[^[\]]*\]\][^[\]]*)*\]\]$/;
	const KEY = /^[a-z][a-z0-9-]*:[a-z0-9_.-]+$/i;

	function argOf(a) {
		const s = typeof a === 'number' ? String(a) : typeof a === 'string' ? a : '';
		return TOKEN.test(s) ? s : s.replace(/,/g, '&#44;').replace(/%/g, '&#37;').replace(/\[/g, '&lsqb;').replace(/\]/g, '&rsqb;');
	}

	function txToken(key) {
		if (typeof key !== 'string' || key === '') {
			return '';
		}
		if (TOKEN.test(key) || !KEY.test(key)) {
			return key;
		}
		const args = Array.prototype.slice.call(arguments, 1).map(argOf);
		return '[[' + [key].concat(args).join(', ') + ']]';
	}

	function lvlKey(prefix, value) {
		return (typeof prefix === 'string' ? prefix : '') +
			(typeof value === 'string' || typeof value === 'number' ? String(value) : '').replace(/[^a-z0-9_.-]/gi, '');
	}

	function register(Benchpress) {
		Benchpress.registerHelper('lvlKey', lvlKey);
		if (typeof Benchpress.helpers.tx !== 'function') {
			Benchpress.registerHelper('tx', txToken);
		}
	}

	const HAS_TOKEN = /\[\[.+\]\]/;
	const ATTRIBUTES = ['placeholder', 'title', 'value', 'label', 'aria-label'];

	function escapeHTML(s) {
		return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
	}

	/** Translates the tokens in an element's text (escaped first, as NodeBB 4.11's translateInPlace did) and attributes. */
	function translateIn(element, translator) {
		const lang = (window.config && window.config.userLang) || undefined;
		const tr = text => new Promise(function (resolve) { translator.translate(text, lang, resolve); });
		const jobs = [];
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const textNode = node;
			if (HAS_TOKEN.test(textNode.nodeValue)) {
				jobs.push(tr(escapeHTML(textNode.nodeValue)).then(function (html) {
					$(textNode).replaceWith(html);
				}));
			}
		}
		element.querySelectorAll('*').forEach(function (el) {
			ATTRIBUTES.forEach(function (attr) {
				const value = el.getAttribute(attr);
				if (value && HAS_TOKEN.test(value)) {
					jobs.push(tr(value).then(function (text) { el.setAttribute(attr, text); }));
				}
			});
		});
		return Promise.all(jobs);
	}

	/**
	 * NodeBB 4.11 translated every bootbox dialog (public/vendor/bootbox/wrapper.js); 4.14 dropped that wrapper, so the
	 * tokens in our dialogs' titles, messages and buttons showed as typed. The same wrapper, once, on every version:
	 * where the host's is still there, the text is already translated when ours looks, or both translate the same tokens.
	 */
	function translateDialogs(bootbox, translator) {
		if (!bootbox || typeof bootbox.dialog !== 'function' || bootbox.dialog.lvlTranslates) {
			return;
		}
		const dialog = bootbox.dialog;
		const wrapped = function (options) {
			const show = options.show !== false;
			options.show = false;
			const $elem = dialog.call(bootbox, options);
			translateIn($elem[0], translator).catch(function () { /* shown as it is */ }).then(function () {
				if (show) {
					$elem.modal('show');
				}
			});
			return $elem;
		};
		wrapped.lvlTranslates = true;
		bootbox.dialog = wrapped;
	}

	return { txToken: txToken, lvlKey: lvlKey, register: register, translateDialogs: translateDialogs };
}));
