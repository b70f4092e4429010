/**
 * Similar questions while asking: as a member types a new topic's title (and first lines) in a platform category,
 * up to five existing questions show under the title, solved ones first. Each opens in a new tab, so the draft
 * stays where it is. Titles come from the server neutralised; everything else is inserted as text.
 */
import * as api from 'api';
import { alertError, tr } from './ui';

const BASE = '/plugins/lvl/qa';
const WAIT_MS = 350;

interface SimilarQuestion { tid: number; slug?: string; title: string; solved?: boolean; replies?: number }

/** What composer-default passes with its events (the parts used here). */
interface ComposerPost { action?: string; cid?: number; category?: { cid?: number }; lvlCompetences?: string[] }

function box(): JQuery {
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

function item(q: SimilarQuestion): JQuery {
	const li = $('<li class="d-flex flex-wrap align-items-center gap-2" component="lvl/similar/item"></li>').attr('data-tid', q.tid);
	const link = $('<a class="text-break" target="_blank" rel="noopener"></a>')
		.attr('href', `${config.relative_path}/topic/${encodeURI(q.slug ?? String(q.tid))}`);
	// the title comes neutralised by the server (lib/kernel/text.ts): HTML and translator tokens
	link.html(q.title);
	li.append(link);
	if (q.solved) {
		const solved = $('<span class="badge text-bg-success fw-normal"><i class="fa fa-check" aria-hidden="true"></i> </span>');
		tr('[[lvl:qa.similar.solved]]').then(t => solved.append(document.createTextNode(t)), alertError);
		li.append(solved);
	}
	const replies = $('<span class="small text-secondary"></span>');
	tr(q.replies === 1 ? '[[lvl:qa.similar.replies-one]]' : `[[lvl:qa.similar.replies, ${q.replies ?? 0}]]`).then(t => replies.text(t), alertError);
	li.append(replies);
	return li;
}

function textOf(input: JQuery): string {
	const v = input.val();
	return typeof v === 'string' ? v : '';
}

function setup(postContainer: JQuery, post: ComposerPost): void {
	postContainer.find('[component="lvl/similar"]').remove();
	postContainer.off('.lvlSimilar');
	const cid = post.cid ?? post.category?.cid;
	if (!cid || !app.user.uid) {
		return;
	}
	const el = box();
	const list = el.find('[component="lvl/similar/list"]');
	let hidden = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let last = '';
	tr('[[lvl:qa.similar.title]]').then(t => el.find('[data-lvl-label="title"]').text(t), alertError);
	tr('[[lvl:qa.similar.hint]]').then(t => el.find('[data-lvl-label="hint"]').text(t), alertError);
	tr('[[lvl:qa.similar.hide]]').then(t => el.find('[component="lvl/similar/hide"]').text(t), alertError);
	el.find('[component="lvl/similar/hide"]').on('click', () => {
		hidden = true;
		el.addClass('d-none');
	});

	function place(): void {
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

	function lookup(): void {
		const title = textOf(postContainer.find('input.title'));
		const text = textOf(postContainer.find('textarea.write')).slice(0, 300);
		const competences = (post.lvlCompetences ?? []).join(',');
		const key = [title, text, competences].join('\n');
		if (key === last) {
			return;
		}
		last = key;
		if ((title + text).trim().length < 8) {
			el.addClass('d-none');
			return;
		}
		api.get<{ questions?: SimilarQuestion[] } | null>(`${BASE}/similar`, { title: title, text: text, cid: cid, competences: competences }).then((res) => {
			if (key !== last) {
				return;
			}
			const questions = res?.questions ?? [];
			list.empty();
			questions.forEach(q => list.append(item(q)));
			place();
			el.toggleClass('d-none', hidden || !questions.length);
		}).catch(() => {
			// not a member, or not a platform category: nothing to show
			el.addClass('d-none');
		});
	}

	function schedule(): void {
		clearTimeout(timer);
		timer = setTimeout(lookup, WAIT_MS);
	}

	postContainer.on('input.lvlSimilar', 'input.title, textarea.write', schedule);
	// the competences chosen in the Q&A block weigh in
	postContainer.on('click.lvlSimilar keyup.lvlSimilar', '[component="lvl/qa/competences"]', schedule);
	if (textOf(postContainer.find('input.title')).trim()) {
		schedule();
	}
}

export function start(): void {
	$(window).on('action:composer.loaded', (_ev, data: { composerData?: ComposerPost; postContainer?: JQuery; post_uuid?: string } | undefined) => {
		const post = data?.composerData;
		if (!post || post.action !== 'topics.post') {
			return;
		}
		setup(data.postContainer ?? $(`.composer[data-uuid="${data.post_uuid ?? ''}"]`), post);
	});

	$(window).on('action:composer.changeCategory', (_ev, data: { postData?: ComposerPost; postContainer?: JQuery } | undefined) => {
		if (data?.postData?.action === 'topics.post' && data.postContainer) {
			setup(data.postContainer, data.postData);
		}
	});
}
