/**
 * The taxonomy on the ACP's competences page: each domain a card with its competences, a filter over every
 * language and synonym, and the order. Labels and synonyms are typed by people: inserted as text, never as HTML.
 */
import * as api from 'api';
import * as alerts from 'alerts';
import { LANGS } from '../../../../lib/competences/keys';
import { busy, cell, clone, translateInto } from '../dom';
import * as forms from './forms';
import * as merge from './merge';
import { BASE, type Competence, type Domain, type Taxonomy, competencesOf, domains, findCompetence, findDomain, fold, label, labelOf, matches, reload, searchText, state } from './model';

export function load(): void {
	api.get<Taxonomy>(`${BASE}/taxonomy`).then((taxonomy) => {
		state.taxonomy = taxonomy;
		render();
	}).catch(alerts.error);
}

/** Called after the taxonomy is drawn (the list of proposals shows domain and competence labels). */
export const afterRender = { run: (): void => undefined };

function render(): void {
	const list = domains();
	$('#lvl-tax-loading').addClass('d-none');
	$('#lvl-domains').empty().append(list.map((domain, i) => domainCard(domain, i, list.length)));
	$('#lvl-tax-empty').toggleClass('d-none', list.length > 0);
	const live = state.taxonomy.competences.filter(c => !c.mergedInto).length;
	translateInto('#lvl-tax-summary', `[[lvl:admin.competences.summary, ${list.length}, ${live}]]`);
	forms.domainOptions($('#lvl-add-competence [name="domain"]'), true);
	applyFilter();
	afterRender.run();
}

function domainCard(domain: Domain, index: number, total: number): JQuery {
	const card = clone('lvl-tpl-domain').attr('data-key', domain.key);
	card.find('[data-field="key"]').text(domain.key);
	LANGS.forEach(lang => card.find(`[data-field="${lang}"]`).text(domain.labels[lang]));
	card.find('[data-badge="retired"]').toggleClass('d-none', !domain.retired);
	card.toggleClass('border-warning-subtle', domain.retired);
	card.find('[data-action="domain-up"]').prop('disabled', index === 0);
	card.find('[data-action="domain-down"]').prop('disabled', index === total - 1);
	// a new competence in a retired domain would be hidden from members from the start
	card.find('[data-action="domain-add"]').toggleClass('d-none', domain.retired);
	card.find('.lvl-domain-body').attr('id', `lvl-domain-body-${index}`);
	card.find('.lvl-domain-toggle').attr('aria-controls', `lvl-domain-body-${index}`);

	const list = competencesOf(domain.key);
	const movable = list.filter(c => !c.mergedInto);
	translateInto(card.find('[data-field="count"]'), `[[lvl:admin.competences.domain.count, ${movable.length}]]`);
	card.find('tbody').append(list.map(c => competenceRow(c, movable)));
	card.find('.table-responsive').toggleClass('d-none', !list.length);
	card.find('.lvl-empty').toggleClass('d-none', list.length > 0);
	card.data('search', searchText(domain));
	setOpen(card, state.open.has(domain.key));
	return card;
}

function competenceRow(c: Competence, movable: Competence[]): JQuery {
	const tr = $('<tr>').attr('data-key', c.key).toggleClass('text-secondary', !!c.mergedInto || c.retired);
	tr.data('search', searchText(c));
	const status = $('<td>');
	if (c.mergedInto) {
		status.append(
			$('<span class="badge text-bg-secondary me-1">').text(label('merged-into')),
			$('<span class="small text-break">').text(labelOf(findCompetence(c.mergedInto)) || c.mergedInto),
		);
	} else if (c.retired) {
		status.append($('<span class="badge text-bg-warning">').text(label('retired')));
	} else {
		status.append($('<span class="badge text-bg-success">').text(label('active')));
	}
	const position = movable.indexOf(c);
	return tr.append(
		cell(c.key, 'font-monospace small text-nowrap'),
		cell(c.labels.nl, c.mergedInto ? '' : 'fw-semibold').attr('lang', 'nl'),
		cell(c.labels.fr).attr('lang', 'fr'),
		cell(c.labels.en).attr('lang', 'en'),
		cell(c.synonyms.join(', '), 'small text-break'),
		status,
		// a merged competence is only a forwarding address now: nothing left to edit
		$('<td>').append(c.mergedInto ? [] : competenceActions(c, position, movable.length)),
	);
}

function competenceActions(c: Competence, position: number, total: number): JQuery {
	const actions = clone('lvl-tpl-competence-actions');
	actions.find('[data-action="up"]').prop('disabled', position === 0);
	actions.find('[data-action="down"]').prop('disabled', position === total - 1);
	actions.find('[data-action="retire"]').toggleClass('d-none', c.retired);
	actions.find('[data-action="unretire"]').toggleClass('d-none', !c.retired);
	return actions;
}

