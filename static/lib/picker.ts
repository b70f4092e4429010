/**
 * The competence picker: a search box with suggestions from the taxonomy (a combobox), for keyboard, mouse and
 * touch. Used by the directory's search, the profile editor and the composer. Everything fetched goes in as text.
 */
import * as api from 'api';
import translator from 'translator';
import type { CompetenceMatch } from '../../lib/competences/taxonomy-rules';
import { foldText } from '../../lib/membership/rules';
import { trText } from './ui';

/** A suggestion as GET /api/v3/plugins/lvl/competences answers it. */
export type Match = CompetenceMatch & { label: string; count: number };

export interface PickerOptions {
	input: JQuery | HTMLElement;
	/** an empty <ul role="listbox"> */
	list: JQuery | HTMLElement;
	onChoose(match: Match): void;
	/** keys not to suggest */
	exclude?(): string[];
	/** Enter pressed without a suggestion */
	onEnter?(text: string): void;
	/** an action offered when nothing matches */
	noMatch?: { token: string; run(text: string): void };
}

export interface Picker {
	lookup(text: string): Promise<Match[]>;
	show(found: Match[], text?: string): void;
	clear(): void;
}

export const MIN_CHARS = 2;
const DELAY = 250;

export function fold(s: unknown): string {
	return foldText(typeof s === 'string' ? s : '');
}

function countToken(count: number): string {
	if (!count) {
		return '[[lvl:picker.count-none]]';
	}
	return count === 1 ? '[[lvl:picker.count-one]]' : translator.compile('lvl:picker.count', count);
}

function textOf(input: JQuery): string {
	const v = input.val();
	return typeof v === 'string' ? v.trim() : '';
}

export function create(opts: PickerOptions): Picker {
	const input = $(opts.input);
	const list = $(opts.list);
	const listId = list.attr('id') ?? 'lvl-picker';
	let matches: Match[] = [];
	let active = -1;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let seq = 0;

	function isOpen(): boolean {
		return list.hasClass('show');
	}

	function setOpen(open: boolean): void {
		list.toggleClass('show', open);
		input.attr('aria-expanded', String(open));
		if (!open) {
			setActive(-1);
		}
	}

	function setActive(i: number): void {
		active = i;
		const items = list.children('[role="option"]');
		items.removeClass('active').attr('aria-selected', 'false');
		const item = i >= 0 ? items[i] : undefined;
		if (item) {
			$(item).addClass('active').attr('aria-selected', 'true');
			input.attr('aria-activedescendant', item.id);
			item.scrollIntoView({ block: 'nearest' });
		} else {
			input.removeAttr('aria-activedescendant');
		}
	}

	async function lookup(text: string): Promise<Match[]> {
		// the page's language (it may differ from the account's setting when ?lang= is used)
		const res = await api.get<{ matches?: Match[] } | null>('/plugins/lvl/competences', { q: text, lang: config.userLang });
		const excluded = new Set(opts.exclude ? opts.exclude() : []);
		return (res?.matches ?? []).filter(m => m.key && !excluded.has(m.key));
	}

	function note(token: string, className?: string): JQuery {
		const li = $('<li role="presentation" class="px-2 py-2 small text-secondary"></li>').addClass(className ?? '');
		void trText(token).then(text => li.text(text));
		return li;
	}

	function show(found: Match[], text?: string): void {
		matches = found;
		list.empty();
		found.forEach((m, i) => {
			const li = $('<li role="option" aria-selected="false" class="dropdown-item rounded-1 d-flex align-items-center justify-content-between gap-2 py-2 text-wrap"></li>')
				.attr('id', `${listId}-${i}`)
				.attr('data-index', i);
			const names = $('<span class="d-flex flex-column" style="min-width: 0;"></span>');
			names.append($('<span class="fw-semibold text-break"></span>').text(m.label || m.key));
			// the synonym that matched, when it is not the name itself ("WVV" → Vennootschapsrecht)
			if (m.matched && fold(m.matched) !== fold(m.label)) {
				names.append($('<span class="small opacity-75 text-break"></span>').text(m.matched));
			}
			const count = $('<span class="badge rounded-pill text-bg-light border fw-normal flex-shrink-0"></span>');
			void trText(countToken(m.count || 0)).then(t => count.text(t));
			li.append(names, count);
			list.append(li);
		});
		const noMatch = opts.noMatch;
		if (!found.length) {
			list.append(note('[[lvl:picker.no-match]]'));
			if (noMatch && text) {
				const li = $('<li role="presentation" class="px-1 pb-1"></li>');
				const button = $('<button type="button" class="btn btn-sm btn-outline-primary w-100 text-start text-wrap"></button>');
				void trText(translator.compile(noMatch.token, text)).then(t => button.text(t));
				button.on('click', () => {
					setOpen(false);
					noMatch.run(text);
				});
				list.append(li.append(button));
			}
		}
		setOpen(true);
		setActive(-1);
	}

	function clear(): void {
		clearTimeout(timer);
		seq += 1;
		input.val('');
		matches = [];
		list.empty();
		setOpen(false);
	}

	function choose(i: number): void {
		const m = matches[i];
		if (!m) {
			return;
		}
		clear();
		opts.onChoose(m);
	}

	function run(): void {
		const text = textOf(input);
		const mine = ++seq;
		if (text.length < MIN_CHARS) {
			matches = [];
			setOpen(false);
			return;
		}
		lookup(text).then((found) => {
			if (mine === seq) {
				show(found, text);
			}
		}, () => {
			if (mine === seq) {
				matches = [];
				list.empty().append(note('[[lvl:picker.failed]]', 'text-danger'));
				setOpen(true);
			}
		});
	}

	input.on('input', () => {
		clearTimeout(timer);
		timer = setTimeout(run, DELAY);
	});

	input.on('keydown', (e) => {
		const n = matches.length;
		if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
			e.preventDefault();
			if (!isOpen()) {
				run();
				return;
			}
			if (n) {
				setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
			}
		} else if (e.key === 'Enter') {
			// Enter never sends the surrounding form by itself: it chooses, or asks the page what to do
			e.preventDefault();
			if (isOpen() && n) {
				choose(active >= 0 ? active : 0);
			} else if (opts.onEnter) {
				opts.onEnter(textOf(input));
			}
		} else if (e.key === 'Escape' && isOpen()) {
			e.preventDefault();
			setOpen(false);
		}
	});

	input.on('blur', () => {
		setTimeout(() => {
			if (!list[0]?.contains(document.activeElement)) {
				setOpen(false);
			}
		}, 150);
	});

	input.on('focus', () => {
		if (matches.length) {
			setOpen(true);
		}
	});

	// keep the focus in the box while a suggestion is pressed, so the list stays until the choice is made
	list.on('mousedown', '[role="option"]', (e) => {
		e.preventDefault();
	});
	list.on('click', '[role="option"]', (e) => {
		choose(parseInt((e.currentTarget as HTMLElement).getAttribute('data-index') ?? '', 10));
	});

	return { lookup, show, clear };
}
