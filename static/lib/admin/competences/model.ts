/**
 * The ACP's competences page: what it has loaded (the taxonomy, the proposals) and the questions its parts ask of
 * it. The rules (languages, folding) are the server's own.
 */
import type { Competence, Domain, Taxonomy } from '../../../../lib/competences/taxonomy-rules';
import type { Proposal } from '../../../../lib/competences/proposals';
import { LANGS, type Lang, pickLang } from '../../../../lib/competences/keys';
import { foldText } from '../../../../lib/membership/rules';

export type { Competence, Domain, Taxonomy };

/** A proposal as the ACP's list receives it: with the member's name. */
export type ListedProposal = Proposal & { username?: string };

export const BASE = '/plugins/lvl';

export const state = {
	taxonomy: { domains: [], competences: [] } as Taxonomy,
	open: new Set<string>(),
	filter: '',
	proposals: null as ListedProposal[] | null,
	allProposals: false,
	lang: 'en' as Lang,
};

/** Set by the page: reload the taxonomy or the proposals after a change. */
export const reload = {
	taxonomy: (): void => undefined,
	proposals: (): void => undefined,
};

export function reset(lang: string): void {
	state.taxonomy = { domains: [], competences: [] };
	state.open = new Set();
	state.filter = '';
	state.proposals = null;
	state.allProposals = false;
	state.lang = pickLang(lang);
}

/** A word of the page (rendered by the server into a hidden list, in the admin's language). */
export function label(key: string): string {
	return $(`#lvl-competences-labels [data-label="${key}"]`).text();
}

export function fold(s: unknown): string {
	return foldText(typeof s === 'string' ? s : '');
}

/** Every word of the query somewhere in the text: "recht arbeid" finds "Arbeidsrecht". */
export function matches(text: string, query: string): boolean {
	return query.split(' ').every(word => text.includes(word));
}

function byOrder(a: Domain | Competence, b: Domain | Competence): number {
	return a.order - b.order || (a.key < b.key ? -1 : 1);
}

export function domains(): Domain[] {
	return state.taxonomy.domains.slice().sort(byOrder);
}

export function competencesOf(domainKey: string): Competence[] {
	return state.taxonomy.competences.filter(c => c.domain === domainKey).sort(byOrder);
}

export function findDomain(key: string | undefined): Domain | undefined {
	return state.taxonomy.domains.find(d => d.key === key);
}

export function findCompetence(key: string | undefined): Competence | undefined {
	return state.taxonomy.competences.find(c => c.key === key);
}

export function labelOf(entry: Domain | Competence | undefined): string {
	return entry ? entry.labels[state.lang] || entry.labels.nl || entry.key : '';
}

/** What the server accepts as a merge target: neither retired nor merged, in a domain in use. */
export function isLive(c: Competence): boolean {
	const domain = findDomain(c.domain);
	return !c.retired && !c.mergedInto && !!domain && !domain.retired;
}

export function searchText(entry: Domain | Competence): string {
	const synonyms = 'synonyms' in entry ? entry.synonyms : [];
	return fold([entry.key, ...LANGS.map(lang => entry.labels[lang]), ...synonyms].join(' '));
}

export function domainUrl(key: string): string {
	return `${BASE}/taxonomy/domains/${encodeURIComponent(key)}`;
}

export function competenceUrl(key: string): string {
	return `${BASE}/taxonomy/competences/${encodeURIComponent(key)}`;
}
