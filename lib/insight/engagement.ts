/**
 * The rules-of-engagement figures, read through that capability's own services. Until it is part of this build,
 * the section says it is not available.
 */
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

export async function figures(): Promise<EngagementFigures> {
	return Promise.resolve({ available: false, members: 0, accepted: 0, acceptedShare: null, charterVersion: 0, reports: 0, activeWarnings: 0, perArticle: [] });
}
