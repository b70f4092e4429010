'use strict';

// ACP page "Ledenlijst": import with preview, the roster itself, manual verification requests and import history.
// Everything that comes from the roster file or from members is inserted as text, never as HTML.
define('admin/plugins/lvl/roster', ['api', 'alerts', 'bootbox', 'admin/plugins/lvl/dom'], function (api, alerts, bootbox, dom) {
	const Roster = {};
	const BASE = '/plugins/lvl';
	const PAGE = 50;
	const FIELDS = ['memberNumber', 'lastName', 'firstName', 'emails', 'birthDate', 'status', 'active', 'endDate'];
	const LISTS = ['added', 'changed', 'leaving', 'invalid'];
	const STANDING_BADGE = { unlinked: 'text-bg-light', member: 'text-bg-success', grace: 'text-bg-warning', revoked: 'text-bg-danger' };
	const IMPORT_BADGE = { preview: 'text-bg-info', applied: 'text-bg-success', discarded: 'text-bg-light', failed: 'text-bg-danger' };
	let state;

	Roster.init = function () {
		state = { preview: null, shown: {}, query: '', start: 0, rows: [], requests: [] };
		const updated = $('#lvl-roster-updated');
		if (updated.attr('datetime')) {
			updated.text(formatTime(Date.parse(updated.attr('datetime'))));
		}
		bind();
		loadRoster();
		loadRequests();
		loadHistory();
	};

	/* ---------- helpers ---------- */

	function label(key) {
		return $('#lvl-roster-labels [data-label="' + key + '"]').text();
	}

	function clone(id) {
		return $(document.getElementById(id).content.cloneNode(true)).children();
	}

	const { cell, translateText, translateInto } = dom;

	function formatDay(iso) {
		const date = iso ? new Date(iso + 'T00:00:00Z') : null;
		return !date ? '' : isNaN(date) ? iso : date.toLocaleDateString(config.userLang, { timeZone: 'UTC' });
	}

	function formatTime(ms) {
		return ms ? new Date(ms).toLocaleString(config.userLang) : '';
	}

	function show(field, value) {
		if (field === 'emails') {
			return (value || []).join('; ');
		}
		if (field === 'active') {
			return label(value ? 'yes' : 'no');
		}
		return field === 'birthDate' || field === 'endDate' ? formatDay(value) : value;
	}

	function fold(s) {
		return String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
	}

	// Disables a button while its request runs (a large import takes a while), and reports any failure.
	function busy(button, promise) {
		$(button).prop('disabled', true);
		return promise.catch(alerts.error).finally(() => $(button).prop('disabled', false));
	}

	// An API call that says so when it succeeded, then runs what should follow.
	function act(button, request, message, then) {
		return busy(button, request.then((result) => {
			alerts.success(message);
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

	function bind() {
		$('#lvl-upload-form').on('submit', onUpload);
		$('#lvl-mapping').on('change', 'select, input', () => setDirty(true)).on('submit', remap);
		$('#lvl-apply').on('click', confirmApply);
		$('#lvl-discard').on('click', confirmDiscard);
		$('#lvl-preview').on('click', '[data-more]', loadMore);
		$('#lvl-roster-search').on('submit', onSearch);
		$('#lvl-roster-pager').on('click', '[data-page]', onPage);
		$('#lvl-roster-add').on('click', () => editEntry(null));
		$('#lvl-roster-table').on('click', '[data-action]', onRowAction);
		$('#lvl-requests-table').on('click', '[data-action]', onRequestAction);
		$('#lvl-history-table').on('click', '[data-action="open"]', openImport);
	}

	/* ---------- import: upload ---------- */

	function onUpload(ev) {
		ev.preventDefault();
		const file = this.elements.file.files[0];
		const maxMegabytes = Number($('.lvl-roster').attr('data-max-megabytes')) || 10;
		if (!file) {
			return alerts.error('[[lvl:admin.roster.error.no-file]]');
		}
		if (file.size > maxMegabytes * 1024 * 1024) {
			return alerts.error('[[lvl:admin.roster.error.too-large, ' + maxMegabytes + ']]');
		}
		const data = new FormData();
		data.append('file', file);
		busy($(this).find('[type="submit"]'), upload(data).then(showPreview));
	}

	function upload(data) {
		return dom.upload(BASE + '/roster/imports', data);
	}

	/* ---------- import: preview ---------- */

	function previewUrl() {
		return BASE + '/roster/imports/' + Number(state.preview.import.id);
	}

	function showPreview(preview) {
		state.preview = preview;
		$('#lvl-preview').removeClass('d-none');
		$('#lvl-preview-filename').text(preview.import.filename);
		fillMapping(preview);
		fillStatuses(preview);
		fillCounts(preview);
		LISTS.forEach(list => fillList(list, preview.lists[list], 0, preview.counts[list]));
		setDirty(false);
	}

	function fillMapping(preview) {
		$('#lvl-mapping select[data-field]').each(function () {
			const select = $(this).empty();
			const chosen = preview.mapping[select.attr('data-field')];
			if (!this.multiple) {
				select.append($('<option value="">').text(label('not-in-file')));
			}
			select.append(preview.headers.map(header => $('<option>').val(header).text(header)));
			select.val(chosen || (this.multiple ? [] : ''));
		});
	}

	function fillStatuses(preview) {
		const active = preview.activeStatuses.map(fold);
		$('#lvl-active-statuses').empty().append(preview.statusValues.map((value, i) => $('<div class="form-check form-check-inline">').append(
			$('<input class="form-check-input" type="checkbox">').attr('id', 'lvl-status-' + i).val(value).prop('checked', active.includes(fold(value))),
			$('<label class="form-check-label">').attr('for', 'lvl-status-' + i).text(value),
		)));
		$('#lvl-statuses-group').toggleClass('d-none', !preview.statusValues.length);
	}

	function fillCounts(preview) {
		Object.keys(preview.counts).forEach((key) => {
			$('#lvl-preview [data-count="' + key + '"]').text(Number(preview.counts[key]));
		});
		$('#lvl-removes-everyone').toggleClass('d-none', !preview.removesEveryone);
		$('#lvl-no-member-number').toggleClass('d-none', !!preview.mapping.memberNumber);
	}

	function fillList(list, items, start, total) {
		const pane = $('#lvl-list-' + list);
		if (!start) {
			pane.find('tbody').empty();
		}
		pane.find('tbody').append(items.map(item => (list === 'invalid' ? invalidRow(item) : list === 'changed' ? entryRow(item.after, item) : entryRow(item))));
		state.shown[list] = start + items.length;
		pane.find('[data-more]').toggleClass('d-none', state.shown[list] >= total);
		pane.find('.lvl-empty').toggleClass('d-none', total > 0);
	}

	// For a change: the new values, each changed field highlighted with its old value struck through above it.
	function entryRow(entry, change) {
		return $('<tr>').append(FIELDS.map((field) => {
			const td = cell(show(field, entry[field]), field === 'emails' ? 'text-break' : '');
			if (change && change.fields.includes(field)) {
				td.addClass('table-warning fw-semibold').prepend($('<del class="d-block small fw-normal text-secondary">').text(show(field, change.before[field])));
			}
			return td;
		}));
	}

	function invalidRow(item) {
		const reason = $('<td>');
		translateText(item.reason).then(text => reason.text(text));
		return $('<tr>').append(cell(item.line), cell(item.memberNumber), reason);
	}

	function loadMore() {
		const list = $(this).attr('data-more');
		const start = state.shown[list] || 0;
		busy(this, api.get(previewUrl(), { list: list, start: start }).then(page => fillList(list, page.items, start, page.total)));
	}

	/* ---------- import: mapping ---------- */

	// The preview shows the last mapping sent; applying while the form says otherwise would surprise.
	function setDirty(dirty) {
		$('#lvl-mapping-dirty').toggleClass('d-none', !dirty);
		$('#lvl-remap').toggleClass('btn-primary', dirty).toggleClass('btn-outline-primary', !dirty);
		$('#lvl-apply').prop('disabled', dirty || !state.preview || !state.preview.mapping.memberNumber);
	}

	function readMapping() {
		const mapping = {};
		$('#lvl-mapping select[data-field]').each(function () {
			mapping[this.getAttribute('data-field')] = $(this).val() || (this.multiple ? [] : '');
		});
		const activeStatuses = $('#lvl-active-statuses input:checked').map((i, el) => el.value).get();
		return { mapping: mapping, activeStatuses: activeStatuses };
	}

	function remap(ev) {
		ev.preventDefault();
		const body = readMapping();
		if (!body.mapping.memberNumber) {
			return alerts.error('[[lvl:admin.roster.error.member-number-column]]');
		}
		busy('#lvl-remap', api.put(previewUrl(), body).then(showPreview));
	}

	/* ---------- import: apply and discard ---------- */

	function confirmApply() {
		const counts = state.preview.counts;
		const message = '[[lvl:admin.roster.confirm-apply, ' + [counts.added, counts.changed, counts.leaving].map(Number).join(', ') + ']]';
		bootbox.confirm(message, function (ok) {
			if (ok && state.preview.removesEveryone) {
				// the second question opens once the first dialog is gone, not on top of it
				this.one('hidden.bs.modal', confirmRemoveAll);
			} else if (ok) {
				apply(false);
			}
		});
	}

	// An import that leaves nobody active is almost always a wrong column or status: ask a second, explicit time.
	function confirmRemoveAll() {
		bootbox.confirm({
			title: '[[lvl:admin.roster.remove-all.title]]',
			message: '[[lvl:admin.roster.remove-all.message, ' + Number(state.preview.counts.currentActive) + ']]',
			buttons: {
				confirm: { label: '[[lvl:admin.roster.remove-all.confirm]]', className: 'btn-danger' },
				cancel: { label: '[[global:cancel]]', className: 'btn-link' },
			},
			callback: (ok) => {
				if (ok) {
					apply(true);
				}
			},
		});
	}

	function apply(confirmRemoveAll) {
		act('#lvl-apply', api.post(previewUrl() + '/apply', confirmRemoveAll ? { confirmRemoveAll: true } : {}), '[[lvl:admin.roster.applied]]', () => {
			closePreview();
			loadRoster();
			loadHistory();
		});
	}

	function confirmDiscard() {
		confirmThen('[[lvl:admin.roster.confirm-discard]]', () => act('#lvl-discard', api.del(previewUrl()), '[[lvl:admin.roster.discarded]]', () => {
			closePreview();
			loadHistory();
		}));
	}

	function closePreview() {
		state.preview = null;
		$('#lvl-preview').addClass('d-none');
		$('#lvl-upload-form').trigger('reset');
	}

	/* ---------- roster ---------- */

	function onSearch(ev) {
		ev.preventDefault();
		state.query = this.elements.q.value.trim();
		state.start = 0;
		loadRoster();
	}

	function onPage() {
		state.start = Math.max(0, state.start + (Number($(this).attr('data-page')) * PAGE));
		loadRoster();
	}

	function loadRoster() {
		api.get(BASE + '/roster', { q: state.query, start: state.start, count: PAGE }).then(showRoster).catch(alerts.error);
	}

	function showRoster(data) {
		state.rows = data.rows;
		$('#lvl-roster-table tbody').empty().append(data.rows.map(rosterRow));
		$('#lvl-roster-empty').toggleClass('d-none', data.rows.length > 0);
		showPager(data.total);
		translateInto('#lvl-roster-summary', '[[lvl:admin.roster.summary.count, ' + Number(data.meta.count) + ']]');
		if (data.meta.updatedAt) {
			$('#lvl-roster-updated').text(formatTime(data.meta.updatedAt));
		}
	}

	function showPager(total) {
		const to = Math.min(total, state.start + PAGE);
		translateInto('#lvl-roster-range', '[[lvl:admin.roster.range, ' + (total ? state.start + 1 : 0) + ', ' + to + ', ' + Number(total) + ']]');
		$('#lvl-roster-pager [data-page="-1"]').prop('disabled', state.start === 0);
		$('#lvl-roster-pager [data-page="1"]').prop('disabled', to >= total);
	}

	function rosterRow(row, index) {
		return $('<tr>').attr('data-index', index).append(
			cell(row.memberNumber, 'text-nowrap'),
			cell([row.lastName, row.firstName].filter(Boolean).join(', ')),
			cell(show('emails', row.emails), 'text-break'),
			cell(row.status),
			cell(show('active', row.active)),
			cell(show('endDate', row.endDate), 'text-nowrap'),
			accountCell(row),
			$('<td>').append(rowActions(row)),
		);
	}

	function accountCell(row) {
		const td = $('<td>');
		if (row.uid) {
			td.append($('<a class="me-1">').attr('href', config.relative_path + '/uid/' + Number(row.uid)).text(row.username));
		}
		td.append($('<span class="badge">').addClass(STANDING_BADGE[row.standing] || 'text-bg-light').text(label('standing.' + row.standing)));
		if (row.standing === 'grace' && row.graceUntil) {
			td.append($('<span class="small text-secondary ms-1">').text(label('grace-until') + ' ' + new Date(row.graceUntil).toLocaleDateString(config.userLang)));
		}
		if (row.override) {
			td.append($('<span class="badge text-bg-info ms-1">').text(label('override')));
		}
		return td;
	}

	function rowActions(row) {
		const actions = clone('lvl-tpl-row-actions');
		actions.find('[data-action="leave"]').toggleClass('d-none', !row.active);
		actions.find('[data-action="restore"]').toggleClass('d-none', !(row.uid && (row.standing === 'grace' || row.standing === 'revoked')));
		actions.find('[data-action="end-override"]').toggleClass('d-none', !(row.uid && row.override));
		return actions;
	}

	function onRowAction() {
		const row = state.rows[$(this).closest('tr').attr('data-index')];
		const entryUrl = BASE + '/roster/entries/' + encodeURIComponent(row.memberNumber);
		const memberUrl = BASE + '/members/' + Number(row.uid) + '/restore';
		const actions = {
			edit: () => editEntry(row),
			leave: () => confirmThen('[[lvl:admin.roster.confirm-leave]]', () => act(this, api.post(entryUrl + '/leave', {}), '[[lvl:admin.roster.left]]', loadRoster)),
			restore: () => confirmThen('[[lvl:admin.roster.confirm-restore]]', () => act(this, api.post(memberUrl, {}), '[[lvl:admin.roster.restored]]', loadRoster)),
			'end-override': () => act(this, api.del(memberUrl), '[[lvl:admin.roster.override-ended]]', loadRoster),
		};
		actions[$(this).attr('data-action')]();
	}

	function editEntry(row) {
		const form = clone('lvl-tpl-entry-form');
		const save = () => {
			saveEntry(row, form, modal);
			return false;
		};
		const modal = bootbox.dialog({
			title: row ? '[[lvl:admin.roster.edit.title]]' : '[[lvl:admin.roster.add.title]]',
			message: form,
			onEscape: true,
			buttons: {
				cancel: { label: '[[global:cancel]]', className: 'btn-link' },
				save: { label: '[[global:save]]', className: 'btn-primary', callback: save },
			},
		});
		fillEntryForm(form, row);
		form.on('submit', (ev) => {
			ev.preventDefault();
			save();
		});
	}

	// Filled after the dialog is built, so none of this data passes through the dialog's translation.
	function fillEntryForm(form, row) {
		const entry = row || { active: true };
		form.find('[name]').each(function () {
			if (this.type === 'checkbox') {
				this.checked = !!entry[this.name];
			} else {
				this.value = this.name === 'emails' ? show('emails', entry.emails) : (entry[this.name] || '');
			}
		});
		form.find('[name="memberNumber"]').prop('readonly', !!row);
	}

	function saveEntry(row, form, modal) {
		const body = {};
		form.find('[name]').each(function () {
			body[this.name] = this.type === 'checkbox' ? this.checked : this.value;
		});
		const request = row ?
			api.put(BASE + '/roster/entries/' + encodeURIComponent(row.memberNumber), body) :
			api.post(BASE + '/roster/entries', body);
		act(modal.find('.modal-footer .btn-primary'), request, '[[lvl:admin.roster.saved]]', () => {
			modal.modal('hide');
			loadRoster();
		});
	}

	/* ---------- manual verification requests ---------- */

	function loadRequests() {
		api.get(BASE + '/verification/requests', { status: 'pending' }).then(showRequests).catch(alerts.error);
	}

	function showRequests(data) {
		state.requests = data.requests;
		$('#lvl-requests-table tbody').empty().append(data.requests.map(requestRow));
		$('#lvl-requests-empty').toggleClass('d-none', data.requests.length > 0);
		$('#lvl-requests-badge').text(Number(data.total)).toggleClass('d-none', !data.total);
		const more = data.total > data.requests.length;
		translateInto('#lvl-requests-range', more ? '[[lvl:admin.roster.range, 1, ' + data.requests.length + ', ' + Number(data.total) + ']]' : '');
	}

	function requestRow(request, index) {
		return $('<tr>').attr('data-index', index).append(
			cell(formatTime(request.createdAt), 'text-nowrap'),
			$('<td>').append(
				$('<a>').attr('href', config.relative_path + '/uid/' + Number(request.uid)).text(request.username),
				$('<div class="small text-secondary text-break">').text(request.email),
			),
			cell(label('reason.' + request.reason)),
			cell(request.note, 'text-break').css('white-space', 'pre-line'),
			$('<td>').append(clone('lvl-tpl-request-actions').find('[name="memberNumber"]').val(request.memberNumber).end()),
		);
	}

	function onRequestAction() {
		const tr = $(this).closest('tr');
		const request = state.requests[tr.attr('data-index')];
		if ($(this).attr('data-action') === 'approve') {
			approveRequest(this, request, String(tr.find('[name="memberNumber"]').val()).trim());
		} else {
			refuseRequest(request);
		}
	}

	function approveRequest(button, request, memberNumber) {
		if (!memberNumber) {
			return alerts.error('[[lvl:admin.roster.error.member-number-required]]');
		}
		const url = BASE + '/verification/requests/' + Number(request.id) + '/approve';
		act(button, api.post(url, { memberNumber: memberNumber }), '[[lvl:admin.roster.requests.approved]]', () => {
			loadRequests();
			loadRoster();
		});
	}

	function refuseRequest(request) {
		const url = BASE + '/verification/requests/' + Number(request.id) + '/refuse';
		bootbox.prompt({
			title: '[[lvl:admin.roster.requests.refuse-title]]',
			message: '[[lvl:admin.roster.requests.refuse-message]]',
			inputType: 'textarea',
			required: true,
			maxlength: 500,
			callback: (reason) => {
				if (reason !== null && !reason.trim()) {
					alerts.error('[[lvl:admin.roster.error.reason-required]]');
					return false;
				}
				if (reason !== null) {
					act(null, api.post(url, { reason: reason }), '[[lvl:admin.roster.requests.refused]]', loadRequests);
				}
			},
		});
	}

	/* ---------- import history ---------- */

	function loadHistory() {
		api.get(BASE + '/roster/imports').then(showHistory).catch(alerts.error);
	}

	function showHistory(data) {
		$('#lvl-history-table tbody').empty().append(data.imports.map(historyRow));
		$('#lvl-history-empty').toggleClass('d-none', data.imports.length > 0);
	}

	function historyRow(rec) {
		const counts = rec.counts || {};
		const status = $('<span class="badge">').addClass(IMPORT_BADGE[rec.status] || 'text-bg-light').text(label('import.' + rec.status));
		return $('<tr>').attr('data-id', rec.id).append(
			cell(formatTime(rec.createdAt), 'text-nowrap'),
			cell(rec.filename, 'text-break'),
			$('<td>').append(status),
			cell(formatTime(rec.appliedAt), 'text-nowrap'),
			['rows', 'added', 'changed', 'leaving', 'invalid'].map(key => cell(counts[key])),
			$('<td class="text-end">').append(rec.status === 'preview' ? clone('lvl-tpl-history-open') : null),
		);
	}

	function openImport() {
		const id = Number($(this).closest('tr').attr('data-id'));
		busy(this, api.get(BASE + '/roster/imports/' + id).then((preview) => {
			showPreview(preview);
			document.querySelector('[data-bs-target="#lvl-tab-import"]').click();
		}));
	}

	return Roster;
});
