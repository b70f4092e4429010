/**
 * The browser harness: playwright-core driving Debian's Chromium (no browser download), headless.
 */
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { Session } from './http';

export const FORUM_URL = process.env.LVL_FORUM_URL ?? 'http://127.0.0.1:4599';
export const ARTIFACTS = process.env.LVL_ARTIFACTS ?? path.resolve(__dirname, '../../../test-artifacts');
export const SHOTS = path.join(ARTIFACTS, 'screenshots');

export function adminLogin(): { username: string; password: string } {
	return JSON.parse(process.env.LVL_ADMIN ?? '{"username":"beheerder","password":"E2e-beheer-2026"}') as { username: string; password: string };
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
	});
}

/** NodeBB picks the language from the browser's (autoDetectLang), as it would for a Belgian member. */
export async function newContext(browser: Browser, viewport = DESKTOP, locale = 'nl-BE'): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport, locale, extraHTTPHeaders: { 'accept-language': `${locale},${locale.slice(0, 2)};q=0.9` } });
	// a loaded 2-core machine (CI, other forums building) can take long over a first page: wait on conditions, generously
	context.setDefaultTimeout(45000);
	context.setDefaultNavigationTimeout(60000);
	return context;
}

/** Logs in through NodeBB's own login form, as a person would. */
/**
 * Waits until NodeBB's page script has bound its click handler to the button (login, register): a click before that
 * submits the bare form (no CSRF header) and lands on the same page again. A condition, not a fixed time.
 */
export async function bound(page: Page, selector: string): Promise<void> {
	await page.waitForFunction((sel) => {
		const w = window as unknown as { $?: { _data(el: Element, what: string): { click?: unknown[] } | undefined } };
		const button = document.querySelector(sel);
		return Boolean(button && w.$?._data(button, 'events')?.click?.length);
	}, selector);
}

/**
 * Opens a post's tools menu once NodeBB's topic script listens for it: the menu's items are fetched when the dropdown
 * opens, by a handler bound after the page's script has run. Clicked earlier (a loaded machine), the menu opens empty
 * and stays so. Waits on both conditions, then for the loaded items.
 */
export async function openPostTools(page: Page, post: Locator): Promise<void> {
	await page.waitForFunction(() => {
		const w = window as unknown as { $?: { _data(el: Element, what: string): Record<string, unknown[]> | undefined } };
		const topic = document.querySelector('[component="topic"]');
		return Boolean(topic && w.$?._data(topic, 'events')?.show?.length);
	}, undefined);
	await post.locator('[component="post/tools"] .dropdown-toggle, [component="post/tools"] button').first().click();
	await post.locator('[component="post/tools"] .dropdown-menu[data-loaded="true"]').first().waitFor();
}

export async function login(page: Page, username: string, password: string): Promise<void> {
	await page.goto(`${FORUM_URL}/login`);
	await bound(page, '#login');
	await page.fill('#username', username);
	await page.fill('#password', password);
	await Promise.all([page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 60000 }), page.click('#login')]);
}

export async function shot(page: Page, name: string): Promise<string> {
	fs.mkdirSync(SHOTS, { recursive: true });
	const file = path.join(SHOTS, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/** Ticks NodeBB's own GDPR consent where it is asked, then submits the registration steps page. */
export async function submitRegistrationSteps(page: Page): Promise<void> {
	for (const id of ['#gdpr_agree_data', '#gdpr_agree_email']) {
		if (await page.locator(id).count()) {
			await page.check(id);
		}
	}
	await Promise.all([
		page.waitForResponse(r => r.url().endsWith('/register/complete') && r.request().method() === 'POST'),
		page.click('form[action$="/register/complete"] button.btn-primary'),
	]);
	await page.waitForLoadState('load');
}

/** The member chooses their language in NodeBB's account settings, as a real member would (not `?lang=`). */
export async function chooseLanguage(username: string, password: string, userLang: 'nl' | 'fr' | 'en-GB'): Promise<void> {
	const s = new Session(FORUM_URL);
	await s.login(username, password);
	const me = await s.get<{ uid: number }>(`/api/user/username/${encodeURIComponent(username)}`);
	const res = await s.put(`/api/v3/users/${String(me.body.uid)}/settings`, { settings: { userLang } });
	if (res.status !== 200) {
		throw new Error(`choosing ${userLang} for ${username}: ${res.text}`);
	}
}
