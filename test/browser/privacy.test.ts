/**
 * Privacy as people meet it: an account that is not (or no longer) a member finds "your data on the platform" on the
 * members-only page (download, erase), and the same download on NodeBB's own consent and export page; an admin
 * reads the privacy health check, the first tab of the plugin's ACP page, in Dutch and in French.
 */
import assert from 'assert';
import type { Browser, Locator, Page } from 'playwright-core';
import { adminLogin, DESKTOP, FORUM_URL, launch, login, newContext, PHONE, shot, submitRegistrationSteps } from '../support/browser';
import { Session } from '../support/http';
import { seedAssociation } from '../support/seed';

const PASSWORD = 'Privacy-wachtwoord-2026';

/** A fresh account of its own (never a member), past the verification step with "later". */
async function outsiderPage(browser: Browser, username: string, viewport = PHONE, locale = 'nl-BE'): Promise<Page> {
	const context = await newContext(browser, viewport, locale);
	const page = await context.newPage();
	await login(page, username, PASSWORD);
	await page.goto(`${FORUM_URL}/register/complete`);
	await page.waitForSelector('[component="lvl/verify-step"]');
	await page.check('#lvl-action-later');
	await submitRegistrationSteps(page);
	return page;
}

describe('browser: privacy — your own data, NodeBB\'s export page and the health check', function () {
	this.timeout(180000);
	let browser: Browser;
	let username = '';

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		const admin = new Session(FORUM_URL);
		await admin.login(adminLogin().username, adminLogin().password);
		username = `gegevens${String(Date.now() % 100000)}`;
		const created = await admin.post('/api/v3/users', { username, password: PASSWORD });
		assert.strictEqual(created.status, 200, created.text);
		browser = await launch();
	});

	after(async () => {
		await browser.close();
	});

	/**
	 * The link the member sees is a download of their own data: not a page NodeBB's router would open, and what it
	 * fetches with the member's own session is their data as a JSON attachment. (Headless Chromium here raises no
	 * download event for a same-origin `download` link, so the link's target is fetched through the page's session.)
	 */
	async function downloadsOwnData(page: Page, link: Locator): Promise<void> {
		await link.waitFor();
		assert.strictEqual(await link.getAttribute('data-ajaxify'), 'false', 'NodeBB\'s router leaves the link alone');
		assert.notStrictEqual(await link.getAttribute('download'), null, 'the browser saves what the link fetches');
		const href = await link.getAttribute('href') ?? '';
		assert.ok(href.endsWith('/api/v3/plugins/lvl/me/data'), href);
		const res = await page.request.get(new URL(href, FORUM_URL).toString());
		assert.strictEqual(res.status(), 200);
		assert.match(res.headers()['content-disposition'] ?? '', /attachment; filename="lvl-\d+\.json"/);
		const body = await res.json() as Record<string, unknown>;
		assert.ok(Object.keys(body).length > 0, 'the export holds the member\'s data');
	}

	it('on the members-only page, in Dutch on a phone: "your data on the platform", downloaded and erased', async () => {
		const page = await outsiderPage(browser, username);
		const res = await page.goto(`${FORUM_URL}/wie-weet-wat?lang=nl`);
		assert.strictEqual(res?.status(), 403);
		const card = page.locator('[component="lvl/own-data"]');
		await card.waitFor();
		assert.match(await card.innerText(), /Jouw gegevens op het platform/);
		await downloadsOwnData(page, card.locator('[component="lvl/own-data/export"]'));
		await shot(page, 'own-data-card-phone-nl');
		// NodeBB's own toast ("your account does not have an email set", no timeout) lies over the card on a phone and
		// its close button never settles for playwright: the tap goes to the button itself
		await card.locator('[component="lvl/own-data/erase"]').dispatchEvent('click');
		await page.locator('.bootbox-accept').click();
		await page.locator('.alert-success, [component="toaster/toast"]').filter({ hasText: /gewist/ }).first().waitFor();
		await page.context().close();
	});

	it('on NodeBB\'s own consent and export page, in French: the platform\'s export beside NodeBB\'s', async () => {
		const page = await outsiderPage(browser, username, DESKTOP, 'fr-BE');
		await page.goto(`${FORUM_URL}/user/${username}/consent?lang=fr`);
		const button = page.locator('[component="lvl/own-data/consent-export"]');
		await button.waitFor();
		assert.match(await button.innerText(), /Exporter mes données Membres pour Membres/);
		assert.strictEqual(await page.locator('[data-action="export-profile"]').count(), 1, 'NodeBB\'s own exports are still there');
		await downloadsOwnData(page, button);
		await shot(page, 'consent-export-desktop-fr');
		await page.context().close();
	});

	for (const lang of ['nl', 'fr'] as const) {
		it(`the privacy health check is the first tab of the plugin's ACP page (${lang})`, async () => {
			const context = await newContext(browser, DESKTOP, lang === 'nl' ? 'nl-BE' : 'fr-BE');
			const page = await context.newPage();
			await login(page, adminLogin().username, adminLogin().password);
			await page.goto(`${FORUM_URL}/admin/plugins/lvl/privacy?lang=${lang}`);
			const checks = page.locator('[component="lvl/privacy/check"]');
			await checks.first().waitFor();
			assert.ok(await checks.count() >= 8, 'every check is listed');
			const text = await page.locator('[component="lvl/privacy"]').innerText();
			assert.match(text, lang === 'nl' ? /ActivityPub \(de fediverse\)/ : /ActivityPub \(le fédivers\)/);
			assert.doesNotMatch(text, /\[\[lvl-privacy:/, 'no untranslated key');
			await page.locator('[component="lvl/privacy/recheck"]').click();
			await checks.first().waitFor();
			await shot(page, `acp-privacy-${lang}`);
			await context.close();
		});
	}
});
