import assert from 'assert';
import type { Browser } from 'playwright-core';
import { adminLogin, chooseLanguage, FORUM_URL, launch, login, newContext, PHONE, shot } from '../support/browser';
import { type Envelope, Session } from '../support/http';
import { DEMO_PEOPLE, seedAssociation } from '../support/seed';

/**
 * The promise on a phone: Luc (French) claims a question routed to him from its notification, An (Dutch) sees in
 * the question's header who is on it, and a coordinator (Dutch) assigns another question to Marie in one click.
 */
describe('browser: claim from the notification, the asker\'s status line, a coordinator assigns', function () {
	this.timeout(240000);
	let browser: Browser;
	let cid = 0;
	const an = DEMO_PEOPLE.find(p => p.username === 'an.peeters')!;
	const luc = DEMO_PEOPLE.find(p => p.username === 'luc.dubois')!;
	const marie = DEMO_PEOPLE.find(p => p.username === 'marie.claes')!;
	const suffix = String(Date.now() % 100000);
	const title = `Aanvullend pensioen en belastingen ${suffix}`;
	let tid = 0;

	async function ask(s: Session, t: string, competence: string): Promise<number> {
		const res = await s.post<Envelope<{ tid: number }>>('/api/v3/topics', { cid, title: t, content: 'Wie kan me hierbij helpen? Alvast bedankt.', lvlType: 'question', lvlCompetences: [competence] });
		assert.strictEqual(res.status, 200, res.text);
		return res.body.response.tid;
	}

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		await chooseLanguage(an.username, an.password, 'nl');
		await chooseLanguage(luc.username, luc.password, 'fr');
		await chooseLanguage(adminLogin().username, adminLogin().password, 'nl');
		// the helpers want notifications at any hour (the default quiet hours would hold them at night)
		for (const p of [luc, marie]) {
			const s = new Session(FORUM_URL);
			await s.login(p.username, p.password);
			const res = await s.put('/api/v3/plugins/lvl/qa/me/availability', { capacity: 3, quietOff: true, awayUntil: '' });
			assert.strictEqual(res.status, 200, res.text);
		}
		const s = new Session(FORUM_URL);
		await s.login(an.username, an.password);
		const cats = await s.get<{ categories: { cid: number; name: string }[] }>('/api/categories');
		cid = cats.body.categories.find(c => c.name.startsWith('Vragen'))?.cid ?? 0;
		assert.ok(cid > 0);
		tid = await ask(s, title, 'finance.pensions');
		browser = await launch();
	});

	after(async () => {
		await browser.close();
	});

	it('Luc opens the notification on his phone, in French, and says "Je m\'en occupe"', async () => {
		const context = await newContext(browser, PHONE, 'fr-BE');
		const page = await context.newPage();
		await login(page, luc.username, luc.password);
		await page.goto(`${FORUM_URL}/notifications`);
		const item = page.locator(`a[href*="/topic/${String(tid)}"]`).first();
		await item.waitFor();
		await item.click();
		await page.waitForURL(new RegExp(`/topic/${String(tid)}`));
		// the buttons' labels arrive through NodeBB's translator, in Luc's language
		const claim = page.locator('[component="lvl/promise/claim"]').filter({ hasText: 'Je m\'en occupe' });
		await claim.waitFor();
		await page.locator('[component="lvl/promise/decline"]').filter({ hasText: 'Pas pour moi' }).waitFor();
		await shot(page, 'promise-claim-phone-fr');
		await claim.click();
		await page.locator('[component="lvl/promise/release"]').waitFor();
		await page.locator('[component="lvl/promise/actions"]').filter({ hasText: /Vous vous occupez de cette question/ }).waitFor();
		await context.close();
	});

	it('An, the asker, reads in Dutch on her phone that Luc is on her question', async () => {
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		await login(page, an.username, an.password);
		await page.goto(`${FORUM_URL}/topic/${String(tid)}`);
		const line = page.locator('[component="lvl/promise/status"]');
		await line.filter({ hasText: /neemt je vraag op/ }).waitFor();
		// NodeBB shows the username unless the forum shows full names
		assert.match(await line.innerText(), /(Luc Dubois|luc\.dubois) neemt je vraag op\./);
		assert.strictEqual(await line.getAttribute('data-state'), 'claimed');
		await shot(page, 'promise-status-phone-nl');
		await context.close();
	});

	it('a coordinator assigns another question to Marie in one click, and the line says so', async () => {
		const s = new Session(FORUM_URL);
		await s.login(an.username, an.password);
		const other = await ask(s, `Mijn computer is traag geworden ${suffix}`, 'ict.digital-basics');
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		await login(page, adminLogin().username, adminLogin().password);
		await page.goto(`${FORUM_URL}/topic/${String(other)}`);
		const panel = page.locator('[component="lvl/promise/assign"]');
		await panel.filter({ hasText: /Toewijzen aan een lid/ }).waitFor();
		const row = panel.locator('div.border').filter({ hasText: /Marie Claes|marie\.claes/ });
		await row.waitFor();
		await shot(page, 'promise-coordinator-phone-nl');
		await row.locator('[component="lvl/promise/assign-member"]').click();
		await page.locator('[component="lvl/promise/status"]').filter({ hasText: /Een coördinator vroeg (Marie Claes|marie\.claes)/ }).waitFor();
		await context.close();
		const m = new Session(FORUM_URL);
		await m.login(marie.username, marie.password);
		const notes = await m.get<{ notifications: { path: string; bodyShort: string }[] }>('/api/notifications');
		assert.ok(notes.body.notifications.some(n => n.path === `/topic/${String(other)}`), 'Marie is told');
	});
});
