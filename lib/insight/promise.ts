/**
 * The promise on the board's dashboard: share of questions answered within 48 hours, the median time to the first
 * claim, the share of answers given by the top 10 % of helpers, and where demand outruns helpers (competence ×
 * language × region). Read when the page opens from keys the Q&A keeps as events happen; the per-member parts read
 * the members a batch at a time.
 */
import { neutral } from '../kernel/text';
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import * as competenceStore from '../competences/store';
import { topHolders } from '../competences/directory';
import { answerCounts, availabilityOf, firstReplyDelays, median, openQuestions, questionsCreated, readTopic, routable, statScores } from '../qa/index';
import { demandGaps, type GapRow, topShare } from './promise-rules';

const HOUR = 60 * 60 * 1000;
const BATCH = 1000;

export interface PromiseFigures {
	within48h: number | null;
	eligible: number;
	medianFirstClaimMs: number | null;
	topShare: number | null;
	gaps: ReturnType<typeof demandGaps>;
}

async function within48h(now: number): Promise<{ share: number | null; eligible: number }> {
	// questions at least 48 hours old, and which of them had a reply within 48 hours
	const old = await questionsCreated('-inf', now - 48 * HOUR);
	if (!old.length) {
		return { share: null, eligible: 0 };
	}
	const replies = await firstReplyDelays(old);
	const fast = replies.filter(ms => ms !== null && ms <= 48 * HOUR).length;
	return { share: fast / old.length, eligible: old.length };
}

async function answersPerHelper(): Promise<number[]> {
	const group = (await settings.get()).membersGroup;
	const out: number[] = [];
	for (let start = 0; ; start += BATCH) {
		const uids = await nodebb.groups().getMembers(group, start, start + BATCH - 1);
		const counts = await answerCounts(uids);
		out.push(...counts.map(c => c.answered));
		if (uids.length < BATCH) {
			return out;
		}
	}
}

async function gapRows(now: number): Promise<GapRow[]> {
	const open = await openQuestions(5000);
	const topics = (await nodebb.topics().getTopicsFields(open, ['tid', 'uid', 'lvlCompetences'])).map(readTopic);
	const askers = await competenceStore.getProfiles(topics.map(t => t?.uid ?? 0));
	const demand = new Map<string, GapRow>();
	topics.forEach((t, i) => {
		const p = askers[i];
		for (const c of t?.competences ?? []) {
			const language = p?.languages[0] ?? '';
			const region = p?.region ?? '';
			const key = `${c}|${language}|${region}`;
			const row = demand.get(key) ?? { competence: c, language, region, demand: 0, helpers: 0 };
			row.demand += 1;
			demand.set(key, row);
		}
	});
	// helpers only where the demand could be shown at all
	const wanted = [...demand.values()].filter(r => r.demand >= 5);
	for (const c of new Set(wanted.map(r => r.competence))) {
		const holders = (await topHolders(c, 1, 2000)).map(h => h.uid);
		const [profiles, avail] = await Promise.all([competenceStore.getProfiles(holders), availabilityOf(holders, now)]);
		for (const r of wanted.filter(x => x.competence === c)) {
			r.helpers = holders.filter((_, i) => {
				const p = profiles[i];
				const a = avail[i];
				return p && a && routable(a) && p.availability !== 'not-now' && (!r.language || (p.languages as string[]).includes(r.language)) && (!r.region || asString(p.region) === r.region);
			}).length;
		}
	}
	return wanted;
}

const pct = (v: number | null): string => (v === null ? '' : `${String(Math.round(v * 1000) / 10)} %`);

/** The figures as the dashboard shows them ('' where there is nothing to show yet). */
export async function forPage(now = Date.now()): Promise<Record<string, unknown>> {
	const f = await figures(now);
	return {
		within48h: pct(f.within48h), eligible: f.eligible,
		firstClaimHours: f.medianFirstClaimMs === null ? '' : String(Math.round(f.medianFirstClaimMs / HOUR * 10) / 10),
		topShare: pct(f.topShare),
		// labels and regions are typed by admins and members: neutralised for the template's raw output
		gaps: f.gaps.map(g => ({ ...g, competence: neutral(g.competence), language: neutral(g.language), region: neutral(g.region) })),
		noGaps: !f.gaps.length,
	};
}

export async function figures(now = Date.now()): Promise<PromiseFigures> {
	const [w, claims, helpers, rows] = await Promise.all([
		within48h(now),
		statScores('all', 'firstClaim'),
		answersPerHelper(),
		gapRows(now),
	]);
	return {
		within48h: w.share, eligible: w.eligible, medianFirstClaimMs: median([...claims.values()]),
		topShare: topShare(helpers), gaps: demandGaps(rows),
	};
}
