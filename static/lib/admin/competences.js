'use strict';

// ACP page "Competenties": the taxonomy (domains and their competences, labelled in nl, fr and en), members'
// proposals, and import/export. Labels, synonyms and proposals are typed by people: inserted as text, never as HTML.
define('admin/plugins/lvl/competences', ['api', 'alerts', 'bootbox', 'admin/plugins/lvl/dom'], function (api, alerts, bootbox, dom) {
	const Competences = {};
	const BASE = '/plugins/lvl';
	const LANGS = ['nl', 'fr', 'en'];
	// The server's rules (taxonomy-rules.ts), checked here too so a typo is caught before a key becomes permanent.
	const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
	const MAX_KEY = 60;
	const MAX_SLUG = 40;
	const MAX_FILE_MEGABYTES = 2;
	const STATUS_BADGE = { pending: 'text-bg-info', approved: 'text-bg-success', merged: 'text-bg-primary', refused: 'text-bg-secondary' };
	let state;
	let cloned = 0;

	Competences.init = function () {
		state = {
			taxonomy: { domains: [], competences: [] },
			open: new Set(),
			filter: '',
			proposals: null,
			allProposals: false,
			lang: pickLang($('.lvl-competences').attr('data-lang') || config.userLang || ''),
		};
		setupAddForms();
		bind();
		loadTaxonomy();
		loadProposals();
	};

	/* ---------- helpers ---------- */

	function label(key) {
		return $('#lvl-competences-labels [data-label="' + key + '"]').text();
	}

	// Each copy of a template gets its own ids, so a form can be on the page and in a dialog at the same time.
	function clone(id) {
		const suffix = '-' + (cloned += 1);
		const node = $(document.getElementById(id).content.cloneNode(true)).children();
		node.find('[id]').addBack('[id]').each(function () {
			this.id += suffix;
		});
		['for', 'aria-describedby'].forEach((attr) => {
			node.find('[' + attr + ']').each(function () {
				this.setAttribute(attr, this.getAttribute(attr) + suffix);
			});
		});
		return node;
	}

	const { cell, translateInto } = dom;

	function formatTime(ms) {
		return ms ? new Date(ms).toLocaleString(config.userLang) : '';
	}

	function fold(s) {
		return String(s || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
	}

	// Every word of the query somewhere in the text: "recht arbeid" finds "Arbeidsrecht".
	function matches(text, query) {
		return query.split(' ').every(word => text.includes(word));
	}

	function pickLang(code) {
		const base = String(code).trim().toLowerCase().split(/[-_]/)[0];
		return base === 'nl' || base === 'fr' ? base : 'en';
	}

	/** `Droit d'auteur & œuvres` → `droit-d-auteur-oeuvres`, as the server's slugKey does. */
	function slugify(text) {
		let slug = fold(text)
			.replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/đ/g, 'd')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
		if (slug.length > MAX_SLUG) {
			slug = slug.slice(0, MAX_SLUG);
			const dash = slug.lastIndexOf('-');
			slug = (dash > MAX_SLUG / 2 ? slug.slice(0, dash) : slug).replace(/-+$/, '');
		}
		return slug;
	}

	// Disables a button while its request runs, and reports any failure.
	function busy(button, promise) {
		$(button).prop('disabled', true);
		return promise.catch(alerts.error).finally(() => $(button).prop('disabled', false));
	}

	// An API call that says so when it succeeded (a message, or a function of the result), then runs what follows.
	function act(button, request, message, then) {
		return busy(button, request.then((result) => {
			alerts.success(typeof message === 'function' ? message(result) : message);
			then(result);
		}));
	}

	// (a callback that returns false keeps a bootbox dialog open, so no `ok && fn()` here)
	function confirmThen(message, fn) {
		bootbox.confirm(message, (ok) => {
			if (ok) {
				fn();
			}
		});
	}

	// A dialog around a form. Data is filled in by the caller after this returns, so none of it passes through the
	// dialog's translation.
	function dialog(title, body, saveLabel, save) {
		const run = () => {
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

	function saveButton(modal) {
		return modal.find('.modal-footer .btn-primary');
	}

	/* ---------- the taxonomy as loaded ---------- */

	function byOrder(a, b) {
		return a.order - b.order || (a.key < b.key ? -1 : 1);
	}

	function domains() {
		return state.taxonomy.domains.slice().sort(byOrder);
	}

	function competencesOf(domainKey) {
		return state.taxonomy.competences.filter(c => c.domain === domainKey).sort(byOrder);
	}

	function findDomain(key) {
		return state.taxonomy.domains.find(d => d.key === key);
	}

	function findCompetence(key) {
		return state.taxonomy.competences.find(c => c.key === key);
	}

	function labelOf(entry) {
		return entry ? entry.labels[state.lang] || entry.labels.nl || entry.key : '';
	}

	// What the server accepts as a merge target: neither retired nor merged, in a domain in use.
	function isLive(c) {
		const domain = findDomain(c.domain);
		return !c.retired && !c.mergedInto && !!domain && !domain.retired;
	}

	function searchText(entry) {
		return fold([entry.key].concat(LANGS.map(lang => entry.labels[lang]), entry.synonyms || []).join(' '));
	}

	function bind() {
		const page = $('.lvl-competences');
		$('#lvl-tax-filter').on('input', function () {
			state.filter = fold(this.value);
			applyFilter();
		});
		page.find('[data-toggle-all]').on('click', function () {
			const open = $(this).attr('data-toggle-all') === 'open';
			state.open = new Set(open ? state.taxonomy.domains.map(d => d.key) : []);
			$('#lvl-domains .lvl-domain').each(function () {
				setOpen($(this), open);
			});
		});
		page.find('[data-show-form]').on('click', function () {
			showAddForm($(this).attr('data-show-form'), '');
		});
		page.find('[data-form]').on('click', '[data-action]', onAddFormAction).on('submit', 'form', function (ev) {
			ev.preventDefault();
			$(this).closest('[data-form]').find('[data-action="save"]').trigger('click');
		});
		$('#lvl-domains').on('click', '.lvl-domain-toggle', onToggleDomain).on('click', '[data-action]', onTaxonomyAction);
		$('#lvl-proposals-all').on('change', function () {
			state.allProposals = this.checked;
			loadProposals();
		});
		$('#lvl-proposals-table').on('click', '[data-action]', onProposalAction);
		$('#lvl-import-form').on('submit', onImport);
	}

	function loadTaxonomy() {
		return api.get(BASE + '/taxonomy').then((taxonomy) => {
			state.taxonomy = taxonomy;
			render();
		}).catch(alerts.error);
	}

	/* ---------- taxonomy: domains and their competences ---------- */

	function render() {
		const list = domains();
		$('#lvl-tax-loading').addClass('d-none');
		$('#lvl-domains').empty().append(list.map((domain, i) => domainCard(domain, i, list.length)));
		$('#lvl-tax-empty').toggleClass('d-none', list.length > 0);
		const live = state.taxonomy.competences.filter(c => !c.mergedInto).length;
		translateInto('#lvl-tax-summary', '[[lvl:admin.competences.summary, ' + list.length + ', ' + live + ']]');
		domainOptions($('#lvl-add-competence [name="domain"]'), true);
		applyFilter();
		// the list of proposals shows domain and competence labels
		if (state.proposals) {
			showProposals();
		}
	}

	function domainCard(domain, index, total) {
		const card = clone('lvl-tpl-domain').attr('data-key', domain.key);
		card.find('[data-field="key"]').text(domain.key);
		LANGS.forEach(lang => card.find('[data-field="' + lang + '"]').text(domain.labels[lang]));
		card.find('[data-badge="retired"]').toggleClass('d-none', !domain.retired);
		card.toggleClass('border-warning-subtle', !!domain.retired);
		card.find('[data-action="domain-up"]').prop('disabled', index === 0);
		card.find('[data-action="domain-down"]').prop('disabled', index === total - 1);
		// a new competence in a retired domain would be hidden from members from the start
		card.find('[data-action="domain-add"]').toggleClass('d-none', !!domain.retired);
		card.find('.lvl-domain-body').attr('id', 'lvl-domain-body-' + index);
		card.find('.lvl-domain-toggle').attr('aria-controls', 'lvl-domain-body-' + index);

		const list = competencesOf(domain.key);
		const movable = list.filter(c => !c.mergedInto);
		translateInto(card.find('[data-field="count"]'), '[[lvl:admin.competences.domain.count, ' + movable.length + ']]');
		card.find('tbody').append(list.map(c => competenceRow(c, movable)));
		card.find('.table-responsive').toggleClass('d-none', !list.length);
		card.find('.lvl-empty').toggleClass('d-none', list.length > 0);
		card.data('search', searchText(domain));
		setOpen(card, state.open.has(domain.key));
		return card;
	}

	function competenceRow(c, movable) {
		const tr = $('<tr>').attr('data-key', c.key).toggleClass('text-secondary', !!(c.mergedInto || c.retired));
		tr.data('search', searchText(c));
		const status = $('<td>');
		if (c.mergedInto) {
			status.append(
				$('<span class="badge text-bg-secondary me-1">').text(label('merged-into')),
				$('<span class="small text-break">').text(labelOf(findCompetence(c.mergedInto)) || c.mergedInto),
			);
		} else if (c.retired) {
			status.append($('<span class="badge text-bg-warning">').text(label('retired')));
		} else {
			status.append($('<span class="badge text-bg-success">').text(label('active')));
		}
		const position = movable.indexOf(c);
		return tr.append(
			cell(c.key, 'font-monospace small text-nowrap'),
			cell(c.labels.nl, c.mergedInto ? '' : 'fw-semibold').attr('lang', 'nl'),
			cell(c.labels.fr).attr('lang', 'fr'),
			cell(c.labels.en).attr('lang', 'en'),
			cell(c.synonyms.join(', '), 'small text-break'),
			status,
			// a merged competence is only a forwarding address now: nothing left to edit
			$('<td>').append(c.mergedInto ? null : competenceActions(c, position, movable.length)),
		);
	}

	function competenceActions(c, position, total) {
		const actions = clone('lvl-tpl-competence-actions');
		actions.find('[data-action="up"]').prop('disabled', position === 0);
		actions.find('[data-action="down"]').prop('disabled', position === total - 1);
		actions.find('[data-action="retire"]').toggleClass('d-none', !!c.retired);
		actions.find('[data-action="unretire"]').toggleClass('d-none', !c.retired);
		return actions;
	}

	function setOpen(card, open) {
		card.find('.lvl-domain-body').toggleClass('d-none', !open);
		card.find('.lvl-domain-toggle').attr('aria-expanded', String(open))
			.find('.fa-fw').first().toggleClass('fa-chevron-down', open).toggleClass('fa-chevron-right', !open);
	}

	function onToggleDomain() {
		const card = $(this).closest('.lvl-domain');
		const key = card.attr('data-key');
		const open = card.find('.lvl-domain-body').hasClass('d-none');
		if (open) {
			state.open.add(key);
		} else {
			state.open.delete(key);
		}
		setOpen(card, open);
	}

	// While filtering, every domain with a hit is open and shows only its hits; clearing the filter restores the view.
	function applyFilter() {
		const query = state.filter;
		let found = false;
		$('#lvl-domains .lvl-domain').each(function () {
			const card = $(this);
			const rows = card.find('tbody tr');
			if (!query) {
				card.removeClass('d-none');
				rows.removeClass('d-none');
				setOpen(card, state.open.has(card.attr('data-key')));
				return;
			}
			const domainHit = matches(card.data('search'), query);
			let hits = 0;
			rows.each(function () {
				const hit = domainHit || matches($(this).data('search'), query);
				$(this).toggleClass('d-none', !hit);
				hits += hit ? 1 : 0;
			});
			card.toggleClass('d-none', !domainHit && !hits);
			setOpen(card, hits > 0);
			found = found || domainHit || hits > 0;
		});
		$('#lvl-tax-no-match').toggleClass('d-none', !query || found);
	}

	function onTaxonomyAction() {
		const button = this;
		const domain = findDomain($(this).closest('.lvl-domain').attr('data-key'));
		const competence = findCompetence($(this).closest('tr').attr('data-key'));
		const actions = {
			'domain-up': () => moveDomain(button, domain, -1),
			'domain-down': () => moveDomain(button, domain, 1),
			'domain-edit': () => editDomain(domain),
			'domain-add': () => showAddForm('competence', domain.key),
			edit: () => editCompetence(competence),
			up: () => moveCompetence(button, competence, -1),
			down: () => moveCompetence(button, competence, 1),
			retire: () => setRetired(button, competence, true),
			unretire: () => setRetired(button, competence, false),
			merge: () => mergeCompetence(competence),
		};
		const action = actions[$(this).attr('data-action')];
		if (action && domain) {
			action();
		}
	}

	/* ---------- taxonomy: order ---------- */

	function swapped(list, index, by) {
		const next = list.slice();
		const other = index + by;
		if (index < 0 || other < 0 || other >= list.length) {
			return null;
		}
		[next[index], next[other]] = [next[other], next[index]];
		return next;
	}

	function moveDomain(button, domain, by) {
		const list = domains();
		const order = swapped(list, list.indexOf(domain), by);
		if (order) {
			busy(button, api.put(BASE + '/taxonomy/order', { kind: 'domains', keys: order.map(d => d.key) }).then(loadTaxonomy));
		}
	}

	// The merged competences keep their place after the others: members never see them.
	function moveCompetence(button, competence, by) {
		const list = competencesOf(competence.domain);
		const movable = list.filter(c => !c.mergedInto);
		const order = swapped(movable, movable.indexOf(competence), by);
		if (order) {
			const keys = order.concat(list.filter(c => c.mergedInto)).map(c => c.key);
			busy(button, api.put(BASE + '/taxonomy/order', { kind: 'competences', keys: keys }).then(loadTaxonomy));
		}
	}

	/* ---------- taxonomy: forms ---------- */

	function setupAddForms() {
		const domainForm = clone('lvl-tpl-domain-form');
		domainForm.find('[data-only="edit"]').remove();
		$('#lvl-add-domain .lvl-form-slot').append(domainForm);
		suggestKey(domainForm);

		const competenceForm = clone('lvl-tpl-competence-form');
		$('#lvl-add-competence .lvl-form-slot').append(competenceForm);
		suggestKey(competenceForm);
	}

	function showAddForm(kind, domainKey) {
		const card = $(kind === 'domain' ? '#lvl-add-domain' : '#lvl-add-competence').removeClass('d-none');
		if (domainKey) {
			card.find('[name="domain"]').val(domainKey).trigger('change');
		}
		card[0].scrollIntoView({ behavior: 'smooth', block: 'center' });
		card.find(domainKey || kind === 'domain' ? '[name="nl"]' : '[name="domain"]').trigger('focus');
	}

	function onAddFormAction() {
		const card = $(this).closest('[data-form]');
		const form = card.find('form');
		if ($(this).attr('data-action') === 'cancel') {
			resetForm(form);
			card.addClass('d-none');
			return;
		}
		if (card.attr('data-form') === 'domain') {
			createDomain(this, form);
		} else {
			createCompetence(this, form);
		}
	}

	function resetForm(form, keepDomain) {
		const domain = form.find('[name="domain"]').val();
		form.trigger('reset');
		form.find('[name="key"]').data('touched', false);
		if (keepDomain) {
			form.find('[name="domain"]').val(domain);
		}
	}

	// The key follows the Dutch label (and the domain) until the admin types one of their own.
	function suggestKey(form) {
		const key = form.find('[name="key"]');
		key.on('input', () => key.data('touched', key.val().trim() !== ''));
		form.find('[name="nl"]').on('input', () => {
			if (!key.data('touched')) {
				key.val(suggestedKey(form));
			}
		});
		form.find('[name="domain"]').on('change', function () {
			const domain = $(this).val();
			if (!key.data('touched')) {
				key.val(suggestedKey(form));
			} else if (domain && key.val().includes('.')) {
				key.val(domain + key.val().slice(key.val().indexOf('.')));
			}
		});
	}

	function suggestedKey(form) {
		const slug = slugify(form.find('[name="nl"]').val());
		const select = form.find('[name="domain"]');
		if (!select.length) {
			return slug;
		}
		return select.val() && slug ? select.val() + '.' + slug : '';
	}

	function domainOptions(select, forNew, chosen) {
		const current = chosen === undefined ? select.val() : chosen;
		select.empty().append($('<option value="">').text(label('choose-domain')));
		select.append(domains().map(d => $('<option>').val(d.key)
			.text(labelOf(d) + (d.retired ? ' (' + label('domain-retired') + ')' : ''))
			// a new competence in a retired domain would be hidden from members from the start
			.prop('disabled', forNew && !!d.retired)));
		select.val(current && findDomain(current) ? current : '');
	}

	function readForm(form) {
		const body = {};
		form.find('[name]').each(function () {
			body[this.name] = this.type === 'checkbox' ? this.checked : String(this.value).trim();
		});
		if (body.synonyms !== undefined) {
			body.synonyms = body.synonyms.split(/\r?\n|\|/).map(s => s.trim()).filter(Boolean);
		}
		return body;
	}

	function labelsProblem(body) {
		if (LANGS.some(lang => !body[lang])) {
			return '[[lvl:admin.competences.error.labels-required]]';
		}
		return LANGS.some(lang => /[<>]/.test(body[lang])) ? '[[lvl:admin.competences.error.label-invalid]]' : null;
	}

	function domainProblem(body, isNew) {
		if (isNew && (!SLUG.test(body.key) || body.key.length > MAX_KEY)) {
			return '[[lvl:admin.competences.error.domain-key]]';
		}
		if (isNew && findDomain(body.key)) {
			return '[[lvl:admin.competences.error.key-taken]]';
		}
		return labelsProblem(body);
	}

	function competenceProblem(body, isNew) {
		if (isNew && !body.domain) {
			return '[[lvl:admin.competences.error.choose-domain]]';
		}
		const slug = body.key.slice(body.domain.length + 1);
		if (isNew && (!body.key.startsWith(body.domain + '.') || !SLUG.test(slug) || body.key.length > MAX_KEY)) {
			return '[[lvl:admin.competences.error.competence-key]]';
		}
		// a PUT to an existing key would overwrite that competence
		if (isNew && findCompetence(body.key)) {
			return '[[lvl:admin.competences.error.key-taken]]';
		}
		return labelsProblem(body);
	}

	function domainUrl(key) {
		return BASE + '/taxonomy/domains/' + encodeURIComponent(key);
	}

	function competenceUrl(key) {
		return BASE + '/taxonomy/competences/' + encodeURIComponent(key);
	}

	function createDomain(button, form) {
		const body = readForm(form);
		const problem = domainProblem(body, true);
		if (problem) {
			return alerts.error(problem);
		}
		const request = api.put(domainUrl(body.key), { nl: body.nl, fr: body.fr, en: body.en, retired: false, create: true });
		act(button, request, '[[lvl:admin.competences.domain.created]]', () => {
			resetForm(form);
			$('#lvl-add-domain').addClass('d-none');
			state.open.add(body.key);
			loadTaxonomy();
		});
	}

	function createCompetence(button, form) {
		const body = readForm(form);
		const problem = competenceProblem(body, true);
		if (problem) {
			return alerts.error(problem);
		}
		const request = api.put(competenceUrl(body.key), {
			domain: body.domain, nl: body.nl, fr: body.fr, en: body.en, synonyms: body.synonyms, retired: false, create: true,
		});
		act(button, request, '[[lvl:admin.competences.competence.created]]', () => {
			// the next one is often in the same domain
			resetForm(form, true);
			state.open.add(body.domain);
			loadTaxonomy();
			form.find('[name="nl"]').trigger('focus');
		});
	}

	function editDomain(domain) {
		const form = clone('lvl-tpl-domain-form');
		const modal = dialog('[[lvl:admin.competences.domain.edit-title]]', form, '[[global:save]]', () => {
			const body = readForm(form);
			const problem = domainProblem(body, false);
			if (problem) {
				return alerts.error(problem);
			}
			const request = api.put(domainUrl(domain.key), { nl: body.nl, fr: body.fr, en: body.en, retired: body.retired });
			act(saveButton(modal), request, '[[lvl:admin.competences.saved]]', () => {
				modal.modal('hide');
				loadTaxonomy();
			});
		});
		form.find('[name="key"]').val(domain.key).prop('readonly', true);
		LANGS.forEach(lang => form.find('[name="' + lang + '"]').val(domain.labels[lang]));
		form.find('[name="retired"]').prop('checked', !!domain.retired);
	}

	function editCompetence(competence) {
		const form = clone('lvl-tpl-competence-form');
		const modal = dialog('[[lvl:admin.competences.competence.edit-title]]', form, '[[global:save]]', () => {
			const body = readForm(form);
			const problem = labelsProblem(body);
			if (problem) {
				return alerts.error(problem);
			}
			// `retired` left out: the server keeps it as it is
			const request = api.put(competenceUrl(competence.key), {
				domain: competence.domain, nl: body.nl, fr: body.fr, en: body.en, synonyms: body.synonyms,
			});
			act(saveButton(modal), request, '[[lvl:admin.competences.saved]]', () => {
				modal.modal('hide');
				loadTaxonomy();
			});
		});
		// a key is permanent (profiles hold it) and names its domain; moving means a new competence and a merge
		domainOptions(form.find('[name="domain"]'), false, competence.domain);
		form.find('[name="domain"]').prop('disabled', true);
		form.find('[name="key"]').val(competence.key).prop('readonly', true);
		LANGS.forEach(lang => form.find('[name="' + lang + '"]').val(competence.labels[lang]));
		form.find('[name="synonyms"]').val(competence.synonyms.join('\n'));
	}

	function setRetired(button, competence, retired) {
		const request = api.put(competenceUrl(competence.key), {
			domain: competence.domain, nl: competence.labels.nl, fr: competence.labels.fr, en: competence.labels.en, retired: retired,
		});
		act(button, request, retired ? '[[lvl:admin.competences.competence.retired]]' : '[[lvl:admin.competences.competence.unretired]]', loadTaxonomy);
	}

	/* ---------- merging (a competence, or a proposal, into an existing competence) ---------- */

	// A select of the competences one can merge into, narrowed by what is typed above it.
	function pickTarget(title, source, exclude, kind, onPick) {
		const body = clone('lvl-tpl-merge');
		const search = body.find('input[type="search"]');
		const select = body.find('select');
		const modal = dialog(title, body, '[[lvl:admin.competences.merge.confirm]]', () => {
			if (!select.val()) {
				return alerts.error('[[lvl:admin.competences.error.choose-target]]');
			}
			onPick(select.val(), modal);
		});
		body.find('[data-field="source"]').text(source);
		body.find('[data-only]').each(function () {
			$(this).toggleClass('d-none', this.getAttribute('data-only') !== kind);
		});
		const fill = () => {
			const query = fold(search.val());
			let count = 0;
			select.empty();
			domains().forEach((domain) => {
				const inDomain = query && matches(searchText(domain), query);
				const items = competencesOf(domain.key)
					.filter(c => c.key !== exclude && isLive(c) && (!query || inDomain || matches(searchText(c), query)));
				if (items.length) {
					select.append($('<optgroup>').attr('label', labelOf(domain))
						.append(items.map(c => $('<option>').val(c.key).text(labelOf(c) + ' (' + c.key + ')'))));
					count += items.length;
				}
			});
			body.find('[data-field="none"]').toggleClass('d-none', count > 0);
			if (count === 1) {
				select.find('option').prop('selected', true);
			}
		};
		search.on('input', fill).on('keydown', (ev) => {
			if (ev.key === 'ArrowDown' || ev.key === 'Enter') {
				ev.preventDefault();
				if (!select.val()) {
					select.find('option').first().prop('selected', true);
				}
				select.trigger('focus');
			}
		});
		select.on('dblclick', 'option', () => saveButton(modal).trigger('click'));
		fill();
		return modal;
	}

	function mergeCompetence(competence) {
		const source = labelOf(competence) + ' (' + competence.key + ')';
		pickTarget('[[lvl:admin.competences.merge.title]]', source, competence.key, 'competence', (into, modal) => {
			const request = api.post(competenceUrl(competence.key) + '/merge', { into: into });
			act(saveButton(modal), request, result => '[[lvl:admin.competences.merge.done, ' + Number(result && result.moved) + ']]', () => {
				modal.modal('hide');
				loadTaxonomy();
			});
		});
	}

	/* ---------- proposals ---------- */

	function loadProposals() {
		api.get(BASE + '/proposals', { status: state.allProposals ? 'all' : 'pending' }).then((data) => {
			state.proposals = data.proposals;
			showProposals();
		}).catch(alerts.error);
	}

	function showProposals() {
		// newest first when the history is shown; the oldest first while it is a queue
		const list = state.allProposals ? state.proposals.slice().reverse() : state.proposals;
		$('#lvl-proposals-table tbody').empty().append(list.map(proposalRow));
		$('#lvl-proposals-empty').toggleClass('d-none', list.length > 0);
		const pending = state.proposals.filter(p => p.status === 'pending').length;
		$('#lvl-proposals-badge').text(pending).toggleClass('d-none', !pending);
	}

	function proposalRow(p) {
		const domain = findDomain(p.domain);
		return $('<tr>').attr('data-id', Number(p.id)).append(
			cell(formatTime(p.createdAt), 'text-nowrap small'),
			$('<td>').append($('<a>').attr('href', config.relative_path + '/uid/' + Number(p.uid)).text(p.username || String(p.uid))),
			$('<td>').append(
				$('<div class="fw-semibold text-break">').text(p.label),
				p.note ? $('<div class="small text-secondary text-break">').css('white-space', 'pre-line').text(p.note) : null,
			),
			cell(domain ? labelOf(domain) : p.domain || label('no-domain')),
			proposalStatus(p),
			$('<td>').append(p.status === 'pending' ? clone('lvl-tpl-proposal-actions') : null),
		);
	}

	function proposalStatus(p) {
		const td = $('<td>').append($('<span class="badge">').addClass(STATUS_BADGE[p.status] || 'text-bg-light').text(label('status.' + p.status)));
		if (p.result && (p.status === 'approved' || p.status === 'merged')) {
			td.append($('<div class="small text-break">').text('→ ' + (labelOf(findCompetence(p.result)) || p.result)));
		} else if (p.result) {
			td.append($('<div class="small text-secondary text-break">').css('white-space', 'pre-line').text(p.result));
		}
		return td;
	}

	function onProposalAction() {
		const id = Number($(this).closest('tr').attr('data-id'));
		const proposal = state.proposals.find(p => Number(p.id) === id);
		const actions = {
			approve: () => approveProposal(proposal),
			merge: () => mergeProposal(proposal),
			refuse: () => refuseProposal(proposal),
		};
		if (proposal) {
			actions[$(this).attr('data-action')]();
		}
	}

	function proposalUrl(proposal, action) {
		return BASE + '/proposals/' + Number(proposal.id) + '/' + action;
	}

	function afterDecision(modal) {
		if (modal) {
			modal.modal('hide');
		}
		loadProposals();
	}

	// The admin completes the competence: a key, the domain, the label in the three languages, maybe synonyms.
	function approveProposal(proposal) {
		const body = clone('lvl-tpl-approve');
		const form = clone('lvl-tpl-competence-form');
		body.find('.lvl-form-slot').append(form);
		const modal = dialog('[[lvl:admin.competences.proposals.approve-title]]', body, '[[lvl:admin.competences.proposals.approve]]', () => {
			const values = readForm(form);
			const problem = competenceProblem(values, true);
			if (problem) {
				return alerts.error(problem);
			}
			const request = api.post(proposalUrl(proposal, 'approve'), {
				key: values.key, domain: values.domain, nl: values.nl, fr: values.fr, en: values.en, synonyms: values.synonyms,
			});
			act(saveButton(modal), request, '[[lvl:admin.competences.proposals.approved]]', () => {
				state.open.add(values.domain);
				afterDecision(modal);
				loadTaxonomy();
			});
		});
		body.find('[data-field="username"]').text(proposal.username || String(proposal.uid));
		body.find('[data-field="label"]').text(proposal.label);
		body.find('[data-field="note"]').text(proposal.note);
		body.find('[data-if="note"]').toggleClass('d-none', !proposal.note);
		const domain = findDomain(proposal.domain);
		domainOptions(form.find('[name="domain"]'), true, domain && !domain.retired ? domain.key : '');
		suggestKey(form);
		form.find('[name="nl"]').val(proposal.label);
		form.find('[name="key"]').val(suggestedKey(form));
	}

	function mergeProposal(proposal) {
		pickTarget('[[lvl:admin.competences.proposals.merge-title]]', proposal.label, '', 'proposal', (into, modal) => {
			const request = api.post(proposalUrl(proposal, 'merge'), { into: into });
			act(saveButton(modal), request, '[[lvl:admin.competences.proposals.merged]]', () => afterDecision(modal));
		});
	}

	function refuseProposal(proposal) {
		bootbox.prompt({
			title: '[[lvl:admin.competences.proposals.refuse-title]]',
			message: '[[lvl:admin.competences.proposals.refuse-message]]',
			inputType: 'textarea',
			required: true,
			maxlength: 300,
			callback: (reason) => {
				if (reason !== null && !reason.trim()) {
					alerts.error('[[lvl:admin.competences.error.reason-required]]');
					return false;
				}
				if (reason !== null) {
					act(null, api.post(proposalUrl(proposal, 'refuse'), { reason: reason.trim() }), '[[lvl:admin.competences.proposals.refused]]', () => afterDecision(null));
				}
			},
		});
	}

	/* ---------- import ---------- */

	function onImport(ev) {
		ev.preventDefault();
		const form = this;
		const file = form.elements.file.files[0];
		if (!file) {
			return alerts.error('[[lvl:admin.competences.error.no-file]]');
		}
		if (!/\.(json|csv)$/i.test(file.name)) {
			return alerts.error('[[lvl:admin.competences.error.file-type]]');
		}
		if (file.size > MAX_FILE_MEGABYTES * 1024 * 1024) {
			return alerts.error('[[lvl:admin.competences.error.too-large, ' + MAX_FILE_MEGABYTES + ']]');
		}
		confirmThen('[[lvl:admin.competences.import.confirm]]', () => {
			const data = new FormData();
			data.append('file', file);
			const done = result => '[[lvl:admin.competences.import.done, ' + Number(result.domains) + ', ' + Number(result.competences) + ']]';
			act($(form).find('[type="submit"]'), upload(data), done, () => {
				form.reset();
				loadTaxonomy();
			});
		});
	}

	function upload(data) {
		return dom.upload(BASE + '/taxonomy/import', data);
	}

	return Competences;
});
