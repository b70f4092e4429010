/**
 * A member who left keeps the right to their own plugin data: they export it, and erase it without deleting their
 * account, through the plugin's API (`GET|DELETE /api/v3/plugins/lvl/me/data`). Always their own: the uid is the
 * session's, never the request's; a current member cannot erase through this door (they edit or delete instead).
 */
import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import * as membershipStore from '../../../lib/membership/store';
import { createUser, guest, loginAs, saveProfile, type TestUser } from '../../support/forum';
import type { Envelope, Session } from '../../support/http';
import { scan } from '../../support/scan';

const API = '/api/v3/plugins/lvl';

interface Export { uid: number; membership: { memberNumber: string; revokedAt: number } | null; competences: { competences: { key: string }[]; profile: { profession: string } } }

describe('Own data: a member who left exports and erases their plugin data', () => {
	let gone: TestUser;
	let goneS: Session;
	let other: TestUser;
	let otherS: Session;
	const number = '6610452';

	before(async () => {
		gone = await createUser('vertrokken', { member: true, email: 'vertrokken.lid@example.org' });
		other = await createUser('blijver', { member: true });
		const s = await loginAs(gone);
		await saveProfile(s, gone.uid, [{ key: 'law.family', level: 'expert', roles: ['advice'] }], { profession: 'Zeldzaamberoep Qx', help: 'Erfrecht' });
		otherS = await loginAs(other);
		await saveProfile(otherS, other.uid, [{ key: 'law.family', level: 'basic', roles: ['advice'] }], { profession: 'Jurist' });
		// the roster let them go and the grace period is over: linked once, now revoked, out of the members group
		await membershipStore.link(gone.uid, number, 'roster');
		await membershipStore.setMemberFields(gone.uid, { graceUntil: 0, revokedAt: Date.now() });
		await nodebb.groups().leave((await settings.get()).membersGroup, gone.uid);
		goneS = await loginAs(gone);
	});

	it('NodeBB\'s own consent and export page offers the plugin\'s export to the account\'s owner', async () => {
		const page = await goneS.get<{ lvlOwnData?: { exportUrl: string } }>(`/api/user/${gone.username.toLowerCase()}/consent`);
		assert.strictEqual(page.status, 200, page.text.slice(0, 300));
		assert.ok(page.body.lvlOwnData, 'the plugin\'s export is offered on the owner\'s page');
		assert.match(page.body.lvlOwnData.exportUrl, /\/api\/v3\/plugins\/lvl\/me\/data$/);
		const relativePath: unknown = nodebb.nconf().get('relative_path');
		const url = page.body.lvlOwnData.exportUrl.replace(typeof relativePath === 'string' ? relativePath : '', '');
		const file = await goneS.get<Export>(url);
		assert.strictEqual(file.status, 200, file.text.slice(0, 300));
		assert.match(file.headers.get('content-disposition') ?? '', /attachment/);
		assert.strictEqual(file.body.uid, gone.uid);
		// an admin looking at that member's page is not offered a download there (it would be the admin's own data)
		const admin = await createUser('beheerder', { admin: true });
		const seen = await (await loginAs(admin)).get<{ lvlOwnData?: unknown; uid: number }>(`/api/user/${gone.username.toLowerCase()}/consent`);
		assert.strictEqual(seen.status, 200, seen.text.slice(0, 300));
		assert.strictEqual(seen.body.uid, gone.uid);
		assert.strictEqual(seen.body.lvlOwnData, undefined);
	});

	it('a member who left exports their own data', async () => {
		assert.strictEqual((await goneS.get(`${API}/competences`)).status, 403, 'no longer a member of the platform');
		const res = await goneS.get<Export>(`${API}/me/data`);
		assert.strictEqual(res.status, 200, res.text);
		assert.match(res.headers.get('content-disposition') ?? '', /attachment/);
		assert.strictEqual(res.body.uid, gone.uid);
		assert.deepStrictEqual(res.body.competences.competences.map(c => c.key), ['law.family']);
		assert.strictEqual(res.body.competences.profile.profession, 'Zeldzaamberoep Qx');
		assert.ok(res.body.membership);
		assert.strictEqual(res.body.membership.memberNumber, number);
		assert.ok(res.body.membership.revokedAt > 0);
	});

	it('another member only ever gets and erases their own', async () => {
		const res = await otherS.get<Export>(`${API}/me/data?uid=${String(gone.uid)}`);
		assert.strictEqual(res.status, 200);
		assert.strictEqual(res.body.uid, other.uid, res.text.slice(0, 300));
		assert.strictEqual(res.body.competences.profile.profession, 'Jurist');
		// a current member is refused the erasure (and a uid in the body is never read)
		const del = await otherS.del<Envelope<unknown>>(`${API}/me/data`, { uid: gone.uid });
		assert.strictEqual(del.status, 400, del.text);
		assert.match(del.text, /erase-while-member|still a member|nog lid|encore membre/);
		const still = await goneS.get<Export>(`${API}/me/data`);
		assert.strictEqual(still.body.competences.profile.profession, 'Zeldzaamberoep Qx', 'the member who left lost nothing');
		assert.strictEqual((await guest().get(`${API}/me/data`)).status, 401);
		assert.strictEqual((await guest().del(`${API}/me/data`)).status, 401);
	});

	it('refuses an erasure without the CSRF token', async () => {
		const forged = await goneS.request('DELETE', `${API}/me/data`, undefined, { 'x-csrf-token': 'forged' });
		assert.strictEqual(forged.status, 403, forged.text);
		assert.strictEqual((await goneS.get<Export>(`${API}/me/data`)).body.competences.profile.profession, 'Zeldzaamberoep Qx');
	});

	it('a member who left erases their plugin data: nothing names them, the account stays', async () => {
		const res = await goneS.del<Envelope<{ erased: boolean }>>(`${API}/me/data`);
		assert.strictEqual(res.status, 200, res.text);
		assert.strictEqual(res.body.response.erased, true);
		const version = String(await nodebb.db().getObjectField('lvl:roster', 'version') as string | number | undefined ?? '');
		const found = await scan({ uid: gone.uid, texts: [gone.username, 'vertrokken.lid@example.org', number, 'Zeldzaamberoep Qx'] }, key => key.startsWith(`lvl:roster:${version}:`) || key === 'lvl:roster' || key.startsWith('lvl:dir:versions'));
		assert.deepStrictEqual(found, []);
		assert.strictEqual(await nodebb.user().exists(gone.uid), true, 'the NodeBB account still exists');
		const after = await goneS.get<Export>(`${API}/me/data`);
		assert.strictEqual(after.status, 200);
		assert.deepStrictEqual(after.body.competences.competences, []);
		assert.strictEqual(after.body.membership, null);
		// the other member's profile is untouched
		assert.strictEqual((await otherS.get<Export>(`${API}/me/data`)).body.competences.profile.profession, 'Jurist');
	});
});
