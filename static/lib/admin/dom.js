'use strict';

// Small DOM helpers shared by the plugin's ACP pages. Every piece of data goes in as text, never as HTML.
define('admin/plugins/lvl/dom', ['translator'], function (translator) {
	const dom = {};

	dom.cell = function (value, className) {
		return $('<td>').addClass(className || '').text(value === undefined || value === null ? '' : String(value));
	};

	// The translator returns HTML (its arguments escaped); reduce it to plain text so it can go in with .text().
	dom.translateText = function (token) {
		return Promise.resolve(translator.translate(String(token)))
			.then(html => new DOMParser().parseFromString(html || '', 'text/html').body.textContent);
	};

	dom.translateInto = function (target, token) {
		dom.translateText(token).then(text => $(target).text(text));
	};

	// The api module sends JSON only; a file goes as multipart and is answered in NodeBB's envelope.
	dom.upload = async function (path, data) {
		const res = await fetch(config.relative_path + '/api/v3' + path, {
			method: 'POST',
			body: data,
			credentials: 'same-origin',
			headers: { 'x-csrf-token': config.csrf_token },
		});
		const body = await res.json().catch(() => null);
		if (!res.ok || !body) {
			throw new Error((body && body.status && body.status.message) || res.statusText || '[[error:unknown]]');
		}
		return body.response;
	};

	return dom;
});
