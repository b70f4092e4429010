import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import { NS, PLUGIN_ID } from '../../lib/settings';
import * as platformHooks from '../../lib/platform/hooks';
import { MEMBER_PRIVILEGES } from '../../lib/platform/rules';
import { createCategory, createUser, guest, host, loginAs, type TestUser } from '../support/forum';
import type { Envelope } from '../support/http';

interface PluginsModule {
	isActive(id: string): Promise<boolean>;
	toggleActive(id: string): Promise<{ active: boolean }>;
	hooks: { hasListeners(hook: string): boolean };
}

describe('Foundation: the plugin inside NodeBB', () => {
	let admin: TestUser;
	let member: TestUser;
	let outsider: TestUser;

	before(async () => {
		admin = await createUser('beheer', { admin: true });
		member = await createUser('lid', { member: true });
		outsider = await createUser('buiten');
	});

	describe('activation', () => {
		it('is active and its hooks are registered', async () => {
			const plugins = host<PluginsModule>('./src/plugins');
			assert.strictEqual(await plugins.isActive(PLUGIN_ID), true);
			assert.ok(plugins.hooks.hasListeners('filter:settings.set'), 'filter:settings.set has our listener');
			assert.ok(plugins.hooks.hasListeners('static:api.routes'));
		});

		it('has created the members group, private, hidden and closed to join requests', async () => {
			const group = await nodebb.groups().getGroupData('Leden');
			assert.ok(group, 'the group "Leden" exists');
			assert.strictEqual(Number(group.private), 1);
			assert.strictEqual(Number(group.hidden), 1);
			assert.strictEqual(Number(group.disableJoinRequests), 1);
		});

		it('changes nothing when activated again', async () => {
			const before = await nodebb.groups().getGroupData('Leden');
			const membersBefore = await nodebb.groups().getMembers('Leden', 0, -1);
			await platformHooks.actionPluginActivate({ id: PLUGIN_ID });
			await platformHooks.actionPluginActivate({ id: PLUGIN_ID });
			const after = await nodebb.groups().getGroupData('Leden');
			assert.deepStrictEqual(after, before);
			assert.deepStrictEqual(await nodebb.groups().getMembers('Leden', 0, -1), membersBefore);
			assert.ok(membersBefore.map(String).includes(String(member.uid)));
		});

		it('ignores the activation of another plugin', async () => {
			await nodebb.groups().update('Leden', { description: 'kept' });
			await platformHooks.actionPluginActivate({ id: 'nodebb-plugin-other' });
			assert.strictEqual((await nodebb.groups().getGroupData('Leden'))?.description, 'kept');
		});
	});

	describe('the ACP page', () => {
		it('renders for an administrator, with the categories to choose from', async () => {
			const cid = await createCategory('ACP keuze');
			const s = await loginAs(admin);
			const res = await s.get<{ categories: { cid: number; name: string }[]; title: string }>(`/api/admin/plugins/${NS}`);
			assert.strictEqual(res.status, 200);
			assert.ok(res.body.categories.some(c => String(c.cid) === String(cid)));
			const html = await s.get(`/admin/plugins/${NS}?lang=nl`, { accept: 'text/html' });
			assert.strictEqual(html.status, 200);
			assert.match(html.text, /Ledengroep/);
			assert.match(html.text, /name="platformCids"/);
		});

		it('is refused to a member who is not an administrator, and to a guest', async () => {
			const s = await loginAs(member);
			const res = await s.get(`/api/admin/plugins/${NS}`);
			assert.strictEqual(res.status, 403);
			const g = await guest().get(`/api/admin/plugins/${NS}`);
			assert.ok([401, 403].includes(g.status), `guest got ${g.status}`);
		});
	});

	describe('settings', () => {
		it('round-trip through the API and apply at once, without a restart', async () => {
			const cid = await createCategory('Vragen & Antwoorden');
			const s = await loginAs(admin);
			const put = await s.put<Envelope<settings.Settings>>(`/api/v3/plugins/${NS}/settings`, { platformCids: [String(cid)], graceDays: '14' });
			assert.strictEqual(put.status, 200, put.text);
			assert.strictEqual(put.body.status.code, 'ok');
			assert.deepStrictEqual(put.body.response.platformCids, [cid]);
			assert.strictEqual(put.body.response.graceDays, 14);

			const got = await s.get<Envelope<settings.Settings>>(`/api/v3/plugins/${NS}/settings`);
			assert.deepStrictEqual(got.body.response.platformCids, [cid]);
			assert.strictEqual((await settings.get()).graceDays, 14);

			// applied at once: the category is now closed to everyone but the members group
			const p = nodebb.privileges().categories;
			assert.strictEqual(await p.can('topics:read', cid, member.uid), true);
			assert.strictEqual(await p.can('topics:create', cid, member.uid), true);
			assert.strictEqual(await p.can('topics:read', cid, outsider.uid), false);
			assert.strictEqual(await p.can('read', cid, 0), false, 'guests cannot read');
		});

		it('saved through NodeBB\'s own settings call (the ACP form) are normalised the same way', async () => {
			await nodebb.meta().settings.set(NS, { attemptsPerHour: '7', exemptGroups: ['Bestuur'] });
			const s = await settings.get();
			assert.strictEqual(s.attemptsPerHour, 7);
			assert.deepStrictEqual(s.exemptGroups, ['Bestuur']);
			assert.strictEqual(s.membersGroup, 'Leden', 'values not sent are kept');
		});

		it('refuse bad values with a translated error and keep what was stored', async () => {
			const s = await loginAs(admin);
			const before = await settings.get();
			const bad = await s.put<Envelope>(`/api/v3/plugins/${NS}/settings`, { graceDays: '-3' });
			assert.strictEqual(bad.status, 400);
			assert.match(bad.body.status.message, /whole number between 0 and 365/);
			const reserved = await s.put<Envelope>(`/api/v3/plugins/${NS}/settings?lang=nl`, { membersGroup: 'registered-users' });
			assert.strictEqual(reserved.status, 400);
			assert.match(reserved.body.status.message, /voorbehouden/);
			assert.deepStrictEqual(await settings.get(), before);
		});

		it('rename the members group along with its members and privileges', async () => {
			const cid = (await settings.get()).platformCids[0] ?? 0;
			const s = await loginAs(admin);
			const res = await s.put<Envelope<settings.Settings>>(`/api/v3/plugins/${NS}/settings`, { membersGroup: 'Kringleden' });
			assert.strictEqual(res.status, 200, res.text);
			assert.strictEqual(await nodebb.groups().exists('Leden'), false);
			assert.strictEqual(await nodebb.groups().isMember(member.uid, 'Kringleden'), true);
			assert.strictEqual(await nodebb.privileges().categories.can('topics:read', cid, member.uid), true);
			// and back, for the suites that follow
			await s.put(`/api/v3/plugins/${NS}/settings`, { membersGroup: 'Leden' });
			assert.strictEqual(await nodebb.groups().isMember(member.uid, 'Leden'), true);
		});

		it('are refused to anyone without the ACP settings privilege', async () => {
			const s = await loginAs(member);
			const res = await s.put<Envelope>(`/api/v3/plugins/${NS}/settings`, { graceDays: '1' });
			assert.strictEqual(res.status, 403);
			assert.notStrictEqual((await settings.get()).graceDays, 1);
		});
	});

	describe('the API under /api/v3/plugins/lvl', () => {
		it('answers in NodeBB\'s envelope', async () => {
			const s = await loginAs(member);
			const res = await s.get<Envelope<{ uid: number; member: boolean; membersGroup: string }>>(`/api/v3/plugins/${NS}/me`);
			assert.strictEqual(res.status, 200);
			assert.deepStrictEqual(res.body.status, { code: 'ok', message: 'OK' });
			assert.strictEqual(res.body.response.uid, member.uid);
			assert.strictEqual(res.body.response.member, true);
		});

		it('tells an unverified account it is not a member, and refuses it members-only data with 403', async () => {
			const s = await loginAs(outsider);
			const me = await s.get<Envelope<{ member: boolean }>>(`/api/v3/plugins/${NS}/me`);
			assert.strictEqual(me.body.response.member, false);
			const res = await s.get<Envelope>(`/api/v3/plugins/${NS}/platform?lang=fr`);
			assert.strictEqual(res.status, 403);
			assert.strictEqual(res.body.status.code, 'forbidden');
			assert.match(res.body.status.message, /membres vérifiés/);
			assert.deepStrictEqual(res.body.response, {});
		});

		it('answers a guest with 401', async () => {
			const res = await guest().get<Envelope>(`/api/v3/plugins/${NS}/platform`);
			assert.strictEqual(res.status, 401);
			assert.strictEqual(res.body.status.code, 'not-authorised');
		});

		it('gives a member the platform\'s categories', async () => {
			const s = await loginAs(member);
			const res = await s.get<Envelope<{ categories: { cid: number }[] }>>(`/api/v3/plugins/${NS}/platform`);
			assert.strictEqual(res.status, 200);
			assert.deepStrictEqual(res.body.response.categories.map(c => c.cid), (await settings.get()).platformCids);
		});
	});

	describe('pages', () => {
		it('render in Dutch and in French', async () => {
			const s = await loginAs(member);
			const nl = await s.get('/leden-voor-leden?lang=nl', { accept: 'text/html' });
			assert.strictEqual(nl.status, 200);
			assert.match(nl.text, /<html[^>]*lang="nl"/);
			assert.match(nl.text, /Stel je vraag, deel je antwoord/);
			const fr = await s.get('/leden-voor-leden?lang=fr', { accept: 'text/html' });
			assert.strictEqual(fr.status, 200);
			assert.match(fr.text, /Membres pour Membres/);
			assert.match(fr.text, /Posez votre question/);
		});

		it('show a guest and an unverified account how to get in, and nothing of the platform', async () => {
			const cats = await nodebb.categories().getCategoriesFields((await settings.get()).platformCids, ['name']);
			const g = await guest().get('/leden-voor-leden?lang=nl', { accept: 'text/html' });
			assert.strictEqual(g.status, 401);
			assert.match(g.text, /Alleen voor leden/);
			const os = await loginAs(outsider);
			// the first page of the session leads an unverified account to the verification step
			const first = await os.get('/leden-voor-leden?lang=fr', { accept: 'text/html' });
			assert.strictEqual(first.status, 307);
			assert.match(String(first.headers.get('location')), /\/register\/complete$/);
			const step = await os.get('/register/complete?lang=fr', { accept: 'text/html' });
			assert.match(step.text, /Confirmez que vous êtes membre/);
			// "later": the account goes on without access, and is not asked again in this session
			// (accounts made in tests never gave NodeBB's own GDPR consent: that step is on the same page)
			const later = await os.post('/register/complete', { lvlAction: 'later', gdpr_agree_data: 'on', gdpr_agree_email: 'on' });
			assert.strictEqual(later.status, 302);
			assert.doesNotMatch(String(later.headers.get('location')), /register/, 'the step is done');
			const o = await os.get('/leden-voor-leden?lang=fr', { accept: 'text/html' });
			assert.strictEqual(o.status, 403);
			assert.match(o.text, /Confirmer mon adhésion maintenant/);
			assert.match(o.text, /Réservé aux membres/);
			for (const c of cats) {
				assert.ok(!o.text.includes(String(c.name)), 'no platform category name leaks');
			}
		});

		it('keep the members-only category out of NodeBB\'s own lists for outsiders', async () => {
			const cid = (await settings.get()).platformCids[0] ?? 0;
			const g = await guest().get(`/api/category/${String(cid)}`);
			assert.ok([401, 403, 404].includes(g.status), `guest got ${g.status}`);
			const o = await (await loginAs(outsider)).get(`/api/category/${String(cid)}`);
			assert.ok([403, 404].includes(o.status), `unverified got ${o.status}`);
			const m = await (await loginAs(member)).get(`/api/category/${String(cid)}`);
			assert.strictEqual(m.status, 200);
			assert.ok(MEMBER_PRIVILEGES.includes('groups:topics:read'));
		});
	});
});
