/**
 * The rules-of-engagement figures, read through that capability's own services: who accepted the charter in force
 * (among the members group), reports per article and active warnings.
 */
import * as charter from '../engagement/charter';
import * as reports from '../engagement/reports';
import { share } from './rules';

export interface EngagementFigures {
	available: boolean;
	members: number;
	accepted: number;
	acceptedShare: number | null;
	charterVersion: number;
	reports: number;
	activeWarnings: number;
	perArticle: { number: number; title: string; reports: number; open: number }[];
}

/** An article's title in the reader's language (nl, fr, en), else the first one there is. */
function titleIn(t: Record<string, string> | null, lang: string): string {
	if (!t) {
		return '';
	}
	const code = lang.startsWith('fr') ? 'fr' : lang.startsWith('nl') ? 'nl' : 'en';
	return t[code] || t.nl || t.fr || t.en || '';
}

export async function figures(lang: string): Promise<EngagementFigures> {
	// standing(0, 0, …): the counts only, no rows
	const [standing, stats] = await Promise.all([charter.standing(0, 0, 'all'), reports.stats()]);
	return {
		available: true,
		members: standing.members,
		accepted: standing.accepted,
		acceptedShare: standing.version ? share(standing.accepted, standing.members) : null,
		charterVersion: standing.version,
		reports: stats.reports,
		activeWarnings: stats.activeWarnings,
		perArticle: stats.perArticle.map(a => ({ number: a.number, title: titleIn(a.title, lang), reports: a.reports, open: a.open })),
	};
}
