'use strict';

// "Mijn platformgegevens wissen": on the members-only page, an account that no longer uses the platform (a member
// who left) erases what the plugin keeps about it, after a confirmation; the account stays. NodeBB's api module
// sends the session's CSRF token.
(function () {
	$(document).on('click', '[component="lvl/own-data/erase"]', function () {
		const button = $(this);
		require(['api', 'bootbox', 'alerts'], function (api, bootbox, alerts) {
			bootbox.confirm('[[lvl-privacy:own-data.erase-confirm]]', function (ok) {
				if (!ok) {
					return;
				}
				button.prop('disabled', true);
				api.del('/plugins/lvl/me/data', {}).then(function () {
					alerts.success('[[lvl-privacy:own-data.erased]]');
				}).catch(function (err) {
					button.prop('disabled', false);
					alerts.error(err);
				});
			});
		});
	});
}());
