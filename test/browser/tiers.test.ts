import assert from 'assert';
import type { Browser } from 'playwright-core';
import { adminLogin, chooseLanguage, DESKTOP, FORUM_URL, launch, login, newContext, PHONE, shot } from '../support/browser';
import { Session, type Envelope } from '../support/http';
import { DEMO_PEOPLE, seedAssociation } from '../support/seed';

describe('browser: a member shows only their name; the others see the name and the domains', function () {
	this.timeout(180000);
	let browser: Browser;
	const luc = DEMO_PEOPLE.find(p => p.username === 'luc.dubois')!;
	const an = DEMO_PEOPLE.find(p => p.username === 'an.peeters')!;

	/** Luc's tier as the API holds it ('' = the association's default), set through his own session. */
	async function setTier(tier: string): Promise<void> {
		const s = new Session(FORUM_URL);
		await s.login(luc.username, luc.password);
		const me = await s.get<{ uid: number }>(`/api/user/username/${luc.username}`);
		const current = await s.get<Envelope>(`/api/v3/plugins/lvl/profiles/${String(me.body.uid)}`);
		const res = await s.put(`/api/v3/plugins/lvl/profiles/${String(me.body.uid)}`, { ...current.body.response, tier });
		assert.strictEqual(res.status, 200, res.text);
	}

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		await chooseLanguage(luc.username, luc.password, 'fr');
		await chooseLanguage(an.username, an.password, 'nl');
		await setTier('');
		browser = await launch();
	});

	after(async () => {
		// the other stories find Luc by his competences: he leaves as he came
		await setTier('');
		await browser.close();
	});

	it('Luc chooses "Mon nom seulement" on his profile, in French, on a phone', async () => {
		const context = await newContext(browser, PHONE, 'fr-BE');
		const page = await context.newPage();
		await login(page, luc.username, luc.password);
		await page.goto(`${FORUM_URL}/user/${luc.username}/competenties`);
		await page.waitForSelector('[component="lvl/editor/form"]', { state: 'visible' });
		const tier = page.locator('#lvl-tier');
		assert.match(await tier.locator('option[value="names"]').innerText(), /Mon nom seulement/);
		await tier.selectOption('names');
		await page.locator('[component="lvl/editor/save"]').first().click();
		await page.waitForSelector('[component="toaster/toast"].alert-success, .alert-success');
		await shot(page, 'tier-names-phone-fr');
		await context.close();
	});

	it('An finds Luc by his name in Dutch and sees his name and domains, nothing else', async () => {
		const context = await newContext(browser, DESKTOP, 'nl-BE');
		const page = await context.newPage();
		await login(page, an.username, an.password);
		await page.goto(`${FORUM_URL}/wie-weet-wat?q=dubois`);
		const card = page.locator('[component="lvl/member"]').filter({ hasText: 'luc.dubois' }).first();
		await card.waitFor();
		await card.locator('[component="lvl/member/domains"] .badge').first().waitFor();
		assert.strictEqual(await card.locator('[component="lvl/ask"]').count(), 0, 'no "ask this member"');
		assert.doesNotMatch(await card.innerText(), /Aangifte|Expert|expert/);
		await page.goto(`${FORUM_URL}/wie-weet-wat?c=tax.personal`);
		await page.waitForSelector('[component="lvl/results"], [component="lvl/empty"]');
		assert.strictEqual(await page.locator('[component="lvl/member"]').filter({ hasText: 'luc.dubois' }).count(), 0, 'not found by his competence');
		await page.goto(`${FORUM_URL}/user/${luc.username}/competenties`);
		const names = page.locator('[component="lvl/profile/names-only"]');
		await names.waitFor();
		assert.match(await names.innerText(), /Domeinen/);
		assert.strictEqual(await page.locator('[component="lvl/profile/reciprocity"]').count(), 0);
		await shot(page, 'tier-names-seen-nl');
		await context.close();
	});
});
