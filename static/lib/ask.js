'use strict';

// "Ask this member" (directory results, a competence's page, another member's profile tab): the asker picks one of
// their open questions and the member is asked directly. Titles come escaped from NodeBB; they are decoded and
// inserted as text, never as HTML.
define('lvl/ask', ['api', 'alerts', 'bootbox', 'translator'], function (api, alerts, bootbox, translator) {
	const Ask = {};

	function decode(escaped) {
		const ta = document.createElement('textarea');
		ta.innerHTML = String(escaped || '');
		return ta.value;
	}

	function tr(token) {
		return translator.translate(token).then(decode);
	}

	/** Buttons with component="lvl/ask" and data-uid inside a container; none on the member's own card. */
	Ask.bind = function (container) {
		container.find('[component="lvl/ask"]').each(function () {
			if (String(this.getAttribute('data-uid')) === String(app.user.uid)) {
				$(this).remove();
			}
		});
		container.on('click', '[component="lvl/ask"]', function (e) {
			e.preventDefault();
			Ask.open(parseInt(this.getAttribute('data-uid'), 10));
		});
	};

	Ask.open = function (uid) {
		Promise.all([
			api.get('/plugins/lvl/qa/lists/mine', {}),
			api.get('/plugins/lvl/qa/requests', {}),
			tr('[[lvl:qa.ask.button]]'), tr('[[lvl:qa.ask.choose]]'), tr('[[lvl:qa.ask.no-questions]]'), tr('[[lvl:qa.ask.new-question]]'),
			tr('[[lvl:qa.ask.send]]'), tr('[[lvl:qa.ask.cancel]]'),
		]).then(function (r) {
			const mine = r[0];
			const open = (mine.topics || []).filter(function (t) {
				return t.lvlType === 'question' && t.lvlStatus === 'open';
			});
			const text = { title: r[2], choose: r[3], none: r[4], newQuestion: r[5], send: r[6], cancel: r[7] };
			return tr('[[lvl:qa.ask.limit-note, ' + Number(r[1].limit) + ']]').then(function (limitNote) {
				show(uid, open, text, limitNote);
			});
		}).catch(alerts.error);
	};

	function show(uid, open, text, limitNote) {
		const body = $('<div class="d-flex flex-column gap-2" component="lvl/ask/dialog"></div>');
		if (!open.length) {
			body.append($('<p class="mb-0"></p>').text(text.none));
			body.append($('<a class="btn btn-primary align-self-start"></a>').attr('href', config.relative_path + '/leden-voor-leden').text(text.newQuestion));
			bootbox.dialog({ title: text.title, message: body, onEscape: true, backdrop: true });
			return;
		}
		const id = 'lvl-ask-tid';
		body.append($('<label class="form-label mb-0"></label>').attr('for', id).text(text.choose));
		const select = $('<select class="form-select" component="lvl/ask/question"></select>').attr('id', id);
		open.forEach(function (t) {
			select.append($('<option></option>').attr('value', t.tid).text(decode(t.title)));
		});
		body.append(select);
		body.append($('<div class="form-text"></div>').text(limitNote));
		bootbox.dialog({
			title: text.title,
			message: body,
			onEscape: true,
			backdrop: true,
			buttons: {
				cancel: { label: text.cancel, className: 'btn-outline-secondary' },
				send: {
					label: text.send,
					className: 'btn-primary',
					callback: function () {
						api.post('/plugins/lvl/qa/requests', { uid: uid, tid: parseInt(select.val(), 10) }).then(function () {
							alerts.success('[[lvl:qa.ask.sent]]');
						}).catch(alerts.error);
					},
				},
			},
		});
	}

	return Ask;
});
