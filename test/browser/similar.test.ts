import assert from 'assert';
import type { Browser } from 'playwright-core';
import { adminLogin, chooseLanguage, FORUM_URL, launch, login, newContext, PHONE, shot } from '../support/browser';
import { type Envelope, Session } from '../support/http';
import { DEMO_PEOPLE, seedAssociation } from '../support/seed';

/**
 * Similar questions and "me too", on a phone: Pieter asked in Dutch; Luc starts asking the same in French and sees
 * Pieter's question while he types, opens it (in a new tab) and taps "J'ai la même question"; An, in Dutch, taps
 * "Ik heb deze vraag ook" on another; Pieter sees how many members have his question too.
 */
describe('browser: similar questions while asking, and "me too", on a phone', function () {
	this.timeout(240000);
	let browser: Browser;
	let cid = 0;
	let tid = 0;
	const n = String(Date.now() % 100000);
	const title = `Belastingaangifte invullen als gepensioneerde ${n}`;
	const pieter = DEMO_PEOPLE.find(p => p.username === 'pieter.dhondt')!;
	const luc = DEMO_PEOPLE.find(p => p.username === 'luc.dubois')!;
	const an = DEMO_PEOPLE.find(p => p.username === 'an.peeters')!;

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		await chooseLanguage(pieter.username, pieter.password, 'nl');
		await chooseLanguage(luc.username, luc.password, 'fr');
		await chooseLanguage(an.username, an.password, 'nl');
		const s = new Session(FORUM_URL);
		await s.login(pieter.username, pieter.password);
		const cats = await s.get<{ categories: { cid: number; name: string }[] }>('/api/categories');
		cid = cats.body.categories.find(c => c.name.startsWith('Vragen'))?.cid ?? 0;
		assert.ok(cid > 0);
		const res = await s.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title, content: 'Moet ik mijn aanvullend pensioen apart aangeven?', lvlType: 'question', lvlCompetences: ['tax.personal'] });
		assert.strictEqual(res.status, 200, res.text);
		tid = res.body.response.tid;
		browser = await launch();
	});

	after(async () => {
		await browser.close();
	});

	it('Luc types his question in French and sees Pieter\'s Dutch one, which opens in a new tab', async () => {
		const context = await newContext(browser, PHONE, 'fr-BE');
		const page = await context.newPage();
		await login(page, luc.username, luc.password);
		await page.goto(`${FORUM_URL}/category/${String(cid)}`);
		await page.waitForLoadState('networkidle');
		await page.locator('[component="category/post"]').first().click();
		await page.locator('[component="lvl/qa/composer"]').waitFor();
		await page.locator('.composer input.title').pressSequentially(`Déclaration d'impôts d'un pensionné ${n}`, { delay: 30 });
		const box = page.locator('[component="lvl/similar"]');
		await box.filter({ hasText: /ressemble/ }).waitFor();
		const link = box.locator('[component="lvl/similar/item"] a').filter({ hasText: title });
		await link.waitFor();
		assert.strictEqual(await link.getAttribute('target'), '_blank');
		await shot(page, 'qa-similar-composer-phone-fr');
		const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
		await tab.waitForLoadState('load');
		assert.match(tab.url(), new RegExp(`/topic/${String(tid)}`));
		assert.ok(await page.locator('.composer input.title').isVisible(), 'the draft is still open');
		assert.match(await page.locator('.composer input.title').inputValue(), /Déclaration/);
		await tab.locator('[component="lvl/demand/add"]').filter({ hasText: /J'ai la même question/ }).click();
		await tab.locator('[component="lvl/demand/done"]').waitFor();
		await shot(tab, 'qa-metoo-phone-fr');
		await context.close();
	});

	it('An taps "Ik heb deze vraag ook" in Dutch, and Pieter sees that two members have his question too', async () => {
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		await login(page, an.username, an.password);
		await page.goto(`${FORUM_URL}/topic/${String(tid)}`);
		await page.locator('[component="lvl/demand/add"]').filter({ hasText: /Ik heb deze vraag ook/ }).click();
		await page.locator('[component="lvl/demand/done"]').filter({ hasText: /volgt ze/ }).waitFor();
		assert.strictEqual(await page.locator('[component="lvl/demand/count"]').count(), 0, 'no count for other members');
		await context.close();
		const asker = await newContext(browser, PHONE, 'nl-BE');
		const mine = await asker.newPage();
		await login(mine, pieter.username, pieter.password);
		await mine.goto(`${FORUM_URL}/topic/${String(tid)}`);
		await mine.locator('[component="lvl/demand/count"]').filter({ hasText: /2 leden hebben deze vraag ook/ }).waitFor();
		assert.strictEqual(await mine.locator('[component="lvl/demand/add"]').count(), 0, 'no button on one\'s own question');
		await shot(mine, 'qa-metoo-count-phone-nl');
		await asker.close();
	});
});
