'use strict';

// Profile tab "Competenties", the owner's editor. The form is rendered by the template; this module fills it from
// the API (raw values and the current revision), adds and removes competences, checks the limits and saves.
// On any error what the member typed stays on the screen. Everything from the API goes in as text or form values.
define('forum/account/lvl-competences', [
	'forum/account/header', 'api', 'alerts', 'translator', 'bootbox', 'lvl/picker',
], function (header, api, alerts, translator, bootbox, picker) {
	const Profile = {};
	const BASE = '/plugins/lvl';
	const LIMITS = { profession: 100, sector: 100, help: 600, note: 300, years: 70, proposal: 80 };
	let state;

	Profile.init = function () {
		// the account header (follow, chat, cover, admin menu) works on every account tab
		header.init();
		const root = $('[component="lvl/editor"]');
		if (!root.length) {
			// another member's profile: read only, with "ask this member"
			require(['lvl/ask'], function (ask) {
				ask.bind($('[component="lvl/profile"]'));
			});
			// the contact tier: a chat, if the member chose it (NodeBB's own chat module)
			$('[component="lvl/profile/reach-chat"]').on('click', function (e) {
				e.preventDefault();
				const uid = this.getAttribute('data-uid');
				require(['chat'], chat => chat.newChat(uid));
			});
			return;
		}
		state = {
			root: root,
			form: root.find('[component="lvl/editor/form"]'),
			list: root.find('[component="lvl/editor/competences"]'),
			uid: parseInt($('[component="lvl/profile"]').attr('data-uid'), 10),
			revision: 0,
			max: maxCompetences(),
			labels: knownLabels(),
			rows: 0,
			dirty: false,
			saving: false,
		};
		bind();
		load();
	};

	/* ---------- helpers ---------- */

	// The translator returns HTML (its arguments escaped); reduced to plain text, it goes in with .text().
	function translateText(token) {
		return Promise.resolve(translator.translate(String(token)))
			.then(html => new DOMParser().parseFromString(html || '', 'text/html').body.textContent);
	}

	// Counted as the server counts: spaces and tabs folded, ends trimmed.
	function clean(text) {
		return String(text || '').replace(/[ \t]+/g, ' ').trim();
	}

	// Labels in the member's language: the taxonomy from the page data, plus their own competences (which may have
	// been retired since and so be missing from the taxonomy).
	// (Read from the `editor` JSON, which carries the raw texts; the page's own fields are escaped for the template.)
	function editorData() {
		try {
			return JSON.parse(ajaxify.data.editor) || {};
		} catch {
			return {};
		}
	}

	function knownLabels() {
		const labels = new Map();
		const data = editorData();
		(data.domains || []).forEach(d => (d.competences || []).forEach(c => labels.set(c.key, c.label)));
		((ajaxify.data.profile && ajaxify.data.profile.competences) || []).forEach((c) => {
			if (!labels.has(c.key)) {
				// escaped for the template on NodeBB 4.11: back to text (DOMParser runs nothing)
				labels.set(c.key, new DOMParser().parseFromString(String(c.label), 'text/html').documentElement.textContent);
			}
		});
		return labels;
	}

	function maxCompetences() {
		return editorData().max || 30;
	}

	function rows() {
		return state.list.children('[component="lvl/editor/competence"]');
	}

	function chosenKeys() {
		return rows().map(function () { return this.getAttribute('data-key'); }).get();
	}

	function field(name) {
		// the competence rows use level, years and note; the profile's own fields have other names
		return state.form.find('[data-field="' + name + '"]');
	}

	function setDirty(dirty) {
		state.dirty = dirty;
		app.flags = app.flags || {};
		app.flags._unsaved = dirty;
		if (dirty) {
			translateText('[[lvl:profile.unsaved]]').then(function (text) {
				if (state.dirty) {
					state.root.find('[component="lvl/editor/status"]').text(text);
				}
			});
		}
	}

	function show(part) {
		state.root.find('[component="lvl/editor/loading"]').toggleClass('d-none', part !== 'loading');
		state.root.find('[component="lvl/editor/load-error"]').toggleClass('d-none', part !== 'error');
		state.root.find('[component="lvl/editor/body"]').toggleClass('d-none', part !== 'body');
	}

	/* ---------- load and fill ---------- */

	function load() {
		show('loading');
		return api.get(BASE + '/profiles/' + state.uid).then(function (profile) {
			fill(profile);
			show('body');
		}, function (err) {
			show('error');
			if (err && err.message) {
				alerts.error(err);
			}
		});
	}

	function fill(p) {
		state.revision = p.revision;
		state.list.empty();
		(p.competences || []).forEach(c => addRow(c, false));
		field('profession').val(p.profession || '');
		field('sector').val(p.sector || '');
		field('help').val(p.help || '');
		field('region').val(p.region || '');
		field('availability').val(p.availability || 'available');
		state.form.find('[data-language]').each(function () {
			this.checked = (p.languages || []).includes(this.getAttribute('data-language'));
		});
		// the directory tier ('' = the association's default); "listed" is what forms sent before tiers
		field('tier').val(p.tier || (p.listed === false ? 'hidden' : ''));
		field('contactNote').val(p.contactNote || '');
		state.form.find('[data-contact]').each(function () {
			this.checked = (p.contact || []).includes(this.getAttribute('data-contact'));
		});
		state.form.find('[data-hide]').each(function () {
			this.checked = (p.hidden || []).includes(this.getAttribute('data-hide'));
		});
		state.root.find('[data-max]').each(function () { count(this); });
		state.root.find('[component="lvl/editor/unlisted"]').toggleClass('d-none', field('tier').val() !== 'hidden');
		state.form.find('.is-invalid').removeClass('is-invalid');
		renderCompleteness(p);
		afterListChange();
		setDirty(false);
		state.root.find('[component="lvl/editor/status"]').text('');
	}

	function addRow(entry, focus) {
		const n = ++state.rows;
		const id = 'lvl-c' + n;
		const row = $(document.getElementById('lvl-competence-row').content.cloneNode(true)).children();
		row.attr('data-key', entry.key);
		row.find('[component="lvl/editor/competence-label"]').text(state.labels.get(entry.key) || entry.key);
		row.find('[data-field]').each(function () {
			this.id = id + '-' + this.getAttribute('data-field');
		});
		row.find('[data-role]').each(function () {
			this.id = id + '-role-' + this.getAttribute('data-role');
			this.checked = (entry.roles || []).includes(this.getAttribute('data-role'));
		});
		row.find('[data-label-for]').each(function () {
			this.setAttribute('for', id + '-' + this.getAttribute('data-label-for'));
		});
		row.find('[data-counter]').attr('data-counter-for', id + '-note');
		row.find('[data-field="level"]').val(entry.level || '');
		row.find('[data-field="years"]').val(entry.years === null || entry.years === undefined ? '' : String(entry.years));
		row.find('[data-field="note"]').val(entry.note || '');
		state.list.append(row);
		count(row.find('[data-field="note"]')[0]);
		if (focus) {
			row[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
			row.find('[data-field="level"]').trigger('focus');
		}
	}

	// The count badge, the "none yet" line, the limit and the browse buttons follow the list.
	function afterListChange() {
		const keys = chosenKeys();
		const full = keys.length >= state.max;
		state.root.find('[component="lvl/editor/count"]').text(keys.length + ' / ' + state.max);
		state.root.find('[component="lvl/editor/none"]').toggleClass('d-none', keys.length > 0);
		state.list.toggleClass('d-none', !keys.length);
		state.root.find('[component="lvl/editor/full"]').toggleClass('d-none', !full);
		state.root.find('#lvl-add-input').prop('disabled', full);
		state.root.find('[component="lvl/editor/browse-item"]').each(function () {
			const taken = keys.includes(this.getAttribute('data-key'));
			this.disabled = taken || full;
			$(this).find('.fa').toggleClass('fa-plus', !taken).toggleClass('fa-check', taken);
		});
	}

	function add(key, label) {
		const existing = rows().filter(function () { return this.getAttribute('data-key') === key; });
		if (existing.length) {
			existing[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
			existing.find('[data-field="level"]').trigger('focus');
			return;
		}
		if (chosenKeys().length >= state.max) {
			alerts.error('[[lvl:profile.max-reached]]');
			return;
		}
		if (label) {
			state.labels.set(key, label);
		}
		addRow({ key: key, level: '', roles: [], years: null, note: '' }, true);
		afterListChange();
		setDirty(true);
	}

	function remove(row) {
		const hasWork = String(row.find('[data-field="note"]').val() || '').trim() || String(row.find('[data-field="years"]').val() || '').trim();
		const drop = function () {
			row.remove();
			afterListChange();
			setDirty(true);
			state.root.find('#lvl-add-input').trigger('focus');
		};
		if (!hasWork) {
			drop();
			return;
		}
		bootbox.confirm('[[lvl:profile.remove-confirm]]', function (ok) {
			if (ok) {
				drop();
			}
		});
	}

	/* ---------- counters, completeness ---------- */

	function count(el) {
		if (!el || !el.id) {
			return;
		}
		const max = parseInt(el.getAttribute('data-max'), 10);
		const used = clean(el.value).length;
		const counter = state.root.find('[data-counter-for="' + el.id + '"]');
		counter.text(used + ' / ' + max).toggleClass('text-danger fw-semibold', used > max);
		if (used <= max) {
			$(el).removeClass('is-invalid');
		}
	}

	// What is still missing, by the same weights the server uses for the percentage.
	function renderCompleteness(p) {
		const pct = Math.max(0, Math.min(100, parseInt(p.completeness, 10) || 0));
		const comps = p.competences || [];
		const todo = {
			competence: comps.length === 0,
			three: comps.length > 0 && comps.length < 3,
			role: comps.length > 0 && !comps.some(c => (c.roles || []).length),
			languages: !(p.languages || []).length,
			region: !p.region,
			profession: !p.profession,
			help: !p.help,
		};
		const root = state.root;
		root.find('[component="lvl/completeness/value"]').text(pct + '%');
		root.find('[component="lvl/completeness/bar"]').attr('aria-valuenow', pct).children('.progress-bar').css('width', pct + '%');
		root.find('[data-todo]').each(function () {
			$(this).toggleClass('d-none', !todo[this.getAttribute('data-todo')]);
		});
		root.find('[component="lvl/completeness/done"]').toggleClass('d-none', pct < 100);
	}

	/* ---------- collect, check, save ---------- */

	function collect() {
		return {
			revision: state.revision,
			competences: rows().map(function () {
				const row = $(this);
				return {
					key: this.getAttribute('data-key'),
					level: row.find('[data-field="level"]').val(),
					roles: row.find('[data-role]:checked').map(function () { return this.getAttribute('data-role'); }).get(),
					years: String(row.find('[data-field="years"]').val() || '').trim(),
					note: String(row.find('[data-field="note"]').val() || ''),
				};
			}).get(),
			languages: state.form.find('[data-language]:checked').map(function () { return this.getAttribute('data-language'); }).get(),
			region: field('region').val() || '',
			profession: String(field('profession').val() || ''),
			sector: String(field('sector').val() || ''),
			availability: field('availability').val() || 'available',
			help: String(field('help').val() || ''),
			tier: field('tier').val() || '',
			listed: field('tier').val() !== 'hidden',
			contact: state.form.find('[data-contact]:checked').map(function () { return this.getAttribute('data-contact'); }).get(),
			contactNote: String(field('contactNote').val() || ''),
			hidden: state.form.find('[data-hide]:checked').map(function () { return this.getAttribute('data-hide'); }).get(),
		};
	}

	// Marks every field the server would refuse; returns the first one (or null when all is well).
	function check() {
		const bad = [];
		state.form.find('.is-invalid').removeClass('is-invalid');
		rows().each(function () {
			const row = $(this);
			const level = row.find('[data-field="level"]');
			if (!level.val()) {
				bad.push(level[0]);
			}
			const years = row.find('[data-field="years"]');
			const y = String(years.val() || '').trim();
			if (years[0].validity.badInput || (y !== '' && (!/^\d+$/.test(y) || parseInt(y, 10) > LIMITS.years))) {
				bad.push(years[0]);
			}
		});
		state.form.find('[data-max]').each(function () {
			if (clean(this.value).length > parseInt(this.getAttribute('data-max'), 10)) {
				bad.push(this);
			}
		});
		bad.forEach(el => $(el).addClass('is-invalid'));
		// first in the order of the page
		bad.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
		return bad[0] || null;
	}

	function focusField(el) {
		el.scrollIntoView({ block: 'center', behavior: 'smooth' });
		$(el).trigger('focus');
	}

	// A server error that names a field: the field is marked as well as the message shown.
	function markFromError(message) {
		const m = /error\.too-long,\s*(profession|sector|help)/.exec(message) || /error\.out-of-range,\s*(years)/.exec(message);
		if (!m) {
			return;
		}
		const el = m[1] === 'years' ?
			rows().find('[data-field="years"]').filter(function () { return String(this.value).trim() !== ''; }).filter(function () { return parseInt(this.value, 10) > LIMITS.years; })[0] :
			field(m[1])[0];
		if (el) {
			$(el).addClass('is-invalid');
			focusField(el);
		}
	}

	function save() {
		if (state.saving) {
			return;
		}
		const bad = check();
		if (bad) {
			alerts.error('[[lvl:profile.fix-errors]]');
			focusField(bad);
			return;
		}
		const button = state.root.find('[component="lvl/editor/save"]');
		state.saving = true;
		button.prop('disabled', true);
		api.put(BASE + '/profiles/' + state.uid, collect()).then(function (saved) {
			state.revision = saved.revision;
			renderCompleteness(saved);
			setDirty(false);
			alerts.success('[[lvl:profile.saved]]');
			translateText(translator.compile('lvl:profile.saved-at', new Date().toLocaleTimeString(config.userLang, { hour: '2-digit', minute: '2-digit' })))
				.then(text => state.root.find('[component="lvl/editor/status"]').text(text));
		}, function (err) {
			const message = String((err && err.message) || err || '');
			if (message.includes('lvl:error.profile-changed')) {
				changedElsewhere();
				return;
			}
			alerts.error(err);
			markFromError(message);
		}).finally(function () {
			state.saving = false;
			button.prop('disabled', false);
		});
	}

	// Someone (another tab or device) saved this profile since it was loaded. Nothing is thrown away unasked.
	function changedElsewhere() {
		bootbox.dialog({
			title: '[[lvl:profile.changed-title]]',
			message: '[[lvl:profile.changed-message]]',
			buttons: {
				keep: { label: '[[lvl:profile.changed-keep]]', className: 'btn-outline-secondary' },
				reload: {
					label: '[[lvl:profile.changed-load]]',
					className: 'btn-outline-danger',
					callback: function () {
						load();
					},
				},
				overwrite: {
					label: '[[lvl:profile.changed-overwrite]]',
					className: 'btn-primary',
					callback: function () {
						api.get(BASE + '/profiles/' + state.uid).then(function (latest) {
							state.revision = latest.revision;
							save();
						}, alerts.error);
					},
				},
			},
		});
	}

	/* ---------- propose a missing competence ---------- */

	function propose(e) {
		e.preventDefault();
		const form = $(this);
		const label = form.find('[name="label"]');
		const note = form.find('[name="note"]');
		const text = clean(label.val());
		form.find('.is-invalid').removeClass('is-invalid');
		if (text.length < 2 || text.length > LIMITS.proposal) {
			label.addClass('is-invalid');
			focusField(label[0]);
			return;
		}
		if (clean(note.val()).length > LIMITS.note) {
			note.addClass('is-invalid');
			focusField(note[0]);
			return;
		}
		const button = form.find('[component="lvl/propose/send"]').prop('disabled', true);
		api.post(BASE + '/proposals', { label: text, domain: form.find('[name="domain"]').val() || '', note: String(note.val() || '') }).then(function () {
			alerts.success('[[lvl:propose.sent]]');
			form[0].reset();
			form.find('[data-max]').each(function () { count(this); });
			state.root.find('[component="lvl/propose"]').prop('open', false);
		}, alerts.error).finally(function () {
			button.prop('disabled', false);
		});
	}

	function openProposal(text) {
		const details = state.root.find('[component="lvl/propose"]');
		details.prop('open', true);
		const label = details.find('[name="label"]').val(text);
		count(label[0]);
		focusField(label[0]);
	}

	/* ---------- events ---------- */

	function bind() {
		const root = state.root;

		picker.create({
			input: root.find('#lvl-add-input'),
			list: root.find('#lvl-add-list'),
			exclude: chosenKeys,
			onChoose: function (match) {
				add(match.key, match.label);
			},
			noMatch: { token: 'lvl:picker.propose', run: openProposal },
		});

		root.on('click', '[component="lvl/editor/browse-item"]', function () {
			add(this.getAttribute('data-key'), $(this).find('[component="lvl/editor/browse-label"]').text());
		});
		root.on('click', '[component="lvl/editor/remove"]', function () {
			remove($(this).closest('[component="lvl/editor/competence"]'));
		});
		root.on('click', '[component="lvl/editor/retry"]', load);

		state.form.on('input change', function (e) {
			if (e.target.id === 'lvl-add-input') {
				return;
			}
			setDirty(true);
			if (e.target.hasAttribute('data-max')) {
				count(e.target);
			}
			if ($(e.target).hasClass('is-invalid') && e.target.value !== '' && !e.target.hasAttribute('data-max')) {
				$(e.target).removeClass('is-invalid');
			}
		});
		field('tier').on('change', function () {
			root.find('[component="lvl/editor/unlisted"]').toggleClass('d-none', this.value !== 'hidden');
		});
		state.form.on('submit', function (e) {
			e.preventDefault();
			save();
		});

		const proposal = root.find('[component="lvl/propose/form"]');
		proposal.on('submit', propose);
		proposal.on('input', '[data-max]', function () { count(this); });

		// closing the tab or reloading with unsaved changes asks first (NodeBB asks for its own page changes)
		const warn = function (e) {
			if (!document.body.contains(root[0])) {
				window.removeEventListener('beforeunload', warn);
				return;
			}
			if (state.dirty) {
				e.preventDefault();
				e.returnValue = '';
			}
		};
		window.addEventListener('beforeunload', warn);
	}

	return Profile;
});
