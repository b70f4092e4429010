import assert from 'assert';
import type { Browser, Page } from 'playwright-core';
import { adminLogin, bound, chooseLanguage, DESKTOP, FORUM_URL, launch, login, newContext, openPostTools, PHONE, shot, submitRegistrationSteps } from '../support/browser';
import { type Envelope, Session } from '../support/http';
import { DEMO_PEOPLE, seedAssociation, seedCharter, STARTER_CHARTER } from '../support/seed';

const API = '/api/v3/plugins/lvl/engagement';

/**
 * The rules of engagement as people live them: a newcomer accepts the charter while registering (Dutch), a member
 * accepts a new version at her next visit (French, phone), and a moderator warns a member citing an article (Dutch),
 * who then sees the warning and why (French).
 */
describe('browser: the charter is accepted, and a warning cites an article', function () {
	this.timeout(240000);
	let browser: Browser;
	const luc = DEMO_PEOPLE.find(p => p.username === 'luc.dubois')!;
	const marie = DEMO_PEOPLE.find(p => p.username === 'marie.claes')!;

	async function acceptAs(username: string, password: string): Promise<void> {
		const s = new Session(FORUM_URL);
		await s.login(username, password);
		const c = await s.get<Envelope<{ version: number }>>(`${API}/charter`);
		await s.post(`${API}/charter/accept`, { version: c.body.response.version });
	}

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		await seedCharter(FORUM_URL, adminLogin());
		await chooseLanguage(luc.username, luc.password, 'fr');
		await chooseLanguage(marie.username, marie.password, 'nl');
		browser = await launch();
	});

	after(async () => {
		// the suites after this one meet members who have accepted the charter in force
		for (const p of DEMO_PEOPLE.filter(x => x.member)) {
			await acceptAs(p.username, p.password);
		}
		await acceptAs(adminLogin().username, adminLogin().password);
		await browser.close();
	});

	it('a newcomer reads and accepts the charter while registering (Dutch, phone)', async () => {
		const context = await newContext(browser, PHONE, 'nl-BE');
		const page = await context.newPage();
		await page.goto(`${FORUM_URL}/register`);
		const name = `claire${String(Date.now() % 100000)}`;
		await page.fill('#username', name);
		await page.fill('#password', 'Wachtwoord-voor-lid-1');
		await page.fill('#password-confirm', 'Wachtwoord-voor-lid-1');
		await bound(page, '#register');
		await Promise.all([page.waitForURL(/\/register\/complete/), page.click('#register')]);
		const step = page.locator('[component="lvl/charter-step"]');
		await step.waitFor();
		assert.match(await step.innerText(), /Artikel 2 · Niet-commercieel/);
		if (await page.locator('#lvl-action-later').count()) {
			await page.check('#lvl-action-later');
		}
		await page.check('#lvl-charter-accept');
		await step.scrollIntoViewIfNeeded();
		await shot(page, 'charter-register-phone-nl');
		await submitRegistrationSteps(page);
		// the account exists now; having chosen "later" for membership, the membership step (not the charter) may ask again
		await page.waitForLoadState('networkidle');
		assert.strictEqual(await page.locator('[component="lvl/charter-step"]').count(), 0, 'the charter is not asked again');
		const s = new Session(FORUM_URL);
		await s.login(name, 'Wachtwoord-voor-lid-1');
		const me = await s.get<Envelope<{ pending: number; acceptances: { version: number }[] }>>(`${API}/me`);
		assert.strictEqual(me.body.response.acceptances.length, 1);
		await context.close();
	});

	it('after a new version, Luc accepts it at his next visit (French, phone)', async () => {
		const changed = STARTER_CHARTER.map(a => ({ ...a }));
		const current = await new Session(FORUM_URL).get<Envelope<{ articles: { id: string }[] }>>(`${API}/charter`);
		const withIds = changed.map((a, i) => ({ ...a, id: current.body.response.articles[i]?.id }));
		withIds[0] = { ...withIds[0]!, body: { ...withIds[0]!.body, fr: `${withIds[0]!.body.fr} Les modérateurs veillent au respect de ces règles.`, nl: `${withIds[0]!.body.nl} De moderatoren zien erop toe.`, en: `${withIds[0]!.body.en} Moderators see to it.` } };
		// Luc accepted the version before: the new one is announced as a change
		await acceptAs(luc.username, luc.password);
		await seedCharter(FORUM_URL, adminLogin(), withIds);
		const context = await newContext(browser, PHONE, 'fr-BE');
		const page = await context.newPage();
		await login(page, luc.username, luc.password);
		await page.goto(`${FORUM_URL}/leden-voor-leden`);
		await page.waitForURL(/\/register\/complete/);
		const step = page.locator('[component="lvl/charter-step"]');
		await step.waitFor();
		assert.match(await step.innerText(), /Le code de conduite a changé/);
		await page.check('#lvl-charter-accept');
		await shot(page, 'charter-renewed-phone-fr');
		await submitRegistrationSteps(page);
		await page.goto(`${FORUM_URL}/gedragscode`);
		await page.locator('[component="lvl/charter/acceptances"]').waitFor();
		assert.match(await page.locator('[component="lvl/charter/acceptances"]').innerText(), /Version 2/);
		await context.close();
	});

	async function postAs(username: string, password: string): Promise<number> {
		const s = new Session(FORUM_URL);
		await s.login(username, password);
		const cats = await s.get<{ categories: { cid: number; name: string }[] }>('/api/categories');
		const cid = cats.body.categories.find(c => c.name.startsWith('Vragen'))?.cid ?? 0;
		const t = await s.post<Envelope<{ mainPid: number }>>('/api/v3/topics', { cid, title: `Over de vergadering ${String(Date.now() % 100000)}`, content: 'Jullie bestuur is een bende nietsnutten.', lvlType: 'discussion' });
		assert.strictEqual(t.status, 200, t.text);
		return t.body.response.mainPid;
	}

	/** The charter's articles as the API gives them (the ids the warning and the flag cite). */
	async function articleIds(): Promise<string[]> {
		const c = await new Session(FORUM_URL).get<Envelope<{ articles: { id: string }[] }>>(`${API}/charter`);
		return c.body.response.articles.map(a => a.id);
	}

	it('a moderator warns Marie citing an article, from the post menu (Dutch)', async () => {
		// its own post of Marie's: this story depends on no other
		await acceptAs(marie.username, marie.password);
		const pid = await postAs(marie.username, marie.password);
		const context = await newContext(browser, DESKTOP, 'nl-BE');
		const page: Page = await context.newPage();
		await login(page, adminLogin().username, adminLogin().password);
		await page.goto(`${FORUM_URL}/post/${String(pid)}?lang=nl`);
		const post = page.locator(`[component="post"][data-pid="${String(pid)}"]`);
		await post.waitFor();
		await openPostTools(page, post);
		await page.locator('[component="lvl/warn"]').first().click();
		const form = page.locator('[component="lvl/warn/form"]');
		await form.waitFor();
		await form.locator('[component="lvl/warn/article"]').selectOption({ index: 0 });
		await form.locator('[component="lvl/warn/note"]').fill('Kritiek mag, scheldwoorden niet.');
		await shot(page, 'charter-warn-desktop-nl');
		// the warning is saved when the forum answers, not when a toast may show: wait for that answer
		const [saved] = await Promise.all([
			page.waitForResponse(r => r.url().endsWith(`${API}/warnings`) && r.request().method() === 'POST'),
			page.locator('.modal.show .btn-warning').click(),
		]);
		assert.strictEqual(saved.status(), 200, await saved.text());
		await context.close();
		const admin = new Session(FORUM_URL);
		await admin.login(adminLogin().username, adminLogin().password);
		const uid = (await admin.get<{ uid: number }>(`/api/user/username/${marie.username}`)).body.uid;
		const list = await admin.get<Envelope<{ warnings: { pid?: number; note: string; active: boolean }[] }>>(`${API}/members/${String(uid)}/warnings`);
		assert.ok(list.body.response.warnings.some(w => Number(w.pid) === pid && w.active && w.note.includes('scheldwoorden')), list.text);
	});

	it('Luc reports Marie\'s post citing an article in NodeBB\'s flag dialog (French); the flags list filters by that article', async () => {
		await acceptAs(marie.username, marie.password);
		const mariePid = await postAs(marie.username, marie.password);
		await acceptAs(luc.username, luc.password);
		const context = await newContext(browser, DESKTOP, 'fr-BE');
		const page = await context.newPage();
		await login(page, luc.username, luc.password);
		await page.goto(`${FORUM_URL}/post/${String(mariePid)}`);
		const post = page.locator(`[component="post"][data-pid="${String(mariePid)}"]`);
		await post.waitFor();
		await openPostTools(page, post);
		await page.locator('[component="post/flag"]').first().click();
		const reason = page.locator('[component="lvl/flag-reason"]').filter({ hasText: /Courtoisie/ }).first();
		await reason.waitFor();
		assert.strictEqual(await page.locator('#flag-reason-spam').isVisible(), false, 'the articles replace NodeBB\'s generic reasons');
		await reason.locator('input[type="radio"]').check();
		await shot(page, 'charter-flag-dialog-desktop-fr');
		const [flagged] = await Promise.all([
			page.waitForResponse(r => r.url().endsWith('/api/v3/flags') && r.request().method() === 'POST'),
			page.locator('#flag-post-commit').click(),
		]);
		assert.strictEqual(flagged.status(), 200, await flagged.text());
		await context.close();

		const admin = new Session(FORUM_URL);
		await admin.login(adminLogin().username, adminLogin().password);
		const flags = await admin.get<{ flags: { target_readable?: string; reports?: { value: string }[]; pid?: number; targetId?: number | string }[] }>('/api/flags?lvlArticle=art-1');
		assert.strictEqual(flags.status, 200, flags.text);
		assert.ok(flags.body.flags.some(f => String(f.targetId) === String(mariePid)), 'the report is listed under its article');
		const other = await admin.get<{ flags: { targetId?: number | string }[] }>('/api/flags?lvlArticle=art-3');
		assert.ok(!other.body.flags.some(f => String(f.targetId) === String(mariePid)), 'and not under another article');
	});

	it('Marie sees her active warning, the article quoted and why (her charter page, French)', async () => {
		// its own warning, given through the API the moderator's form uses
		await acceptAs(marie.username, marie.password);
		const pid = await postAs(marie.username, marie.password);
		const admin = new Session(FORUM_URL);
		await admin.login(adminLogin().username, adminLogin().password);
		const given = await admin.post(`${API}/warnings`, { pid, articleId: (await articleIds())[0], note: 'Kritiek mag, scheldwoorden niet.' });
		assert.strictEqual(given.status, 200, given.text);
		await chooseLanguage(marie.username, marie.password, 'fr');
		const context = await newContext(browser, PHONE, 'fr-BE');
		const page = await context.newPage();
		await login(page, marie.username, marie.password);
		await page.goto(`${FORUM_URL}/gedragscode#lvl-my-warnings`);
		const warning = page.locator('[component="lvl/charter/warning"]').filter({ hasText: /Kritiek mag/ }).first();
		await warning.waitFor();
		const text = await warning.innerText();
		assert.match(text, /Article 1 · Courtoisie/);
		assert.match(text, /Kritiek mag, scheldwoorden niet\./);
		await warning.scrollIntoViewIfNeeded();
		await shot(page, 'charter-my-warning-phone-fr');
		await context.close();
		await chooseLanguage(marie.username, marie.password, 'nl');
	});
});
