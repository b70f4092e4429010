'use strict';

// ACP page "Ledenlijst": import with preview, the roster itself, manual verification requests and import history.
// Everything that comes from the roster file or from members is inserted as text, never as HTML.
define('admin/plugins/lvl/roster', ['api', 'alerts', 'bootbox', 'admin/plugins/lvl/dom'], function (api, alerts, bootbox, dom) {
	const Roster = {};
	const BASE = '/plugins/lvl';
	const PAGE = 50;
	const FIELDS = ['memberNumber', 'lastName', 'firstName', 'emails', 'birthDate', 'status', 'active', 'endDate'];
	const LISTS = ['added', 'changed', 'leaving', 'warnings', 'invalid'];
	const FATE_BADGE = { grace: 'text-bg-warning', none: 'text-bg-light', revoked: 'text-bg-secondary', override: 'text-bg-info' };
	const STANDING_BADGE = { unlinked: 'text-bg-light', member: 'text-bg-success', grace: 'text-bg-warning', revoked: 'text-bg-danger' };
	const IMPORT_BADGE = { preview: 'text-bg-info', applied: 'text-bg-success', discarded: 'text-bg-light', failed: 'text-bg-danger' };
	let state;

	Roster.init = function () {
		state = { preview: null, shown: {}, query: '', filter: '', start: 0, rows: [], requests: [] };
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

	function formatDate(ms) {
		return ms ? new Date(ms).toLocaleDateString(config.userLang) : '';
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
		$('#lvl-roster-filter').on('change', onFilter);
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
		fillPeople(preview);
		LISTS.forEach(list => fillList(list, preview.lists[list] || [], 0, preview.counts[list === 'warnings' ? 'warningRows' : list] || 0));
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

	// Every distinct status with its count: ticked = counts as an active member. Values come from the file: text only.
	function fillStatuses(preview) {
		const active = preview.activeStatuses.map(fold);
		const statuses = preview.statuses || preview.statusValues.map(value => ({ value: value, count: 0, inactive: false }));
		$('#lvl-active-statuses').empty().append(statuses.map((status, i) => $('<tr>').append(
			$('<td>').append($('<input class="form-check-input" type="checkbox">').attr('id', 'lvl-status-' + i).val(status.value)
				.prop('checked', active.includes(fold(status.value)))),
			$('<td>').append($('<label class="form-check-label">').attr('for', 'lvl-status-' + i).text(status.value)),
			cell(status.count || '', 'text-end'),
			$('<td>').append(status.inactive ? $('<span class="badge text-bg-secondary">').text(label('status-left')) : null),
		)));
		$('#lvl-statuses-group').toggleClass('d-none', !statuses.length);
		$('#lvl-statuses-review').toggleClass('d-none', !preview.statusesToReview);
	}

	// What the import does to people, in numbers; the sentences are translated with the numbers as arguments.
	function fillPeople(preview) {
		const c = preview.counts;
		const n = key => Number(c[key]) || 0;
		const lines = {
			leaving: n('leaving') && '[[lvl:admin.roster.people.leaving, ' + [n('leaving'), n('leavingAccounts'), Number(preview.graceDays) || 0, n('leavingUnregistered'), n('leavingOther')].join(', ') + ']]',
			deactivated: n('deactivated') && '[[lvl:admin.roster.people.deactivated, ' + n('deactivated') + ', ' + n('deactivatedAccounts') + ']]',
			verification: n('changedVerification') && '[[lvl:admin.roster.people.verification, ' + n('changedVerification') + ']]',
			warnings: n('warnings') && '[[lvl:admin.roster.people.warnings, ' + n('warnings') + ']]',
			duplicates: n('duplicates') && '[[lvl:admin.roster.people.duplicates, ' + n('duplicates') + ']]',
		};
		Object.keys(lines).forEach((key) => {
			const li = $('#lvl-people [data-people="' + key + '"]').toggleClass('d-none', !lines[key]);
			if (lines[key]) {
				translateInto(li.find('span'), lines[key]);
			}
		});
		$('#lvl-people [data-people="nothing"]').toggleClass('d-none', Object.keys(lines).some(key => lines[key]));
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
		pane.find('tbody').append(items.map((item) => {
			if (list === 'invalid' || list === 'warnings') {
				return invalidRow(item);
			}
			return list === 'changed' ? entryRow(item.after, item).append(consequenceCell(item)) :
				list === 'leaving' ? entryRow(item).append(consequenceCell(item)) : entryRow(item);
		}));
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

	// For a leaving or newly inactive member: what becomes of the account; for a change: whether it touches verification.
	function consequenceCell(item) {
		const td = $('<td>');
		if (item.account) {
			td.append($('<span class="badge">').addClass(FATE_BADGE[item.account] || 'text-bg-light').text(label('fate.' + item.account)));
		}
		if (item.verification) {
			td.append($('<span class="badge text-bg-warning ms-1">').text(label('touches-verification')));
		}
		return td;
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
		const activeStatuses = readStatusDecision().active;
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
		if (state.preview.statusesToReview) {
			return confirmStatuses(() => confirmPeople(true));
		}
		confirmPeople(false);
	}

	// Applying with statuses the admin never looked at: show the decision once, values as text, before anything else.
	function confirmStatuses(next) {
		const { active, inactive } = readStatusDecision();
		const list = values => $('<p class="fw-semibold text-break">').text(values.length ? values.join(' · ') : label('statuses-none'));
		const message = $('<div>').append(
			$('<p class="mb-1">').text(label('statuses-active')), list(active),
			$('<p class="mb-1">').text(label('statuses-inactive')), list(inactive),
		);
		bootbox.confirm({
			title: '[[lvl:admin.roster.statuses.confirm-title]]',
			message: message,
			buttons: {
				confirm: { label: '[[lvl:admin.roster.statuses.confirm]]', className: 'btn-primary' },
				cancel: { label: '[[global:cancel]]', className: 'btn-link' },
			},
			callback: function (ok) {
				if (ok) {
					this.one('hidden.bs.modal', next);
				}
			},
		});
	}

	function readStatusDecision() {
		const active = [];
		const inactive = [];
		$('#lvl-active-statuses input[type="checkbox"]').each(function () {
			(this.checked ? active : inactive).push(this.value);
		});
		return { active: active, inactive: inactive };
	}

	// The confirmation repeats what the preview says will happen to people.
	function confirmPeople(statusesConfirmed) {
		const c = state.preview.counts;
		const figures = [c.added, c.changed, c.leaving, c.leavingAccounts, Number(state.preview.graceDays) || 0, c.leavingUnregistered,
			c.deactivated, c.deactivatedAccounts, c.changedVerification].map(v => Number(v) || 0);
		bootbox.confirm('[[lvl:admin.roster.confirm-apply-people, ' + figures.join(', ') + ']]', function (ok) {
			if (ok && state.preview.removesEveryone) {
				// the second question opens once the first dialog is gone, not on top of it
				this.one('hidden.bs.modal', () => confirmRemoveAll(statusesConfirmed));
			} else if (ok) {
				apply(false, statusesConfirmed);
			}
		});
	}

	// An import that leaves nobody active is almost always a wrong column or status: ask a second, explicit time.
	function confirmRemoveAll(statusesConfirmed) {
		bootbox.confirm({
			title: '[[lvl:admin.roster.remove-all.title]]',
			message: '[[lvl:admin.roster.remove-all.message, ' + Number(state.preview.counts.currentActive) + ']]',
			buttons: {
				confirm: { label: '[[lvl:admin.roster.remove-all.confirm]]', className: 'btn-danger' },
				cancel: { label: '[[global:cancel]]', className: 'btn-link' },
			},
			callback: (ok) => {
				if (ok) {
					apply(true, statusesConfirmed);
				}
			},
		});
	}

	function apply(confirmRemoveAll, confirmStatuses) {
		const body = {};
		if (confirmRemoveAll) {
			body.confirmRemoveAll = true;
		}
		if (confirmStatuses) {
			body.confirmStatuses = true;
		}
		act('#lvl-apply', api.post(previewUrl() + '/apply', body), '[[lvl:admin.roster.applied]]', () => {
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

	function onFilter() {
		state.filter = String($(this).val() || '');
		state.start = 0;
		loadRoster();
	}

	function onPage() {
		state.start = Math.max(0, state.start + (Number($(this).attr('data-page')) * PAGE));
		loadRoster();
	}

	function loadRoster() {
		api.get(BASE + '/roster', { q: state.query, filter: state.filter, start: state.start, count: PAGE }).then(showRoster).catch(alerts.error);
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
		const note = text => td.append($('<span class="small text-secondary ms-1 text-nowrap">').text(text));
		if (row.standing === 'grace' && row.graceUntil) {
			note(label('grace-until') + ' ' + formatDate(row.graceUntil));
		}
		if (row.standing === 'revoked' && row.revokedAt) {
			note(label('revoked-on') + ' ' + formatDate(row.revokedAt));
		}
		if (row.override) {
			td.append($('<span class="badge text-bg-info ms-1">').text(label('override')));
			if (row.overrideAt) {
				note(label('restored-on') + ' ' + formatDate(row.overrideAt));
			}
		}
		if (row.onRoster === false) {
			td.append($('<div class="small text-danger-emphasis">').text(label('not-on-roster')));
		}
		return td;
	}

	function rowActions(row) {
		const actions = clone('lvl-tpl-row-actions');
		actions.find('[data-action="leave"]').toggleClass('d-none', !row.active || row.onRoster === false);
		// an account whose member number left the roster has no entry to edit
		actions.find('[data-action="edit"]').toggleClass('d-none', row.onRoster === false);
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
