'use strict';

// Rules of engagement on every page: the charter's articles as reasons in NodeBB's flag dialog, "warn" from a post's
// menu or a flag's page (citing an article, then the ladder's proposal to confirm), the guard's one-click dismissal,
// the disclaimer under questions, the charter page's accept button and the banner when a new version awaits.
// Server text goes in as text; only our own translated strings become HTML.
(function () {
	const BASE = '/plugins/lvl/engagement';
	let charterCache = null;
	const PROPOSE = { queue: 'step.propose-queue', mute: 'step.propose-mute', ban: 'step.propose-ban' };

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

	function charter() {
		if (!charterCache) {
			charterCache = new Promise(function (resolve, reject) {
				require(['api'], function (api) {
					api.get(BASE + '/charter', { lang: config.userLang }).then(resolve, reject);
				});
			});
			charterCache.catch(function () { charterCache = null; });
		}
		return charterCache;
	}

	function reasonOf(article) {
		return '[[lvl-engagement:flag.article, ' + article.number + ', ' + article.id + ']]';
	}

	/* ---------- NodeBB's flag dialog: the articles as reasons, then "other" ---------- */

	$(window).on('action:flag.showModal', function (ev, data) {
		const modal = data.modalEl;
		charter().then(function (c) {
			if (!c || !c.articles.length) {
				return;
			}
			const other = modal.find('#flag-reason-other').closest('.radio');
			modal.find('#flag-reason-spam, #flag-reason-offensive').closest('.radio').addClass('d-none');
			c.articles.forEach(function (a) {
				const id = 'flag-reason-lvl-' + a.id;
				const input = $('<input type="radio" name="flag-reason">').attr('id', id).val(reasonOf(a));
				const text = $('<span>').text(' ' + a.number + '. ' + a.title);
				other.before($('<div class="radio mb-2" component="lvl/flag-reason">').append($('<label>').attr('for', id).append(input, text)));
			});
		}).catch(alertError);
	});

	/* ---------- warnings ---------- */

	function warnDialog(target, preselect) {
		Promise.all([charter(), tr('[[lvl-engagement:warn.title]]'), tr('[[lvl-engagement:warn.article]]'), tr('[[lvl-engagement:warn.note]]'), tr('[[lvl-engagement:warn.submit]]')]).then(function (r) {
			const c = r[0];
			const form = $('<form class="d-flex flex-column gap-2" component="lvl/warn/form">');
			const select = $('<select class="form-select" name="articleId" component="lvl/warn/article">');
			c.articles.forEach(function (a) {
				select.append($('<option>').val(a.id).text(a.number + '. ' + a.title));
			});
			if (preselect) {
				select.val(preselect);
			}
			form.append($('<label class="form-label mb-0">').text(r[2]), select);
			form.append($('<label class="form-label mb-0">').text(r[3]), $('<textarea class="form-control" rows="3" maxlength="1000" name="note" component="lvl/warn/note">'));
			require(['bootbox', 'api'], function (bootbox, api) {
				bootbox.dialog({
					title: r[1],
					message: form,
					buttons: {
						cancel: { label: '[[global:cancel]]', className: 'btn-link' },
						ok: {
							label: r[4],
							className: 'btn-warning',
							callback: function () {
								const body = Object.assign({}, target, { articleId: select.val(), note: form.find('[name="note"]').val() });
								api.post(BASE + '/warnings', body).then(proposeStep).catch(alertError);
							},
						},
					},
				});
			});
		}).catch(alertError);
	}

	// The ladder proposes; the moderator confirms (or not).
	function proposeStep(result) {
		require(['alerts', 'bootbox', 'api'], function (alerts, bootbox, api) {
			alerts.success('[[lvl-engagement:warn.given, ' + result.active + ']]');
			const p = result.proposal;
			if (!p) {
				return;
			}
			tr('[[lvl-engagement:' + PROPOSE[p.action] + ', ' + result.active + ', ' + p.days + ']]').then(function (text) {
				bootbox.confirm(text, function (yes) {
					if (yes) {
						api.post(BASE + '/warnings/' + result.warning.id + '/step', { action: p.action, days: p.days })
							.then(function () { alerts.success('[[lvl-engagement:step.applied]]'); })
							.catch(alertError);
					}
				});
			});
		});
	}

	$(document).on('click', '[component="lvl/warn"]', function (e) {
		e.preventDefault();
		warnDialog({ pid: $(this).closest('[data-pid]').attr('data-pid') });
	});

	/* ---------- a flag's page: warn citing the reported article, dismiss the guard's false positive ---------- */

	function flagPage() {
		const flagId = ajaxify.data.flagId;
		require(['api'], function (api) {
			api.get(BASE + '/flags/' + flagId, {}).then(function (info) {
				return Promise.all([tr('[[lvl-engagement:warn.tool]]'), tr('[[lvl-engagement:guard.dismiss]]'), tr('[[lvl-engagement:guard.caught]]')]).then(function (t) {
					const box = $('<div class="d-flex flex-wrap gap-2 align-items-center mb-3" component="lvl/flag-tools">');
					if (ajaxify.data.type === 'post' || ajaxify.data.type === 'user') {
						box.append($('<button type="button" class="btn btn-sm btn-warning" component="lvl/flag/warn">').text(t[0]).on('click', function () {
							warnDialog({ flagId: flagId }, info.flag && info.flag.articleId);
						}));
					}
					if (info.guard && !info.guard.dismissedAt) {
						box.append($('<span class="small text-secondary">').text(t[2] + ' ' + info.guard.pattern));
						box.append($('<button type="button" class="btn btn-sm btn-outline-success" component="lvl/guard/dismiss">').text(t[1]).on('click', function () {
							api.post(BASE + '/guard/' + info.guard.pid + '/dismiss', {}).then(function () { ajaxify.refresh(); }).catch(alertError);
						}));
					}
					$('[component="flag/content"]').first().before(box);
				});
			}).catch(function () { /* not a moderator of this flag: nothing to add */ });
		});
	}

	/* ---------- the disclaimer under a question ---------- */

	function disclaimer() {
		const d = ajaxify.data.lvlDisclaimer;
		if (!d || $('[component="lvl/disclaimer"]').length) {
			return;
		}
		const box = $('<aside class="lvl-disclaimer small text-secondary border rounded p-2 my-3" component="lvl/disclaimer">');
		const place = function () {
			const main = $('[component="topic"] [component="post"][data-index="0"]').first();
			if (main.length) {
				main.after(box);
			} else {
				$('[component="topic"]').first().after(box);
			}
		};
		if (d.custom) {
			d.blocks.forEach(function (b) {
				// the server escaped the text for its templates: read it back as text
				b.items.forEach(function (item) {
					box.append($('<div>').text($('<textarea>').html(item.text).val()));
				});
			});
			place();
		} else {
			tr('[[lvl-engagement:disclaimer.default]]').then(function (text) {
				box.text($('<textarea>').html(text).val());
				place();
			});
		}
	}

	/* ---------- the charter page and the banner ---------- */

	function charterPage() {
		$('.lvl-charter .lvl-date').each(function () {
			const iso = this.getAttribute('data-iso');
			if (iso) {
				this.textContent = new Date(iso).toLocaleDateString(config.userLang);
			}
		});
		$('[component="lvl/charter/accept"]').on('click', function () {
			const version = this.getAttribute('data-version');
			require(['api'], function (api) {
				api.post(BASE + '/charter/accept', { version: version }).then(function () {
					config.lvlCharterPending = 0;
					$('[component="lvl/charter-banner"]').remove();
					ajaxify.refresh();
				}).catch(alertError);
			});
		});
	}

	function banner() {
		$('[component="lvl/charter-banner"]').remove();
		if (!config.lvlCharterPending || ajaxify.data.template.name === 'lvl/charter') {
			return;
		}
		tr('[[lvl-engagement:banner.text, ' + config.lvlCharterPending + ']]').then(function (text) {
			const bar = $('<div class="alert alert-info d-flex flex-wrap gap-2 align-items-center justify-content-between" component="lvl/charter-banner">');
			bar.append($('<span>').text($('<textarea>').html(text).val()));
			tr('[[lvl-engagement:banner.read]]').then(function (read) {
				bar.append($('<a class="btn btn-sm btn-primary">').attr('href', config.relative_path + '/gedragscode').text(read));
				$('#content').prepend(bar);
			});
		});
	}

	$(window).on('action:ajaxify.end', function () {
		const name = ajaxify.data.template && ajaxify.data.template.name;
		if (name === 'lvl/charter') {
			charterPage();
		} else if (name === 'flags/detail') {
			flagPage();
		}
		banner();
	});
	$(window).on('action:topic.loaded', disclaimer);
}());
