import assert from 'assert';
import fs from 'fs';
import type { Browser } from 'playwright-core';
import { adminLogin, DESKTOP, FORUM_URL, launch, login, newContext, PHONE, shot, submitRegistrationSteps } from '../support/browser';
import { DEMO_PEOPLE, seedAssociation } from '../support/seed';

describe('browser smoke test', function () {
	this.timeout(120000);
	let browser: Browser;

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		browser = await launch();
	});

	after(async () => {
		await browser.close();
	});

	it('the administrator opens the plugin\'s ACP page and sees it in Dutch', async () => {
		const context = await newContext(browser, DESKTOP);
		const page = await context.newPage();
		const admin = adminLogin();
		await login(page, admin.username, admin.password);
		await page.goto(`${FORUM_URL}/admin/plugins/lvl?lang=nl`);
		await page.waitForSelector('.lvl-settings');
		// NodeBB's settings module fills the form asynchronously after the page script runs
		await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#lvl-membersGroup')?.value ?? '') !== '');
		assert.strictEqual(await page.locator('label[for="lvl-membersGroup"]').innerText(), 'Ledengroep');
		assert.strictEqual(await page.inputValue('#lvl-membersGroup'), 'Leden', 'the settings module loaded the stored value');
		const selected = await page.locator('#lvl-platformCids option:checked').allInnerTexts();
		assert.ok(selected.includes('Vragen & Antwoorden'), `selected: ${selected.join(', ')}`);
		const file = await shot(page, 'acp-general-nl');
		assert.ok(fs.statSync(file).size > 10000);
		await context.close();
	});

	it('the administrator opens the competence taxonomy in the ACP and finds the starter domains (Dutch)', async () => {
		const context = await newContext(browser, DESKTOP);
		const page = await context.newPage();
		const admin = adminLogin();
		await login(page, admin.username, admin.password);
		await page.goto(`${FORUM_URL}/admin/plugins/lvl/competences?lang=nl`);
		await page.waitForSelector('#lvl-domains >> text=Juridisch');
		const text = await page.locator('#lvl-domains').innerText();
		assert.match(text, /Fiscaliteit/);
		assert.match(text, /Verenigingsleven en vrijwilligerswerk/);
		await shot(page, 'acp-competences-nl');
		await context.close();
	});

	it('a member sees the platform on a phone, in Dutch and in French', async () => {
		const member = DEMO_PEOPLE.find(p => p.member)!;
		const context = await newContext(browser, PHONE);
		const page = await context.newPage();
		await login(page, member.username, member.password);
		await page.goto(`${FORUM_URL}/leden-voor-leden?lang=nl`);
		await page.waitForSelector('[component="lvl/categories"]');
		assert.match(await page.locator('.lvl-home h1').innerText(), /Leden voor Leden/);
		assert.ok(await page.locator('[component="lvl/categories"] a').count() >= 2);
		await shot(page, 'home-member-phone-nl');
		await page.goto(`${FORUM_URL}/leden-voor-leden?lang=fr`);
		assert.match(await page.locator('.lvl-home h1').innerText(), /Membres pour Membres/);
		await shot(page, 'home-member-phone-fr');
		await context.close();
	});

	it('a guest on a phone is shown how to get in, in Dutch, and nothing of the directory', async () => {
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		const res = await page.goto(`${FORUM_URL}/wie-weet-wat`);
		assert.strictEqual(res?.status(), 401);
		const box = await page.locator('[component="lvl/how-to-join"]').innerText();
		assert.match(box, /Alleen voor leden/);
		assert.ok(await page.locator('link[rel="stylesheet"]').count() > 0, 'a full forum page, with NodeBB\'s header and styles');
		assert.strictEqual(await page.locator('[component="lvl/member"]').count(), 0);
		assert.ok(await page.locator('[component="lvl/how-to-join"] a[href$="/register"]').count() > 0, 'a way to register');
		await shot(page, 'directory-guest-phone-nl');
		await context.close();
	});

	it('an account that is not a verified member is shown how to get in', async () => {
		const outsider = DEMO_PEOPLE.find(p => !p.member)!;
		const context = await newContext(browser, PHONE);
		const page = await context.newPage();
		await login(page, outsider.username, outsider.password);
		// the first page after logging in is the verification step; "plus tard" goes on without access
		await page.goto(`${FORUM_URL}/register/complete?lang=fr`);
		await page.waitForSelector('[component="lvl/verify-step"]');
		await shot(page, 'verify-step-existing-account-phone-fr');
		await page.check('#lvl-action-later');
		await submitRegistrationSteps(page);
		const res = await page.goto(`${FORUM_URL}/leden-voor-leden?lang=fr`);
		assert.strictEqual(res?.status(), 403);
		assert.match(await page.locator('[component="lvl/how-to-join"]').innerText(), /Réservé aux membres/);
		assert.strictEqual(await page.locator('[component="lvl/categories"]').count(), 0);
		await shot(page, 'home-unverified-phone-fr');
		await context.close();
	});
});