function setOpen(card: JQuery, open: boolean): void {
	card.find('.lvl-domain-body').toggleClass('d-none', !open);
	card.find('.lvl-domain-toggle').attr('aria-expanded', String(open))
		.find('.fa-fw').first().toggleClass('fa-chevron-down', open).toggleClass('fa-chevron-right', !open);
}

export function toggleAll(open: boolean): void {
	state.open = new Set(open ? state.taxonomy.domains.map(d => d.key) : []);
	$('#lvl-domains .lvl-domain').each((_i, el) => {
		setOpen($(el), open);
	});
}

export function filter(text: string): void {
	state.filter = fold(text);
	applyFilter();
}

function onToggleDomain(e: JQuery.TriggeredEvent): void {
	const card = $(e.currentTarget as HTMLElement).closest('.lvl-domain');
	const key = card.attr('data-key') ?? '';
	const open = card.find('.lvl-domain-body').hasClass('d-none');
	if (open) {
		state.open.add(key);
	} else {
		state.open.delete(key);
	}
	setOpen(card, open);
}

/** While filtering, every domain with a hit is open and shows only its hits; clearing the filter restores the view. */
function applyFilter(): void {
	const query = state.filter;
	let found = false;
	$('#lvl-domains .lvl-domain').each((_i, el) => {
		const card = $(el);
		const rows = card.find('tbody tr');
		if (!query) {
			card.removeClass('d-none');
			rows.removeClass('d-none');
			setOpen(card, state.open.has(card.attr('data-key') ?? ''));
			return;
		}
		const domainHit = matches(String(card.data('search')), query);
		let hits = 0;
		rows.each((_j, row) => {
			const hit = domainHit || matches(String($(row).data('search')), query);
			$(row).toggleClass('d-none', !hit);
			hits += hit ? 1 : 0;
		});
		card.toggleClass('d-none', !domainHit && !hits);
		setOpen(card, hits > 0);
		found = found || domainHit || hits > 0;
	});
	$('#lvl-tax-no-match').toggleClass('d-none', !query || found);
}

function onAction(e: JQuery.TriggeredEvent): void {
	const button = e.currentTarget as HTMLElement;
	const domain = findDomain($(button).closest('.lvl-domain').attr('data-key'));
	const competence = findCompetence($(button).closest('tr').attr('data-key'));
	if (!domain) {
		return;
	}
	const onDomain: Record<string, (() => void) | undefined> = {
		'domain-up': () => { moveDomain(button, domain, -1); },
		'domain-down': () => { moveDomain(button, domain, 1); },
		'domain-edit': () => { forms.editDomain(domain); },
		'domain-add': () => { forms.showAddForm('competence', domain.key); },
	};
	const onCompetence: Record<string, ((c: Competence) => void) | undefined> = {
		edit: (c) => { forms.editCompetence(c); },
		up: (c) => { moveCompetence(button, c, -1); },
		down: (c) => { moveCompetence(button, c, 1); },
		retire: (c) => { forms.setRetired(button, c, true); },
		unretire: (c) => { forms.setRetired(button, c, false); },
		merge: (c) => { merge.mergeCompetence(c); },
	};
	const name = $(button).attr('data-action') ?? '';
	const action = onDomain[name];
	if (action) {
		action();
		return;
	}
	const withCompetence = onCompetence[name];
	if (withCompetence && competence) {
		withCompetence(competence);
	}
}

/* ---------- order ---------- */

function swapped<T>(list: T[], index: number, by: number): T[] | null {
	const other = index + by;
	const a = list[index];
	const b = list[other];
	if (a === undefined || b === undefined) {
		return null;
	}
	const next = list.slice();
	next[index] = b;
	next[other] = a;
	return next;
}

function moveDomain(button: HTMLElement, domain: Domain, by: number): void {
	const list = domains();
	const order = swapped(list, list.indexOf(domain), by);
	if (order) {
		void busy(button, api.put(`${BASE}/taxonomy/order`, { kind: 'domains', keys: order.map(d => d.key) }).then(reload.taxonomy));
	}
}

/** The merged competences keep their place after the others: members never see them. */
function moveCompetence(button: HTMLElement, competence: Competence, by: number): void {
	const list = competencesOf(competence.domain);
	const movable = list.filter(c => !c.mergedInto);
	const order = swapped(movable, movable.indexOf(competence), by);
	if (order) {
		const keys = order.concat(list.filter(c => c.mergedInto)).map(c => c.key);
		void busy(button, api.put(`${BASE}/taxonomy/order`, { kind: 'competences', keys: keys }).then(reload.taxonomy));
	}
}

export function bind(): void {
	$('#lvl-domains').on('click', '.lvl-domain-toggle', onToggleDomain).on('click', '[data-action]', onAction);
}
