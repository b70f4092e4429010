import assert from 'assert';
import fs from 'fs';
import path from 'path';
import * as settings from '../../../lib/settings';
import * as access from '../../../lib/membership/access';
import * as store from '../../../lib/membership/store';
import { createUser, loginAs, type TestUser, unique } from '../../support/forum';
import type { Envelope, Session } from '../../support/http';
import { belgianCsv, importRoster, type Person, upload } from '../../support/roster';
import { EXPECTED, EXPECTED_STATUSES, FILES } from '../../fixtures/rosters';

const API = '/api/v3/plugins/lvl';
const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

type Entry = { memberNumber: string; lastName: string; firstName: string; emails: string[]; birthDate: string; status: string; active: boolean };
type Row = { line: number; reason: string; memberNumber: string };
interface Preview {
	import: { id: number };
	statuses: { value: string; count: number; inactive: boolean }[];
	activeStatuses: string[];
	statusesToReview: boolean;
	graceDays: number;
	counts: Record<string, number>;
	lists: {
		added: Entry[];
		changed: { after: Entry; fields: string[]; verification: boolean; deactivated: boolean; account?: string }[];
		leaving: (Entry & { account: string })[];
		invalid: Row[];
		warnings: Row[];
	};
}
interface ListRow extends Entry { uid: number; standing: string; graceUntil: number; revokedAt: number; override: boolean; overrideAt: number; onRoster: boolean }

