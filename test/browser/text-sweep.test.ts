/**
 * #12 H1, the text sweep: hostile strings saved into every profile field a member fills, then every page that shows
 * them opened in Chromium by another member (server-rendered and after client navigation): no dialog fires, no
 * javascript: link exists, and the text is shown exactly as typed (not escaped twice, tokens and templates as typed).
 */
import assert from 'assert';
import type { Browser, Page } from 'playwright-core';
import { adminLogin, chooseLanguage, FORUM_URL, launch, login, newContext, shot } from '../support/browser';
import { Session } from '../support/http';
import { DEMO_PEOPLE, seedAssociation } from '../support/seed';

const API = '/api/v3/plugins/lvl';

export const HOSTILE: { name: string; text: string }[] = [
	{ name: 'script', text: '<script>alert(1)</script>' },
	{ name: 'svg', text: '"><svg onload=alert(1)>' },
	{ name: 'javascript-url', text: 'javascript:alert(1)' },
	{ name: 'token', text: '[[topic:merged-message, javascript:alert(document.domain), x]]' },
	{ name: 'nested-token', text: '[[global:home, [[topic:merged-message, javascript:alert(2), y]]]]' },
	{ name: 'benchpress', text: '{x} {{x}} <!-- IMPORT partials/x.tpl -->' },
	{ name: 'pre-escaped', text: '&lt;b&gt;vet&lt;/b&gt;' },
	{ name: 'accents', text: 'Crème & Brûlée' },
];

interface Profile { revision: number; [key: string]: unknown }

describe('browser: the text sweep (member text is shown as typed, never run)', function () {
	this.timeout(600000);
	let browser: Browser;
	const author = DEMO_PEOPLE.find(p => p.username === 'pieter.dhondt')!;
	const reader = DEMO_PEOPLE.find(p => p.username === 'marie.claes')!;
	let authorS: Session;
	let authorUid = 0;
	let original: Profile | null = null;
	let page: Page;
	const dialogs: string[] = [];

	async function saveAll(text: string): Promise<void> {
		const current = await authorS.get<{ response: Profile }>(`${API}/profiles/${String(authorUid)}`);
		const res = await authorS.put(`${API}/profiles/${String(authorUid)}`, {
			revision: current.status === 200 ? current.body.response.revision : 0,
			competences: [{ key: 'law.labour', level: 'expert', roles: ['advice'], note: text }],
			profession: text, sector: text, help: text, languages: ['nl'], availability: 'available', listed: true,
		});
		assert.strictEqual(res.status, 200, res.text);
	}

	async function assertShownAsTyped(where: string, text: string): Promise<void> {
		assert.deepStrictEqual(dialogs, [], `${where}: a dialog fired`);
		assert.strictEqual(await page.locator('a[href^="javascript:" i]').count(), 0, `${where}: a javascript: link`);
		assert.strictEqual(await page.locator('#content svg[onload], #content script:not([src]):not([type])').filter({ hasText: 'alert' }).count(), 0, `${where}: live markup`);
		const shown = await page.locator('#content').innerText();
		assert.ok(shown.includes(text), `${where}: "${text}" not shown as typed`);
	}

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		await chooseLanguage(reader.username, reader.password, 'nl');
		authorS = new Session(FORUM_URL);
		await authorS.login(author.username, author.password);
		authorUid = (await authorS.get<{ uid: number }>(`/api/user/${author.username}`)).body.uid;
		const current = await authorS.get<{ response: Profile }>(`${API}/profiles/${String(authorUid)}`);
		original = current.status === 200 ? current.body.response : null;
		browser = await launch();
		const context = await newContext(browser);
		page = await context.newPage();
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await login(page, reader.username, reader.password);
	});

	after(async () => {
		if (original) {
			const current = await authorS.get<{ response: Profile }>(`${API}/profiles/${String(authorUid)}`);
			await authorS.put(`${API}/profiles/${String(authorUid)}`, { ...original, revision: current.body.response.revision });
		}
		await browser.close();
	});

	for (const h of HOSTILE) {
		it(`${h.name}: profile tab, directory, competence page, search box and client navigation`, async () => {
			await saveAll(h.text);
			await page.goto(`${FORUM_URL}/user/${author.username}/competenties`);
			await page.waitForSelector('[component="lvl/profile"], .lvl-profile, #content h1, #content h2');
			await assertShownAsTyped('profile tab', h.text);

			await page.goto(`${FORUM_URL}/wie-weet-wat?c=law.labour&q=${encodeURIComponent(h.text)}`);
			await page.waitForSelector('#content form');
			assert.deepStrictEqual(dialogs, [], 'directory: a dialog fired');
			assert.strictEqual(await page.locator('a[href^="javascript:" i]').count(), 0, 'directory: a javascript: link');
			assert.strictEqual(await page.locator('input[name="q"]').first().inputValue(), h.text, '?q= shown as typed in its box');

			await page.goto(`${FORUM_URL}/wie-weet-wat?c=law.labour`);
			const card = page.locator('[component="lvl/member"]').filter({ hasText: author.fullname.split(' ')[0]! }).first();
			await card.waitFor();
			await assertShownAsTyped('directory', h.text);

			await page.goto(`${FORUM_URL}/wie-weet-wat/law.labour`);
			await page.waitForSelector('[component="lvl/member"]');
			await assertShownAsTyped('competence page', h.text);

			// client navigation: the profile tab rendered by the browser's Benchpress and translator
			await page.locator(`[component="lvl/member"] a[href$="/user/${author.username}/competenties"]`).first().click();
			await page.waitForURL(/\/competenties/);
			await page.waitForLoadState('networkidle');
			await assertShownAsTyped('profile tab after navigation', h.text);
			if (h.name === 'token') {
				await shot(page, 'text-sweep-token');
			}
		});
	}
});
