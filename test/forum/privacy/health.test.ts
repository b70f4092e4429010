/**
 * The privacy health check on a misconfigured forum: NodeBB's test defaults already give guests and the fediverse
 * `view:users` and leave ActivityPub on; the suite adds the rest. Every check fails, each fix makes it pass and is
 * recorded in NodeBB's event log, and afterwards a guest, a remote ActivityPub request and an account that is not a
 * member read no member's profile.
 */
import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import * as privacyHooks from '../../../lib/privacy/hooks';
import { CHECK_IDS, type CheckResult } from '../../../lib/privacy/rules';
import { createCategory, createUser, guest, host, loginAs, type TestUser, unique } from '../../support/forum';
import type { Session } from '../../support/http';
import type { Envelope } from '../../support/http';

interface Checks { checks: CheckResult[]; failing: number }
interface GroupsExtra { ownership: { grant(uid: number, name: string): Promise<void> } }

const WATCHED = ['guests', 'spiders', 'fediverse', 'registered-users', 'verified-users', 'unverified-users'];

describe('Privacy health check', () => {
	let admin: TestUser;
	let member: TestUser;
	let outsider: TestUser;
	let adminSession: Session;
	let memberSlug: string;
	let cid: number;
	let subCid: number;
	let customGroup: string;
	let saved: settings.Settings;
	let beforeConfig: Record<string, unknown>;
	let beforePrivileges: Record<string, string[]>;
	let beforeFields: Record<string, unknown>[];

	async function checks(): Promise<Checks> {
		const res = await adminSession.get<Envelope<Checks>>('/api/v3/plugins/lvl/privacy');
		assert.strictEqual(res.status, 200, res.text);
		return res.body.response;
	}

	function result(all: Checks, id: string): CheckResult {
		const r = all.checks.find(c => c.id === id);
		assert.ok(r, `check ${id} is reported`);
		return r;
	}

	async function fix(check: string, fixName: string): Promise<Checks> {
		const res = await adminSession.post<Envelope<Checks>>('/api/v3/plugins/lvl/privacy/fix', { check, fix: fixName });
		assert.strictEqual(res.status, 200, res.text);
		return res.body.response;
	}

	async function lastEvent(): Promise<Record<string, unknown>> {
		const [eid] = await nodebb.db().getSortedSetRevRange('events:time', 0, 0);
		return (await nodebb.db().getObject(`event:${String(eid)}`)) ?? {};
	}

	/** What each reader gets of the member's NodeBB profile. */
	async function profileReads(): Promise<{ guest: number; outsider: number; remote: { status: number; actor: boolean } }> {
		const g = await guest().get(`/api/user/${memberSlug}`);
		const o = await (await loginAs(outsider)).get(`/api/user/${memberSlug}`);
		const ap = await guest().get(`/uid/${String(member.uid)}`, { accept: 'application/activity+json' });
		const body = ap.body as Record<string, unknown> | string;
		const actor = typeof body === 'object' && (body.preferredUsername === member.username || JSON.stringify(body).includes(member.username));
		return { guest: g.status, outsider: o.status, remote: { status: ap.status, actor } };
	}

	before(async () => {
		admin = await createUser('privadmin', { admin: true });
		member = await createUser('privlid', { member: true });
		outsider = await createUser('privbuiten');
		adminSession = await loginAs(admin);
		memberSlug = String(await nodebb.user().getUserField(member.uid, 'userslug'));
		saved = await settings.get();
		beforeConfig = { activitypubEnabled: nodebb.meta().config.activitypubEnabled, includeUnverifiedEmails: nodebb.meta().config.includeUnverifiedEmails };
		beforePrivileges = {};
		for (const g of [...WATCHED, saved.membersGroup, 'Global Moderators']) {
			const privs = await nodebb.privileges().global.groupPrivileges(g);
			beforePrivileges[g] = Object.entries(privs).filter(([, v]) => v).map(([k]) => k);
		}
		const fieldKeys = await nodebb.db().getSortedSetRange('user-custom-fields', 0, -1);
		beforeFields = (await nodebb.db().getObjects(fieldKeys.map(k => `user-custom-field:${k}`))).filter((r): r is Record<string, unknown> => !!r);

		cid = await createCategory(unique('PrivPlatform'));
		subCid = (await nodebb.categories().create({ name: unique('PrivSub'), parentCid: cid })).cid;
		await settings.save({ platformCids: [...saved.platformCids, cid] });

		// the misconfiguration NodeBB's defaults do not already provide
		customGroup = unique('Vrienden');
		await nodebb.groups().create({ name: customGroup });
		await nodebb.privileges().categories.give(['groups:read', 'groups:topics:read'], subCid, customGroup);
		await nodebb.privileges().categories.give(['read', 'topics:read'], cid, outsider.uid as unknown as string);
		await nodebb.privileges().categories.give(['groups:topics:read'], subCid, 'guests');
		await nodebb.privileges().global.give(['groups:view:users', 'groups:search:users', 'groups:view:groups'], 'guests');
		await nodebb.privileges().global.give(['groups:view:users', 'groups:search:users'], 'registered-users');
		await nodebb.privileges().global.give(['groups:view:users', 'groups:chat'], 'fediverse');
		await nodebb.meta().configs.setMultiple({ activitypubEnabled: 1, includeUnverifiedEmails: 1 });
		await nodebb.saveCustomProfileFields(admin.uid, [...beforeFields,
			{ key: 'lvlphone', name: 'Telefoon', type: 'input-text', visibility: 'all' },
			{ key: 'lvlemployer', name: 'Werkgever', type: 'input-text', visibility: 'privileged' }]);
		await nodebb.user().setUserField(member.uid, 'lvlphone', '+32 470 12 34 56');
		await nodebb.groups().update(saved.membersGroup, { private: 0, hidden: 0 });
		await host<GroupsExtra>('./src/groups').ownership.grant(outsider.uid, saved.membersGroup);
		// what an older version accepted: written as stored, the way a save used to leave it
		await nodebb.db().setObjectField(`settings:${settings.NS}`, 'exemptGroups', JSON.stringify(['registered-users']));
	});

	after(async () => {
		await nodebb.db().setObjectField(`settings:${settings.NS}`, 'exemptGroups', JSON.stringify(saved.exemptGroups));
		await settings.save(saved);
		await nodebb.meta().configs.setMultiple(beforeConfig);
		for (const [g, privs] of Object.entries(beforePrivileges)) {
			const now = await nodebb.privileges().global.groupPrivileges(g);
			const extra = Object.entries(now).filter(([k, v]) => v && !privs.includes(k)).map(([k]) => k);
			if (extra.length) {
				await nodebb.privileges().global.rescind(extra, g);
			}
			if (privs.length) {
				await nodebb.privileges().global.give(privs, g);
			}
		}
		await nodebb.saveCustomProfileFields(admin.uid, beforeFields);
		await nodebb.groups().update(saved.membersGroup, { private: 1, hidden: 1 });
	});

	it('lets a guest, a remote server and an account that is not a member read a member\'s profile while misconfigured', async () => {
		const reads = await profileReads();
		assert.strictEqual(reads.guest, 200, 'a guest reads the profile');
		assert.strictEqual(reads.outsider, 200, 'a non-member reads the profile');
		assert.ok(reads.remote.actor, `a remote ActivityPub request gets the member as an actor (${String(reads.remote.status)})`);
	});

	it('fails every check on the misconfigured forum, and shows the red dot in the ACP menu', async () => {
		const all = await checks();
		for (const id of CHECK_IDS) {
			assert.strictEqual(result(all, id).ok, false, `${id} fails`);
			assert.ok(result(all, id).fixes.length > 0, `${id} offers a fix`);
		}
		assert.strictEqual(all.failing, CHECK_IDS.length);
		assert.ok(result(all, 'platform').details.some(d => d.includes(customGroup)), 'the custom group on the subcategory is named');
		assert.ok(result(all, 'platform').details.some(d => d.includes(outsider.username)), 'the single non-member is named');
		assert.ok(result(all, 'fields').details.some(d => d.startsWith('Telefoon')));
		const header = await privacyHooks.filterAdminHeaderBuild({ plugins: [{ route: '/plugins/lvl', name: '[[lvl:platform.name]]' }] });
		assert.notStrictEqual(header.plugins[0]?.name, '[[lvl:platform.name]]', 'the menu entry carries the dot');
	});

	it('shows the checks with their meaning and fix buttons on the ACP page', async () => {
		const res = await adminSession.get<string>('/admin/plugins/lvl/privacy', { accept: 'text/html' });
		assert.strictEqual(res.status, 200);
		assert.ok(res.text.includes('component="lvl/privacy/fix"'));
		assert.ok(res.text.includes('data-fix="disable-activitypub"'));
		// (the page's data for ajaxify carries the tokens; the markup must not)
		const m = />[^<{]*\[\[lvl-privacy:[^<]*/.exec(res.text);
		assert.ok(!m, `every visible string is translated: ${m?.[0] ?? ''}`);
		assert.ok(res.text.includes('ActivityPub (the fediverse)') || res.text.includes('ActivityPub (de fediverse)'));
	});

	it('refuses a fix that does not exist, and a caller who may not manage settings', async () => {
		const bad = await adminSession.post('/api/v3/plugins/lvl/privacy/fix', { check: 'guests', fix: 'disable-activitypub' });
		assert.strictEqual(bad.status, 400);
		const m = await (await loginAs(member)).post('/api/v3/plugins/lvl/privacy/fix', { check: 'guests', fix: 'rescind-guests' });
		assert.strictEqual(m.status, 403);
		assert.strictEqual(nodebb.meta().config.activitypubEnabled ? 1 : 0, 1);
	});

	it('refuses a NodeBB system group as an exempt group when the settings are saved', async () => {
		const res = await adminSession.put<Envelope>('/api/v3/plugins/lvl/settings', { exemptGroups: JSON.stringify(['registered-users']) });
		assert.notStrictEqual(res.status, 200);
		assert.ok(res.text.includes('exempt-system-group') || res.text.includes('registered-users'), res.text);
	});

	const fixes: [string, string][] = [
		['activitypub', 'disable-activitypub'],
		['guests', 'rescind-guests'],
		['outsiders', 'rescind-outsiders'],
		['platform', 'apply-plan'],
		['fields', 'fields-loggedin'],
		['members-group', 'close-members-group'],
		['exempt', 'drop-system-exempt'],
		['email', 'verified-emails-only'],
	];
	for (const [check, fixName] of fixes) {
		it(`passes "${check}" after its fix "${fixName}", recorded in NodeBB's event log`, async () => {
			const all = await fix(check, fixName);
			assert.strictEqual(result(all, check).ok, true, JSON.stringify(result(all, check)));
			const event = await lastEvent();
			assert.strictEqual(event.type, 'lvl-privacy-fix');
			assert.strictEqual(event.check, check);
			assert.strictEqual(event.fix, fixName);
			assert.strictEqual(Number(event.uid), admin.uid);
		});
	}

	it('also offers taking the fediverse\'s privileges, and that fix takes them', async () => {
		await nodebb.meta().configs.setMultiple({ activitypubEnabled: 1 });
		const all = await checks();
		assert.strictEqual(result(all, 'activitypub').ok, false);
		assert.ok(result(all, 'activitypub').fixes.includes('rescind-fediverse'));
		await fix('activitypub', 'rescind-fediverse');
		const held = await nodebb.privileges().global.groupPrivileges('fediverse');
		assert.strictEqual(held['groups:view:users'], false);
		assert.strictEqual(held['groups:chat'], false);
		// on a NodeBB that serves actors without asking view:users, only turning ActivityPub off passes
		await fix('activitypub', 'disable-activitypub');
		assert.strictEqual(result(await checks(), 'activitypub').ok, true);
	});

	it('leaves no privilege on the platform tree to the custom group, the single non-member or the guests', async () => {
		const p = nodebb.privileges().categories;
		assert.strictEqual(await p.can('topics:read', subCid, outsider.uid), false);
		assert.strictEqual(await p.can('read', cid, outsider.uid), false);
		assert.strictEqual(await nodebb.db().isSortedSetMember(`group:cid:${String(subCid)}:privileges:groups:read:members`, customGroup), false);
		assert.strictEqual(await p.can('topics:read', subCid, 0), false);
		assert.strictEqual(await p.can('topics:read', subCid, member.uid), true, 'members read the subcategory');
	});

	it('passes every check after the fixes, clears the red dot, and then nobody outside reads a member\'s profile', async () => {
		const all = await checks();
		assert.strictEqual(all.failing, 0, JSON.stringify(all.checks.filter(c => !c.ok)));
		const header = await privacyHooks.filterAdminHeaderBuild({ plugins: [{ route: '/plugins/lvl', name: '[[lvl:platform.name]]' }] });
		assert.strictEqual(header.plugins[0]?.name, '[[lvl:platform.name]]');
		const reads = await profileReads();
		assert.ok(reads.guest === 401 || reads.guest === 403, `guest: ${String(reads.guest)}`);
		assert.strictEqual(reads.outsider, 403, 'a non-member may not read the profile');
		assert.strictEqual(reads.remote.actor, false, `no actor for a remote server (${String(reads.remote.status)})`);
		const m = await (await loginAs(member)).get<Record<string, unknown>>(`/api/user/${memberSlug}`);
		assert.strictEqual(m.status, 200, 'a member still reads a member\'s profile');
		const other = await createUser('privlid2', { member: true });
		const o = await (await loginAs(other)).get(`/api/user/${memberSlug}`);
		assert.strictEqual(o.status, 200, 'another member reads it too');
	});

	it('runs the checks after a settings save, and records the outcome for the dot', async () => {
		await nodebb.privileges().global.give(['groups:view:users'], 'guests');
		await settings.save({ graceDays: saved.graceDays });
		await new Promise(r => setTimeout(r, 50));
		const failing = Number(await nodebb.db().getObjectField('lvl:privacy', 'failing'));
		assert.ok(failing >= 1, 'the save ran the checks');
		await fix('guests', 'rescind-guests');
	});
});
