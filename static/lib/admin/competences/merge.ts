/**
 * Merging on the ACP's competences page: a competence, or a member's proposal, into an existing competence, picked
 * from a list narrowed by what is typed above it.
 */
import * as api from 'api';
import * as alerts from 'alerts';
import { act, clone, dialog, hide, saveButton, valueOf } from '../dom';
import { type Competence, competencesOf, competenceUrl, domains, fold, isLive, labelOf, matches, reload, searchText } from './model';

/** A select of the competences one can merge into; `onPick(key, dialog)` when the admin confirms. */
export function pickTarget(title: string, source: string, exclude: string, kind: string, onPick: (into: string, modal: JQuery) => void): JQuery {
	const body = clone('lvl-tpl-merge');
	const search = body.find('input[type="search"]');
	const select = body.find('select');
	const modal = dialog(title, body, '[[lvl:admin.competences.merge.confirm]]', (m) => {
		const into = valueOf(select);
		if (!into) {
			alerts.error('[[lvl:admin.competences.error.choose-target]]');
			return;
		}
		onPick(into, m);
	});
	body.find('[data-field="source"]').text(source);
	body.find('[data-only]').each((_i, el) => {
		$(el).toggleClass('d-none', el.getAttribute('data-only') !== kind);
	});
	const fill = (): void => {
		const query = fold(valueOf(search));
		let count = 0;
		select.empty();
		domains().forEach((domain) => {
			const inDomain = !!query && matches(searchText(domain), query);
			const items = competencesOf(domain.key)
				.filter(c => c.key !== exclude && isLive(c) && (!query || inDomain || matches(searchText(c), query)));
			if (items.length) {
				select.append($('<optgroup>').attr('label', labelOf(domain))
					.append(items.map(c => $('<option>').val(c.key).text(`${labelOf(c)} (${c.key})`))));
				count += items.length;
			}
		});
		body.find('[data-field="none"]').toggleClass('d-none', count > 0);
		if (count === 1) {
			select.find('option').prop('selected', true);
		}
	};
	search.on('input', fill).on('keydown', (ev) => {
		if (ev.key === 'ArrowDown' || ev.key === 'Enter') {
			ev.preventDefault();
			if (!valueOf(select)) {
				select.find('option').first().prop('selected', true);
			}
			select.trigger('focus');
		}
	});
	select.on('dblclick', 'option', () => saveButton(modal).trigger('click'));
	fill();
	return modal;
}

export function mergeCompetence(competence: Competence): void {
	const source = `${labelOf(competence)} (${competence.key})`;
	pickTarget('[[lvl:admin.competences.merge.title]]', source, competence.key, 'competence', (into, modal) => {
		const request = api.post<{ moved?: number } | null>(`${competenceUrl(competence.key)}/merge`, { into: into });
		act(saveButton(modal), request, result => `[[lvl:admin.competences.merge.done, ${Number(result?.moved)}]]`, () => {
			hide(modal);
			reload.taxonomy();
		});
	});
}
