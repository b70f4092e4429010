import assert from 'assert';
import type { Browser, Page } from 'playwright-core';
import { adminLogin, chooseLanguage, DESKTOP, FORUM_URL, launch, login, newContext, PHONE, shot } from '../support/browser';
import { DEMO_PEOPLE, seedAssociation } from '../support/seed';

/** Picks a competence from an autocomplete box by typing part of its name, as a member does. */
async function pick(page: Page, input: string, typed: string, expected: RegExp): Promise<void> {
	// the page's script binds the box once NodeBB has loaded it: typing before that would go unheard
	await page.waitForLoadState('networkidle');
	await page.locator(input).pressSequentially(typed, { delay: 40 });
	const option = page.locator('[role="option"]').filter({ hasText: expected }).first();
	await option.waitFor();
	await option.click();
}

describe('browser: a member fills in their competences and another finds them', function () {
	this.timeout(180000);
	let browser: Browser;
	const an = DEMO_PEOPLE.find(p => p.username === 'an.peeters')!;
	const luc = DEMO_PEOPLE.find(p => p.username === 'luc.dubois')!;
	const marie = DEMO_PEOPLE.find(p => p.username === 'marie.claes')!;

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		await chooseLanguage(an.username, an.password, 'nl');
		await chooseLanguage(luc.username, luc.password, 'fr');
		await chooseLanguage(marie.username, marie.password, 'nl');
		browser = await launch();
	});

	after(async () => {
		await browser.close();
	});

	it('An fills in her profile on a phone, in Dutch', async () => {
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		await login(page, an.username, an.password);
		await page.goto(`${FORUM_URL}/user/${an.username}/competenties`);
		await page.waitForSelector('[component="lvl/editor/form"]', { state: 'visible' });
		await pick(page, '#lvl-add-input', 'arbeid', /Arbeidsrecht/);
		const row = page.locator('[component="lvl/editor/competence"]').filter({ hasText: 'Arbeidsrecht' });
		await row.locator('[data-field="level"]').selectOption('expert');
		await row.locator('[data-role="advice"]').check();
		await page.fill('#lvl-profession', 'Advocaat arbeidsrecht');
		await page.fill('#lvl-help', 'Vragen over ontslag of arbeidscontracten? Stuur me een bericht.');
		await page.locator('[component="lvl/editor/save"]').first().click();
		await page.waitForSelector('[component="toaster/toast"].alert-success, .alert-success');
		await shot(page, 'profile-editor-phone-nl');
		await context.close();
	});

	it('Luc finds her through "Qui sait quoi ?" in French, on a desktop', async () => {
		const context = await newContext(browser, DESKTOP, 'fr-BE');
		const page = await context.newPage();
		await login(page, luc.username, luc.password);
		await page.goto(`${FORUM_URL}/wie-weet-wat`);
		await pick(page, '#lvl-competence-input', 'droit du trav', /Droit du travail/);
		await page.waitForSelector('[component="lvl/member"]');
		const card = page.locator('[component="lvl/member"]').filter({ hasText: 'an.peeters' }).first();
		await card.waitFor();
		assert.match(await card.innerText(), /Droit du travail/, 'the competence in the member\'s own language');
		assert.match(await card.innerText(), /[Ee]xpert/);
		await shot(page, 'directory-result-desktop-fr');
		await context.close();
	});

	it('Marie finds her on a phone in Dutch with a filter, and opens her profile', async () => {
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		await login(page, marie.username, marie.password);
		await page.goto(`${FORUM_URL}/wie-weet-wat?c=law.labour&role=advice`);
		const card = page.locator('[component="lvl/member"]').filter({ hasText: 'an.peeters' }).first();
		await card.waitFor();
		await shot(page, 'directory-result-phone-nl');
		await page.goto(`${FORUM_URL}/user/${an.username}/competenties`);
		await page.waitForSelector('[component="lvl/profile/view"]');
		const view = await page.locator('[component="lvl/profile/view"]').innerText();
		assert.match(view, /Arbeidsrecht/);
		assert.match(view, /Advocaat arbeidsrecht/);
		await shot(page, 'profile-view-phone-nl');
		await context.close();
	});
});
