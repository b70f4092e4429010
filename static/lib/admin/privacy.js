'use strict';

// ACP › Leden voor Leden › Privacy: each fix button asks once, applies the fix through the plugin's API (which uses
// NodeBB's own calls and records the fix in NodeBB's event log), then shows the checks again.
define('admin/plugins/lvl/privacy', ['api', 'alerts', 'bootbox', 'translator'], function (api, alerts, bootbox, translator) {
	const Privacy = {};

	Privacy.init = function () {
		const root = $('[component="lvl/privacy"]');
		root.on('click', '[component="lvl/privacy/fix"]', function () {
			const btn = $(this);
			const check = btn.attr('data-check');
			const fix = btn.attr('data-fix');
			translator.translate('[[lvl-privacy:confirm.' + fix + ']]', function (text) {
				bootbox.confirm(text, function (ok) {
					if (!ok) {
						return;
					}
					btn.prop('disabled', true);
					api.post('/plugins/lvl/privacy/fix', { check: check, fix: fix }).then(function () {
						alerts.success('[[lvl-privacy:fixed]]');
						ajaxify.refresh();
					}).catch(function (err) {
						btn.prop('disabled', false);
						alerts.error(err);
					});
				});
			});
		});
		root.on('click', '[component="lvl/privacy/recheck"]', function () {
			ajaxify.refresh();
		});
	};

	return Privacy;
});
