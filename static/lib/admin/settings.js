'use strict';

// ACP page "Leden voor Leden": NodeBB's settings module loads and saves the `lvl` hash; the server validates.
// The Q&A types per platform category are saved at once, one category at a time, through the plugin's API.
define('admin/plugins/lvl', ['settings', 'alerts', 'api', 'translator'], function (Settings, alerts, api, translator) {
	const ACP = {};
	const TYPES = ['question', 'offer', 'wanted', 'discussion'];

	ACP.init = function () {
		const form = $('.lvl-settings');
		Settings.load('lvl', form, function () {
			categoryTypes();
		});

		$('#save').on('click', function () {
			Settings.save('lvl', form, function (err) {
				if (err) {
					return alerts.error(err.message);
				}
				alerts.success('[[lvl:admin.saved]]');
				categoryTypes();
			});
		});
	};

	function categoryTypes() {
		const rows = $('[component="lvl/admin/qa-categories/rows"]').empty();
		const chosen = $('#lvl-platformCids option:selected').map(function () {
			return { cid: this.value, name: $(this).text() };
		}).get();
		$('[component="lvl/admin/qa-categories/none"]').toggleClass('d-none', chosen.length > 0);
		chosen.forEach(function (c) {
			api.get('/plugins/lvl/qa/categories/' + c.cid, {}).then(function (qa) {
				rows.append(row(c, qa));
			}).catch(alerts.error);
		});
	}

	function row(c, qa) {
		const tr = $('<tr></tr>').attr('data-cid', c.cid);
		tr.append($('<th scope="row" class="fw-normal"></th>').text(c.name));
		TYPES.forEach(function (type) {
			const box = $('<input type="checkbox" class="form-check-input">').attr('data-type', type)
				.prop('checked', qa.types.indexOf(type) !== -1);
			translator.translate('[[lvl:qa.type.' + type + ']]').then(function (label) {
				box.attr('aria-label', c.name + ': ' + $('<div>').html(label).text());
			});
			tr.append($('<td class="text-center"></td>').append(box));
		});
		const select = $('<select class="form-select form-select-sm"></select>');
		TYPES.forEach(function (type) {
			const option = $('<option></option>').val(type);
			translator.translate('[[lvl:qa.type.' + type + ']]').then(function (label) {
				option.text($('<div>').html(label).text());
			});
			select.append(option);
		});
		select.val(qa.default);
		tr.append($('<td></td>').append(select));
		tr.on('change', 'input, select', function () {
			const types = tr.find('input:checked').map(function () { return this.getAttribute('data-type'); }).get();
			api.put('/plugins/lvl/qa/categories/' + c.cid, { types: types, default: select.val() }).then(function (saved) {
				tr.replaceWith(row(c, saved));
				alerts.success('[[lvl:admin.saved]]');
			}).catch(function (err) {
				alerts.error(err);
				tr.replaceWith(row(c, qa));
			});
		});
		return tr;
	}

	return ACP;
});
