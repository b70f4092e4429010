import assert from 'assert';
import type { Browser } from 'playwright-core';
import { adminLogin, chooseLanguage, DESKTOP, FORUM_URL, launch, login, newContext, PHONE, shot } from '../support/browser';
import { Session } from '../support/http';
import { DEMO_PEOPLE, seedAssociation } from '../support/seed';

/**
 * The board opens "Inzicht" in the ACP (Dutch, then French) and a member sees the community pulse on /vragen
 * (Dutch, then French, on a phone). A guest sees none of it.
 */
describe('browser: the board\'s dashboard and the members\' pulse', function () {
	this.timeout(240000);
	let browser: Browser;
	const admin = adminLogin();
	const pieter = DEMO_PEOPLE.find(p => p.username === 'pieter.dhondt')!;
	const luc = DEMO_PEOPLE.find(p => p.username === 'luc.dubois')!;

	before(async () => {
		const seeded = await seedAssociation(FORUM_URL, admin);
		await chooseLanguage(pieter.username, pieter.password, 'nl');
		await chooseLanguage(luc.username, luc.password, 'fr');
		// a question in this month, so the pulse has something to show (Marie asks: Pieter and Luc post in the Q&A test)
		const marie = DEMO_PEOPLE.find(p => p.username === 'marie.claes')!;
		const s = new Session(FORUM_URL);
		await s.login(marie.username, marie.password);
		const asked = await s.post('/api/v3/topics', {
			cid: seeded.cids[0], title: `Erfenis van een tante in Frankrijk ${String(Date.now() % 100000)}`,
			content: 'Welke belasting betaal ik op een erfenis van een tante die in Rijsel woonde?', lvlType: 'question', lvlCompetences: ['tax.estate-planning'],
		});
		assert.strictEqual(asked.status, 200, asked.text);
		const a = new Session(FORUM_URL);
		await a.login(admin.username, admin.password);
		const recount = await a.post('/api/v3/plugins/lvl/insight/recount', {});
		assert.strictEqual(recount.status, 200, recount.text);
		browser = await launch();
	});

	after(async () => {
		await browser.close();
	});

	async function dashboard(lang: 'nl' | 'fr', heading: RegExp, section: RegExp): Promise<void> {
		const context = await newContext(browser, DESKTOP, lang === 'nl' ? 'nl-BE' : 'fr-BE');
		const page = await context.newPage();
		await login(page, admin.username, admin.password);
		// the ACP has its own language setting: forced here, as the other ACP checks do
		await page.goto(`${FORUM_URL}/admin/plugins/lvl/insight?period=all&lang=${lang}`);
		const root = page.locator('[component="lvl/insight"]');
		await root.waitFor();
		assert.match(await root.locator('h4').first().innerText(), heading);
		assert.match(await root.locator('[data-section="participation"] h5').innerText(), section);
		// the charts are drawn with NodeBB's own Chart.js (a canvas with pixels), and every table has its CSV
		await page.waitForFunction(() => {
			const c = document.querySelector('canvas[data-chart="months"]');
			return c instanceof HTMLCanvasElement && c.width > 0 && c.dataset.chart === 'months' && !!(window as unknown as { ajaxify?: unknown }).ajaxify;
		}, undefined);
		const tables = await root.locator('[component="lvl/insight/table"]').count();
		assert.ok(tables >= 7, `tables: ${String(tables)}`);
		assert.strictEqual(await root.locator('[component="lvl/insight/csv"]').count(), tables);
		const verified = Number(await root.locator('[data-figure="verified"]').innerText());
		assert.ok(verified >= 3, `verified members: ${String(verified)}`);
		// the period selector reloads the page with the other period
		await page.selectOption('[component="lvl/insight/period"]', 'month');
		await page.waitForURL(/period=month/);
		if (lang === 'fr') {
			// ajaxify keeps the query it was given: the French screenshot stays French
			await page.goto(`${FORUM_URL}/admin/plugins/lvl/insight?period=month&lang=fr`);
		}
		await root.locator('[data-section="qa"]').waitFor();
		// the reloaded page's charts are drawn (without animation) before the screenshot
		await page.waitForFunction(() => {
			const c = document.querySelector('canvas[data-chart="months"]');
			return c instanceof HTMLCanvasElement && c.width > 0 && new URLSearchParams(location.search).get('period') === 'month';
		}, undefined);
		await shot(page, `acp-insight-desktop-${lang}`);
		await context.close();
	}

	it('the board sees participation, competences and Q&A in Dutch, with charts and CSV', async () => {
		await dashboard('nl', /Inzicht/, /Deelname/);
	});

	it('and in French', async () => {
		await dashboard('fr', /Aperçu/, /Participation/);
	});

	it('a CSV export downloads with the figures of the table', async () => {
		const a = new Session(FORUM_URL);
		await a.login(admin.username, admin.password);
		const res = await a.get('/api/v3/plugins/lvl/insight/export/months?lang=nl');
		assert.strictEqual(res.status, 200);
		// (the BOM Excel needs is checked in the unit tests: the HTTP client strips it)
		assert.match(res.text, /^\ufeff?Maand;Vragen;Aanbod;Gezocht\r\n/);
		assert.match(res.text, /\r\n\d{4}-\d{2};[1-9]\d*;\d+;\d+\r\n$/, 'this month has a question');
	});

	async function pulse(who: typeof pieter, locale: string, title: RegExp, name: string): Promise<void> {
		const context = await newContext(browser, PHONE, locale);
		const page = await context.newPage();
		await login(page, who.username, who.password);
		await page.goto(`${FORUM_URL}/vragen`);
		const block = page.locator('[component="lvl/pulse"]');
		await block.waitFor();
		assert.match(await block.innerText(), title);
		assert.ok(Number(await block.locator('[component="lvl/pulse/questions"]').innerText()) >= 1);
		await shot(page, name);
		await context.close();
	}

	it('a member sees the pulse on the Q&A page, in Dutch on a phone', async () => {
		await pulse(pieter, 'nl-BE', /Hartslag van de gemeenschap/, 'qa-pulse-phone-nl');
	});

	it('and in French', async () => {
		await pulse(luc, 'fr-BE', /Pouls de la communauté/, 'qa-pulse-phone-fr');
	});

	it('a guest sees neither the pulse nor the dashboard', async () => {
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		await page.goto(`${FORUM_URL}/vragen`);
		assert.strictEqual(await page.locator('[component="lvl/pulse"]').count(), 0);
		const res = await page.goto(`${FORUM_URL}/admin/plugins/lvl/insight`);
		assert.ok(!res || res.url().includes('/login') || res.status() >= 400);
		assert.strictEqual(await page.locator('[component="lvl/insight"]').count(), 0);
		await context.close();
	});
});
