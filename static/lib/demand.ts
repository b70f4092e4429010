/**
 * "Ik heb deze vraag ook" / "J'ai la même question": on an open question's page, a member other than the asker
 * follows the question in one tap and counts as demand; a second tap undoes it. The asker and moderators see how
 * many members have the question too (never shown as a score to others).
 */
import * as api from 'api';
import type { DemandView } from '../../lib/qa/demand';
import { alertError, pageData, pageTid, tr } from './ui';

const BASE = '/plugins/lvl/qa';

function render(): void {
	$('[component="lvl/demand"]').remove();
	const d = pageData('lvlDemand') as DemandView | null;
	const main = $('[component="topic"] [component="post"][data-index="0"]').first();
	if (!d || !main.length || (!d.can && !d.mine && !d.count)) {
		return;
	}
	const block = $('<div class="lvl-demand d-flex flex-wrap align-items-center gap-2 mb-3" component="lvl/demand"></div>');
	if (d.mine) {
		const done = $('<span class="small text-success" component="lvl/demand/done"><i class="fa fa-check" aria-hidden="true"></i> </span>');
		tr('[[lvl:qa.demand.done]]').then(t => done.append(document.createTextNode(t)), alertError);
		const undo = $('<button type="button" class="btn btn-sm btn-link p-0" component="lvl/demand/undo"></button>');
		tr('[[lvl:qa.demand.undo]]').then(t => undo.text(t), alertError);
		block.append(done, undo);
	} else if (d.can) {
		const button = $('<button type="button" class="btn btn-outline-primary" component="lvl/demand/add"><i class="fa fa-hand" aria-hidden="true"></i> </button>');
		tr('[[lvl:qa.demand.button]]').then(t => button.append(document.createTextNode(t)), alertError);
		block.append(button);
	}
	if (typeof d.count === 'number' && d.count > 0) {
		const count = $('<span class="small text-secondary" component="lvl/demand/count"></span>');
		tr(d.count === 1 ? '[[lvl:qa.demand.count-one]]' : `[[lvl:qa.demand.count, ${d.count}]]`).then(t => count.text(t), alertError);
		block.append(count);
	}
	main.after(block);
}

function send(method: 'put' | 'del'): void {
	const route = `${BASE}/topics/${pageTid()}/demand`;
	const call = method === 'put' ? api.put<DemandView>(route, {}) : api.del<DemandView>(route, {});
	call.then((view) => {
		ajaxify.data.lvlDemand = view;
		// NodeBB's own follow button shows the new state after a refresh
		ajaxify.refresh();
	}).catch(alertError);
}

export function start(): void {
	$(window).on('action:topic.loaded', render);
	$(document).on('click', '[component="lvl/demand/add"]', (e) => {
		$(e.currentTarget).prop('disabled', true);
		send('put');
	});
	$(document).on('click', '[component="lvl/demand/undo"]', (e) => {
		$(e.currentTarget).prop('disabled', true);
		send('del');
	});
}
