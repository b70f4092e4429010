'use strict';

// The Q&A page (/vragen): the lists are rendered by the server; here the routing pause switch and the answers to
// direct requests.
define('forum/lvl/qa', ['api', 'alerts'], function (api, alerts) {
	const Qa = {};

	Qa.init = function () {
		// on a phone the tabs scroll sideways: keep the current one in view
		const active = document.querySelector('[component="lvl/qa/tabs"] .nav-link.active');
		if (active) {
			active.scrollIntoView({ block: 'nearest', inline: 'center' });
		}
		// direct requests: accept or decline in one click; the asker can withdraw theirs
		$('[component="lvl/qa/requests/received"]').on('click', '[data-answer]', function () {
			const item = $(this).closest('[data-request]');
			const answer = this.getAttribute('data-answer');
			item.find('button').prop('disabled', true);
			api.put('/plugins/lvl/qa/requests/' + item.attr('data-request'), { answer: answer }).then(function () {
				alerts.success(answer === 'accept' ? '[[lvl:qa.requests.accepted]]' : '[[lvl:qa.requests.declined]]');
				ajaxify.refresh();
			}).catch(function (err) {
				item.find('button').prop('disabled', false);
				alerts.error(err);
			});
		});
		$('[component="lvl/qa/requests/sent"]').on('click', '[component="lvl/qa/request/withdraw"]', function () {
			const item = $(this).closest('[data-request]');
			api.del('/plugins/lvl/qa/requests/' + item.attr('data-request'), {}).then(function () {
				ajaxify.refresh();
			}).catch(alerts.error);
		});

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
