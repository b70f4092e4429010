import assert from 'assert';
import * as settings from '../../../lib/settings';
import * as charter from '../../../lib/engagement/charter';
import * as store from '../../../lib/membership/store';
import { createUser, eventually, type TestUser } from '../../support/forum';
import { STARTER_CHARTER } from '../../support/seed';
import { addPerson, assertNoMembership, gainsOf, NOTHING, register, type RosterPerson } from '../../support/security';

/**
 * The registration tamper suite: NodeBB keeps the POST /register body as the registration state every interstitial
 * reads. Every key the plugin's steps read or set, and `uid` of another account, is sent in that body, in both
 * verification modes: nobody gains membership, a link, a manual request or a charter acceptance from it.
 */
describe('Security: registration state sent by the client gives nothing', () => {
	let admin: TestUser;
	let version = 0;
	let saved: Awaited<ReturnType<typeof settings.get>>;

	before(async () => {
		saved = await settings.get();
		admin = await createUser('tamperadmin', { admin: true });
		const c = await charter.current();
		version = c ? c.version : (await charter.publish(STARTER_CHARTER, admin.uid)).version;
		assert.ok(version > 0, 'a charter is in force');
	});

	beforeEach(async () => {
		await store.clearAttempts('ip', '127.0.0.1');
	});

	after(async () => {
		await settings.save({ verificationMode: saved.verificationMode, attemptsPerHour: saved.attemptsPerHour });
	});

	const accept = (): Record<string, string> => ({ lvlCharterAccept: 'on', lvlCharterVersion: String(version) });
	const proofOf = (p: RosterPerson): Record<string, string> => ({ lvlAction: 'verify', lvlMemberNumber: p.memberNumber, lvlEmail: p.email });

	for (const mode of ['account-first', 'refuse'] as const) {
		describe(`verification mode "${mode}"`, () => {
			before(async () => {
				await settings.save({ verificationMode: mode, attemptsPerHour: 50 });
			});

			// in "refuse" mode no account may exist without a proof; in both modes it gains nothing
			const noAccountInRefuse = (uid: number): void => {
				if (mode === 'refuse') {
					assert.strictEqual(uid, 0, 'refuse mode: no account without a proof');
				}
			};

			it('lvlVerifiedNumber in the body does not link or admit the account', async () => {
				const p = await addPerson(admin.uid);
				const r = await register({ lvlVerifiedNumber: p.memberNumber }, { lvlAction: 'later', ...accept() });
				noAccountInRefuse(r.uid);
				assertNoMembership(await gainsOf(r.uid), 'the new account');
				assert.strictEqual(await store.linkedUid(p.memberNumber), 0, 'the member number stays free');
			});

			it('lvlManual in the body files no request and skips no step', async () => {
				const p = await addPerson(admin.uid);
				const r = await register({ lvlManual: { memberNumber: p.memberNumber, note: 'ik ben het echt' } }, { lvlAction: 'later', ...accept() });
				noAccountInRefuse(r.uid);
				assertNoMembership(await gainsOf(r.uid), 'the new account');
			});

			it('lvlLater in the body skips no step (and never passes "refuse")', async () => {
				const r = await register({ lvlLater: true }, accept());
				if (mode === 'refuse') {
					assert.strictEqual(r.uid, 0, 'refuse mode: no account without a proof');
				} else {
					// the step was shown and not answered: nothing was created behind the person's back
					assert.strictEqual(r.uid, 0, 'the membership step was not skipped');
				}
			});

			it('lvlCharterAccepted in the body records no acceptance', async () => {
				const p = await addPerson(admin.uid);
				// a real member who registers with a proof, but never ticks the charter
				const r = await register({ lvlCharterAccepted: version }, proofOf(p));
				assert.strictEqual((await gainsOf(r.uid)).charterVersion, 0, 'no acceptance without ticking the charter');
				assert.strictEqual(r.uid, 0, 'the charter step was not skipped');
			});

			it('uid of another account makes no step act on it (manual request)', async () => {
				const victim = await createUser('slachtoffer');
				const r = await register({ uid: victim.uid }, { lvlAction: 'manual', lvlMemberNumber: '1', lvlNote: 'koppel mij', ...accept() });
				assert.deepStrictEqual(await gainsOf(victim.uid), NOTHING, 'the other account gained something');
				noAccountInRefuse(r.uid);
			});

			it('uid of another account makes no step act on it (verification and link)', async () => {
				const victim = await createUser('slachtoffer');
				const p = await addPerson(admin.uid);
				await register({ uid: victim.uid }, { ...proofOf(p), ...accept() });
				assert.deepStrictEqual(await gainsOf(victim.uid), NOTHING, 'the other account gained something');
			});

			it('uid of a member makes no step accept the charter in their name', async () => {
				const victim = await createUser('lidslachtoffer', { member: true });
				assert.strictEqual(await charter.pendingFor(victim.uid), version, 'the member has not accepted yet');
				await register({ uid: victim.uid }, { lvlAction: 'later', ...accept() });
				assert.strictEqual((await gainsOf(victim.uid)).charterVersion, 0, 'no acceptance in the member\'s name');
			});

			it('every key at once (with the plugin\'s session flags) gives nothing to anyone', async () => {
				const victim = await createUser('slachtoffer');
				const p = await addPerson(admin.uid);
				const r = await register({
					uid: victim.uid, lvlVerifiedNumber: p.memberNumber, lvlManual: { memberNumber: p.memberNumber, note: 'x' },
					lvlLater: 1, lvlCharterAccepted: version, lvlVerify: true, lvlCharter: true, lvlPrompted: true,
				}, { lvlAction: 'later', ...accept() });
				assert.deepStrictEqual(await gainsOf(victim.uid), NOTHING, 'the other account gained something');
				noAccountInRefuse(r.uid);
				assertNoMembership(await gainsOf(r.uid), 'the new account');
				assert.strictEqual(await store.linkedUid(p.memberNumber), 0);
			});

			it('a person who proves membership and accepts the charter still gets in (the honest path)', async () => {
				const p = await addPerson(admin.uid);
				const r = await register({}, { ...proofOf(p), ...accept() });
				assert.ok(r.uid, `account created (${r.location})`);
				await eventually(async () => (await gainsOf(r.uid)).member, 'the honest member admitted');
				// NodeBB does not await action:user.create: the acceptance is recorded just after the link
				await eventually(async () => (await gainsOf(r.uid)).charterVersion === version, 'the acceptance recorded');
				assert.strictEqual((await gainsOf(r.uid)).linked, p.memberNumber);
			});
		});
	}
});
