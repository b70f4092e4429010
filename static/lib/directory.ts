/**
 * "Wie weet wat?": the competence picker (./picker.ts) turns suggestions into chips that carry `c`, the search form,
 * and the chat and "ask" buttons. The results themselves are rendered by the server. Everything fetched is inserted
 * as text, never as HTML. A competence's page (./competence.ts) uses the same behaviour.
 */
import * as ask from './ask';
import { type Match, MIN_CHARS, create as createPicker, fold } from './picker';
import { alertError } from './ui';

const MAX_ASKED = 3;

export function init(): void {
	const cards = $('[component="lvl/directory"], [component="lvl/competence"]');
	bindChat(cards);
	ask.bind(cards);
	const root = $('[component="lvl/directory"]');
	if (root.length) {
		initSearch(root);
	}
}

/**
 * Chat buttons are links to the member's profile (where NodeBB's own chat button is), so they still lead somewhere
 * on a page without this module; here they open the chat at once.
 */
function bindChat(container: JQuery): void {
	container.on('click', '[component="lvl/chat"]', (e) => {
		e.preventDefault();
		e.stopPropagation();
		const uid = (e.currentTarget as HTMLElement).getAttribute('data-uid');
		app.require<{ newChat(uid: string | null): void }>('chat').then((chat) => { chat.newChat(uid); }, alertError);
	});
}

function textOf(input: JQuery): string {
	const v = input.val();
	return typeof v === 'string' ? v.trim() : '';
}

function initSearch(root: JQuery): void {
	const form = root.find('[component="lvl/directory/form"]');
	const chips = root.find('[component="lvl/chips"]');
	const input = root.find('#lvl-competence-input');

	const picker = createPicker({
		input: input,
		list: root.find('#lvl-competence-list'),
		exclude: chosenKeys,
		onChoose: (match) => {
			addChip(match);
			search();
		},
		onEnter: () => {
			form.trigger('submit');
		},
	});

	function chosenKeys(): string[] {
		return chips.find('input[name="c"]').map((_i, el) => (el as HTMLInputElement).value).get();
	}

	function updateFull(): void {
		const full = chosenKeys().length >= MAX_ASKED;
		input.prop('disabled', full);
		root.find('[component="lvl/picker/full"]').toggleClass('d-none', !full);
		chips.toggleClass('d-none', !chosenKeys().length);
	}

	function addChip(match: Match): void {
		if (chosenKeys().length >= MAX_ASKED || chosenKeys().includes(match.key)) {
			return;
		}
		const template = document.getElementById('lvl-chip-template') as HTMLTemplateElement;
		const chip = $(template.content.cloneNode(true) as DocumentFragment).children();
		chip.attr('data-key', match.key);
		chip.find('input[name="c"]').val(match.key);
		chip.find('[component="lvl/chip/label"]').text(match.label);
		chips.append(chip);
		updateFull();
	}

	// A search always starts on page 1, and leaves empty fields out of the URL (shorter to share).
	function search(): void {
		const params = new URLSearchParams();
		const element = form[0] as HTMLFormElement | undefined;
		if (element) {
			new FormData(element).forEach((value, name) => {
				if (typeof value === 'string' && value.trim() !== '' && name !== 'page') {
					params.append(name, value.trim());
				}
			});
		}
		const qs = params.toString();
		ajaxify.go(`wie-weet-wat${qs ? `?${qs}` : ''}`);
	}

	chips.on('click', '[component="lvl/chip/remove"]', (e) => {
		$(e.currentTarget as HTMLElement).closest('[component="lvl/chip"]').remove();
		updateFull();
		search();
	});

	// Text typed in the competence box but not chosen: one clear match is taken, several are shown to choose
	// from, none goes to the free-text search (so pressing "Search" is never ignored).
	form.on('submit', (e) => {
		e.preventDefault();
		const typed = textOf(input);
		if (typed.length < MIN_CHARS || input.prop('disabled')) {
			search();
			return;
		}
		picker.lookup(typed).then((found) => {
			const chosen = found.find(m => fold(m.label) === fold(typed)) ?? (found.length === 1 ? found[0] : undefined);
			if (chosen) {
				addChip(chosen);
			} else if (found.length > 1) {
				picker.show(found);
				input.trigger('focus');
				root.find('[component="lvl/picker/help"]').addClass('text-danger');
				return;
			} else {
				const q = root.find('#lvl-q');
				q.val(`${textOf(q)} ${typed}`.trim());
			}
			input.val('');
			search();
		}, search);
	});

	// Previous/next keep every criterion of the current URL.
	root.find('[data-lvl-page]').each((_i, el) => {
		const params = new URLSearchParams(window.location.search);
		params.set('page', el.getAttribute('data-lvl-page') ?? '1');
		el.setAttribute('href', `${window.location.pathname}?${params.toString()}`);
	});

	input.on('input', () => {
		root.find('[component="lvl/picker/help"]').removeClass('text-danger');
	});

	updateFull();
}
