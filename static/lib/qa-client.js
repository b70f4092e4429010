'use strict';

// Q&A on every page: the composer's type choice and competence picker (new topics in the platform's categories),
// and, on a topic page, accept/undo an answer, the accepted answer shown right under the question, and the status of
// an offer or wanted post. Text from the server is inserted as text; only our own translated strings become HTML.
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

	/* ---------- composer ---------- */

	function composerBlock() {
		return $(
			'<div class="lvl-qa-composer d-flex flex-column flex-md-row flex-wrap gap-2 align-items-md-center px-2 py-2 border-bottom" component="lvl/qa/composer">' +
				'<div class="d-flex align-items-center gap-2">' +
					'<label class="small fw-semibold text-nowrap" data-lvl-label="type"></label>' +
					'<select class="form-select form-select-sm w-auto" component="lvl/qa/type"></select>' +
				'</div>' +
				'<div class="d-flex flex-column gap-1 flex-grow-1" component="lvl/qa/competences">' +
					'<div class="d-flex flex-wrap gap-1 align-items-center" component="lvl/qa/chips"></div>' +
					'<div class="position-relative">' +
						'<input class="form-control form-control-sm" type="text" autocomplete="off" maxlength="100" component="lvl/qa/picker">' +
						'<ul class="dropdown-menu w-100 mt-1 p-1 overflow-auto" role="listbox" style="max-height: 30vh;" component="lvl/qa/picker/list"></ul>' +
					'</div>' +
					'<div class="form-text mt-0" component="lvl/qa/helpers" aria-live="polite"></div>' +
				'</div>' +
			'</div>',
		);
	}

	function setupComposer(postContainer, post) {
		postContainer.find('[component="lvl/qa/composer"]').remove();
		post.lvlType = undefined;
		post.lvlCompetences = [];
		const cid = post.cid || (post.category && post.category.cid);
		if (!cid || !app.user.uid) {
			return;
		}
		require(['api', 'lvl/picker'], function (api, picker) {
			api.get(BASE + '/categories/' + encodeURIComponent(cid), {}).then(function (cfg) {
				if (!cfg || !cfg.qa) {
					return;
				}
				const block = composerBlock();
				const select = block.find('[component="lvl/qa/type"]');
				const chips = block.find('[component="lvl/qa/chips"]');
				const helpers = block.find('[component="lvl/qa/helpers"]');
				const input = block.find('[component="lvl/qa/picker"]');
				tr('[[lvl:qa.composer.type]]').then(t => block.find('[data-lvl-label="type"]').text(t));
				tr('[[lvl:qa.composer.competence-placeholder]]').then(t => input.attr('placeholder', t));
				cfg.types.forEach(function (type) {
					const option = $('<option></option>').attr('value', type);
					tr('[[lvl:qa.type.' + type + ']]').then(t => option.text(t));
					select.append(option);
				});
				select.val(cfg.default);
				post.lvlType = cfg.default;

				function refresh() {
					const type = select.val();
					post.lvlType = type;
					block.find('[component="lvl/qa/competences"]').toggleClass('d-none', type === 'discussion');
					input.prop('disabled', post.lvlCompetences.length >= 3);
					if (type !== 'question' || !post.lvlCompetences.length) {
						helpers.text('');
						if (type === 'question') {
							tr('[[lvl:qa.composer.competence-required]]').then(t => helpers.text(t));
						}
						return;
					}
					api.get(BASE + '/helpers', { c: post.lvlCompetences.join(',') }).then(function (res) {
						const count = Number(res.count) || 0;
						const token = count === 0 ? '[[lvl:qa.composer.helpers-none]]' : count === 1 ? '[[lvl:qa.composer.helpers-one]]' : '[[lvl:qa.composer.helpers, ' + count + ']]';
						tr(token).then(t => helpers.text(t));
					}).catch(function () {
						helpers.text('');
					});
				}

				function addChip(match) {
					if (post.lvlCompetences.length >= 3 || post.lvlCompetences.includes(match.key)) {
						return;
					}
					post.lvlCompetences.push(match.key);
					const chip = $('<span class="badge text-bg-primary rounded-pill d-inline-flex align-items-center gap-1 fw-normal" component="lvl/qa/chip"></span>').attr('data-key', match.key);
					chip.append($('<span></span>').text(match.label || match.key));
					const remove = $('<button type="button" class="btn btn-sm text-reset border-0 p-0 px-1"><i class="fa fa-times" aria-hidden="true"></i></button>');
					remove.on('click', function () {
						post.lvlCompetences = post.lvlCompetences.filter(k => k !== match.key);
						chip.remove();
						refresh();
					});
					chips.append(chip.append(remove));
					refresh();
				}

				picker.create({
					input: input,
					list: block.find('[component="lvl/qa/picker/list"]'),
					exclude: function () { return post.lvlCompetences; },
					onChoose: addChip,
				});
				select.on('change', refresh);
				const anchor = postContainer.find('.title-container').first();
				if (anchor.length) {
					anchor.after(block);
				} else {
					postContainer.find('.composer-container, .write-preview-container').first().before(block);
				}
				refresh();
			}).catch(function () {
				// not a member, or no such category: the composer stays as NodeBB made it
			});
		});
	}

	$(window).on('action:composer.loaded', function (ev, data) {
		const post = data && data.composerData;
		if (!post || post.action !== 'topics.post') {
			return;
		}
		setupComposer(data.postContainer || $('.composer[data-uuid="' + data.post_uuid + '"]'), post);
	});

	$(window).on('action:composer.changeCategory', function (ev, data) {
		if (data && data.postData && data.postData.action === 'topics.post') {
			setupComposer(data.postContainer, data.postData);
		}
	});

	require(['hooks'], function (hooks) {
		hooks.on('filter:composer.submit', function (payload) {
			const post = payload.postData;
			if (payload.action === 'topics.post' && post && post.lvlType) {
				payload.composerData.lvlType = post.lvlType;
				payload.composerData.lvlCompetences = post.lvlCompetences || [];
			}
			return payload;
		});
	});

	/* ---------- topic page ---------- */

	function showAccepted() {
		const qa = ajaxify.data && ajaxify.data.lvlQa;
		$('[component="lvl/qa/accepted-block"]').remove();
		if (!qa) {
			return;
		}
		const topicEl = $('[component="topic"]');
		(qa.accepted || []).forEach(function (pid) {
			const postEl = topicEl.find('[component="post"][data-pid="' + pid + '"]');
			postEl.addClass('lvl-accepted');
			if (!postEl.find('[component="lvl/qa/accepted-badge"]').length) {
				const badge = $('<span class="badge text-bg-success ms-2" component="lvl/qa/accepted-badge"><i class="fa fa-check"></i> </span>');
				tr('[[lvl:qa.accepted-answer]]').then(t => badge.append(document.createTextNode(t)));
				postEl.find('[component="post/header"]').first().append(badge);
			}
		});
		const main = topicEl.find('[component="post"][data-index="0"]').first();
		if (!main.length) {
			return;
		}
		const block = $('<div class="lvl-qa-accepted card border-success mb-3" component="lvl/qa/accepted-block"><div class="card-body p-2 d-flex flex-column gap-2"></div></div>');
		const body = block.find('.card-body');
		if (qa.accepted && qa.accepted.length) {
			const head = $('<div class="fw-semibold text-success"><i class="fa fa-check"></i> </div>');
			tr('[[lvl:qa.accepted-answer]]').then(t => head.append(document.createTextNode(t)));
			body.append(head);
			qa.accepted.forEach(function (pid) {
				const source = topicEl.find('[component="post"][data-pid="' + pid + '"] [component="post/content"]').first();
				const link = $('<a class="small"></a>').attr('href', config.relative_path + '/post/' + encodeURIComponent(pid));
				tr('[[lvl:qa.go-to-answer]]').then(t => link.text(t));
				if (source.length) {
					// NodeBB's own parsed and sanitised post HTML
					body.append($('<div class="lvl-qa-accepted-content text-break"></div>').html(source.html()));
				}
				body.append(link);
			});
		}
		if (qa.canSetStatus) {
			const bar = $('<div class="d-flex flex-wrap gap-2" component="lvl/qa/status-bar"></div>');
			if (qa.status === 'open' && qa.expiresAt) {
				const note = $('<span class="small text-secondary align-self-center" component="lvl/qa/expires"></span>');
				tr('[[lvl:qa.expires-on, ' + new Date(qa.expiresAt).toLocaleDateString(config.userLang || undefined) + ']]').then(t => note.text(t));
				bar.append(note);
			}
			// "open" on an open post extends it by another expiry period
			['fulfilled', 'closed', 'open'].filter(s => s !== qa.status || s === 'open').forEach(function (s) {
				const button = $('<button type="button" class="btn btn-sm btn-outline-secondary" component="lvl/qa/set-status"></button>').attr('data-status', s);
				tr('[[lvl:qa.set-status.' + (s === 'open' && qa.status === 'open' ? 'extend' : s) + ']]').then(t => button.text(t));
				bar.append(button);
			});
			body.append(bar);
		}
		if (body.children().length) {
			main.after(block);
		}
	}

	$(window).on('action:topic.loaded action:posts.loaded', showAccepted);

	function act(promise) {
		promise.then(function () {
			ajaxify.refresh();
		}).catch(alertError);
	}

	$(document).on('click', '[component="lvl/accept"], [component="lvl/unaccept"]', function (e) {
		e.preventDefault();
		const pid = $(this).closest('[data-pid]').attr('data-pid');
		const tid = ajaxify.data.tid;
		require(['api'], function (api) {
			const accept = e.currentTarget.getAttribute('component') === 'lvl/accept';
			act(accept ? api.put(BASE + '/topics/' + tid + '/accepted', { pid: pid }) : api.del(BASE + '/topics/' + tid + '/accepted/' + pid, {}));
		});
	});

	$(document).on('click', '[component="lvl/qa/set-status"]', function () {
		const status = this.getAttribute('data-status');
		require(['api'], function (api) {
			act(api.put(BASE + '/topics/' + ajaxify.data.tid + '/status', { status: status }));
		});
	});

	/* ---------- NodeBB's search page: type and status filters, badges on the results ---------- */

	const TYPES = ['question', 'offer', 'wanted', 'discussion'];
	const STATUSES = ['open', 'solved', 'fulfilled', 'closed', 'expired'];

	function filterSelect(name, values, current, anyToken, labelToken) {
		const select = $('<select class="form-select form-select-sm w-auto"></select>').attr('id', 'lvl-search-' + name).attr('component', 'lvl/search/' + name);
		const any = $('<option value=""></option>');
		tr(anyToken).then(t => any.text(t));
		select.append(any);
		values.forEach(function (v) {
			const option = $('<option></option>').val(v);
			tr('[[lvl:qa.' + name + '.' + v + ']]').then(t => option.text(t));
			select.append(option);
		});
		select.val(values.indexOf(current) !== -1 ? current : '');
		tr(labelToken).then(t => select.attr('aria-label', t));
		return select;
	}

	function searchPage() {
		const filters = $('[component="search/filters"]');
		if (!filters.length || filters.find('[component="lvl/search/type"]').length) {
			return;
		}
		const params = new URLSearchParams(window.location.search);
		const wrap = $('<div class="d-flex gap-2 align-items-center" component="lvl/search/filters"></div>');
		wrap.append(
			filterSelect('type', TYPES, params.get('lvlType') || '', '[[lvl:qa.search.any-type]]', '[[lvl:qa.search.label-type]]'),
			filterSelect('status', STATUSES, params.get('lvlStatus') || '', '[[lvl:qa.search.any-status]]', '[[lvl:qa.search.label-status]]'),
		);
		filters.append(wrap);
		wrap.on('change', 'select', function () {
			$('#advanced-search').trigger('submit');
		});
		// badges next to each result's title (the server adds the topic's type and status to the results)
		// the results are rendered in the order of ajaxify.data.posts (a post can be listed twice: title and body)
		const links = $('#results a.topic-title');
		(ajaxify.data.posts || []).forEach(function (post, i) {
			if (!post.topic || !post.topic.lvlType) {
				return;
			}
			const link = links.eq(i);
			const badges = $('<span class="d-inline-flex gap-1 ms-2 align-middle" component="lvl/search/badges"></span>');
			const type = $('<span class="badge text-bg-light border fw-normal"></span>');
			tr('[[lvl:qa.type.' + post.topic.lvlType + ']]').then(t => type.text(t));
			badges.append(type);
			if (post.topic.lvlStatus) {
				const status = $('<span class="badge fw-normal"></span>').addClass(post.topic.lvlStatus === 'solved' || post.topic.lvlStatus === 'fulfilled' ? 'text-bg-success' : post.topic.lvlStatus === 'open' ? 'text-bg-primary' : 'text-bg-secondary');
				tr('[[lvl:qa.status.' + post.topic.lvlStatus + ']]').then(t => status.text(t));
				badges.append(status);
			}
			link.after(badges);
		});
	}

	$(window).on('action:ajaxify.end', function () {
		if (ajaxify.data.template && ajaxify.data.template.search) {
			searchPage();
		}
	});

	require(['hooks'], function (hooks) {
		hooks.on('action:search.getSearchDataFromDOM', function (payload) {
			const type = $('#lvl-search-type').val();
			const status = $('#lvl-search-status').val();
			if (type) {
				payload.data.lvlType = type;
			}
			if (status) {
				payload.data.lvlStatus = status;
			}
		});
	});
}());
