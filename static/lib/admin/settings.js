'use strict';

// ACP page "Leden voor Leden": NodeBB's settings module loads and saves the `lvl` hash; the server validates.
define('admin/plugins/lvl', ['settings', 'alerts'], function (Settings, alerts) {
	const ACP = {};

	ACP.init = function () {
		const form = $('.lvl-settings');
		Settings.load('lvl', form);

		$('#save').on('click', function () {
			Settings.save('lvl', form, function (err) {
				if (err) {
					return alerts.error(err.message);
				}
				alerts.success('[[lvl:admin.saved]]');
			});
		});
	};

	return ACP;
});
