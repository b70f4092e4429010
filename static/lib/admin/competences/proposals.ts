/**
 * Members' proposals on the ACP's competences page: approve one (the admin completes the competence), merge it into
 * an existing competence, or refuse it with a reason. What members typed goes in as text, never as HTML.
 */
import * as api from 'api';
import * as alerts from 'alerts';
import bootbox from 'bootbox';
import { act, cell, clone, dialog, hide, saveButton } from '../dom';
import { competenceProblem, domainOptions, readForm, suggestedKey, suggestKey } from './forms';
import { pickTarget } from './merge';
import { BASE, type ListedProposal, findCompetence, findDomain, label, labelOf, reload, state } from './model';

const STATUS_BADGE: Record<string, string | undefined> = { pending: 'text-bg-info', approved: 'text-bg-success', merged: 'text-bg-primary', refused: 'text-bg-secondary' };

export function load(): void {
	api.get<{ proposals: ListedProposal[] }>(`${BASE}/proposals`, { status: state.allProposals ? 'all' : 'pending' }).then((data) => {
		state.proposals = data.proposals;
		show();
	}).catch(alerts.error);
}

function formatTime(ms: number): string {
	return ms ? new Date(ms).toLocaleString(config.userLang) : '';
}

export function show(): void {
	if (!state.proposals) {
		return;
	}
	// newest first when the history is shown; the oldest first while it is a queue
	const list = state.allProposals ? state.proposals.slice().reverse() : state.proposals;
	$('#lvl-proposals-table tbody').empty().append(list.map(row));
	$('#lvl-proposals-empty').toggleClass('d-none', list.length > 0);
	const pending = state.proposals.filter(p => p.status === 'pending').length;
	$('#lvl-proposals-badge').text(pending).toggleClass('d-none', !pending);
}

function row(p: ListedProposal): JQuery {
	const domain = findDomain(p.domain);
	return $('<tr>').attr('data-id', p.id).append(
		cell(formatTime(p.createdAt), 'text-nowrap small'),
		$('<td>').append($('<a>').attr('href', `${config.relative_path}/uid/${p.uid}`).text(p.username ?? String(p.uid))),
		$('<td>').append(
			$('<div class="fw-semibold text-break">').text(p.label),
			p.note ? $('<div class="small text-secondary text-break">').css('white-space', 'pre-line').text(p.note) : [],
		),
		cell(domain ? labelOf(domain) : p.domain || label('no-domain')),
		status(p),
		$('<td>').append(p.status === 'pending' ? clone('lvl-tpl-proposal-actions') : []),
	);
}

function status(p: ListedProposal): JQuery {
	const td = $('<td>').append($('<span class="badge">').addClass(STATUS_BADGE[p.status] ?? 'text-bg-light').text(label(`status.${p.status}`)));
	if (p.result && (p.status === 'approved' || p.status === 'merged')) {
		td.append($('<div class="small text-break">').text(`→ ${labelOf(findCompetence(p.result)) || p.result}`));
	} else if (p.result) {
		td.append($('<div class="small text-secondary text-break">').css('white-space', 'pre-line').text(p.result));
	}
	return td;
}

export function onAction(e: JQuery.TriggeredEvent): void {
	const button = $(e.currentTarget as HTMLElement);
	const id = Number(button.closest('tr').attr('data-id'));
	const proposal = state.proposals?.find(p => p.id === id);
	if (!proposal) {
		return;
	}
	const action = button.attr('data-action');
	if (action === 'approve') {
		approve(proposal);
	} else if (action === 'merge') {
		merge(proposal);
	} else if (action === 'refuse') {
		refuse(proposal);
	}
}

function url(proposal: ListedProposal, action: string): string {
	return `${BASE}/proposals/${proposal.id}/${action}`;
}

function afterDecision(modal: JQuery | null): void {
	if (modal) {
		hide(modal);
	}
	reload.proposals();
}

/** The admin completes the competence: a key, the domain, the label in the three languages, maybe synonyms. */
function approve(proposal: ListedProposal): void {
	const body = clone('lvl-tpl-approve');
	const form = clone('lvl-tpl-competence-form');
	body.find('.lvl-form-slot').append(form);
	dialog('[[lvl:admin.competences.proposals.approve-title]]', body, '[[lvl:admin.competences.proposals.approve]]', (modal) => {
		const values = readForm(form);
		const problem = competenceProblem(values, true);
		if (problem) {
			alerts.error(problem);
			return;
		}
		const request = api.post(url(proposal, 'approve'), {
			key: values.key, domain: values.domain, nl: values.nl, fr: values.fr, en: values.en, synonyms: values.synonyms,
		});
		act(saveButton(modal), request, '[[lvl:admin.competences.proposals.approved]]', () => {
			state.open.add(values.domain);
			afterDecision(modal);
			reload.taxonomy();
		});
	});
	body.find('[data-field="username"]').text(proposal.username ?? String(proposal.uid));
	body.find('[data-field="label"]').text(proposal.label);
	body.find('[data-field="note"]').text(proposal.note);
	body.find('[data-if="note"]').toggleClass('d-none', !proposal.note);
	const domain = findDomain(proposal.domain);
	domainOptions(form.find('[name="domain"]'), true, domain && !domain.retired ? domain.key : '');
	suggestKey(form);
	form.find('[name="nl"]').val(proposal.label);
	form.find('[name="key"]').val(suggestedKey(form));
}

function merge(proposal: ListedProposal): void {
	pickTarget('[[lvl:admin.competences.proposals.merge-title]]', proposal.label, '', 'proposal', (into, modal) => {
		const request = api.post(url(proposal, 'merge'), { into: into });
		act(saveButton(modal), request, '[[lvl:admin.competences.proposals.merged]]', () => { afterDecision(modal); });
	});
}

function refuse(proposal: ListedProposal): void {
	bootbox.prompt({
		title: '[[lvl:admin.competences.proposals.refuse-title]]',
		message: '[[lvl:admin.competences.proposals.refuse-message]]',
		inputType: 'textarea',
		required: true,
		maxlength: 300,
		callback: (reason: string | null) => {
			if (reason !== null && !reason.trim()) {
				alerts.error('[[lvl:admin.competences.error.reason-required]]');
				return false;
			}
			if (reason !== null) {
				act(null, api.post(url(proposal, 'refuse'), { reason: reason.trim() }), '[[lvl:admin.competences.proposals.refused]]', () => { afterDecision(null); });
			}
			return undefined;
		},
	});
}
