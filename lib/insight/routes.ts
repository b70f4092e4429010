/**
 * Insight's ACP page ("Inzicht"), its API (figures, CSV of every table, recount) and the pulse for members.
 */
import { neutral } from '../kernel/text';
import * as promiseInsight from './promise';
import { asString } from '../coerce';
import { viewerLanguage } from '../kernel/lang';
import { apiGuard, ok } from '../kernel/http';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import { adminPage } from '../platform/pages';
import { canSeePulse, canViewInsight, INSIGHT_PRIVILEGE } from './permissions';
import { type Period, PERIODS, readPeriod } from './rules';
import * as service from './service';
import { csvOf, display, type Table, TABLE_NAMES, tables } from './tables';

export const INSIGHT_PATH = `/admin/plugins/${NS}/insight`;
const T = 'lvl-insight';


/** Text that comes from people (category names, labels, usernames) is escaped; our own tokens are not. */
function shown(v: unknown, kind: string): string {
	const text = display(v as never, kind as never);
	return kind === 'text' && !text.startsWith(`[[${T}:`) ? neutral(text) : text;
}

function forPage(t: Table, period: Period): Record<string, unknown> {
	return {
		name: t.name,
		empty: t.rows.length === 0,
		csv: `${asString(nodebb.nconf().get('relative_path'))}/api/v3/plugins/${NS}/insight/export/${t.name}?period=${period}`,
		columns: t.columns.map(c => ({ key: c.key, numeric: c.kind !== 'text' })),
		rows: t.rows.map(r => ({ cells: r.map((v, i) => ({ text: shown(v, t.columns[i]?.kind ?? 'text'), numeric: t.columns[i]?.kind !== 'text' })) })),
	};
}

interface Card { key: string; label: string; value: string | number; detail?: string }

async function page(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const period = readPeriod(req.query.period);
	const lang = await viewerLanguage(req);
	const d = await service.dashboard(period, lang);
	const byName = new Map(tables(d).map(t => [t.name, forPage(t, period)]));
	const pick = (...names: string[]): Record<string, unknown>[] => names.map(n => byName.get(n)).filter((t): t is Record<string, unknown> => Boolean(t));
	const s = await settings.get();
	const pct = (v: number | null): string => shown(v, 'percent');
	const card = (key: string, value: string | number, detail?: string): Card => ({ key, label: `[[${T}:figure.${key}]]`, value, ...(detail ? { detail } : {}) });
	const p = d.participation;
	const f = d.qa.figures;
	const e = d.engagement;
	const sections = [
		{
			name: 'participation',
			cards: [
				card('verified', p.verified, `[[${T}:figure.of-roster, ${pct(p.verifiedShare)}, ${String(p.rosterActive)}]]`),
				card('active30', p.active30, `[[${T}:figure.active90-short, ${String(p.active90)}]]`),
				card('new-this-month', p.newThisMonth, `[[${T}:figure.registered-short, ${String(p.registered)}]]`),
				card('cohort', pct(p.cohort.share), `[[${T}:figure.cohort-detail, ${String(p.cohort.eligible)}, ${String(p.cohort.pendingReturned)}, ${String(p.cohort.pending)}]]`),
			],
			charts: [],
			tables: pick('participation'),
		},
		{
			name: 'competences',
			cards: [
				card('with-profile', pct(d.competences.withProfileShare), `[[${T}:figure.with-profile-detail, ${String(d.competences.withProfile)}]]`),
				card('gaps', d.competences.gaps.length),
				card('empty-domains', d.competences.emptyDomains.length),
			],
			charts: [{ name: 'domains' }],
			tables: pick('domains', 'gaps', 'empty-domains'),
		},
		{
			name: 'qa',
			cards: [
				card('questions', f.questions, `[[${T}:period.${period}]]`),
				card('answer-rate', pct(f.answerRate), `[[${T}:figure.answered-detail, ${String(f.answered)}]]`),
				card('median-first-reply', shown(f.medianFirstReplyMs, 'hours')),
				card('median-accepted', shown(f.medianAcceptedMs, 'hours'), `[[${T}:figure.solved-detail, ${String(f.solved)}]]`),
				card('demand', d.qa.demand.members, `[[${T}:figure.demand-detail, ${String(d.qa.demand.questions)}]]`),
			],
			charts: [{ name: 'months' }, { name: 'backlog' }],
			tables: pick('months', 'backlog', 'categories', 'competences'),
		},
		{
			name: 'engagement',
			unavailable: !e.available,
			cards: e.available ? [
				card('charter-accepted', pct(e.acceptedShare), `[[${T}:figure.charter-detail, ${String(e.accepted)}, ${String(e.members)}, ${String(e.charterVersion)}]]`),
				card('reports', e.reports),
				card('active-warnings', e.activeWarnings),
			] : [],
			charts: [],
			tables: e.available ? pick('engagement') : [],
		},
		...(d.top ? [{ name: 'top', cards: [], charts: [], tables: pick('top') }] : []),
	];
	res.render(`admin/plugins/${NS}/insight`, {
		title: `[[${T}:title]]`,
		period,
		periods: PERIODS.map(x => ({ value: x, selected: x === period })),
		snapshotAt: d.snapshotAt ? new Date(d.snapshotAt).toISOString() : '',
		sections,
		topOn: s.insightTopContributors,
		canChangeSettings: await nodebb.privileges().admin.can('admin:settings', req.uid),
		promise: await promiseInsight.forPage(),
		charts: {
			months: d.qa.months,
			backlog: d.qa.backlog,
			domains: d.competences.domains.map(x => ({ label: x.label, basic: x.basic, experienced: x.experienced, expert: x.expert })),
		},
	});
}

