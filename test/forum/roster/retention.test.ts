/**
 * The roster keeps someone who left for `rosterRetentionDays` (default 365, 0 = for good), from their end date or,
 * without one, from when the platform first saw them inactive; then the hourly job removes the entry with everything
 * that names it (indexes, attempt counter, the link to an account). `expireLeft(now)` is what the job runs.
 */
import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import * as retention from '../../../lib/membership/retention';
import * as store from '../../../lib/membership/store';
import { createUser, loginAs, type TestUser } from '../../support/forum';
import type { Envelope, Session } from '../../support/http';
import { importRoster, type Person } from '../../support/roster';
import { scan } from '../../support/scan';

const DAY = 24 * 60 * 60 * 1000;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function person(nr: string, last: string, status: string, end = ''): Person {
	return { nr, last, first: 'Rita', email: `${last.toLowerCase()}@example.org`, born: '1961-02-03', status, end };
}

/** Every trace of a roster entry in the plugin's keys (its number, its name, its e-mail). */
async function traces(p: Person): Promise<string[]> {
	const found = await scan({ uid: -1, texts: [p.nr, p.last, p.email] }, () => false);
	return found.map(f => `${f.key}: ${f.what}`);
}

async function listed(s: Session, nr: string): Promise<boolean> {
	const res = await s.get<Envelope<{ rows: { memberNumber: string }[] }>>(`/api/v3/plugins/lvl/roster?q=${nr}`);
	assert.strictEqual(res.status, 200, res.text.slice(0, 300));
	return res.body.response.rows.some(r => r.memberNumber === nr);
}

