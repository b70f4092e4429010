/**
 * Every table of the dashboard, declared once: the page renders them and the CSV export writes them from the same
 * rows, so each table on screen has its export. Pure: a Dashboard in, tables out.
 */
import type { Dashboard } from './service';
import { type Cell, hours, percent, toCsv } from './rules';

export type Kind = 'text' | 'count' | 'percent' | 'hours';

export interface Column {
	key: string;
	kind: Kind;
}

export interface Table {
	name: string;
	columns: Column[];
	rows: Cell[][];
}

const T = 'lvl-insight';
const col = (key: string, kind: Kind = 'count'): Column => ({ key, kind });
const QA_COLUMNS = [col('questions'), col('answered'), col('answer-rate', 'percent'), col('median-first-reply', 'hours'), col('solved'), col('median-accepted', 'hours')];

export const TABLE_NAMES = ['participation', 'months', 'backlog', 'categories', 'competences', 'domains', 'gaps', 'empty-domains', 'engagement', 'top'] as const;
export type TableName = typeof TABLE_NAMES[number];

export function tables(d: Dashboard): Table[] {
	const p = d.participation;
	const qaCells = (f: Dashboard['qa']['figures']): Cell[] => [f.questions, f.answered, f.answerRate, f.medianFirstReplyMs, f.solved, f.medianAcceptedMs];
	const out: Table[] = [
		{
			name: 'participation',
			columns: [col('figure', 'text'), col('value')],
			rows: [
				[`[[${T}:figure.roster-entries]]`, p.rosterEntries],
				[`[[${T}:figure.roster-active]]`, p.rosterActive],
				[`[[${T}:figure.registered]]`, p.registered],
				[`[[${T}:figure.verified]]`, p.verified],
				[`[[${T}:figure.active30]]`, p.active30],
				[`[[${T}:figure.active90]]`, p.active90],
				[`[[${T}:figure.new-this-month]]`, p.newThisMonth],
				[`[[${T}:figure.cohort-eligible]]`, p.cohort.eligible],
				[`[[${T}:figure.cohort-returned]]`, p.cohort.returned],
				[`[[${T}:figure.with-profile]]`, d.competences.withProfile],
				...qaCells(d.qa.figures).map((v, i): Cell[] => [`[[${T}:column.${QA_COLUMNS[i]?.key ?? ''}]]`, v]),
			],
		},
		{ name: 'months', columns: [col('month', 'text'), col('questions'), col('offers'), col('wanted')], rows: d.qa.months.map(m => [m.key, m.questions, m.offers, m.wanted]) },
		{ name: 'backlog', columns: [col('age', 'text'), col('questions')], rows: d.qa.backlog.map(b => [`[[${T}:backlog.${b.bucket}]]`, b.count]) },
		{ name: 'categories', columns: [col('category', 'text'), ...QA_COLUMNS], rows: d.qa.categories.map(c => [c.name, ...qaCells(c)]) },
		{
			name: 'competences',
			columns: [col('competence', 'text'), col('domain', 'text'), ...QA_COLUMNS, col('experienced')],
			rows: d.qa.competences.map(c => [c.label, c.domain, ...qaCells(c), c.experienced]),
		},
		{
			name: 'domains',
			columns: [col('domain', 'text'), col('members'), col('basic'), col('experienced'), col('expert')],
			rows: d.competences.domains.map(x => [x.label, x.members, x.basic, x.experienced, x.expert]),
		},
		{ name: 'gaps', columns: [col('competence', 'text'), col('domain', 'text'), col('questions'), col('experienced')], rows: d.competences.gaps.map(g => [g.label, g.domain, g.questions, g.experienced]) },
		{ name: 'empty-domains', columns: [col('domain', 'text')], rows: d.competences.emptyDomains.map(x => [x.label]) },
		{
			name: 'engagement',
			columns: [col('article', 'text'), col('reports'), col('open')],
			rows: d.engagement.perArticle.map(a => [a.number ? `${String(a.number)}. ${a.title}` : a.title, a.reports, a.open]),
		},
	];
	if (d.top) {
		out.push({ name: 'top', columns: [col('member', 'text'), col('accepted'), col('answered')], rows: d.top.map(x => [x.username, x.accepted, x.answered]) });
	}
	return out;
}

/** A cell as the page shows it: counts as they are, shares in whole percent, durations in minutes, hours or days (tokens). */
export function display(v: Cell, kind: Kind): string {
	if (v === null || v === '') {
		return '–';
	}
	if (kind === 'percent' && typeof v === 'number') {
		return `[[${T}:percent, ${String(Math.round(v * 100))}]]`;
	}
	if (kind === 'hours' && typeof v === 'number') {
		const minutes = v / 60000;
		if (minutes < 60) {
			return `[[${T}:minutes, ${String(Math.round(minutes))}]]`;
		}
		return minutes < 48 * 60 ? `[[${T}:hours, ${String(Math.round(minutes / 60))}]]` : `[[${T}:days, ${String(Math.round(minutes / 1440))}]]`;
	}
	return String(v);
}

/**
 * The CSV of a table; headers and text cells already translated by the caller. Shares in % and durations in hours,
 * with one decimal: a decimal comma for Dutch and French spreadsheets, a point otherwise.
 */
export function csvOf(t: Table, header: string[], text: (v: string) => string, decimalComma: boolean): string {
	const dec = (s: string): string => (decimalComma ? s.replace('.', ',') : s);
	return toCsv(header, t.rows.map(r => r.map((v, i) => {
		const kind = t.columns[i]?.kind ?? 'text';
		if (kind === 'percent') {
			return typeof v === 'number' ? dec(percent(v)) : '';
		}
		if (kind === 'hours') {
			return typeof v === 'number' ? dec(hours(v)) : '';
		}
		return typeof v === 'string' ? text(v) : v;
	})));
}
