import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import { hideMembersGroupTitle } from '../../../lib/membership/visibility';
import { applyPlatformPrivileges } from '../../../lib/platform/service';
import { createCategory, createUser, eventually, guest, loginAs, type TestUser, unique } from '../../support/forum';
import type { Session } from '../../support/http';

type Json = Record<string, unknown>;

/**
 * Every field of NodeBB's user page, user list and their API twins that tells who is a member or what a member does
 * on the platform. `expect` is what a guest or non-member must see, given the member wrote one topic on the platform
 * and one in a public category.
 */
const REVEALING: { field: string; read: (u: Json) => unknown; hidden: (v: unknown, group: string) => boolean }[] = [
	{ field: 'groupTitle', read: u => u.groupTitle, hidden: (v, g) => !JSON.stringify(v ?? '').includes(g) },
	{ field: 'groupTitleArray', read: u => u.groupTitleArray, hidden: (v, g) => !(Array.isArray(v) && v.includes(g)) },
	{ field: 'selectedGroup', read: u => u.selectedGroup, hidden: (v, g) => !(Array.isArray(v) && v.some(x => (x as Json).name === g)) },
	{ field: 'groups', read: u => u.groups, hidden: (v, g) => !(Array.isArray(v) && v.some(x => (x as Json).name === g)) },
	{ field: 'postcount', read: u => u.postcount, hidden: v => v === undefined || Number(v) === 1 },
	{ field: 'topiccount', read: u => u.topiccount, hidden: v => v === undefined || Number(v) === 1 },
	{ field: 'counts.posts', read: u => (u.counts as Json | undefined)?.posts, hidden: v => v === undefined || Number(v) === 1 },
	{ field: 'counts.topics', read: u => (u.counts as Json | undefined)?.topics, hidden: v => v === undefined || Number(v) === 1 },
	{ field: 'lastonline', read: u => u.lastonline, hidden: v => !Number(v) },
	{ field: 'lastonlineISO', read: u => u.lastonlineISO, hidden: v => !v },
	{ field: 'lastposttime', read: u => u.lastposttime, hidden: v => !Number(v) },
	{ field: 'status', read: u => u.status, hidden: v => v === undefined || v === 'offline' },
];

describe('Membership is not public (user pages, user lists and their API twins)', () => {
	let group = '';
	let member: TestUser;
	let memberSlug = '';
	const viewers: Record<string, Session> = {};
	let colleague: Session;

	before(async function () {
		this.timeout(60000);
		group = (await settings.get()).membersGroup;
		const platformCid = await createCategory(unique('Platform '));
		const publicCid = await createCategory(unique('Publiek '));
		await settings.save({ platformCids: [...(await settings.get()).platformCids, platformCid] });
		await applyPlatformPrivileges();
		member = await createUser('zichtbaar', { member: true });
		memberSlug = (await nodebb.user().getUserFields(member.uid, ['userslug'])).userslug as string;
		await nodebb.topics().post({ uid: member.uid, cid: platformCid, title: unique('Vraag op het platform '), content: 'Alleen voor leden, over erfrecht.' });
		await nodebb.topics().post({ uid: member.uid, cid: publicCid, title: unique('Publieke vraag '), content: 'Een vraag voor iedereen op het forum.' });
		// an install from before this fix: NodeBB gave the members group as title when the member joined it
		await nodebb.db().setObjectField(`user:${String(member.uid)}`, 'groupTitle', JSON.stringify([group]));
		// seen on the platform a minute ago
		await nodebb.db().setObjectField(`user:${String(member.uid)}`, 'lastonline', Date.now() - 60000);
		await nodebb.db().sortedSetAdd('users:online', Date.now() - 60000, String(member.uid));

		viewers.guest = guest();
		const outsider = await loginAs(await createUser('buitenstaander'));
		// the verification step is offered once per session; "later" lets the account go on, without access
		await outsider.get('/', { accept: 'text/html' });
		await outsider.post('/register/complete', { lvlAction: 'later', gdpr_agree_data: 'on', gdpr_agree_email: 'on' });
		viewers['non-member'] = outsider;
		colleague = await loginAs(await createUser('collega', { member: true }));
	});

	for (const who of ['guest', 'non-member']) {
		it(`a ${who} reads nothing member-revealing on the user's page and /api/user/<slug>`, async () => {
			const res = await viewers[who]!.get<Json>(`/api/user/${memberSlug}`);
			assert.strictEqual(res.status, 200, res.text);
			const leaks = REVEALING.filter(r => !r.hidden(r.read(res.body), group)).map(r => `${r.field}=${JSON.stringify(r.read(res.body))}`);
			assert.deepStrictEqual(leaks, []);
			const page = await viewers[who]!.get(`/user/${memberSlug}`);
			assert.strictEqual(page.status, 200);
			assert.ok(!page.text.includes(`>${group}<`), 'no badge with the group name on the page');
		});

		it(`a ${who} reads nothing member-revealing in /api/users`, async () => {
			for (const section of ['joindate', 'sort-posts', 'online']) {
				// seen just now: first on the "online" page, however many accounts the other test files logged in
				await nodebb.db().sortedSetAdd('users:online', Date.now() + 60000, String(member.uid));
				const res = await viewers[who]!.get<{ users: Json[] }>(`/api/users?section=${section}`);
				assert.strictEqual(res.status, 200, res.text);
				const listed = res.body.users.find(u => Number(u.uid) === member.uid);
				assert.ok(listed, `the member is listed (${section})`);
				const leaks = REVEALING.filter(r => !r.hidden(r.read(listed), group)).map(r => `${r.field}=${JSON.stringify(r.read(listed))}`);
				assert.deepStrictEqual(leaks, [], section);
			}
		});
	}

	it('a fellow member sees the platform activity, but never the group as a title', async () => {
		const res = await colleague.get<Json>(`/api/user/${memberSlug}`);
		assert.strictEqual(res.status, 200, res.text);
		assert.strictEqual(Number(res.body.postcount), 2);
		assert.strictEqual(Number((res.body.counts as Json).posts), 2);
		assert.ok(Number(res.body.lastonline) > 0);
		assert.ok(!String(res.body.groupTitle).includes(group));
	});

	it('the members group is created without a user title, and the upgrade removes it from existing accounts', async () => {
		assert.strictEqual(Number((await nodebb.groups().getGroupData(group) as unknown as Json).userTitleEnabled), 0);
		await nodebb.groups().update(group, { userTitleEnabled: true });
		await nodebb.db().setObjectField(`user:${String(member.uid)}`, 'groupTitle', JSON.stringify([group, 'administrators']));
		await hideMembersGroupTitle();
		assert.strictEqual(Number((await nodebb.groups().getGroupData(group) as unknown as Json).userTitleEnabled), 0);
		assert.strictEqual(await nodebb.db().getObjectField(`user:${String(member.uid)}`, 'groupTitle'), JSON.stringify(['administrators']));
	});

	it('joining the members group leaves no title behind', async () => {
		const newcomer = await createUser('nieuwkomer');
		await nodebb.groups().join(group, newcomer.uid);
		// NodeBB sets the title, then fires action:group.join without waiting for its listeners
		await eventually(async () => !JSON.stringify(await nodebb.db().getObjectField(`user:${String(newcomer.uid)}`, 'groupTitle') ?? '').includes(group),
			'the members group taken off the newcomer\'s title');
	});
});
