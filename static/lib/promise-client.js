'use strict';

// The promise on every page: on a question, the asker's status line ("sent to 4 members", "An is on it"), the routed
// member's "Ik neem dit op" / "Niet voor mij", and a coordinator's "assign to member"; on the member's own
// competence tab, their capacity, holiday and quiet hours. Server text is inserted as text; only translated
// strings of our own become HTML.
(function () {
	const BASE = '/plugins/lvl/qa';

	function tr(token) {
		return new Promise(function (resolve) {
			require(['translator'], function (translator) {
				translator.translate(token, config.userLang, resolve);
			});
		});
	}

	function alertError(err) {
		require(['alerts'], function (alerts) {
			alerts.error(err);
		});
	}

	function alertSuccess(token) {
		require(['alerts'], function (alerts) {
			tr(token).then(function (t) { alerts.success(t); });
		});
	}

	function button(component, token, tone) {
		const b = $('<button type="button" class="btn btn-sm"></button>').addClass(tone).attr('component', component);
		tr(token).then(function (t) { b.text(t); });
		return b;
	}

	/* ---------- the question's header ---------- */

	function showPromise() {
		$('[component="lvl/promise"]').remove();
		const qa = ajaxify.data && ajaxify.data.lvlQa;
		const p = qa && qa.promise;
		if (!p) {
			return;
		}
		const main = $('[component="topic"]').find('[component="post"][data-index="0"]').first();
		if (!main.length) {
			return;
		}
		const box = $('<div class="lvl-promise card mb-3" component="lvl/promise"><div class="card-body p-2 d-flex flex-column gap-2"></div></div>');
		const body = box.find('.card-body');
		if (p.line) {
			const line = $('<div class="d-flex align-items-center gap-2" component="lvl/promise/status"><i class="fa fa-route text-primary" aria-hidden="true"></i><span></span></div>')
				.attr('data-state', p.state);
			// the server's token: its arguments are neutralised there (lib/kernel/text.ts), so the translation is safe HTML
			// and shows names as typed (as text it would show their entities)
			tr(p.line).then(function (t) { line.find('span').html(t); });
			body.append(line);
		}
		if (p.canClaim || p.canDecline || p.canRelease) {
			const bar = $('<div class="d-flex flex-wrap gap-2 align-items-center" component="lvl/promise/actions"></div>');
			const hint = $('<span class="small text-secondary w-100"></span>');
			tr(p.claimedByYou ? '[[lvl-promise:claimed-by-you]]' : '[[lvl-promise:routed-to-you]]').then(function (t) { hint.text(t); });
			bar.append(hint);
			if (p.canClaim) {
				bar.append(button('lvl/promise/claim', '[[lvl-promise:claim]]', 'btn-primary'));
			}
			if (p.canRelease) {
				bar.append(button('lvl/promise/release', '[[lvl-promise:release]]', 'btn-outline-secondary'));
			}
			if (p.canDecline && !p.claimedByYou) {
				bar.append(button('lvl/promise/decline', '[[lvl-promise:decline]]', 'btn-outline-secondary'));
			}
			body.append(bar);
		}
		if (p.canAssign) {
			const panel = $('<div class="d-flex flex-column gap-1" component="lvl/promise/assign"><div class="fw-semibold small"></div><div class="d-flex flex-column gap-1" component="lvl/promise/suggestions"></div></div>');
			tr('[[lvl-promise:assign.title]]').then(function (t) { panel.find('.fw-semibold').text(t); });
			body.append(panel);
			require(['api'], function (api) {
				api.get(BASE + '/topics/' + ajaxify.data.tid + '/suggestions', {}).then(function (res) {
					const list = panel.find('[component="lvl/promise/suggestions"]');
					if (!res.members.length) {
						const none = $('<span class="small text-secondary"></span>');
						tr('[[lvl-promise:assign.none]]').then(function (t) { none.text(t); });
						list.append(none);
					}
					res.members.forEach(function (m) {
						const row = $('<div class="d-flex align-items-center gap-2 justify-content-between border rounded p-1"></div>');
						row.append($('<a class="text-truncate"></a>').attr('href', config.relative_path + '/user/' + encodeURIComponent(m.userslug)).text(m.displayname));
						const b = button('lvl/promise/assign-member', '[[lvl-promise:assign.button]]', 'btn-outline-primary').attr('data-uid', m.uid);
						row.append(b);
						list.append(row);
					});
				}).catch(alertError);
			});
		}
		if (body.children().length) {
			main.before(box);
		}
	}

	$(window).on('action:topic.loaded', showPromise);

	function act(method, path, body, doneToken) {
		require(['api'], function (api) {
			api[method](BASE + '/topics/' + ajaxify.data.tid + path, body || {}).then(function () {
				if (doneToken) {
					alertSuccess(doneToken);
				}
				ajaxify.refresh();
			}).catch(alertError);
		});
	}

	$(document).on('click', '[component="lvl/promise/claim"]', function () {
		act('put', '/claim', {}, '[[lvl-promise:claim-done]]');
	});
	$(document).on('click', '[component="lvl/promise/release"]', function () {
		act('del', '/claim', {}, null);
	});
	$(document).on('click', '[component="lvl/promise/decline"]', function () {
		act('put', '/decline', {}, '[[lvl-promise:decline-done]]');
	});
	$(document).on('click', '[component="lvl/promise/assign-member"]', function () {
		act('put', '/assign', { uid: this.getAttribute('data-uid') }, '[[lvl-promise:assign.done]]');
	});

	/* ---------- the member's own availability (competence tab of their profile) ---------- */

	function field(labelToken, input, helpToken) {
		const id = input.attr('id');
		const wrap = $('<div class="col-12 col-md-6"></div>');
		const label = $('<label class="form-label"></label>').attr('for', id);
		tr(labelToken).then(function (t) { label.text(t); });
		wrap.append(label, input);
		if (helpToken) {
			const help = $('<div class="form-text"></div>');
			tr(helpToken).then(function (t) { help.text(t); });
			wrap.append(help);
		}
		return wrap;
	}

	function showAvailability() {
		$('[component="lvl/promise/availability"]').remove();
		const profile = $('[component="lvl/profile"]');
		const editor = profile.find('[component="lvl/editor"]').first();
		// only on the member's own competence tab
		if (!editor.length || !app.user || !app.user.uid || String(profile.attr('data-uid')) !== String(app.user.uid)) {
			return;
		}
		require(['api'], function (api) {
			api.get(BASE + '/me/availability', {}).then(function (a) {
				const card = $('<section class="card mb-3" component="lvl/promise/availability"><div class="card-body d-flex flex-column gap-3"><h2 class="h5 mb-0"></h2><p class="small text-secondary mb-0"></p><div class="row g-3"></div></div></section>');
				tr('[[lvl-promise:availability.title]]').then(function (t) { card.find('h2').text(t); });
				tr('[[lvl-promise:availability.intro, ' + a.timeZone.replace(/[[\],%]/g, '') + ']]').then(function (t) { card.find('p').text(t); });
				const row = card.find('.row');
				const capacity = $('<input type="number" class="form-control" id="lvl-promise-capacity" min="1">').attr('max', a.forumCapacity).val(a.capacity);
				const away = $('<input type="date" class="form-control" id="lvl-promise-away">').val(a.awayUntil);
				const from = $('<input type="time" class="form-control" id="lvl-promise-quiet-from">').val(a.quietFrom);
				const to = $('<input type="time" class="form-control" id="lvl-promise-quiet-to">').val(a.quietTo);
				row.append(field('[[lvl-promise:availability.capacity]]', capacity, '[[lvl-promise:availability.capacity-help, ' + a.forumCapacity + ']]'));
				row.append(field('[[lvl-promise:availability.away]]', away, '[[lvl-promise:availability.away-help]]'));
				row.append(field('[[lvl-promise:availability.quiet-from]]', from, null));
				row.append(field('[[lvl-promise:availability.quiet-to]]', to, '[[lvl-promise:availability.quiet-help]]'));
				const offWrap = $('<div class="form-check col-12 ms-2"><input class="form-check-input" type="checkbox" id="lvl-promise-quiet-off"><label class="form-check-label" for="lvl-promise-quiet-off"></label></div>');
				offWrap.find('input').prop('checked', a.quietOff);
				tr('[[lvl-promise:availability.quiet-off]]').then(function (t) { offWrap.find('label').text(t); });
				row.append(offWrap);
				const save = button('lvl/promise/availability-save', '[[lvl-promise:availability.save]]', 'btn-primary align-self-start');
				card.find('.card-body').append(save);
				save.on('click', function () {
					api.put(BASE + '/me/availability', {
						capacity: capacity.val(), awayUntil: away.val(), quietFrom: from.val(), quietTo: to.val(), quietOff: offWrap.find('input').prop('checked'),
					}).then(function () {
						alertSuccess('[[lvl-promise:availability.saved]]');
					}).catch(alertError);
				});
				editor.before(card);
			}).catch(function () { /* not a member: nothing to show */ });
		});
	}

	$(window).on('action:ajaxify.end', showAvailability);
}());
