import assert from 'assert';
import fs from 'fs';
import path from 'path';
import {
	backlogRanges, cameBack, cohort, competenceGaps, DAY, domainLevels, lastMonths, monthKey, monthStart, PERIODS, periodRange,
	qaFigures, readPeriod, toCsv,
} from '../../lib/insight/rules';
import { csvOf, display, tables, TABLE_NAMES } from '../../lib/insight/tables';
import type { Dashboard } from '../../lib/insight/service';

const ROOT = path.resolve(__dirname, '../../..');
const HOUR = 60 * 60 * 1000;
// 15 March 2026, noon (server time)
const NOW = new Date(2026, 2, 15, 12).getTime();

describe('insight rules', () => {
	it('turns periods into ranges of creation times; an unknown period is the default', () => {
		assert.deepStrictEqual(periodRange('month', NOW), { from: new Date(2026, 2, 1).getTime(), to: Infinity });
		assert.deepStrictEqual(periodRange('last-month', NOW), { from: new Date(2026, 1, 1).getTime(), to: new Date(2026, 2, 1).getTime() });
		assert.strictEqual(periodRange('90d', NOW).from, NOW - 90 * DAY);
		assert.strictEqual(periodRange('all', NOW).from, 0);
		assert.strictEqual(readPeriod('365d'), '365d');
		assert.strictEqual(readPeriod('everything'), '90d');
	});

	it('counts months across a year boundary, oldest first', () => {
		const jan = new Date(2026, 0, 10).getTime();
		assert.strictEqual(monthStart(jan, -1), new Date(2025, 11, 1).getTime());
		const months = lastMonths(jan, 3);
		assert.deepStrictEqual(months.map(m => m.key), ['2025-11', '2025-12', '2026-01']);
		assert.strictEqual(months[1]!.to, months[2]!.from);
		assert.strictEqual(monthKey(NOW), '2026-03');
	});

	it('computes a period\'s answer rate and medians from the questions created in it only', () => {
		const created = new Map([['1', NOW - 10 * DAY], ['2', NOW - 5 * DAY], ['3', NOW - 2 * DAY], ['4', NOW - 200 * DAY]]);
		const firstReply = new Map([['1', 2 * HOUR], ['2', 4 * HOUR], ['4', 1 * HOUR]]);
		const accepted = new Map([['1', 10 * HOUR]]);
		const f = qaFigures(created, firstReply, accepted, periodRange('90d', NOW));
		assert.deepStrictEqual(f, { questions: 3, answered: 2, answerRate: 2 / 3, solved: 1, medianFirstReplyMs: 3 * HOUR, medianAcceptedMs: 10 * HOUR });
		const none = qaFigures(new Map(), new Map(), new Map(), periodRange('all', NOW));
		assert.deepStrictEqual([none.answerRate, none.medianFirstReplyMs], [null, null]);
	});

	it('puts every unanswered question in exactly one age bucket', () => {
		const ranges = backlogRanges(NOW);
		const bucketOf = (created: number): string[] => ranges.filter(r => (r.min === '-inf' || created >= r.min) && (r.max === '+inf' || created <= r.max)).map(r => r.bucket);
		assert.deepStrictEqual(bucketOf(NOW - HOUR), ['lt2d']);
		assert.deepStrictEqual(bucketOf(NOW - 2 * DAY), ['2to7d']);
		assert.deepStrictEqual(bucketOf(NOW - 3 * DAY), ['2to7d']);
		assert.deepStrictEqual(bucketOf(NOW - 10 * DAY), ['1to4w']);
		assert.deepStrictEqual(bucketOf(NOW - 60 * DAY), ['1to3m']);
		assert.deepStrictEqual(bucketOf(NOW - 400 * DAY), ['gt3m']);
	});

	it('counts a member as come back only for a visit a day or more after verification, within three months', () => {
		const joined = NOW - 100 * DAY;
		assert.strictEqual(cameBack(joined, joined + HOUR), false, 'the verification visit itself');
		assert.strictEqual(cameBack(joined, joined + 2 * DAY), true);
		assert.strictEqual(cameBack(joined, joined + 95 * DAY), false, 'too late');
		const c = cohort([
			{ joinedAt: NOW - 100 * DAY, returnedAt: NOW - 95 * DAY },
			{ joinedAt: NOW - 100 * DAY, returnedAt: 0 },
			{ joinedAt: NOW - 200 * DAY, returnedAt: NOW - 50 * DAY },
			{ joinedAt: NOW - 10 * DAY, returnedAt: NOW - 5 * DAY },
			{ joinedAt: NOW - 10 * DAY, returnedAt: 0 },
		], NOW);
		assert.deepStrictEqual(c, { eligible: 3, returned: 1, share: 1 / 3, pending: 2, pendingReturned: 1 });
	});

	it('counts each member once per domain, at their highest level there', () => {
		const domainOf = (k: string): string | undefined => ({ 'law.a': 'law', 'law.b': 'law', 'tax.a': 'tax' } as Record<string, string>)[k];
		const rows = domainLevels([
			new Map([['law.a', 'basic'], ['law.b', 'expert']]),
			new Map([['law.a', 'experienced'], ['tax.a', 'basic']]),
			new Map([['gone.x', 'expert']]),
		], domainOf, ['law', 'tax', 'culture']);
		assert.deepStrictEqual(rows, [
			{ domain: 'law', basic: 0, experienced: 1, expert: 1, members: 2 },
			{ domain: 'tax', basic: 1, experienced: 0, expert: 0, members: 1 },
			{ domain: 'culture', basic: 0, experienced: 0, expert: 0, members: 0 },
		]);
	});

	it('finds competences asked about with fewer than two experienced or expert members', () => {
		const gaps = competenceGaps(new Map([['a', 3], ['b', 5], ['c', 1], ['d', 0]]), new Map([['a', 1], ['c', 2]]));
		assert.deepStrictEqual(gaps, [{ key: 'b', questions: 5, experienced: 0 }, { key: 'a', questions: 3, experienced: 1 }]);
	});

	it('writes CSV that Belgian spreadsheets open: semicolons, quotes, BOM, no formulas', () => {
		const csv = toCsv(['Naam', 'Aantal'], [['Recht; arbeid', 3], ['=HYPERLINK("x")', null], ['Zeg "ja"', 0]]);
		assert.ok(csv.startsWith('\ufeff'));
		assert.strictEqual(csv.slice(1), 'Naam;Aantal\r\n"Recht; arbeid";3\r\n"\'=HYPERLINK(""x"")";\r\n"Zeg ""ja""";0\r\n');
	});
});

