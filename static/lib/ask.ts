/**
 * "Ask this member" (directory results, a competence's page, another member's profile tab): the asker picks one of
 * their open questions and the member is asked directly. Titles come escaped from NodeBB; they are decoded and
 * inserted as text, never as HTML.
 */
import * as api from 'api';
import * as alerts from 'alerts';
import bootbox from 'bootbox';
import translator from 'translator';

interface ListedTopic { tid: number; title: string; lvlType?: string; lvlStatus?: string }

function decode(escaped: unknown): string {
	const ta = document.createElement('textarea');
	ta.innerHTML = typeof escaped === 'string' ? escaped : '';
	return ta.value;
}

async function tr(token: string): Promise<string> {
	return decode(await translator.translate(token));
}

/** Buttons with component="lvl/ask" and data-uid inside a container; none on the member's own card. */
export function bind(container: JQuery): void {
	container.find('[component="lvl/ask"]').each((_i, el) => {
		if (String(el.getAttribute('data-uid')) === String(app.user.uid)) {
			$(el).remove();
		}
	});
	container.on('click', '[component="lvl/ask"]', (e) => {
		e.preventDefault();
		open(parseInt((e.currentTarget as HTMLElement).getAttribute('data-uid') ?? '', 10));
	});
}

export function open(uid: number): void {
	Promise.all([
		api.get<{ topics?: ListedTopic[] }>('/plugins/lvl/qa/lists/mine', {}),
		api.get<{ limit: number }>('/plugins/lvl/qa/requests', {}),
		tr('[[lvl:qa.ask.button]]'), tr('[[lvl:qa.ask.choose]]'), tr('[[lvl:qa.ask.no-questions]]'), tr('[[lvl:qa.ask.new-question]]'),
		tr('[[lvl:qa.ask.send]]'), tr('[[lvl:qa.ask.cancel]]'),
	]).then(async ([mine, requests, title, choose, none, newQuestion, send, cancel]) => {
		const openOnes = (mine.topics ?? []).filter(t => t.lvlType === 'question' && t.lvlStatus === 'open');
		const limitNote = await tr(`[[lvl:qa.ask.limit-note, ${requests.limit}]]`);
		show(uid, openOnes, { title, choose, none, newQuestion, send, cancel }, limitNote);
	}).catch(alerts.error);
}

function show(uid: number, open: ListedTopic[], text: Record<'title' | 'choose' | 'none' | 'newQuestion' | 'send' | 'cancel', string>, limitNote: string): void {
	const body = $('<div class="d-flex flex-column gap-2" component="lvl/ask/dialog"></div>');
	if (!open.length) {
		body.append($('<p class="mb-0"></p>').text(text.none));
		body.append($('<a class="btn btn-primary align-self-start"></a>').attr('href', `${config.relative_path}/leden-voor-leden`).text(text.newQuestion));
		bootbox.dialog({ title: text.title, message: body, onEscape: true, backdrop: true });
		return;
	}
	const id = 'lvl-ask-tid';
	body.append($('<label class="form-label mb-0"></label>').attr('for', id).text(text.choose));
	const select = $('<select class="form-select" component="lvl/ask/question"></select>').attr('id', id);
	open.forEach((t) => {
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
				callback: () => {
					api.post('/plugins/lvl/qa/requests', { uid: uid, tid: parseInt(String(select.val()), 10) }).then(() => {
						alerts.success('[[lvl:qa.ask.sent]]');
					}).catch(alerts.error);
					return undefined;
				},
			},
		},
	});
}
