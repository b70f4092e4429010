import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import * as access from '../../lib/membership/access';
import * as store from '../../lib/membership/store';
import { createCategory, createUser, guest, loginAs, type TestUser, unique } from '../support/forum';
import type { Session } from '../support/http';
import { importRoster } from '../support/roster';

type Who = 'guest' | 'unverified' | 'member' | 'after grace' | 'admin';

/**
 * The access matrix: who sees a members-only category and the plugin's own routes, through every door NodeBB has.
 */
describe('Members only, everywhere (access matrix)', () => {
	const title = unique('Geheime vraag over erfrecht ');
	const secretBody = unique('Inhoud-alleen-voor-leden-');
	let cid = 0;
	let tid = 0;
	let sessions: Record<Who, Session>;
	let admin: TestUser;

	before(async function () {
		this.timeout(60000);
		admin = await createUser('matrixadmin', { admin: true });
		const adminS = await loginAs(admin);
		cid = await createCategory(unique('Leden-categorie '));
		await settings.save({ platformCids: [...(await settings.get()).platformCids, cid], graceDays: 30 });
		const author = await createUser('auteur', { member: true });
		const post = await nodebb.topics().post({ uid: author.uid, cid, title, content: `${secretBody} — wie kent een goede notaris?` });
		tid = post.topicData.tid;

		// a member who verified, then left the roster and whose grace period ran out
		const nr = unique('9');
		await importRoster(adminS, [{ nr, last: 'Weg', first: 'Ooit', email: 'ooit.weg@example.org', born: '1960-01-01' }]);
		const former = await createUser('voormalig');
		const fs = await loginAs(former);
		const v = await fs.post('/api/v3/plugins/lvl/verification', { memberNumber: nr, email: 'ooit.weg@example.org' });
		assert.strictEqual(v.status, 200, v.text);
		await importRoster(adminS, [{ nr: unique('8'), last: 'Ander', first: 'Lid', email: 'ander@example.org', born: '1970-01-01' }]);
		await store.setMemberFields(former.uid, { graceUntil: Date.now() - 1 });
		await access.reconcileAll();
		assert.ok((await store.getMemberState(former.uid))?.revokedAt, 'the former member is revoked');

		const unverified = await createUser('onbevestigd');
		const unverifiedS = await loginAs(unverified);
		// the verification step is offered once per session; "later" lets the account go on, without access
		await unverifiedS.get('/', { accept: 'text/html' });
		await unverifiedS.post('/register/complete', { lvlAction: 'later', gdpr_agree_data: 'on', gdpr_agree_email: 'on' });
		const formerS = await loginAs(former);
		await formerS.get('/', { accept: 'text/html' });
		await formerS.post('/register/complete', { lvlAction: 'later', gdpr_agree_data: 'on', gdpr_agree_email: 'on' });

		sessions = {
			guest: guest(),
			unverified: unverifiedS,
			member: await loginAs(await createUser('matrixlid', { member: true })),
			'after grace': formerS,
			admin: await loginAs(admin),
		};
	});

	const allowed: Who[] = ['member', 'admin'];
	const everyone: Who[] = ['guest', 'unverified', 'member', 'after grace', 'admin'];

	const doors: { name: string; path: () => string; html?: boolean; listing?: boolean }[] = [
		{ name: 'topic page', path: () => `/topic/${String(tid)}`, html: true },
		{ name: 'topic API', path: () => `/api/topic/${String(tid)}` },
		{ name: 'category page', path: () => `/category/${String(cid)}`, html: true },
		{ name: 'category API', path: () => `/api/category/${String(cid)}` },
		{ name: 'category RSS', path: () => `/category/${String(cid)}.rss` },
		{ name: 'topic RSS', path: () => `/topic/${String(tid)}.rss` },
		{ name: 'recent topics RSS', path: () => '/recent.rss', listing: true },
		{ name: 'recent', path: () => '/api/recent', listing: true },
		{ name: 'unread', path: () => '/api/unread', listing: true },
		{ name: 'categories', path: () => '/api/categories', listing: true },
		// the search echoes its term, so it searches a word of the content, and the answer must not hold the topic
		{ name: 'search', path: () => '/api/search?term=notaris&in=titlesposts', listing: true },
		{ name: 'write API topic', path: () => `/api/v3/topics/${String(tid)}` },
		{ name: 'sitemap', path: () => '/sitemap/topics.1.xml', listing: true },
	];

	for (const door of doors) {
		for (const who of everyone) {
			const may = allowed.includes(who);
			it(`${door.name}: ${who} ${may ? 'sees' : 'does not see'} the members-only topic`, async () => {
				let res = await sessions[who].get(door.path(), door.html ? { accept: 'text/html' } : {});
				const location = res.headers.get('location');
				if (may && res.status >= 300 && res.status < 400 && (location?.startsWith('/topic/') || location?.startsWith('/category/'))) {
					// NodeBB adds the slug to a topic's and a category's address
					res = await sessions[who].get(location, { accept: 'text/html' });
				}
				if (may) {
					if (!door.listing || door.name !== 'sitemap') {
						assert.ok(res.status < 400, `status ${String(res.status)}`);
					}
					if (door.name !== 'sitemap' && door.name !== 'unread' && !door.name.includes('write API') && !door.name.includes('categories')) {
						assert.ok(res.text.includes(title) || res.text.includes(secretBody), 'the member sees it');
					}
				} else {
					if (!door.listing) {
						assert.ok([401, 403, 404].includes(res.status) || (res.status >= 300 && res.status < 400), `status ${String(res.status)}`);
					}
					assert.ok(!res.text.includes(title), 'no title in the answer');
					assert.ok(!res.text.includes(secretBody), 'no content in the answer');
				}
			});
		}
	}

	const pluginRoutes = ['/api/v3/plugins/lvl/platform', '/leden-voor-leden', '/api/leden-voor-leden'];
	for (const path of pluginRoutes) {
		for (const who of everyone) {
			const may = allowed.includes(who);
			it(`plugin route ${path}: ${who} ${may ? 'is let in' : 'is refused'}`, async () => {
				const res = await sessions[who].get(path, path.startsWith('/api') ? {} : { accept: 'text/html' });
				if (may) {
					assert.strictEqual(res.status, 200);
				} else {
					assert.strictEqual(res.status, who === 'guest' ? 401 : 403);
					const cats = await nodebb.categories().getCategoriesFields([cid], ['name']);
					assert.ok(!res.text.includes(String(cats[0]?.name)), 'no platform category named');
				}
			});
		}
	}
});
