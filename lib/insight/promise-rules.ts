/**
 * Insight into the promise, as pure figures: how many questions got a reply within 48 hours, how concentrated the
 * helping is, and where demand outruns the helpers (small numbers suppressed). No NodeBB here.
 */

/** Below this, a count is not shown (it could point at a person). */
export const SMALL = 5;

/** The share of the `values` total held by the top `fraction` of them (at least one), or null when there is none. */
export function topShare(values: number[], fraction = 0.1): number | null {
	const positive = values.filter(v => v > 0).sort((a, b) => b - a);
	const total = positive.reduce((s, v) => s + v, 0);
	if (!total) {
		return null;
	}
	const n = Math.max(1, Math.ceil(positive.length * fraction));
	return positive.slice(0, n).reduce((s, v) => s + v, 0) / total;
}

export interface GapRow {
	competence: string;
	language: string;
	region: string;
	demand: number;
	helpers: number;
}

/**
 * Rows where open questions outnumber the available helpers of the same competence, language and region, biggest
 * shortfall first; rows with fewer than SMALL questions are left out, and a helper count below SMALL shows as "<5".
 */
export function demandGaps(rows: GapRow[]): (Omit<GapRow, 'helpers'> & { helpers: string })[] {
	return rows.filter(r => r.demand >= SMALL && r.demand > r.helpers)
		.sort((a, b) => (b.demand - b.helpers) - (a.demand - a.helpers) || a.competence.localeCompare(b.competence))
		.map(r => ({ ...r, helpers: r.helpers < SMALL ? `<${String(SMALL)}` : String(r.helpers) }));
}
