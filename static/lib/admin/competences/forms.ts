/**
 * The forms of the ACP's competences page: add a domain or a competence (the key proposed from the Dutch label),
 * edit one in a dialog, retire it. Keys are checked by the server's own rule (lib/competences/keys.ts) before they
 * become permanent; the server checks again.
 */
import * as api from 'api';
import * as alerts from 'alerts';
import { LANGS, slugKey, validateKey } from '../../../../lib/competences/keys';
import { act, clone, dialog, hide, saveButton, valueOf } from '../dom';
import { type Competence, type Domain, competenceUrl, domains, domainUrl, findCompetence, findDomain, label, labelOf, reload, state } from './model';

export interface FormValues {
	key: string;
	domain: string;
	nl: string;
	fr: string;
	en: string;
	synonyms: string[];
	retired: boolean;
}

export function setupAddForms(): void {
	const domainForm = clone('lvl-tpl-domain-form');
	domainForm.find('[data-only="edit"]').remove();
	$('#lvl-add-domain .lvl-form-slot').append(domainForm);
	suggestKey(domainForm);

	const competenceForm = clone('lvl-tpl-competence-form');
	$('#lvl-add-competence .lvl-form-slot').append(competenceForm);
	suggestKey(competenceForm);
}

export function showAddForm(kind: string, domainKey: string): void {
	const card = $(kind === 'domain' ? '#lvl-add-domain' : '#lvl-add-competence').removeClass('d-none');
	if (domainKey) {
		card.find('[name="domain"]').val(domainKey).trigger('change');
	}
	card[0]?.scrollIntoView({ behavior: 'smooth', block: 'center' });
	card.find(domainKey || kind === 'domain' ? '[name="nl"]' : '[name="domain"]').trigger('focus');
}

export function onAddFormAction(e: JQuery.TriggeredEvent): void {
	const button = e.currentTarget as HTMLElement;
	const card = $(button).closest('[data-form]');
	const form = card.find('form');
	if ($(button).attr('data-action') === 'cancel') {
		resetForm(form);
		card.addClass('d-none');
		return;
	}
	if (card.attr('data-form') === 'domain') {
		createDomain(button, form);
	} else {
		createCompetence(button, form);
	}
}

function resetForm(form: JQuery, keepDomain?: boolean): void {
	const domain = valueOf(form.find('[name="domain"]'));
	form.trigger('reset');
	form.find('[name="key"]').data('touched', false);
	if (keepDomain) {
		form.find('[name="domain"]').val(domain);
	}
}

/** The key follows the Dutch label (and the domain) until the admin types one of their own. */
export function suggestKey(form: JQuery): void {
	const key = form.find('[name="key"]');
	key.on('input', () => key.data('touched', valueOf(key) !== ''));
	form.find('[name="nl"]').on('input', () => {
		if (!key.data('touched')) {
			key.val(suggestedKey(form));
		}
	});
	form.find('[name="domain"]').on('change', (e) => {
		const domain = valueOf($(e.currentTarget));
		const typed = valueOf(key);
		if (!key.data('touched')) {
			key.val(suggestedKey(form));
		} else if (domain && typed.includes('.')) {
			key.val(domain + typed.slice(typed.indexOf('.')));
		}
	});
}

export function suggestedKey(form: JQuery): string {
	const slug = slugKey(valueOf(form.find('[name="nl"]')));
	const select = form.find('[name="domain"]');
	if (!select.length) {
		return slug;
	}
	const domain = valueOf(select);
	return domain && slug ? `${domain}.${slug}` : '';
}

export function domainOptions(select: JQuery, forNew: boolean, chosen?: string): void {
	const current = chosen ?? valueOf(select);
	select.empty().append($('<option value="">').text(label('choose-domain')));
	select.append(domains().map(d => $('<option>').val(d.key)
		.text(labelOf(d) + (d.retired ? ` (${label('domain-retired')})` : ''))
		// a new competence in a retired domain would be hidden from members from the start
		.prop('disabled', forNew && d.retired)));
	select.val(current && findDomain(current) ? current : '');
}

export function readForm(form: JQuery): FormValues {
	const text = (name: string): string => valueOf(form.find(`[name="${name}"]`));
	return {
		key: text('key'),
		domain: text('domain'),
		nl: text('nl'),
		fr: text('fr'),
		en: text('en'),
		synonyms: text('synonyms').split(/\r?\n|\|/).map(s => s.trim()).filter(Boolean),
		retired: form.find('[name="retired"]').is(':checked'),
	};
}

export function labelsProblem(body: FormValues): string | null {
	if (LANGS.some(lang => !body[lang])) {
		return '[[lvl:admin.competences.error.labels-required]]';
	}
	return LANGS.some(lang => /[<>]/.test(body[lang])) ? '[[lvl:admin.competences.error.label-invalid]]' : null;
}

