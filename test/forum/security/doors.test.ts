import assert from 'assert';
import * as settings from '../../../lib/settings';
import { declaredPages } from '../../../lib/platform/pages';
import { type Cast, cast, OUTSIDERS, type Visitor } from '../../support/doors';

/**
 * The door crawl: every page of the plugin (as declared, plus the ones known by name) and its `/api` twin, every
 * plugin API that reads, NodeBB's lists, search, RSS, sitemaps and user pages, as a guest, an account that is not a
 * member, a member who left and a member. What is asserted is what is seen: a platform topic's title and a member's
 * profession never reach an outsider, and a member does see them where they belong.
 */
describe('Security: the door crawl (who sees what, through every door)', () => {
	let c: Cast;
	let restore: Awaited<ReturnType<typeof settings.get>>;

	before(async function () {
		this.timeout(90000);
		restore = await settings.get();
		c = await cast();
	});

	after(async () => {
		await settings.save({ platformCids: restore.platformCids });
	});

	const KNOWN_PAGES = ['/leden-voor-leden', '/leden-voor-leden/verify', '/vragen', '/wie-weet-wat', '/wie-weet-wat/:key', '/user/:userslug/competenties', '/gedragscode'];

	function pagePaths(): string[] {
		const all = new Set([...KNOWN_PAGES, ...declaredPages().filter(p => p.access !== 'admin').map(p => p.path)]);
		return [...all].flatMap((p) => {
			const filled = p.replace(':key', c.competence).replace(':userslug', c.member.slug);
			return [filled, `/api${filled}`];
		});
	}

	function pluginApis(): string[] {
		const base = '/api/v3/plugins/lvl';
		return [
			'/me', '/platform', '/verification', '/competences', `/directory?c=${c.competence}`, `/directory?q=${c.profession}`,
			`/profiles/${String(c.member.uid)}`, `/profiles/${String(c.gone.uid)}`, '/qa/lists/open', '/qa/lists/mine', `/qa/topics/${String(c.tid)}`,
			`/qa/categories/${String(c.cid)}`, `/qa/helpers?c=${c.competence}`, `/qa/members/${String(c.member.uid)}/counts`, '/qa/requests', '/qa/stats',
			'/engagement/charter', '/engagement/me', `/engagement/members/${String(c.member.uid)}/warnings`, '/engagement/disclaimer', '/insight/pulse',
			`/profiles/${String(c.member.uid)}/export`,
		].map(p => base + p);
	}

	function nodebbDoors(): string[] {
		const word = c.searchWord;
		return [
			'/api/recent', '/api/unread', '/api/popular', '/api/top', '/api/categories', `/api/category/${String(c.cid)}`, `/category/${String(c.cid)}`,
			`/api/topic/${String(c.tid)}`, `/api/search?term=${word}&in=titles`, `/api/search?term=${word}&in=titlesposts`, `/search?term=${word}&in=titles`,
			`/category/${String(c.cid)}.rss`, '/recent.rss', `/topic/${String(c.tid)}.rss`, '/sitemap.xml', '/sitemap/topics.1.xml', '/sitemap/categories.xml',
			'/api/users', `/api/user/${c.member.slug}`, `/api/user/${c.member.slug}/topics`, `/api/user/${c.member.slug}/posts`,
			`/api/user/${c.gone.slug}`, `/api/user/${c.gone.slug}/competenties`, `/api/v3/topics/${String(c.tid)}`,
		];
	}

	async function look(who: Visitor, path: string): Promise<{ status: number; text: string }> {
		const html = !path.startsWith('/api/') && !/\.(rss|xml)(\?|$)/.test(path);
		return c.sessions[who].get(path, html ? { accept: 'text/html' } : {});
	}

	for (const who of OUTSIDERS) {
		it(`${who}: no platform topic, no profession, through any door`, async function () {
			this.timeout(120000);
			const leaks: string[] = [];
			for (const path of [...pagePaths(), ...pluginApis(), ...nodebbDoors()]) {
				const { status, text } = await look(who, path);
				for (const secret of [c.title, c.profession, c.goneProfession]) {
					if (text.includes(secret)) {
						leaks.push(`${path} (${String(status)}) shows "${secret}"`);
					}
				}
			}
			assert.deepStrictEqual(leaks, []);
		});
	}

	it('member: sees the platform topic and the profession where they belong, never the member who left', async function () {
		this.timeout(120000);
		const must: [string, string][] = [
			[`/api/category/${String(c.cid)}`, c.title], ['/api/recent', c.title], [`/category/${String(c.cid)}.rss`, c.title],
			[`/api/search?term=${c.searchWord}&in=titles`, c.title], [`/api/wie-weet-wat?c=${c.competence}`, c.profession],
			[`/api/user/${c.member.slug}/competenties`, c.profession], [`/user/${c.member.slug}/competenties`, c.profession],
			[`/api/v3/plugins/lvl/profiles/${String(c.member.uid)}`, c.profession],
		];
		const missing: string[] = [];
		for (const [path, text] of must) {
			const res = await look('member', path);
			if (!res.text.includes(text)) {
				missing.push(`${path} (${String(res.status)}) lacks "${text}"`);
			}
		}
		assert.deepStrictEqual(missing, []);
		const leaks: string[] = [];
		for (const path of [...pagePaths(), ...pluginApis(), ...nodebbDoors()]) {
			const { status, text } = await look('member', path);
			if (text.includes(c.goneProfession)) {
				leaks.push(`${path} (${String(status)})`);
			}
		}
		assert.deepStrictEqual(leaks, [], 'the member who left is still shown');
	});
});
