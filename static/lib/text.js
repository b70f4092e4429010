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

	return { txToken: txToken, lvlKey: lvlKey, register: register };
}));
