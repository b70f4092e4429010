import assert from 'assert';
import * as settings from '../../../lib/settings';
import * as store from '../../../lib/membership/store';
import { createUser, loginAs, type TestUser } from '../../support/forum';
import type { Envelope } from '../../support/http';
import { addPerson, gainsOf, register } from '../../support/security';

const API = '/api/v3/plugins/lvl';
const LIMIT = 5;

/**
 * Guessing a member's proof: attempts are counted atomically per account, per IP address and per member number
 * (during registration too), and a right proof for a member number someone else holds answers like a wrong one.
 */
describe('Security: verification cannot be guessed', () => {
	let admin: TestUser;
	let saved: Awaited<ReturnType<typeof settings.get>>;

	before(async () => {
		saved = await settings.get();
		admin = await createUser('gokadmin', { admin: true });
		await settings.save({ attemptsPerHour: LIMIT, verificationMode: 'account-first' });
	});

	beforeEach(async () => {
		await store.clearAttempts('ip', '127.0.0.1');
	});

	after(async () => {
		await store.clearAttempts('ip', '127.0.0.1');
		await settings.save({ attemptsPerHour: saved.attemptsPerHour, verificationMode: saved.verificationMode });
	});

	it(`lets at most ${String(LIMIT)} of 20 parallel attempts through and refuses the rest with 429`, async function () {
		this.timeout(30000);
		const p = await addPerson(admin.uid);
		const u = await createUser('parallel');
		const s = await loginAs(u);
		const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => s.post<Envelope>(`${API}/verification`, { memberNumber: p.memberNumber, email: `gok${String(i)}@example.org` })));
		const through = answers.filter(a => a.status !== 429).length;
		assert.ok(through <= LIMIT, `${String(through)} attempts were checked against the roster`);
		assert.strictEqual(answers.filter(a => a.status === 429).length, 20 - through);
		const right = await s.post<Envelope>(`${API}/verification`, { memberNumber: p.memberNumber, email: p.email });
		assert.strictEqual(right.status, 429, 'even the right proof waits for the limit');
		assert.strictEqual((await gainsOf(u.uid)).member, false);
	});

	it('limits attempts per member number, whatever the accounts and addresses they come from', async () => {
		const p = await addPerson(admin.uid);
		for (let i = 0; i < LIMIT; i += 1) {
			const s = await loginAs(await createUser('rover'));
			// a fresh account, and as if from a fresh address: only the member number ties the attempts together
			await store.clearAttempts('ip', '127.0.0.1');
			const res = await s.post(`${API}/verification`, { memberNumber: p.memberNumber, lastName: p.lastName, birthDate: `1970-01-${String(10 + i)}` });
			assert.strictEqual(res.status, 400, res.text);
		}
		await store.clearAttempts('ip', '127.0.0.1');
		const u = await createUser('achteraan');
		const blocked = await (await loginAs(u)).post(`${API}/verification`, { memberNumber: p.memberNumber, lastName: p.lastName, birthDate: p.birthDate });
		assert.strictEqual(blocked.status, 429, blocked.text);
		assert.strictEqual((await gainsOf(u.uid)).member, false);
	});

	it('counts the member number during registration too', async () => {
		const p = await addPerson(admin.uid);
		for (let i = 0; i < LIMIT; i += 1) {
			await store.clearAttempts('ip', '127.0.0.1');
			const r = await register({}, { lvlAction: 'verify', lvlMemberNumber: p.memberNumber, lvlEmail: `fout${String(i)}@example.org` });
			assert.strictEqual(r.uid, 0);
		}
		await store.clearAttempts('ip', '127.0.0.1');
		const r = await register({}, { lvlAction: 'verify', lvlMemberNumber: p.memberNumber, lvlEmail: p.email });
		assert.strictEqual(r.uid, 0, 'no account: the member number is locked for the hour');
		assert.strictEqual(await store.linkedUid(p.memberNumber), 0);
	});

	it('answers a right proof for a number linked to someone else exactly like a wrong proof (API)', async () => {
		const p = await addPerson(admin.uid);
		const holder = await createUser('houder');
		const ok = await (await loginAs(holder)).post<Envelope<{ outcome: string }>>(`${API}/verification`, { memberNumber: p.memberNumber, email: p.email });
		assert.strictEqual(ok.body.response.outcome, 'verified', ok.text);
		const prober = await createUser('speurder');
		const s = await loginAs(prober);
		const right = await s.post<Envelope>(`${API}/verification?lang=nl`, { memberNumber: p.memberNumber, email: p.email });
		const wrong = await s.post<Envelope>(`${API}/verification?lang=nl`, { memberNumber: p.memberNumber, email: 'iemand.anders@example.org' });
		assert.deepStrictEqual([right.status, right.body.status], [wrong.status, wrong.body.status]);
		const status = await s.get<Envelope>(`${API}/verification`);
		assert.strictEqual(status.body.response.pendingRequest, false, 'the status tells nothing either');
		assert.strictEqual((await gainsOf(prober.uid)).member, false);
	});

	it('answers a right proof for a linked number exactly like a wrong proof (registration)', async () => {
		const p = await addPerson(admin.uid);
		const holder = await createUser('houder');
		await (await loginAs(holder)).post(`${API}/verification`, { memberNumber: p.memberNumber, email: p.email });
		assert.ok(await store.linkedUid(p.memberNumber));
		const right = await register({}, { lvlAction: 'verify', lvlMemberNumber: p.memberNumber, lvlEmail: p.email });
		const wrong = await register({}, { lvlAction: 'verify', lvlMemberNumber: p.memberNumber, lvlEmail: 'niemand@example.org' });
		assert.deepStrictEqual([right.uid, right.location], [0, wrong.location]);
		const [a, b] = await Promise.all([right.s.get('/register/complete?lang=nl', { accept: 'text/html' }), wrong.s.get('/register/complete?lang=nl', { accept: 'text/html' })]);
		const message = (html: string): string => /konden je niet bevestigen[^<]*/.exec(html)?.[0] ?? 'none';
		assert.strictEqual(message(a.text), message(b.text));
		assert.notStrictEqual(message(a.text), 'none');
	});
});
