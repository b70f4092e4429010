/**
 * ACP page "Competenties": the taxonomy (domains and their competences, labelled in nl, fr and en), members'
 * proposals, and import/export. Each part is its own module (./competences/); this one starts them and imports a
 * file. Labels, synonyms and proposals are typed by people: inserted as text, never as HTML.
 */
import * as alerts from 'alerts';
import { act, confirmThen, upload } from './dom';
import * as forms from './competences/forms';
import { BASE, reload, reset, state } from './competences/model';
import * as proposals from './competences/proposals';
import * as taxonomy from './competences/taxonomy';

const MAX_FILE_MEGABYTES = 2;

export function init(): void {
	reset($('.lvl-competences').attr('data-lang') ?? config.userLang);
	reload.taxonomy = taxonomy.load;
	reload.proposals = proposals.load;
	taxonomy.afterRender.run = proposals.show;
	forms.setupAddForms();
	bind();
	taxonomy.load();
	proposals.load();
}

function bind(): void {
	const page = $('.lvl-competences');
	$('#lvl-tax-filter').on('input', (e) => {
		taxonomy.filter((e.currentTarget as HTMLInputElement).value);
	});
	page.find('[data-toggle-all]').on('click', (e) => {
		taxonomy.toggleAll($(e.currentTarget).attr('data-toggle-all') === 'open');
	});
	page.find('[data-show-form]').on('click', (e) => {
		forms.showAddForm($(e.currentTarget).attr('data-show-form') ?? '', '');
	});
	page.find('[data-form]').on('click', '[data-action]', forms.onAddFormAction).on('submit', 'form', (ev) => {
		ev.preventDefault();
		$(ev.currentTarget as HTMLElement).closest('[data-form]').find('[data-action="save"]').trigger('click');
	});
	taxonomy.bind();
	$('#lvl-proposals-all').on('change', (e) => {
		state.allProposals = (e.currentTarget as HTMLInputElement).checked;
		proposals.load();
	});
	$('#lvl-proposals-table').on('click', '[data-action]', proposals.onAction);
	$('#lvl-import-form').on('submit', onImport);
}

function onImport(ev: JQuery.TriggeredEvent): void {
	ev.preventDefault();
	const form = ev.currentTarget as HTMLFormElement;
	const input = form.elements.namedItem('file') as HTMLInputElement | null;
	const file = input?.files?.[0];
	if (!file) {
		alerts.error('[[lvl:admin.competences.error.no-file]]');
		return;
	}
	if (!/\.(json|csv)$/i.test(file.name)) {
		alerts.error('[[lvl:admin.competences.error.file-type]]');
		return;
	}
	if (file.size > MAX_FILE_MEGABYTES * 1024 * 1024) {
		alerts.error(`[[lvl:admin.competences.error.too-large, ${MAX_FILE_MEGABYTES}]]`);
		return;
	}
	confirmThen('[[lvl:admin.competences.import.confirm]]', () => {
		const data = new FormData();
		data.append('file', file);
		const done = (result: unknown): string => {
			const r = result as { domains?: number; competences?: number } | null;
			return `[[lvl:admin.competences.import.done, ${Number(r?.domains)}, ${Number(r?.competences)}]]`;
		};
		act($(form).find('[type="submit"]'), upload(`${BASE}/taxonomy/import`, data), done, () => {
			form.reset();
			reload.taxonomy();
		});
	});
}
