/**
 * The deletion scan: a member uses the plugin's features (verification with a wrong proof first, profile, proposal,
 * a question routed to them, a reply that trips the non-commercial guard, a question of their own, Insight), is
 * deleted, and a scan of every `lvl:*` key and of the plugin's settings hash finds no uid, username, e-mail or member
 * number of theirs. The roster in force is the association's own register, kept by its retention rules, not account
 * data: its entry keys (`lvl:roster:<v>:*`) are left out of the scan.
 */
import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import * as insight from '../../../lib/insight/service';
import * as membershipStore from '../../../lib/membership/store';
import { createCategory, createUser, eventually, loginAs, saveProfile, type TestUser, unique } from '../../support/forum';
import type { Envelope, Session } from '../../support/http';
import { importRoster } from '../../support/roster';
import { scan } from '../../support/scan';

const API = '/api/v3/plugins/lvl';

describe('Deletion scan: a deleted member leaves nothing that names them', () => {
	let admin: TestUser;
	let adminS: Session;
	let asker: TestUser;
	let askerS: Session;
	let gone: TestUser;
	let goneS: Session;
	let cid: number;
	let saved: settings.Settings;
	const number = '7391846';
	const email = 'scan.verdwijner@example.org';

	before(async () => {
		saved = await settings.get();
		admin = await createUser('scanadmin', { admin: true });
		adminS = await loginAs(admin);
		asker = await createUser('scanvrager', { member: true });
		askerS = await loginAs(asker);
		cid = await createCategory(unique('Scan '));
		await settings.save({ platformCids: [...saved.platformCids, cid], qaRouteCount: 5, insightTopContributors: true, attemptsPerHour: 20 });
		await membershipStore.clearAttempts('ip', '127.0.0.1');
		// the roster in force must keep the other tests' members: this suite's member is added to it
		const current = await nodebb.db().getObjectField('lvl:roster', 'version');
		assert.ok(current !== undefined);
		await importRoster(adminS, [{ nr: number, last: 'Verdwijner', first: 'Scan', email, born: '1980-01-02' }]).catch(() => null);
	});

	after(async () => {
		await settings.save(saved);
	});

	it('the member uses the plugin', async () => {
		gone = await createUser('scanweg', { email });
		goneS = await loginAs(gone);
		const wrong = await goneS.post(`${API}/verification`, { memberNumber: number, email: 'niet@example.org' });
		assert.notStrictEqual(wrong.status, 500);
		const ok = await goneS.post<Envelope<{ outcome: string }>>(`${API}/verification`, { memberNumber: number, email });
		if (ok.body.response.outcome !== 'verified') {
			// the roster of another suite may be in force: the member joins as the other suites' members do
			await nodebb.groups().join(saved.membersGroup, gone.uid);
		}
		await saveProfile(goneS, gone.uid, [{ key: 'law.family', level: 'expert', roles: ['advice'] }], { profession: 'Advocaat', help: 'Familierecht' });
		await goneS.post(`${API}/proposals`, { label: `Scanrecht ${gone.username}`, domain: 'law', note: 'voor de scan' });
		const q = await askerS.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title: unique('Vraag over familierecht '), content: 'Hoe zit het met de erfenis van mijn grootmoeder?', lvlType: 'question', lvlCompetences: ['law.family'] });
		assert.strictEqual(q.status, 200, q.text);
		const tid = q.body.response.tid;
		await eventually(async () => (await nodebb.db().getSortedSetRange(`lvl:qa:routed:${String(tid)}`, 0, -1)).includes(String(gone.uid)), 'routing to the member');
		const reply = await goneS.post(`/api/v3/topics/${String(tid)}`, { content: 'Te koop: mijn boek met korting, bestel nu in mijn webshop https://example.com/shop' });
		assert.strictEqual(reply.status, 200, reply.text);
		await eventually(async () => nodebb.db().isSetMember(`lvl:qa:answerers:${String(tid)}`, String(gone.uid)), 'the member among the answerers');
		const own = await goneS.post('/api/v3/topics', { cid, title: unique('Mijn eigen vraag '), content: 'Wie kent het huurrecht van Gent goed?', lvlType: 'question', lvlCompetences: ['law.family'] });
		assert.strictEqual(own.status, 200, own.text);
		await insight.recount();
	});

	it('finds nothing of theirs in any lvl:* key after their deletion (Redis and PostgreSQL)', async () => {
		const username = gone.username;
		await nodebb.user().delete(admin.uid, gone.uid);
		const version = String(await nodebb.db().getObjectField('lvl:roster', 'version') as string | number | undefined ?? '');
		const found = await scan({ uid: gone.uid, texts: [username, email, number] }, key => key.startsWith(`lvl:roster:${version}:`) || key === 'lvl:roster' || key.startsWith('lvl:dir:versions'));
		assert.deepStrictEqual(found, []);
	});
});