describe('insight tables', () => {
	const figures = { questions: 4, answered: 3, answerRate: 0.75, solved: 1, medianFirstReplyMs: 90 * 60 * 1000, medianAcceptedMs: 3 * DAY };
	const d: Dashboard = {
		period: '90d', generatedAt: NOW, snapshotAt: NOW, snapshotTook: 5,
		participation: { rosterEntries: 10, rosterActive: 8, registered: 12, verified: 6, verifiedShare: 0.75, active30: 4, active90: 5, newThisMonth: 1, cohort: { eligible: 2, returned: 1, share: 0.5, pending: 1, pendingReturned: 0 } },
		competences: { withProfile: 3, withProfileShare: 0.5, domains: [{ domain: 'law', label: 'Recht', basic: 1, experienced: 1, expert: 0, members: 2 }], gaps: [], emptyDomains: [] },
		qa: {
			months: [{ key: '2026-03', questions: 4, offers: 1, wanted: 0 }], figures, backlog: [{ bucket: 'lt2d', count: 1 }],
			categories: [{ cid: 5, name: 'Vragen', ...figures }], competences: [{ key: 'law.a', label: 'Arbeidsrecht', domain: 'Recht', experienced: 1, ...figures }],
			demand: { questions: 1, members: 2 },
		},
		engagement: { available: false, members: 0, accepted: 0, acceptedShare: null, charterVersion: 0, reports: 0, activeWarnings: 0, perArticle: [] },
		top: null,
	};

	it('declares every table once, with a top contributors table only when it is turned on', () => {
		const names = tables(d).map(t => t.name);
		assert.deepStrictEqual(names, TABLE_NAMES.filter(n => n !== 'top'));
		assert.ok(tables({ ...d, top: [{ uid: 1, username: 'an', answered: 2, accepted: 1 }] }).some(t => t.name === 'top'));
	});

	it('shows shares in percent and durations in minutes, hours or days; exports hours and percent with a decimal comma', () => {
		assert.strictEqual(display(0.755, 'percent'), '[[lvl-insight:percent, 76]]');
		assert.strictEqual(display(30 * 60 * 1000, 'hours'), '[[lvl-insight:minutes, 30]]');
		assert.strictEqual(display(5 * HOUR, 'hours'), '[[lvl-insight:hours, 5]]');
		assert.strictEqual(display(3 * DAY, 'hours'), '[[lvl-insight:days, 3]]');
		assert.strictEqual(display(null, 'hours'), '–');
		const cats = tables(d).find(t => t.name === 'categories')!;
		const csv = csvOf(cats, cats.columns.map(c => c.key), v => v, true);
		assert.strictEqual(csv.split('\r\n')[1], 'Vragen;4;3;75;1,5;1;72');
	});

	it('has a label for every table, column, section, period and age bucket in nl, fr and en-GB', () => {
		const keys = [
			...TABLE_NAMES.map(n => `table.${n}`), ...PERIODS.map(p => `period.${p}`),
			...['participation', 'competences', 'qa', 'engagement', 'top', 'privacy'].map(s => `section.${s}`),
			...tables({ ...d, top: [] }).flatMap(t => t.columns.map(c => `column.${c.key}`)),
			...['lt2d', '2to7d', '1to4w', '1to3m', 'gt3m'].map(b => `backlog.${b}`),
			...['domains', 'months', 'backlog'].map(c => `chart.${c}`),
		];
		for (const lang of ['nl', 'fr', 'en-GB']) {
			const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'languages', lang, 'lvl-insight.json'), 'utf8')) as Record<string, string>;
			assert.deepStrictEqual(keys.filter(k => !file[k]), [], lang);
		}
	});
});
