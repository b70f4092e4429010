import assert from 'assert';
import {
	availability, cascadeStep, claimProblem, localClock, parseClock, parseCoordinatorGroups, quietUntil, readPrefs, readState, roundSize, routable, standing,
} from '../../lib/qa/promise-rules';
import { demandGaps, topShare } from '../../lib/insight/promise-rules';

const HOUR = 60 * 60 * 1000;
const times = { roundMs: 24 * HOUR, rounds: 3, moderatorsMs: 7 * 24 * HOUR };
const base = { open: true, answered: false, timestamp: 0, routed: 5, declined: 0 };
const state = (fields: Record<string, number> = {}): ReturnType<typeof readState> => readState(fields);

describe('the promise (pure rules)', () => {
	it('reads preferences from Redis strings and PostgreSQL numbers alike, with quiet hours 21:00–08:00 by default', () => {
		assert.deepStrictEqual(readPrefs({ capacity: '2', awayUntil: 5 }), { capacity: 2, awayUntil: 5, quietFrom: 21 * 60, quietTo: 8 * 60 });
		assert.deepStrictEqual(readPrefs(null), { capacity: 0, awayUntil: 0, quietFrom: 21 * 60, quietTo: 8 * 60 });
		assert.strictEqual(parseClock('7:30'), 450);
		assert.strictEqual(parseClock('24:00'), null);
	});

	it('a member at capacity or on holiday is not routable; a member may lower the capacity, never raise it', () => {
		const p = readPrefs({ capacity: '9' });
		assert.strictEqual(availability(p, 2, 3, 0).capacity, 3);
		assert.strictEqual(routable(availability(p, 2, 3, 0)), true);
		assert.strictEqual(routable(availability(p, 3, 3, 0)), false);
		assert.strictEqual(routable(availability(readPrefs({ capacity: 1 }), 1, 3, 0)), false);
		assert.strictEqual(routable(availability(readPrefs({ awayUntil: 100 }), 0, 3, 50)), false);
		assert.strictEqual(routable(availability(readPrefs({ awayUntil: 100 }), 0, 3, 150)), true);
	});

	it('demand adds members to a round, at most doubling it', () => {
		assert.strictEqual(roundSize(5, 0), 5);
		assert.strictEqual(roundSize(5, 2), 7);
		assert.strictEqual(roundSize(5, 40), 10);
	});

	it('quiet hours wrap midnight in the forum\'s time zone and end at their end', () => {
		// 2026-01-15 22:30 in Brussels is 21:30 UTC
		const night = Date.UTC(2026, 0, 15, 21, 30, 0);
		assert.deepStrictEqual(localClock(night, 'Europe/Brussels'), { minutes: 22 * 60 + 30, seconds: 0 });
		assert.strictEqual(quietUntil(night, 21 * 60, 8 * 60, 'Europe/Brussels'), Date.UTC(2026, 0, 16, 7, 0, 0));
		const noon = Date.UTC(2026, 0, 15, 11, 0, 0);
		assert.strictEqual(quietUntil(noon, 21 * 60, 8 * 60, 'Europe/Brussels'), null);
		// a day-time quiet period, and none at all
		assert.strictEqual(quietUntil(noon, 11 * 60, 14 * 60, 'Europe/Brussels'), Date.UTC(2026, 0, 15, 13, 0, 0));
		assert.strictEqual(quietUntil(night, 0, 0, 'Europe/Brussels'), null);
	});

	it('a claim holds the cascade until it ends; then the question moves on', () => {
		const claimed = state({ round: 1, roundAt: 1, claimBy: 9, claimUntil: 10 * HOUR });
		assert.deepStrictEqual(cascadeStep({ ...base, state: claimed }, 5 * HOUR, times), { action: 'none', next: 10 * HOUR });
		assert.strictEqual(cascadeStep({ ...base, state: claimed }, 10 * HOUR, times).action, 'expire-claim');
	});

	it('an unclaimed round passes the question on after the round time, or at once when all declined', () => {
		const s = state({ round: 1, roundAt: 1 });
		assert.strictEqual(cascadeStep({ ...base, state: s }, 23 * HOUR, times).action, 'none');
		assert.strictEqual(cascadeStep({ ...base, state: s }, 23 * HOUR, times).next, 24 * HOUR + 1);
		assert.strictEqual(cascadeStep({ ...base, state: s }, 24 * HOUR + 1, times).action, 'next-round');
		assert.strictEqual(cascadeStep({ ...base, declined: 5, state: s }, 2 * HOUR, times).action, 'next-round');
	});

	it('nobody to ask, or the last round unclaimed: the coordinators, once; an assigned member who stays silent: them again', () => {
		assert.strictEqual(cascadeStep({ ...base, routed: 0, state: state() }, 0, times).action, 'coordinator');
		const last = state({ round: 3, roundAt: 1 });
		assert.strictEqual(cascadeStep({ ...base, state: last }, 24 * HOUR + 1, times).action, 'coordinator');
		const told = state({ round: 3, roundAt: 1, coordinatorAt: 24 * HOUR + 1 });
		assert.deepStrictEqual(cascadeStep({ ...base, state: told }, 30 * HOUR, times), { action: 'none', next: 7 * 24 * HOUR });
		const assigned = state({ round: 3, roundAt: 30 * HOUR, coordinatorAt: 25 * HOUR, assignedAt: 30 * HOUR, assignedTo: 4 });
		assert.strictEqual(cascadeStep({ ...base, state: assigned }, 40 * HOUR, times).action, 'none');
		assert.strictEqual(cascadeStep({ ...base, state: assigned }, 54 * HOUR, times).action, 'coordinator');
	});

	it('keeps the moderators\' step after 7 days, and stops for answered or closed questions', () => {
		assert.strictEqual(cascadeStep({ ...base, state: state({ round: 1, roundAt: 1, coordinatorAt: 2 }) }, 7 * 24 * HOUR, times).action, 'moderators');
		assert.strictEqual(cascadeStep({ ...base, answered: true, state: state() }, 0, times).action, 'none');
		assert.strictEqual(cascadeStep({ ...base, open: false, state: state() }, 0, times).action, 'none');
	});

	it('only a routed member below capacity claims an open question nobody holds', () => {
		const free = availability(readPrefs(null), 0, 3, 0);
		const ok = { uid: 2, asker: 1, open: true, answered: false, routedToThem: true, state: state(), available: free, now: 0 };
		assert.strictEqual(claimProblem(ok), null);
		assert.match(claimProblem({ ...ok, routedToThem: false }) ?? '', /not-routed/);
		assert.match(claimProblem({ ...ok, uid: 1 }) ?? '', /own-question/);
		assert.match(claimProblem({ ...ok, open: false }) ?? '', /question-closed/);
		assert.match(claimProblem({ ...ok, state: state({ claimBy: 3, claimUntil: 10 }) }) ?? '', /error\.claimed/);
		assert.match(claimProblem({ ...ok, available: availability(readPrefs(null), 3, 3, 0) }) ?? '', /error\.full, 3/);
	});

	it('tells the asker where the question stands', () => {
		const f = { status: 'open', answered: false, routed: 4, claimName: 'An', assignedName: 'Luc', now: 5 };
		assert.deepStrictEqual(standing({ ...f, state: state({ round: 1 }) }), { key: 'sent', args: ['4'] });
		assert.deepStrictEqual(standing({ ...f, state: state({ round: 2 }) }), { key: 'passed', args: ['4'] });
		assert.deepStrictEqual(standing({ ...f, state: state({ claimBy: 7, claimUntil: 9 }) }), { key: 'claimed', args: ['An'] });
		assert.deepStrictEqual(standing({ ...f, state: state({ coordinatorAt: 3 }) }), { key: 'coordinator', args: [] });
		assert.deepStrictEqual(standing({ ...f, state: state({ coordinatorAt: 3, assignedTo: 8, assignedAt: 4 }) }), { key: 'assigned', args: ['Luc'] });
		assert.strictEqual(standing({ ...f, answered: true, state: state() }).key, 'answered');
		assert.strictEqual(standing({ ...f, status: 'solved', state: state() }).key, 'solved');
		assert.strictEqual(standing({ ...f, routed: 0, state: state() }).key, 'waiting');
	});

	it('reads coordinators per category from "cid=Group" lines', () => {
		assert.deepStrictEqual([...parseCoordinatorGroups('12=Helpdesk Gent\n x \n7 = Bureau ; 9=')], [[12, 'Helpdesk Gent'], [7, 'Bureau']]);
	});

	it('Insight: the share of answers by the top 10 % of helpers, and demand gaps without small numbers', () => {
		assert.strictEqual(topShare([]), null);
		assert.strictEqual(topShare([10, 0, 0]), 1);
		// 20 helpers: the top 2 gave 30 of 48 answers
		assert.strictEqual(topShare([20, 10, ...Array<number>(18).fill(1)]), 30 / 48);
		const gaps = demandGaps([
			{ competence: 'tax.vat', language: 'fr', region: 'brussels', demand: 7, helpers: 2 },
			{ competence: 'law.family', language: 'nl', region: '', demand: 4, helpers: 0 },
			{ competence: 'ict.cloud', language: 'nl', region: '', demand: 9, helpers: 12 },
			{ competence: 'health.pharmacy', language: 'nl', region: '', demand: 30, helpers: 6 },
		]);
		assert.deepStrictEqual(gaps.map(g => [g.competence, g.helpers]), [['health.pharmacy', '6'], ['tax.vat', '<5']]);
	});
});
