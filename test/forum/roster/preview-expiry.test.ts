/**
 * A roster preview never applied holds a copy of the member list: after `rosterPreviewDays` the scheduled job deletes
 * every key it has. Younger previews and applied imports stay. `expirePreviews(now)` is what the job runs.
 */
import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import * as roster from '../../../lib/membership/roster';
import * as store from '../../../lib/membership/store';
import { createUser, loginAs, type TestUser } from '../../support/forum';
import type { Session } from '../../support/http';
import { belgianCsv, upload } from '../../support/roster';

const DAY = 24 * 60 * 60 * 1000;

async function keysOf(id: number): Promise<string[]> {
	const keys = await nodebb.db().scan({ match: `lvl:import:${String(id)}*` });
	return keys.filter(k => k === `lvl:import:${String(id)}` || k.startsWith(`lvl:import:${String(id)}:`)).sort();
}

async function inHistory(id: number): Promise<boolean> {
	return (await nodebb.db().getSortedSetRange('lvl:imports', 0, -1)).includes(String(id));
}

async function preview(s: Session, nr: string): Promise<number> {
	const up = await upload(s, belgianCsv([{ nr, last: 'Voorbeeld', first: 'Vera', email: `vera.${nr}@example.org`, born: '1970-03-04' }]));
	assert.strictEqual(up.status, 200, JSON.stringify(up.body).slice(0, 300));
	return up.body.response.import.id;
}

describe('Roster previews never applied expire', () => {
	let admin: TestUser;
	let adminS: Session;
	let saved = 7;

	before(async () => {
		saved = (await settings.get()).rosterPreviewDays;
		await settings.save({ rosterPreviewDays: 7 });
		admin = await createUser('voorbeeldadmin', { admin: true });
		adminS = await loginAs(admin);
		await store.clearAttempts('ip', '127.0.0.1');
	});

	after(async () => {
		await settings.save({ rosterPreviewDays: saved });
	});

	it('has a default of 7 days within bounds', () => {
		assert.strictEqual(settings.normalise({}).rosterPreviewDays, 7);
		assert.strictEqual(settings.normalise({ rosterPreviewDays: '9999' }).rosterPreviewDays, 90);
		assert.strictEqual(settings.normalise({ rosterPreviewDays: '0' }).rosterPreviewDays, 1);
	});

	it('deletes a preview older than the setting with every key, keeps a younger one and an applied import', async () => {
		const old = await preview(adminS, '8800001');
		const young = await preview(adminS, '8800002');
		const applied = await preview(adminS, '8800003');
		const rosterBefore = await store.getMeta();
		// an import the secretariat applied long ago: its record stays in the history
		const rec = await store.getImport(applied);
		assert.ok(rec);
		await store.saveImport({ ...rec, status: 'applied', appliedAt: rec.createdAt });
		await store.dropImportPayload(applied);
		assert.deepStrictEqual(await keysOf(old), [`lvl:import:${String(old)}`, `lvl:import:${String(old)}:payload`]);

		// 8 days after `old` and `applied` were made; `young` is made 2 days before that moment
		const now = Date.now() + 8 * DAY;
		const youngRec = await store.getImport(young);
		assert.ok(youngRec);
		await store.saveImport({ ...youngRec, createdAt: now - 2 * DAY });

		const removed = await roster.expirePreviews(now);
		assert.ok(removed >= 1);
		assert.deepStrictEqual(await keysOf(old), [], 'every key of the old preview is gone');
		assert.strictEqual(await inHistory(old), false);
		assert.strictEqual(await store.getImport(old), null);

		assert.deepStrictEqual(await keysOf(young), [`lvl:import:${String(young)}`, `lvl:import:${String(young)}:payload`]);
		assert.strictEqual(await inHistory(young), true);
		assert.strictEqual((await store.getImport(applied))?.status, 'applied');
		assert.strictEqual(await inHistory(applied), true);
		assert.deepStrictEqual(await store.getMeta(), rosterBefore, 'the roster in force is untouched');
		// the admin's history no longer lists the old preview
		const history = await adminS.get<{ response: { imports: { id: number }[] } }>('/api/v3/plugins/lvl/roster/imports');
		assert.strictEqual(history.status, 200);
		assert.ok(!history.body.response.imports.some(i => i.id === old));
		assert.ok(history.body.response.imports.some(i => i.id === young));
	});

	it('follows the setting', async () => {
		const id = await preview(adminS, '8800004');
		await settings.save({ rosterPreviewDays: 1 });
		await roster.expirePreviews(Date.now() + 12 * 60 * 60 * 1000);
		assert.strictEqual(await inHistory(id), true, 'half a day old: kept');
		await roster.expirePreviews(Date.now() + 2 * DAY);
		assert.deepStrictEqual(await keysOf(id), []);
		assert.strictEqual(await inHistory(id), false);
	});

	it('leaves a preview alone while an apply holds the lock', async () => {
		const id = await preview(adminS, '8800005');
		assert.ok(await store.lockApply());
		try {
			assert.strictEqual(await roster.expirePreviews(Date.now() + 30 * DAY), 0);
			assert.strictEqual(await inHistory(id), true);
		} finally {
			await store.unlockApply();
		}
		await roster.expirePreviews(Date.now() + 30 * DAY);
		assert.strictEqual(await inHistory(id), false);
	});
});
