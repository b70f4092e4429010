'use strict';

// Similar questions while asking: as a member types a new topic's title (and first lines) in a platform category,
// up to five existing questions show under the title, solved ones first. Each opens in a new tab, so the draft
// stays where it is. Titles come from NodeBB HTML-escaped; everything else is inserted as text.
(function () {
	const BASE = '/plugins/lvl/qa';
	const WAIT_MS = 350;

	function tr(token) {
		return new Promise(function (resolve) {
			require(['translator'], function (translator) {
				translator.translate(token, config.userLang, resolve);
			});
		});
	}

	function box() {
		return $(
			'<div class="lvl-similar px-2 py-2 border-bottom d-none" component="lvl/similar" aria-live="polite">' +
				'<div class="d-flex align-items-center gap-2 mb-1">' +
					'<i class="fa fa-lightbulb text-warning" aria-hidden="true"></i>' +
					'<span class="small fw-semibold flex-grow-1" data-lvl-label="title"></span>' +
					'<button type="button" class="btn btn-sm btn-link p-0 text-secondary" component="lvl/similar/hide"></button>' +
				'</div>' +
				'<ul class="list-unstyled mb-1 d-flex flex-column gap-1" component="lvl/similar/list"></ul>' +
				'<div class="form-text mt-0" data-lvl-label="hint"></div>' +
			'</div>',
		);
	}

	function item(q) {
		const li = $('<li class="d-flex flex-wrap align-items-center gap-2" component="lvl/similar/item"></li>').attr('data-tid', q.tid);
		const link = $('<a class="text-break" target="_blank" rel="noopener"></a>')
			.attr('href', config.relative_path + '/topic/' + encodeURI(q.slug || String(q.tid)));
		// the title comes neutralised by the server (lib/kernel/text.ts): HTML and translator tokens
		link.html(q.title);
		li.append(link);
		if (q.solved) {
			const solved = $('<span class="badge text-bg-success fw-normal"><i class="fa fa-check" aria-hidden="true"></i> </span>');
			tr('[[lvl:qa.similar.solved]]').then(t => solved.append(document.createTextNode(t)));
			li.append(solved);
		}
		const replies = $('<span class="small text-secondary"></span>');
		tr(q.replies === 1 ? '[[lvl:qa.similar.replies-one]]' : '[[lvl:qa.similar.replies, ' + Number(q.replies || 0) + ']]').then(t => replies.text(t));
		li.append(replies);
		return li;
	}

	function setup(postContainer, post) {
		postContainer.find('[component="lvl/similar"]').remove();
		postContainer.off('.lvlSimilar');
		const cid = post.cid || (post.category && post.category.cid);
		if (!cid || !app.user.uid) {
			return;
		}
		const el = box();
		const list = el.find('[component="lvl/similar/list"]');
		let hidden = false;
		let timer = null;
		let last = '';
		tr('[[lvl:qa.similar.title]]').then(t => el.find('[data-lvl-label="title"]').text(t));
		tr('[[lvl:qa.similar.hint]]').then(t => el.find('[data-lvl-label="hint"]').text(t));
		tr('[[lvl:qa.similar.hide]]').then(t => el.find('[component="lvl/similar/hide"]').text(t));
		el.find('[component="lvl/similar/hide"]').on('click', function () {
			hidden = true;
			el.addClass('d-none');
		});

		function place() {
			if (el.parent().length) {
				return;
			}
			const qa = postContainer.find('[component="lvl/qa/composer"]').first();
			const anchor = qa.length ? qa : postContainer.find('.title-container').first();
			if (anchor.length) {
				anchor.after(el);
			} else {
				postContainer.find('.composer-container, .write-preview-container').first().before(el);
			}
		}

		function lookup() {
			const title = String(postContainer.find('input.title').val() || '');
			const text = String(postContainer.find('textarea.write').val() || '').slice(0, 300);
			const competences = (post.lvlCompetences || []).join(',');
			const key = [title, text, competences].join('\n');
			if (key === last) {
				return;
			}
			last = key;
			if ((title + text).trim().length < 8) {
				el.addClass('d-none');
				return;
			}
			require(['api'], function (api) {
				api.get(BASE + '/similar', { title: title, text: text, cid: cid, competences: competences }).then(function (res) {
					if (key !== last) {
						return;
					}
					const questions = (res && res.questions) || [];
					list.empty();
					questions.forEach(q => list.append(item(q)));
					place();
					el.toggleClass('d-none', hidden || !questions.length);
				}).catch(function () {
					// not a member, or not a platform category: nothing to show
					el.addClass('d-none');
				});
			});
		}

		function schedule() {
			clearTimeout(timer);
			timer = setTimeout(lookup, WAIT_MS);
		}

		postContainer.on('input.lvlSimilar', 'input.title, textarea.write', schedule);
		// the competences chosen in the Q&A block weigh in
		postContainer.on('click.lvlSimilar keyup.lvlSimilar', '[component="lvl/qa/competences"]', schedule);
		if (String(postContainer.find('input.title').val() || '').trim()) {
			schedule();
		}
	}

	$(window).on('action:composer.loaded', function (ev, data) {
		const post = data && data.composerData;
		if (!post || post.action !== 'topics.post') {
			return;
		}
		setup(data.postContainer || $('.composer[data-uuid="' + data.post_uuid + '"]'), post);
	});

	$(window).on('action:composer.changeCategory', function (ev, data) {
		if (data && data.postData && data.postData.action === 'topics.post') {
			setup(data.postContainer, data.postData);
		}
	});
}());
