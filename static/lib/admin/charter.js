'use strict';

// ACP page "Gedragscode": the articles (publish makes a new version), versions and their differences, who accepted,
// the moderation settings with the figures, the non-commercial guard's lists and the disclaimer.
// Everything from the database goes in as text, never as HTML.
define('admin/plugins/lvl/charter', ['api', 'alerts', 'settings', 'admin/plugins/lvl/dom'], function (api, alerts, Settings, dom) {
	const Charter = {};
	const BASE = '/plugins/lvl/engagement';
	const LANGS = ['nl', 'fr', 'en'];
	let acceptState = { filter: 'pending', start: 0 };
	let diffData = null;
	let diffLang = 'nl';

	function label(key) {
		return $('#lvl-charter-labels [data-label="' + key + '"]').text();
	}

	function formatTime(ms) {
		return ms ? new Date(ms).toLocaleString(config.userLang) : '';
	}

	Charter.init = function () {
		loadArticles();
		loadVersions();
		loadAcceptances(true);
		loadStats();
		loadTexts('guard/patterns', 'patterns');
		loadTexts('disclaimer', 'disclaimer');
		const form = $('.lvl-engagement-settings');
		Settings.load('lvl', form);

		$('#lvl-article-add').on('click', () => addArticle(null));
		$('#lvl-charter-publish').on('click', publish);
		$('#lvl-articles').on('click', '[data-action]', function () {
			const card = $(this).closest('.lvl-article-edit');
			const action = $(this).attr('data-action');
			if (action === 'up') {
				card.prev().before(card);
			} else if (action === 'down') {
				card.next().after(card);
			} else if (action === 'remove') {
				card.remove();
			}
			renumber();
		});
		$('#lvl-engagement-save').on('click', () => {
			Settings.save('lvl', form, (err) => {
				if (err) {
					return alerts.error(err.message);
				}
				alerts.success('[[lvl-engagement:admin.saved]]');
			});
		});
		$('#lvl-patterns-save').on('click', () => saveTexts('guard/patterns', 'patterns'));
		$('#lvl-disclaimer-save').on('click', () => saveTexts('disclaimer', 'disclaimer'));
		$('#lvl-acceptances-filter').on('click', '[data-filter]', function () {
			$('#lvl-acceptances-filter .btn').removeClass('active');
			$(this).addClass('active');
			acceptState = { filter: $(this).attr('data-filter'), start: 0 };
			loadAcceptances(true);
		});
		$('#lvl-acceptances-more').on('click', () => loadAcceptances(false));
		$('#lvl-versions-table').on('click', '[data-compare]', function () {
			const to = Number($(this).attr('data-compare'));
			showDiff(to - 1, to);
		});
		$('#lvl-diff-langs').on('click', '[data-lang]', function () {
			$('#lvl-diff-langs .btn').removeClass('active');
			$(this).addClass('active');
			diffLang = $(this).attr('data-lang');
			renderDiff();
		});
	};

	/* ---------- articles ---------- */

	function addArticle(article) {
		const card = $(document.getElementById('lvl-article-template').content.cloneNode(true)).children();
		card.attr('data-id', article ? article.id : '');
		card.find('[data-role="id"]').text(article ? article.id : label('new'));
		LANGS.forEach((lang) => {
			card.find('[data-field="title"][data-lang="' + lang + '"]').val(article ? article.title[lang] : '');
			card.find('[data-field="body"][data-lang="' + lang + '"]').val(article ? article.body[lang] : '');
		});
		card.find('[data-field="nonCommercial"]').prop('checked', !!(article && article.nonCommercial));
		$('#lvl-articles').append(card);
		renumber();
	}

	function renumber() {
		$('#lvl-articles .lvl-article-edit').each(function (i) {
			$(this).find('[data-role="number"]').text(label('article') + ' ' + (i + 1));
		});
	}

	function collect() {
		return $('#lvl-articles .lvl-article-edit').map(function () {
			const card = $(this);
			const one = (field, lang) => card.find('[data-field="' + field + '"][data-lang="' + lang + '"]').val();
			const a = { title: {}, body: {}, nonCommercial: card.find('[data-field="nonCommercial"]').is(':checked') };
			if (card.attr('data-id')) {
				a.id = card.attr('data-id');
			}
			LANGS.forEach((lang) => {
				a.title[lang] = one('title', lang);
				a.body[lang] = one('body', lang);
			});
			return a;
		}).get();
	}

	async function loadArticles() {
		const { versions } = await api.get(BASE + '/charter/versions', {});
		$('#lvl-articles').empty();
		if (!versions.length) {
			addArticle(null);
			$('#lvl-charter-summary').text(label('none'));
			return;
		}
		const current = await api.get(BASE + '/charter/versions/' + versions[0].version, {});
		current.articles.forEach(addArticle);
		const text = await dom.translateText('[[lvl-engagement:charter.version, ' + current.version + ']]');
		$('#lvl-charter-summary').text(text + ' · ' + formatTime(current.publishedAt));
	}

	function publish() {
		const button = $('#lvl-charter-publish').prop('disabled', true);
		api.put(BASE + '/charter', { articles: collect() }).then((result) => {
			alerts.success(result.created ? '[[lvl-engagement:admin.published, ' + result.version + ']]' : '[[lvl-engagement:admin.unchanged]]');
			loadArticles();
			loadVersions();
			loadAcceptances(true);
		}).catch(alerts.error).finally(() => button.prop('disabled', false));
	}

	/* ---------- versions and differences ---------- */

	async function loadVersions() {
		const { versions } = await api.get(BASE + '/charter/versions', {});
		const body = $('#lvl-versions-table tbody').empty();
		versions.forEach((v) => {
			const row = $('<tr>').append(dom.cell(v.version), dom.cell(formatTime(v.publishedAt)), dom.cell(v.articles), dom.cell(v.accepted));
			const td = $('<td class="text-end">');
			if (v.version > 1) {
				td.append($('<button type="button" class="btn btn-sm btn-outline-primary">').attr('data-compare', v.version).text(label('compare')));
			}
			body.append(row.append(td));
		});
	}

	async function showDiff(from, to) {
		try {
			diffData = await api.get(BASE + '/charter/diff', { from: from, to: to });
		} catch (err) {
			return alerts.error(err);
		}
		$('#lvl-diff').removeClass('d-none');
		$('#lvl-diff-title').text(label('diff-title') + ' ' + from + ' → ' + to);
		renderDiff();
	}

	function pieces(list) {
		const wrap = $('<div class="lvl-diff-text" style="white-space: pre-wrap;">');
		(list || []).forEach((p) => {
			const tag = p.op === 'added' ? '<ins class="bg-success-subtle text-decoration-none">' : p.op === 'removed' ? '<del class="bg-danger-subtle">' : '<span>';
			wrap.append($(tag).text(p.text));
		});
		return wrap;
	}

	function renderDiff() {
		const body = $('#lvl-diff-body').empty();
		if (!diffData) {
			return;
		}
		const byId = {};
		diffData.from.articles.forEach((a) => { byId[a.id] = a; });
		diffData.to.articles.forEach((a) => { byId[a.id] = a; });
		diffData.changes.forEach((c) => {
			const article = byId[c.id];
			const tone = { added: 'border-success', removed: 'border-danger', changed: 'border-warning', moved: 'border-info', same: '' }[c.status];
			const card = $('<div class="card">').addClass(tone).attr('data-status', c.status);
			const head = $('<div class="card-header d-flex justify-content-between gap-2">')
				.append($('<span class="fw-semibold">').text((c.to || c.from) + '. ' + article.title[diffLang]))
				.append($('<span class="badge text-bg-light border">').text(label(c.status) + (c.status === 'moved' ? ' ' + c.from + ' → ' + c.to : '')));
			const inner = $('<div class="card-body small">');
			if (c.status === 'changed') {
				inner.append(pieces(c.title[diffLang]).addClass('fw-semibold mb-2'), pieces(c.body[diffLang]));
			} else if (c.status === 'added' || c.status === 'removed') {
				inner.append($('<div style="white-space: pre-wrap;">').text(article.body[diffLang]));
			}
			body.append(card.append(head, c.status === 'same' || c.status === 'moved' ? $() : inner));
		});
	}

	/* ---------- who accepted ---------- */

	async function loadAcceptances(reset) {
		if (reset) {
			acceptState.start = 0;
			$('#lvl-acceptances-table tbody').empty();
		}
		let page;
		try {
			page = await api.get(BASE + '/acceptances', { filter: acceptState.filter, start: acceptState.start, count: 50 });
		} catch (err) {
			return alerts.error(err);
		}
		const summary = await dom.translateText('[[lvl-engagement:admin.acceptances.summary, ' + page.accepted + ', ' + page.members + ', ' + page.version + ']]');
		$('#lvl-acceptances-summary').text(summary);
		const body = $('#lvl-acceptances-table tbody');
		page.rows.forEach((r) => {
			const link = $('<a>').attr('href', config.relative_path + '/uid/' + r.uid).text(r.username);
			body.append($('<tr>').attr('data-uid', r.uid).append($('<td>').append(link), dom.cell(r.version || '—'), dom.cell(formatTime(r.at))));
		});
		acceptState.start += page.rows.length;
		$('#lvl-acceptances-more').toggleClass('d-none', page.rows.length < 50);
	}

	/* ---------- figures ---------- */

	async function loadStats() {
		let s;
		try {
			s = await api.get(BASE + '/stats', {});
		} catch (err) {
			return alerts.error(err);
		}
		const figure = (name, value) => $('<div class="col-6 col-md">').append($('<div class="border rounded p-2 h-100">')
			.append($('<div class="fs-4 fw-semibold">').text(value), $('<div class="small text-secondary">').text(label(name))));
		$('#lvl-stats-figures').empty().append(
			figure('reports', s.reports), figure('resolved', s.resolved),
			figure('median', s.resolved ? (s.medianResolutionMs / 3600000).toFixed(1) + ' ' + label('hours') : '—'),
			figure('active-warnings', s.activeWarnings), figure('guard-hits', s.guardHits),
		);
		const body = $('#lvl-stats-table tbody').empty();
		const lang = (config.userLang || 'nl').slice(0, 2);
		s.perArticle.forEach((a) => {
			const title = a.title ? (a.title[lang] || a.title.nl) : '';
			const name = a.number ? a.number + '. ' + title : label('deleted-article') + ' (' + a.id + ') ' + title;
			const link = $('<a>').attr('href', config.relative_path + '/flags?lvlArticle=' + encodeURIComponent(a.id)).text(label('show-reports'));
			body.append($('<tr>').attr('data-article', a.id).append(dom.cell(name), dom.cell(a.reports), dom.cell(a.open), $('<td class="text-end">').append(link)));
		});
	}

	/* ---------- the guard's lists and the disclaimer ---------- */

	async function loadTexts(path, prefix) {
		try {
			const t = await api.get(BASE + '/' + path, {});
			LANGS.forEach((lang) => { $('#lvl-' + prefix + '-' + lang).val(t[lang] || ''); });
		} catch (err) {
			alerts.error(err);
		}
	}

	function saveTexts(path, prefix) {
		const data = {};
		LANGS.forEach((lang) => { data[lang] = $('#lvl-' + prefix + '-' + lang).val(); });
		api.put(BASE + '/' + path, data).then(() => alerts.success('[[lvl-engagement:admin.saved]]')).catch(alerts.error);
	}

	return Charter;
});