describe('Roster retention: the entries of people who left are removed after the retention period', () => {
	let adminS: Session;
	let inGrace: TestUser;
	let revoked: TestUser;
	const now = Date.now();
	const stays = person('7710001', 'Blijftlid', 'Actief');
	const longGone = person('7710002', 'Langweg', 'Uitgeschreven', day(now - 400 * DAY));
	const recent = person('7710003', 'Pasweg', 'Uitgeschreven', day(now - 10 * DAY));
	const noDate = person('7710004', 'Zonderdatum', 'Uitgeschreven');
	const graceP = person('7710005', 'Genadetijd', 'Uitgeschreven', day(now - 400 * DAY));
	const revokedP = person('7710006', 'Ingetrokken', 'Uitgeschreven', day(now - 400 * DAY));
	let saved = 365;

	before(async () => {
		saved = (await settings.get()).rosterRetentionDays;
		await settings.save({ rosterRetentionDays: 365 });
		const admin = await createUser('bewaaradmin', { admin: true });
		adminS = await loginAs(admin);
		await importRoster(adminS, [stays, longGone, recent, noDate, graceP, revokedP]);
		// two accounts linked to entries that left: one still has access (grace period), one no longer has
		inGrace = await createUser('genade', { member: true });
		revoked = await createUser('ingetrokken');
		await store.link(inGrace.uid, graceP.nr, 'proof');
		await store.setMemberFields(inGrace.uid, { graceUntil: now + 5 * DAY });
		await store.link(revoked.uid, revokedP.nr, 'proof');
		await store.setMemberFields(revoked.uid, { revokedAt: now - 300 * DAY });
	});

	after(async () => {
		await settings.save({ rosterRetentionDays: saved });
	});

	it('keeps a year by default, 0 keeps for good, at most ten years', () => {
		assert.strictEqual(settings.normalise({}).rosterRetentionDays, 365);
		assert.strictEqual(settings.normalise({ rosterRetentionDays: '0' }).rosterRetentionDays, 0);
		assert.strictEqual(settings.normalise({ rosterRetentionDays: '99999' }).rosterRetentionDays, 3650);
		assert.strictEqual(settings.normalise({ rosterRetentionDays: 'x' }).rosterRetentionDays, 365);
	});

	it('with 0, nobody is removed, however long ago they left', async () => {
		await settings.save({ rosterRetentionDays: 0 });
		assert.strictEqual(await retention.expireLeft(now), 0);
		assert.ok(await listed(adminS, longGone.nr));
		await settings.save({ rosterRetentionDays: 365 });
	});

	it('waits while an import holds the roster\'s lock', async () => {
		assert.ok(await store.lockApply());
		try {
			assert.strictEqual(await retention.expireLeft(now), 0);
		} finally {
			await store.unlockApply();
		}
		assert.ok(await listed(adminS, longGone.nr));
	});

	it('removes an entry whose end date is past the period, with everything that names it; the others stay', async () => {
		assert.ok((await traces(longGone)).length > 0, 'the entry is there before');
		const before = await store.getMeta();
		const removed = await retention.expireLeft(now);
		assert.strictEqual(removed, 2, 'the long-gone entry and the revoked account\'s entry');
		assert.deepStrictEqual(await traces(longGone), []);
		assert.strictEqual(await listed(adminS, longGone.nr), false);
		for (const p of [stays, recent, noDate, graceP]) {
			assert.ok(await listed(adminS, p.nr), `${p.last} stays`);
		}
		const after = await store.getMeta();
		assert.strictEqual(after.count, before.count - 2);
		assert.ok(after.revision > before.revision, 'a preview made before is redone');
		const [eid] = await nodebb.db().getSortedSetRevRange('events:time:lvl-roster-retention', 0, 0);
		const event = await nodebb.db().getObject(`event:${String(eid)}`);
		assert.strictEqual(String(event?.removed), '2');
		assert.doesNotMatch(JSON.stringify(event), /7710002|Langweg/, 'the log names nobody');
	});

	it('the link to an account whose access ended goes with the entry; the account stays', async () => {
		assert.deepStrictEqual(await traces(revokedP), []);
		assert.strictEqual(await store.getMemberState(revoked.uid), null);
		assert.strictEqual(await store.linkedUid(revokedP.nr), 0);
		assert.strictEqual(await nodebb.user().exists(revoked.uid), true);
	});

	it('keeps the entry of an account that still has access until it no longer has', async () => {
		assert.strictEqual((await store.getMemberState(inGrace.uid))?.memberNumber, graceP.nr);
		await nodebb.groups().leave((await settings.get()).membersGroup, inGrace.uid);
		assert.strictEqual(await retention.expireLeft(now + DAY), 1);
		assert.deepStrictEqual(await traces(graceP), []);
		assert.strictEqual(await store.getMemberState(inGrace.uid), null);
	});

	it('counts from the end date, or from the day it saw the person leave when there is none', async () => {
		assert.strictEqual(await retention.expireLeft(now + 300 * DAY), 0);
		assert.strictEqual(await retention.expireLeft(now + 356 * DAY), 1, 'the recent leaver: 10 + 356 days');
		assert.strictEqual(await listed(adminS, recent.nr), false);
		assert.ok(await listed(adminS, noDate.nr), 'without an end date the clock started at the first run');
		assert.strictEqual(await retention.expireLeft(now + 366 * DAY), 1);
		assert.deepStrictEqual(await traces(noDate), []);
		assert.ok(await listed(adminS, stays.nr), 'an active member is never removed');
		assert.strictEqual(await retention.expireLeft(now + 5000 * DAY), 0);
	});

	it('stops the clock for someone who comes back', async () => {
		const back = person('7710007', 'Terug', 'Uitgeschreven');
		await importRoster(adminS, [stays, back]);
		assert.strictEqual(await retention.expireLeft(now), 0);
		await importRoster(adminS, [stays, { ...back, status: 'Actief' }]);
		assert.strictEqual(await retention.expireLeft(now + 400 * DAY), 0);
		assert.ok(await listed(adminS, back.nr));
		assert.ok(!(await store.leftSince()).has(back.nr));
	});
});
