import assert from 'assert';
import type { Browser, Page } from 'playwright-core';
import { adminLogin, bound, DESKTOP, FORUM_URL, launch, login, newContext, PHONE, shot, submitRegistrationSteps } from '../support/browser';
import { belgianCsv } from '../support/roster';
import { DEMO_NEWCOMERS, demoRoster, seedAssociation } from '../support/seed';

async function registerAccount(page: Page, username: string): Promise<void> {
	await page.goto(`${FORUM_URL}/register`);
	await page.fill('#username', username);
	await page.fill('#password', 'Wachtwoord-voor-lid-1');
	await page.fill('#password-confirm', 'Wachtwoord-voor-lid-1');
	await bound(page, '#register');
	await Promise.all([page.waitForURL(/\/register\/complete/), page.click('#register')]);
	await page.waitForSelector('[component="lvl/verify-step"]');
}


describe('browser: a new member registers and proves membership', function () {
	this.timeout(180000);
	let browser: Browser;

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		browser = await launch();
	});

	after(async () => {
		await browser.close();
	});

	it('in Dutch, on a phone, with member number and e-mail', async () => {
		const who = DEMO_NEWCOMERS[0]!;
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		await registerAccount(page, `hilde${String(Date.now() % 100000)}`);
		assert.match(await page.locator('[component="lvl/verify-step"] h2').innerText(), /Bevestig dat je lid bent/);
		await page.fill('#lvl-member-number', who.nr);
		await page.fill('#lvl-email', who.email.toUpperCase());
		await shot(page, 'register-verify-phone-nl');
		await submitRegistrationSteps(page);
		// a new account's language is the forum's default until the member picks one: ask for Dutch explicitly
		await page.goto(`${FORUM_URL}/leden-voor-leden?lang=nl`);
		await page.waitForSelector('[component="lvl/categories"]');
		assert.match(await page.locator('.lvl-home').innerText(), /Stel je vraag/);
		await shot(page, 'register-verified-home-phone-nl');
		await context.close();
	});

	it('in French, on a phone, with last name and date of birth', async () => {
		const who = DEMO_NEWCOMERS[1]!;
		const context = await newContext(browser, PHONE, 'fr-BE');
		const page = await context.newPage();
		await registerAccount(page, `etienne${String(Date.now() % 100000)}`);
		assert.match(await page.locator('[component="lvl/verify-step"] h2').innerText(), /Confirmez que vous êtes membre/);
		await page.fill('#lvl-member-number', who.nr);
		await page.fill('#lvl-last-name', 'LEFEVRE');
		await page.fill('#lvl-birth-date', who.born);
		await shot(page, 'register-verify-phone-fr');
		await submitRegistrationSteps(page);
		await page.goto(`${FORUM_URL}/leden-voor-leden?lang=fr`);
		await page.waitForSelector('[component="lvl/categories"]');
		assert.match(await page.locator('.lvl-home h1').innerText(), /Membres pour Membres/);
		await shot(page, 'register-verified-home-phone-fr');
		await context.close();
	});

	it('a wrong answer gets a clear message and the step again (Dutch)', async () => {
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		await registerAccount(page, `fout${String(Date.now() % 100000)}`);
		await page.fill('#lvl-member-number', DEMO_NEWCOMERS[2]!.nr);
		await page.fill('#lvl-email', 'iemand.anders@example.org');
		await submitRegistrationSteps(page);
		await page.waitForSelector('[component="lvl/verify-step"]');
		assert.match(await page.locator('.alert-warning:visible').first().innerText(), /konden je niet bevestigen/);
		await shot(page, 'register-verify-error-phone-nl');
		await context.close();
	});

	it('the secretariat imports a roster in the ACP with a preview first (Dutch, desktop)', async () => {
		const context = await newContext(browser, DESKTOP, 'nl-BE');
		const page = await context.newPage();
		const admin = adminLogin();
		await login(page, admin.username, admin.password);
		await page.goto(`${FORUM_URL}/admin/plugins/lvl/roster?lang=nl`);
		const csv = belgianCsv([
			...demoRoster(),
			{ nr: '1020', last: 'Van den Broeck', first: 'Els', email: 'els.vdb@example.org', born: '1972-07-07' },
			{ nr: '', last: 'Zonder', first: 'Nummer', email: 'x@example.org', born: '' },
		]);
		await page.setInputFiles('#lvl-upload-file', { name: 'ledenlijst-november.csv', mimeType: 'text/csv', buffer: csv });
		await page.locator('form:has(#lvl-upload-file) button[type="submit"]').click();
		await page.waitForSelector('text=Van den Broeck');
		await shot(page, 'acp-roster-preview-nl');
		await page.click('[data-bs-target="#lvl-list-invalid"]');
		await page.waitForSelector('#lvl-list-invalid >> text=Geen lidnummer');
		await page.getByRole('button', { name: 'Import doorvoeren' }).click();
		await page.locator('.bootbox-accept').click();
		// the confirmation closes (and its backdrop fades) before the tab can be clicked
		await page.locator('.bootbox, .modal-backdrop').first().waitFor({ state: 'detached' });
		await page.click('[data-bs-target="#lvl-tab-roster"]');
		await page.waitForSelector('#lvl-tab-roster.show td:has-text("Van den Broeck")');
		// Bootstrap's fade has ended: the tab is fully drawn before the screenshot
		await page.waitForFunction(() => {
			const tab = document.querySelector('#lvl-tab-roster');
			return tab !== null && getComputedStyle(tab).opacity === '1';
		}, undefined);
		await shot(page, 'acp-roster-list-nl');
		await context.close();
	});
});
