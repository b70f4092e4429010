'use strict';

// "Wie weet wat?": the competence picker (suggestions → chips that carry `c`), the search form and the chat buttons.
// The results themselves are rendered by the server. Everything fetched is inserted as text, never as HTML.
// `Directory.picker` is also used by the profile editor (forum/account/lvl-competences).
define('forum/lvl/directory', ['api', 'translator'], function (api, translator) {
	const Directory = {};
	const MAX_ASKED = 3;
	const MIN_CHARS = 2;
	const DELAY = 250;

	// Also fit for the page per competence (its results have the same chat buttons), should it load this module.
	Directory.init = function () {
		const cards = $('[component="lvl/directory"], [component="lvl/competence"]');
		bindChat(cards);
		require(['lvl/ask'], function (ask) {
			ask.bind(cards);
		});
		const root = $('[component="lvl/directory"]');
		if (root.length) {
			initSearch(root);
		}
	};

	// Chat buttons are links to the member's profile (where NodeBB's own chat button is), so they still lead
	// somewhere on a page without this module; here they open the chat at once.
	function bindChat(container) {
		container.on('click', '[component="lvl/chat"]', function (e) {
			e.preventDefault();
			e.stopPropagation();
			const uid = this.getAttribute('data-uid');
			require(['chat'], function (chat) {
				chat.newChat(uid);
			});
		});
	}

	function initSearch(root) {
		const form = root.find('[component="lvl/directory/form"]');
		const chips = root.find('[component="lvl/chips"]');
		const input = root.find('#lvl-competence-input');

		const picker = Directory.picker({
			input: input,
			list: root.find('#lvl-competence-list'),
			exclude: chosenKeys,
			onChoose: function (match) {
				addChip(match);
				search();
			},
			onEnter: function () {
				form.trigger('submit');
			},
		});

		function chosenKeys() {
			return chips.find('input[name="c"]').map(function () { return this.value; }).get();
		}

		function updateFull() {
			const full = chosenKeys().length >= MAX_ASKED;
			input.prop('disabled', full);
			root.find('[component="lvl/picker/full"]').toggleClass('d-none', !full);
			chips.toggleClass('d-none', !chosenKeys().length);
		}

		function addChip(match) {
			if (chosenKeys().length >= MAX_ASKED || chosenKeys().includes(match.key)) {
				return;
			}
			const chip = $(document.getElementById('lvl-chip-template').content.cloneNode(true)).children();
			chip.attr('data-key', match.key);
			chip.find('input[name="c"]').val(match.key);
			chip.find('[component="lvl/chip/label"]').text(match.label);
			chips.append(chip);
			updateFull();
		}

		// A search always starts on page 1, and leaves empty fields out of the URL (shorter to share).
		function search() {
			const params = new URLSearchParams();
			new FormData(form[0]).forEach(function (value, name) {
				if (String(value).trim() !== '' && name !== 'page') {
					params.append(name, String(value).trim());
				}
			});
			const qs = params.toString();
			ajaxify.go('wie-weet-wat' + (qs ? '?' + qs : ''));
		}

		chips.on('click', '[component="lvl/chip/remove"]', function () {
			$(this).closest('[component="lvl/chip"]').remove();
			updateFull();
			search();
		});

		// Text typed in the competence box but not chosen: one clear match is taken, several are shown to choose
		// from, none goes to the free-text search (so pressing "Search" is never ignored).
		form.on('submit', function (e) {
			e.preventDefault();
			const typed = String(input.val() || '').trim();
			if (typed.length < MIN_CHARS || input.prop('disabled')) {
				search();
				return;
			}
			picker.lookup(typed).then(function (found) {
				const exact = found.find(m => fold(m.label) === fold(typed));
				if (exact || found.length === 1) {
					addChip(exact || found[0]);
				} else if (found.length > 1) {
					picker.show(found);
					input.trigger('focus');
					root.find('[component="lvl/picker/help"]').addClass('text-danger');
					return;
				} else {
					const q = root.find('#lvl-q');
					q.val((String(q.val() || '').trim() + ' ' + typed).trim());
				}
				input.val('');
				search();
			}, search);
		});

		// Previous/next keep every criterion of the current URL.
		root.find('[data-lvl-page]').each(function () {
			const params = new URLSearchParams(window.location.search);
			params.set('page', this.getAttribute('data-lvl-page'));
			this.setAttribute('href', window.location.pathname + '?' + params.toString());
		});

		input.on('input', function () {
			root.find('[component="lvl/picker/help"]').removeClass('text-danger');
		});

		updateFull();
	}

	/* ---------- the competence picker (a combobox) ---------- */

	function fold(s) {
		return String(s || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
	}

	// The translator returns HTML (its arguments escaped); reduced to plain text, it goes in with .text().
	function translateText(token) {
		return Promise.resolve(translator.translate(String(token)))
			.then(html => new DOMParser().parseFromString(html || '', 'text/html').body.textContent);
	}

	function countToken(count) {
		if (!count) {
			return '[[lvl:picker.count-none]]';
		}
		return count === 1 ? '[[lvl:picker.count-one]]' : translator.compile('lvl:picker.count', count);
	}

	/**
	 * A search box with suggestions from the taxonomy, for keyboard, mouse and touch.
	 * opts: input, list (an empty <ul role="listbox">), onChoose(match), exclude() → keys not to suggest,
	 * onEnter(text) when Enter is pressed without a suggestion, noMatch: { token, run(text) } an action offered
	 * when nothing matches. Returns { lookup(text) → Promise<matches>, show(matches), clear() }.
	 */
	Directory.picker = function (opts) {
		const input = $(opts.input);
		const list = $(opts.list);
		const listId = list.attr('id');
		let matches = [];
		let active = -1;
		let timer = 0;
		let seq = 0;

		function isOpen() {
			return list.hasClass('show');
		}

		function setOpen(open) {
			list.toggleClass('show', open);
			input.attr('aria-expanded', String(open));
			if (!open) {
				setActive(-1);
			}
		}

		function setActive(i) {
			active = i;
			const items = list.children('[role="option"]');
			items.removeClass('active').attr('aria-selected', 'false');
			if (i >= 0 && items[i]) {
				$(items[i]).addClass('active').attr('aria-selected', 'true');
				input.attr('aria-activedescendant', items[i].id);
				items[i].scrollIntoView({ block: 'nearest' });
			} else {
				input.removeAttr('aria-activedescendant');
			}
		}

		function lookup(text) {
			// the page's language (it may differ from the account's setting when ?lang= is used)
			return api.get('/plugins/lvl/competences', { q: text, lang: config.userLang }).then(function (res) {
				const excluded = new Set(opts.exclude ? opts.exclude() : []);
				return ((res && res.matches) || []).filter(m => m && m.key && !excluded.has(m.key));
			});
		}

		function note(token, className) {
			const li = $('<li role="presentation" class="px-2 py-2 small text-secondary"></li>').addClass(className || '');
			translateText(token).then(text => li.text(text));
			return li;
		}

		function show(found, text) {
			matches = found;
			list.empty();
			found.forEach(function (m, i) {
				const li = $('<li role="option" aria-selected="false" class="dropdown-item rounded-1 d-flex align-items-center justify-content-between gap-2 py-2 text-wrap"></li>')
					.attr('id', listId + '-' + i)
					.attr('data-index', i);
				const names = $('<span class="d-flex flex-column" style="min-width: 0;"></span>');
				names.append($('<span class="fw-semibold text-break"></span>').text(m.label || m.key));
				// the synonym that matched, when it is not the name itself ("WVV" → Vennootschapsrecht)
				if (typeof m.matched === 'string' && m.matched && fold(m.matched) !== fold(m.label)) {
					names.append($('<span class="small opacity-75 text-break"></span>').text(m.matched));
				}
				const count = $('<span class="badge rounded-pill text-bg-light border fw-normal flex-shrink-0"></span>');
				translateText(countToken(Number(m.count) || 0)).then(t => count.text(t));
				li.append(names, count);
				list.append(li);
			});
			if (!found.length) {
				list.append(note('[[lvl:picker.no-match]]'));
				if (opts.noMatch && text) {
					const li = $('<li role="presentation" class="px-1 pb-1"></li>');
					const button = $('<button type="button" class="btn btn-sm btn-outline-primary w-100 text-start text-wrap"></button>');
					translateText(translator.compile(opts.noMatch.token, text)).then(t => button.text(t));
					button.on('click', function () {
						setOpen(false);
						opts.noMatch.run(text);
					});
					list.append(li.append(button));
				}
			}
			setOpen(true);
			setActive(-1);
		}

		function clear() {
			clearTimeout(timer);
			seq += 1;
			input.val('');
			matches = [];
			list.empty();
			setOpen(false);
		}

		function choose(i) {
			const m = matches[i];
			if (!m) {
				return;
			}
			clear();
			opts.onChoose(m);
		}

		function run() {
			const text = String(input.val() || '').trim();
			const mine = ++seq;
			if (text.length < MIN_CHARS) {
				matches = [];
				setOpen(false);
				return;
			}
			lookup(text).then(function (found) {
				if (mine === seq) {
					show(found, text);
				}
			}, function () {
				if (mine === seq) {
					matches = [];
					list.empty().append(note('[[lvl:picker.failed]]', 'text-danger'));
					setOpen(true);
				}
			});
		}

		input.on('input', function () {
			clearTimeout(timer);
			timer = setTimeout(run, DELAY);
		});

		input.on('keydown', function (e) {
			const n = matches.length;
			if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
				e.preventDefault();
				if (!isOpen()) {
					run();
					return;
				}
				if (n) {
					setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
				}
			} else if (e.key === 'Enter') {
				// Enter never sends the surrounding form by itself: it chooses, or asks the page what to do
				e.preventDefault();
				if (isOpen() && n) {
					choose(active >= 0 ? active : 0);
				} else if (opts.onEnter) {
					opts.onEnter(String(input.val() || '').trim());
				}
			} else if (e.key === 'Escape' && isOpen()) {
				e.preventDefault();
				setOpen(false);
			}
		});

		input.on('blur', function () {
			setTimeout(function () {
				if (!list[0].contains(document.activeElement)) {
					setOpen(false);
				}
			}, 150);
		});

		input.on('focus', function () {
			if (matches.length) {
				setOpen(true);
			}
		});

		// keep the focus in the box while a suggestion is pressed, so the list stays until the choice is made
		list.on('mousedown', '[role="option"]', function (e) {
			e.preventDefault();
		});
		list.on('click', '[role="option"]', function () {
			choose(parseInt(this.getAttribute('data-index'), 10));
		});

		return { lookup: lookup, show: show, clear: clear };
	};

	return Directory;
});
