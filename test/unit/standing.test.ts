import assert from 'assert';
import type { RosterEntry } from '../../lib/membership/rules';
import { activeNow, decideStanding, diffFingerprints, fingerprint, removesEveryone } from '../../lib/membership/standing';

const DAY = 86400000;
const NOW = Date.UTC(2026, 10, 25, 12);
const entry = (over: Partial<RosterEntry> = {}): RosterEntry => ({
	memberNumber: '001', lastName: 'Peeters', firstName: 'An', emails: [], birthDate: '', status: 'actief', active: true, endDate: '', ...over,
});
const fresh = { graceUntil: 0, revokedAt: 0, override: false };

describe('membership standing', () => {
	it('leaves an active member alone', () => {
		assert.deepStrictEqual(decideStanding(entry(), fresh, NOW, 30), { kind: 'none' });
	});

	it('starts the grace period when a member leaves the roster, turns inactive or passes the end date', () => {
		const expected = { kind: 'start-grace', until: NOW + 30 * DAY };
		assert.deepStrictEqual(decideStanding(null, fresh, NOW, 30), expected);
		assert.deepStrictEqual(decideStanding(entry({ active: false }), fresh, NOW, 30), expected);
		assert.deepStrictEqual(decideStanding(entry({ endDate: '2026-11-24' }), fresh, NOW, 30), expected);
	});

	it('still counts the end date itself as a day of membership', () => {
		assert.strictEqual(activeNow(entry({ endDate: '2026-11-25' }), NOW), true);
	});

	it('revokes at once when the grace period is 0', () => {
		assert.deepStrictEqual(decideStanding(null, fresh, NOW, 0), { kind: 'revoke' });
	});

	it('revokes when the grace period is over, not before', () => {
		assert.deepStrictEqual(decideStanding(null, { ...fresh, graceUntil: NOW + 1 }, NOW, 30), { kind: 'none' });
		assert.deepStrictEqual(decideStanding(null, { ...fresh, graceUntil: NOW }, NOW, 30), { kind: 'revoke' });
	});

	it('cancels the grace period, or reinstates, when the member is active on the roster again', () => {
		assert.deepStrictEqual(decideStanding(entry(), { ...fresh, graceUntil: NOW + DAY }, NOW, 30), { kind: 'cancel-grace' });
		assert.deepStrictEqual(decideStanding(entry(), { ...fresh, revokedAt: NOW - DAY }, NOW, 30), { kind: 'reinstate' });
	});

	it('does nothing more to someone already revoked who is still off the roster', () => {
		assert.deepStrictEqual(decideStanding(null, { ...fresh, revokedAt: NOW - DAY }, NOW, 30), { kind: 'none' });
	});

	it('keeps access an administrator restored, whatever the roster says', () => {
		assert.deepStrictEqual(decideStanding(null, { ...fresh, override: true }, NOW, 0), { kind: 'none' });
		assert.deepStrictEqual(decideStanding(null, { ...fresh, override: true, graceUntil: NOW }, NOW, 30), { kind: 'cancel-grace' });
	});

	it('asks for confirmation only when a roster would remove every active member', () => {
		assert.strictEqual(removesEveryone(120, 0), true);
		assert.strictEqual(removesEveryone(120, 1), false);
		assert.strictEqual(removesEveryone(0, 0), false);
	});
});

describe('roster fingerprints', () => {
	it('change with any compared field but not with the order of e-mails, and carry the active flag', () => {
		const e = entry({ emails: ['a@x.be', 'b@x.be'] });
		assert.strictEqual(fingerprint(e), fingerprint({ ...e, emails: ['b@x.be', 'a@x.be'] }));
		assert.notStrictEqual(fingerprint(e), fingerprint({ ...e, lastName: 'Peters' }));
		assert.ok(fingerprint(e).startsWith('1'));
		assert.ok(fingerprint({ ...e, active: false }).startsWith('0'));
	});

	it('sort an incoming roster into added, suspects, unchanged and absent, counting the active ones in force', () => {
		const a = entry({ memberNumber: 'A' });
		const b = entry({ memberNumber: 'B' });
		const c = entry({ memberNumber: 'C', active: false });
		const current = new Map([[a.memberNumber, fingerprint(a)], [b.memberNumber, fingerprint(b)], [c.memberNumber, fingerprint(c)]]);
		const d = diffFingerprints(current, [a, { ...b, status: 'erelid' }, entry({ memberNumber: 'D' })]);
		assert.deepStrictEqual(d.added.map(x => x.memberNumber), ['D']);
		assert.deepStrictEqual(d.suspects, ['B']);
		assert.strictEqual(d.unchanged, 1);
		assert.deepStrictEqual(d.absent, ['C']);
		assert.strictEqual(d.currentActive, 2);
	});
});