describe('Roster import: no member lost, statuses decided, what happens to people', () => {
	let admin: TestUser;
	let adminS: Session;
	let graceBefore = 0;

	before(async () => {
		admin = await createUser('secretariaat', { admin: true });
		adminS = await loginAs(admin);
		graceBefore = (await settings.get()).graceDays;
		await settings.save({ graceDays: 30 });
	});

	after(async () => {
		await settings.save({ graceDays: graceBefore });
	});

	beforeEach(async () => {
		await store.clearAttempts('ip', '127.0.0.1');
	});

	for (const [kind, file] of Object.entries(FILES)) {
		it(`previews the secretariat's ${kind} (${file}) line by line, as expected`, async () => {
			const res = await upload(adminS, fs.readFileSync(path.join(FIXTURES, file)), file);
			assert.strictEqual(res.status, 200, JSON.stringify(res.body).slice(0, 500));
			const p = res.body.response as unknown as Preview;
			try {
				assert.deepStrictEqual(p.statuses, EXPECTED_STATUSES);
				assert.deepStrictEqual(p.activeStatuses.sort(), EXPECTED_STATUSES.filter(s => !s.inactive).map(s => s.value).sort());
				assert.strictEqual(p.statusesToReview, true, 'statuses never decided before');
				for (const expected of EXPECTED) {
					const where = `line ${String(expected.line)}`;
					const warnings = p.lists.warnings.filter(w => w.line === expected.line).map(w => w.reason);
					const refused = p.lists.invalid.filter(w => w.line === expected.line).map(w => w.reason);
					if (expected.outcome === 'refused') {
						assert.deepStrictEqual(refused, expected.reasons, where);
						continue;
					}
					assert.deepStrictEqual(refused, [], where);
					assert.deepStrictEqual(warnings, expected.reasons, where);
					if (expected.entry) {
						const added = p.lists.added.find(e => e.memberNumber === expected.memberNumber);
						assert.ok(added, `${where}: imported`);
						const { lastName, firstName, emails, birthDate, status, active } = added;
						assert.deepStrictEqual({ lastName, firstName, emails, birthDate, status, active }, expected.entry, where);
					}
				}
				const imported = new Set(EXPECTED.filter(e => e.entry).map(e => e.memberNumber));
				assert.deepStrictEqual(new Set(p.lists.added.map(e => e.memberNumber)), imported, 'nobody else imported');
				assert.strictEqual(p.counts.invalid, EXPECTED.filter(e => e.outcome === 'refused').length);
				assert.strictEqual(p.counts.duplicates, 1);
				assert.strictEqual(p.counts.active, EXPECTED.filter(e => e.entry?.active).length);
			} finally {
				await adminS.del(`${API}/roster/imports/${String(p.import.id)}`);
			}
		});
	}

	describe('what happens to people', () => {
		const nr = unique('7');
		const person = (n: string, last: string, email: string, over: Partial<Person> = {}): Person =>
			({ nr: `${nr}${n}`, last, first: 'Test', email, born: '1960-04-01', status: 'Actief', ...over });
		const leaverWithAccount = person('1', 'Vertrekker', 'vertrekker@example.org');
		const leaverNeverRegistered = person('2', 'Nooitgezien', 'nooit@example.org');
		const resigning = person('3', 'Ontslagnemer', 'ontslag@example.org');
		const movingMail = person('4', 'Verhuizer', 'oud@example.org');
		const doubled = person('5', 'Dubbel', 'dubbel@example.org');
		const accented = person('6', 'Dubois', 'benoît.dubois@example.org');
		const stays = person('7', 'Blijver', 'blijver@example.org');
		const accounts: Record<string, TestUser> = {};
		let preview: Preview;

		async function link(p: Person, email = p.email): Promise<TestUser> {
			const u = await createUser('lid');
			const s = await loginAs(u);
			const v = await s.post('/api/v3/plugins/lvl/verification', { memberNumber: p.nr, email });
			assert.strictEqual(v.status, 200, v.text);
			return u;
		}

		before(async function () {
			this.timeout(60000);
			await importRoster(adminS, [leaverWithAccount, leaverNeverRegistered, resigning, movingMail, doubled, accented, stays]);
			accounts.leaver = await link(leaverWithAccount);
			accounts.resigning = await link(resigning);
			accounts.moving = await link(movingMail);
		});

		it('a member whose roster address has an accent verifies with or without it', async () => {
			await store.clearAttempts('ip', '127.0.0.1');
			accounts.accented = await link(accented, 'Benoit.Dubois@Example.org');
			assert.strictEqual((await store.getMemberState(accounts.accented.uid))?.memberNumber, accented.nr);
		});

		it('says how many leaving members have an account, never registered, turn inactive or change what they verify with', async () => {
			const next = [
				{ ...resigning, status: 'Ontslagen' },
				{ ...movingMail, email: 'nieuw@example.org' },
				doubled, { ...doubled, first: 'Andere' },
				accented, stays,
			];
			const res = await upload(adminS, belgianCsv(next));
			assert.strictEqual(res.status, 200, JSON.stringify(res.body));
			preview = res.body.response as unknown as Preview;
			const c = preview.counts;
			assert.deepStrictEqual({
				leaving: c.leaving, leavingAccounts: c.leavingAccounts, leavingUnregistered: c.leavingUnregistered,
				deactivated: c.deactivated, deactivatedAccounts: c.deactivatedAccounts, changedVerification: c.changedVerification,
				duplicates: c.duplicates,
			}, {
				leaving: 2, leavingAccounts: 1, leavingUnregistered: 1, deactivated: 1, deactivatedAccounts: 1, changedVerification: 1,
				duplicates: 1,
			});
			assert.strictEqual(preview.graceDays, 30);
			const fate = Object.fromEntries(preview.lists.leaving.map(e => [e.memberNumber, e.account]));
			assert.deepStrictEqual(fate, { [leaverWithAccount.nr]: 'grace', [leaverNeverRegistered.nr]: 'none' });
			const changed = Object.fromEntries(preview.lists.changed.map(ch => [ch.after.memberNumber, ch]));
			assert.strictEqual(changed[resigning.nr]?.deactivated, true);
			assert.strictEqual(changed[resigning.nr]?.account, 'grace');
			assert.strictEqual(changed[resigning.nr]?.verification, false);
			assert.deepStrictEqual(changed[movingMail.nr]?.fields, ['emails']);
			assert.strictEqual(changed[movingMail.nr]?.verification, true);
			assert.ok(!preview.lists.leaving.some(e => e.memberNumber === doubled.nr), 'a member on two rows keeps their entry, not leaving');
			assert.deepStrictEqual(preview.lists.invalid.map(r => r.line), [4, 5]);
		});

		it('starts the new status unticked and asks once before applying statuses never reviewed', async () => {
			assert.ok(!preview.activeStatuses.includes('Ontslagen'));
			assert.strictEqual(preview.statusesToReview, true);
			const refused = await adminS.post<Envelope>(`${API}/roster/imports/${String(preview.import.id)}/apply?lang=nl`, {});
			assert.strictEqual(refused.status, 400);
			assert.match(refused.body.status.message, /statussen/);
			const applied = await adminS.post(`${API}/roster/imports/${String(preview.import.id)}/apply`, { confirmStatuses: true });
			assert.strictEqual(applied.status, 200, applied.text);
			assert.strictEqual((await store.getEntry(resigning.nr))?.active, false);
			assert.strictEqual((await store.getEntry(doubled.nr))?.firstName, 'Test', 'the entry in force is kept as it was');
			assert.ok((await store.getMemberState(accounts.leaver!.uid))?.graceUntil, 'the leaver\'s grace period started');
			// the decision is remembered: the same statuses again need no confirmation
			const again = await upload(adminS, belgianCsv([{ ...resigning, status: 'Ontslagen' }, stays]));
			assert.strictEqual((again.body.response as unknown as Preview).statusesToReview, false);
			assert.ok(!(again.body.response as unknown as Preview).activeStatuses.includes('Ontslagen'));
			await adminS.del(`${API}/roster/imports/${String(again.body.response.import.id)}`);
		});

		it('finds accounts in their grace period, revoked, restored by an admin, and members who never registered, with dates', async () => {
			const list = async (filter: string) => {
				const res = await adminS.get<Envelope<{ rows: ListRow[]; total: number }>>(`${API}/roster?filter=${filter}&count=100`);
				assert.strictEqual(res.status, 200, res.text);
				return res.body.response.rows;
			};
			const inGrace = await list('grace');
			const leaver = inGrace.find(r => r.uid === accounts.leaver!.uid);
			assert.ok(leaver, 'an account that left the roster is found in its grace period');
			assert.strictEqual(leaver.onRoster, false);
			assert.strictEqual(leaver.memberNumber, leaverWithAccount.nr);
			assert.ok(leaver.graceUntil > Date.now());
			assert.ok(inGrace.some(r => r.uid === accounts.resigning!.uid && r.onRoster && !r.active));

			await store.setMemberFields(accounts.leaver!.uid, { graceUntil: Date.now() - 1 });
			await access.reconcileUid(accounts.leaver!.uid);
			const revoked = (await list('revoked')).find(r => r.uid === accounts.leaver!.uid);
			assert.ok(revoked && revoked.revokedAt > 0 && revoked.standing === 'revoked');

			const restore = await adminS.post(`${API}/members/${String(accounts.resigning!.uid)}/restore`, {});
			assert.strictEqual(restore.status, 200, restore.text);
			const restored = (await list('restored')).find(r => r.uid === accounts.resigning!.uid);
			assert.ok(restored && restored.override && restored.overrideAt > 0);

			const unregistered = (await list('unregistered')).map(r => r.memberNumber);
			assert.ok(unregistered.includes(stays.nr));
			assert.ok(!unregistered.includes(accented.nr), 'a linked member is registered');
			assert.ok(!unregistered.includes(resigning.nr), 'an inactive member is not expected to register');
		});
	});
});