export function pageRoutes(router: nodebb.Router): void {
	adminPage(router, INSIGHT_PATH, INSIGHT_PRIVILEGE, page);
}

const guard = apiGuard;

export function apiRoutes(router: nodebb.Router): void {
	const h = nodebb.routeHelpers();
	const board = [guard(canViewInsight, '[[error:no-privileges]]')];
	const members = [guard(canSeePulse, `[[${NS}:error.not-a-member]]`)];

	h.setupApiRoute(router, 'get', `/${NS}/insight/promise`, board, async (_req, res) => {
		await ok(res, await promiseInsight.figures());
	});
	h.setupApiRoute(router, 'get', `/${NS}/insight`, board, async (req, res) => {
		await ok(res, await service.dashboard(readPeriod(req.query.period), await viewerLanguage(req)));
	});
	h.setupApiRoute(router, 'post', `/${NS}/insight/recount`, board, async (_req, res) => {
		const done = await service.recount();
		if (!done) {
			throw new Error(`[[${T}:error.busy]]`);
		}
		service.resetPulse();
		await ok(res, { recounted: true });
	});
	h.setupApiRoute(router, 'get', `/${NS}/insight/export/:table`, board, async (req, res) => {
		const name = asString(req.params.table);
		if (!(TABLE_NAMES as readonly string[]).includes(name)) {
			throw new Error(`[[${T}:error.no-such-table]]`);
		}
		const period = readPeriod(req.query.period);
		const lang = await viewerLanguage(req);
		const t = tables(await service.dashboard(period, lang)).find(x => x.name === name);
		if (!t) {
			throw new Error(`[[${T}:error.no-such-table]]`);
		}
		const tr = nodebb.translator();
		const header = await Promise.all(t.columns.map(c => tr.translate(`[[${T}:column.${c.key}]]`, lang)));
		const texts = new Map<string, string>();
		for (const v of t.rows.flat()) {
			if (typeof v === 'string' && v.startsWith('[[') && !texts.has(v)) {
				texts.set(v, await tr.translate(v, lang));
			}
		}
		res.set('content-type', 'text/csv; charset=utf-8');
		res.set('content-disposition', `attachment; filename="inzicht-${name}-${period}.csv"`);
		res.send(csvOf(t, header, v => texts.get(v) ?? v, !lang.startsWith('en')));
	});
	h.setupApiRoute(router, 'get', `/${NS}/insight/pulse`, members, async (req, res) => {
		await ok(res, await service.pulse(req.uid));
	});
}
