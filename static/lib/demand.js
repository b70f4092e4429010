'use strict';

// "Ik heb deze vraag ook" / "J'ai la même question": on an open question's page, a member other than the asker
// follows the question in one tap and counts as demand; a second tap undoes it. The asker and moderators see how
// many members have the question too (never shown as a score to others).
(function () {
	const BASE = '/plugins/lvl/qa';

	function tr(token) {
		return new Promise(function (resolve) {
			require(['translator'], function (translator) {
				translator.translate(token, config.userLang, resolve);
			});
		});
	}

	function render() {
		$('[component="lvl/demand"]').remove();
		const d = ajaxify.data && ajaxify.data.lvlDemand;
		const main = $('[component="topic"] [component="post"][data-index="0"]').first();
		if (!d || !main.length || (!d.can && !d.mine && !d.count)) {
			return;
		}
		const block = $('<div class="lvl-demand d-flex flex-wrap align-items-center gap-2 mb-3" component="lvl/demand"></div>');
		if (d.mine) {
			const done = $('<span class="small text-success" component="lvl/demand/done"><i class="fa fa-check" aria-hidden="true"></i> </span>');
			tr('[[lvl:qa.demand.done]]').then(t => done.append(document.createTextNode(t)));
			const undo = $('<button type="button" class="btn btn-sm btn-link p-0" component="lvl/demand/undo"></button>');
			tr('[[lvl:qa.demand.undo]]').then(t => undo.text(t));
			block.append(done, undo);
		} else if (d.can) {
			const button = $('<button type="button" class="btn btn-outline-primary" component="lvl/demand/add"><i class="fa fa-hand" aria-hidden="true"></i> </button>');
			tr('[[lvl:qa.demand.button]]').then(t => button.append(document.createTextNode(t)));
			block.append(button);
		}
		if (typeof d.count === 'number' && d.count > 0) {
			const count = $('<span class="small text-secondary" component="lvl/demand/count"></span>');
			tr(d.count === 1 ? '[[lvl:qa.demand.count-one]]' : '[[lvl:qa.demand.count, ' + d.count + ']]').then(t => count.text(t));
			block.append(count);
		}
		main.after(block);
	}

	$(window).on('action:topic.loaded', render);

	function send(method) {
		const tid = ajaxify.data.tid;
		require(['api', 'alerts'], function (api, alerts) {
			const call = method === 'put' ? api.put(BASE + '/topics/' + tid + '/demand', {}) : api.del(BASE + '/topics/' + tid + '/demand', {});
			call.then(function (view) {
				ajaxify.data.lvlDemand = view;
				// NodeBB's own follow button shows the new state after a refresh
				ajaxify.refresh();
			}).catch(alerts.error);
		});
	}

	$(document).on('click', '[component="lvl/demand/add"]', function () {
		$(this).prop('disabled', true);
		send('put');
	});
	$(document).on('click', '[component="lvl/demand/undo"]', function () {
		$(this).prop('disabled', true);
		send('del');
	});
}());
