import assert from 'assert';
import { DEFAULTS, normalise, toStored, validate } from '../../lib/settings';

describe('settings', () => {
	it('fills every default when nothing is stored', () => {
		assert.deepStrictEqual(normalise(null), { ...DEFAULTS });
	});

	it('reads Redis strings and PostgreSQL JSON types alike', () => {
		const fromRedis = normalise({ platformCids: '[3,5]', graceDays: '10', exemptGroups: '["Bestuur"]' });
		const fromPg = normalise({ platformCids: [3, 5], graceDays: 10, exemptGroups: ['Bestuur'] });
		assert.deepStrictEqual(fromRedis, fromPg);
		assert.deepStrictEqual(fromRedis.platformCids, [3, 5]);
	});

	it('survives what it wrote itself', () => {
		const s = normalise({ platformCids: ['7', '7', 'x', '-1'], membersGroup: ' Kringleden ', verificationMode: 'refuse' });
		assert.deepStrictEqual(s.platformCids, [7]);
		assert.strictEqual(s.membersGroup, 'Kringleden');
		assert.deepStrictEqual(normalise(toStored(s)), s);
	});

	it('never lets a reserved NodeBB group become the members group', () => {
		assert.strictEqual(normalise({ membersGroup: 'registered-users' }).membersGroup, 'Leden');
		assert.strictEqual(validate({ membersGroup: 'verified-users' }), '[[lvl:error.group-name-reserved]]');
	});

	it('clamps numbers when reading and refuses them when an admin submits them', () => {
		assert.strictEqual(normalise({ graceDays: '9999' }).graceDays, 365);
		assert.strictEqual(validate({ graceDays: '9999' }), '[[lvl:error.out-of-range, graceDays, 0, 365]]');
		assert.strictEqual(validate({ attemptsPerHour: '2.5' }), '[[lvl:error.out-of-range, attemptsPerHour, 1, 100]]');
		assert.strictEqual(validate({ graceDays: '0', attemptsPerHour: '5' }), null);
	});

	it('refuses an empty members group name', () => {
		assert.strictEqual(validate({ membersGroup: '   ' }), '[[lvl:error.group-name-required]]');
	});
});