function domainProblem(body: FormValues, isNew: boolean): string | null {
	if (isNew && validateKey(body.key, 'domain')) {
		return '[[lvl:admin.competences.error.domain-key]]';
	}
	if (isNew && findDomain(body.key)) {
		return '[[lvl:admin.competences.error.key-taken]]';
	}
	return labelsProblem(body);
}

export function competenceProblem(body: FormValues, isNew: boolean): string | null {
	if (isNew && !body.domain) {
		return '[[lvl:admin.competences.error.choose-domain]]';
	}
	if (isNew && (!body.key.startsWith(`${body.domain}.`) || validateKey(body.key, 'competence'))) {
		return '[[lvl:admin.competences.error.competence-key]]';
	}
	// a PUT to an existing key would overwrite that competence
	if (isNew && findCompetence(body.key)) {
		return '[[lvl:admin.competences.error.key-taken]]';
	}
	return labelsProblem(body);
}

function createDomain(button: HTMLElement, form: JQuery): void {
	const body = readForm(form);
	const problem = domainProblem(body, true);
	if (problem) {
		alerts.error(problem);
		return;
	}
	const request = api.put(domainUrl(body.key), { nl: body.nl, fr: body.fr, en: body.en, retired: false, create: true });
	act(button, request, '[[lvl:admin.competences.domain.created]]', () => {
		resetForm(form);
		$('#lvl-add-domain').addClass('d-none');
		state.open.add(body.key);
		reload.taxonomy();
	});
}

function createCompetence(button: HTMLElement, form: JQuery): void {
	const body = readForm(form);
	const problem = competenceProblem(body, true);
	if (problem) {
		alerts.error(problem);
		return;
	}
	const request = api.put(competenceUrl(body.key), {
		domain: body.domain, nl: body.nl, fr: body.fr, en: body.en, synonyms: body.synonyms, retired: false, create: true,
	});
	act(button, request, '[[lvl:admin.competences.competence.created]]', () => {
		// the next one is often in the same domain
		resetForm(form, true);
		state.open.add(body.domain);
		reload.taxonomy();
		form.find('[name="nl"]').trigger('focus');
	});
}

export function editDomain(domain: Domain): void {
	const form = clone('lvl-tpl-domain-form');
	dialog('[[lvl:admin.competences.domain.edit-title]]', form, '[[global:save]]', (modal) => {
		const body = readForm(form);
		const problem = domainProblem(body, false);
		if (problem) {
			alerts.error(problem);
			return;
		}
		const request = api.put(domainUrl(domain.key), { nl: body.nl, fr: body.fr, en: body.en, retired: body.retired });
		act(saveButton(modal), request, '[[lvl:admin.competences.saved]]', () => {
			hide(modal);
			reload.taxonomy();
		});
	});
	form.find('[name="key"]').val(domain.key).prop('readonly', true);
	LANGS.forEach(lang => form.find(`[name="${lang}"]`).val(domain.labels[lang]));
	form.find('[name="retired"]').prop('checked', domain.retired);
}

export function editCompetence(competence: Competence): void {
	const form = clone('lvl-tpl-competence-form');
	dialog('[[lvl:admin.competences.competence.edit-title]]', form, '[[global:save]]', (modal) => {
		const body = readForm(form);
		const problem = labelsProblem(body);
		if (problem) {
			alerts.error(problem);
			return;
		}
		// `retired` left out: the server keeps it as it is
		const request = api.put(competenceUrl(competence.key), {
			domain: competence.domain, nl: body.nl, fr: body.fr, en: body.en, synonyms: body.synonyms,
		});
		act(saveButton(modal), request, '[[lvl:admin.competences.saved]]', () => {
			hide(modal);
			reload.taxonomy();
		});
	});
	// a key is permanent (profiles hold it) and names its domain; moving means a new competence and a merge
	domainOptions(form.find('[name="domain"]'), false, competence.domain);
	form.find('[name="domain"]').prop('disabled', true);
	form.find('[name="key"]').val(competence.key).prop('readonly', true);
	LANGS.forEach(lang => form.find(`[name="${lang}"]`).val(competence.labels[lang]));
	form.find('[name="synonyms"]').val(competence.synonyms.join('\n'));
}

export function setRetired(button: HTMLElement, competence: Competence, retired: boolean): void {
	const request = api.put(competenceUrl(competence.key), {
		domain: competence.domain, nl: competence.labels.nl, fr: competence.labels.fr, en: competence.labels.en, retired: retired,
	});
	act(button, request, retired ? '[[lvl:admin.competences.competence.retired]]' : '[[lvl:admin.competences.competence.unretired]]', reload.taxonomy);
}
