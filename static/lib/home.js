'use strict';

// The platform's home: the reminder to fill in one's competences can be dismissed for good.
define('forum/lvl/home', ['api', 'alerts'], function (api, alerts) {
	const Home = {};

	Home.init = function () {
		const card = document.querySelector('[component="lvl/profile-reminder"]');
		const button = card && card.querySelector('[component="lvl/profile-reminder/dismiss"]');
		if (!button) {
			return;
		}
		button.addEventListener('click', function () {
			api.put('/plugins/lvl/profiles/' + card.getAttribute('data-uid') + '/reminder', {}).then(function () {
				card.remove();
			}).catch(alerts.error);
		});
	};

	return Home;
});
