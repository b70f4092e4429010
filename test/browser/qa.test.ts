import assert from 'assert';
import type { Browser } from 'playwright-core';
import { adminLogin, chooseLanguage, DESKTOP, FORUM_URL, launch, login, newContext, openPostTools, PHONE, shot } from '../support/browser';
import { Session } from '../support/http';
import { DEMO_CATEGORIES, DEMO_PEOPLE, seedAssociation } from '../support/seed';

/**
 * The whole Q&A loop as members live it: Pieter asks in Dutch with a competence, Luc (expert in it) is told,
 * answers in French on his phone, Pieter accepts, and the badge and Luc's counts show it.
 */
describe('browser: a question reaches the member who knows, is answered and accepted', function () {
	this.timeout(240000);
	let browser: Browser;
	let cid = 0;
	let topicPath = '';
	const title = `Aangifte personenbelasting na pensioen ${String(Date.now() % 100000)}`;
	const pieter = DEMO_PEOPLE.find(p => p.username === 'pieter.dhondt')!;
	const luc = DEMO_PEOPLE.find(p => p.username === 'luc.dubois')!;

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		await chooseLanguage(pieter.username, pieter.password, 'nl');
		await chooseLanguage(luc.username, luc.password, 'fr');
		const s = new Session(FORUM_URL);
		await s.login(pieter.username, pieter.password);
		const cats = await s.get<{ categories: { cid: number; name: string }[] }>('/api/categories');
		cid = cats.body.categories.find(c => c.name.startsWith('Vragen'))?.cid ?? 0;
		assert.ok(cid > 0, `the category "${DEMO_CATEGORIES[0]?.name ?? ''}" exists`);
		browser = await launch();
	});

	after(async () => {
		await browser.close();
	});

	it('Pieter asks a question with a competence, in Dutch, and sees how many members can help', async () => {
		const context = await newContext(browser, DESKTOP, 'nl-BE');
		const page = await context.newPage();
		await login(page, pieter.username, pieter.password);
		await page.goto(`${FORUM_URL}/category/${String(cid)}`);
		await page.waitForLoadState('networkidle');
		await page.locator('[component="category/post"]').first().click();
		const block = page.locator('[component="lvl/qa/composer"]');
		await block.waitFor();
		assert.strictEqual(await block.locator('[component="lvl/qa/type"]').inputValue(), 'question');
		await block.locator('[component="lvl/qa/picker"]').pressSequentially('personenbel', { delay: 40 });
		await page.locator('[role="option"]').filter({ hasText: /Personenbelasting/ }).first().click();
		await page.locator('[component="lvl/qa/helpers"]').filter({ hasText: /kan je hiermee helpen|kunnen je hiermee helpen/ }).waitFor();
		await page.fill('.composer input.title', title);
		await page.fill('.composer textarea.write', 'Ik ben sinds kort met pensioen. Moet ik mijn aanvullend pensioen apart aangeven?');
		await shot(page, 'qa-composer-desktop-nl');
		await Promise.all([page.waitForURL(/\/topic\//), page.locator('.composer .composer-submit:visible').first().click()]);
		topicPath = new URL(page.url()).pathname;
		// the address changes before ajaxify has replaced the category's list with the topic: wait for the topic
		await page.locator('[component="topic"]').waitFor();
		// the type's label (HTML with its component on 4.11, Harmony's label with our class from 4.14)
		await page.locator('[component="topic/labels"] .lvl-type-question').first().waitFor();
		assert.match(await page.locator('[component="topic/labels"]').innerText(), /Vraag/);
		await context.close();
	});

	it('Luc, expert in that competence, is told in French on his phone and answers', async () => {
		const context = await newContext(browser, PHONE, 'fr-BE');
		const page = await context.newPage();
		await login(page, luc.username, luc.password);
		await page.goto(`${FORUM_URL}/notifications`);
		const note = page.locator('ul[component="notifications/list"] [data-nid]').filter({ hasText: /Pouvez-vous aider/ }).first();
		await note.waitFor();
		assert.match(await note.innerText(), /Aangifte personenbelasting/);
		await shot(page, 'qa-routed-notification-phone-fr');
		await page.goto(`${FORUM_URL}${topicPath}`);
		await page.locator('[component="topic/quickreply/text"]').fill('Oui : la pension complémentaire se déclare à part, codes 1211 et suivants.');
		await page.locator('[component="topic/quickreply/button"]').click();
		await page.locator('[component="post"]').filter({ hasText: /codes 1211/ }).first().waitFor();
		await context.close();
	});

	it('Pieter accepts the answer; it shows under the question with the "solved" badge', async () => {
		const context = await newContext(browser, DESKTOP, 'nl-BE');
		const page = await context.newPage();
		await login(page, pieter.username, pieter.password);
		await page.goto(`${FORUM_URL}${topicPath}`);
		await page.waitForLoadState('networkidle');
		const answer = page.locator('[component="post"]').filter({ hasText: /codes 1211/ }).first();
		await openPostTools(page, answer);
		const accept = page.locator('[component="lvl/accept"]').first();
		await accept.waitFor();
		await accept.click();
		await page.locator('[component="lvl/qa/accepted-block"]').waitFor();
		assert.match(await page.locator('[component="lvl/qa/accepted-block"]').innerText(), /Aanvaard antwoord[\s\S]*codes 1211/);
		assert.match(await page.locator('[component="topic/labels"]').innerText(), /Opgelost/);
		await shot(page, 'qa-accepted-desktop-nl');
		await page.goto(`${FORUM_URL}/vragen?list=solved`);
		await page.locator('[component="lvl/qa/topics"]').filter({ hasText: title }).waitFor();
		await shot(page, 'qa-page-solved-desktop-nl');
		await context.close();
	});

	it('Luc sees his accepted answer counted, in French', async () => {
		const context = await newContext(browser, PHONE, 'fr-BE');
		const page = await context.newPage();
		await login(page, luc.username, luc.password);
		await page.goto(`${FORUM_URL}/vragen?list=unsolved`);
		const accepted = Number(await page.locator('[component="lvl/qa/count/accepted"]').innerText());
		assert.ok(accepted >= 1, 'at least the one just accepted');
		assert.match(await page.locator('[component="lvl/qa/tabs"]').innerText(), /Pour vous/);
		await shot(page, 'qa-page-phone-fr');
		await context.close();
	});

	it('Pieter asks Luc directly from his profile; Luc accepts in one click, in French on his phone', async () => {
		// Pieter has a new open question (the first one is solved)
		const s = new Session(FORUM_URL);
		await s.login(pieter.username, pieter.password);
		const asked = await s.post<{ response: { tid: number } }>('/api/v3/topics', {
			cid, title: `Successierechten bij een schenking ${String(Date.now() % 100000)}`, content: 'Hoe lang moet ik leven na een schenking van een woning?',
			lvlType: 'question', lvlCompetences: ['tax.personal'],
		});
		assert.strictEqual(asked.status, 200, asked.text);

		const context = await newContext(browser, DESKTOP, 'nl-BE');
		const page = await context.newPage();
		await login(page, pieter.username, pieter.password);
		await page.goto(`${FORUM_URL}/user/${luc.username}/competenties`);
		await page.locator('[component="lvl/profile/reciprocity"]').waitFor();
		assert.match(await page.locator('[component="lvl/profile/reciprocity"]').innerText(), /Antwoorden aanvaard\s*[1-9]/);
		await page.locator('[component="lvl/profile/reciprocity"] [component="lvl/ask"]').click();
		const dialog = page.locator('[component="lvl/ask/dialog"]');
		await dialog.waitFor();
		assert.match(await dialog.locator('select option').first().innerText(), /Successierechten/);
		await shot(page, 'qa-ask-member-desktop-nl');
		await page.locator('.modal-footer .btn-primary').click();
		await page.locator('.alert-success, [component="toaster/toast"]').filter({ hasText: /Verstuurd/ }).first().waitFor();
		await context.close();

		const phone = await newContext(browser, PHONE, 'fr-BE');
		const lucPage = await phone.newPage();
		await login(lucPage, luc.username, luc.password);
		await lucPage.goto(`${FORUM_URL}/vragen?list=requests`);
		const request = lucPage.locator('[component="lvl/qa/request"]').filter({ hasText: /Successierechten/ }).first();
		await request.waitFor();
		assert.match(await request.innerText(), /sollicite votre aide/);
		await shot(lucPage, 'qa-requests-phone-fr');
		await request.locator('[component="lvl/qa/request/accept"]').click();
		await lucPage.locator('[component="lvl/qa/requests/received"]').filter({ hasText: /Personne ne vous sollicite/ }).waitFor();
		await phone.close();
	});
});
