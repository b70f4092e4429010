'use strict';

// The Q&A page (/vragen): the lists are rendered by the server; here only the routing pause switch.
define('forum/lvl/qa', ['api', 'alerts'], function (api, alerts) {
	const Qa = {};

	Qa.init = function () {
		$('#lvl-qa-paused').on('change', function () {
			const box = this;
			api.put('/plugins/lvl/qa/me/routing', { paused: box.checked }).then(function (res) {
				box.checked = !!res.paused;
			}).catch(function (err) {
				box.checked = !box.checked;
				alerts.error(err);
			});
		});
	};

	return Qa;
});
