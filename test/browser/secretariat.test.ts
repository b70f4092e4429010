import assert from 'assert';
import fs from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { adminLogin, DESKTOP, FORUM_URL, launch, login, newContext, shot } from '../support/browser';
import { demoRoster, seedAssociation } from '../support/seed';
import { FILES } from '../fixtures/rosters';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

/**
 * The Belgian secretariat's own export (`;`, Windows-1252, CRLF, statuses in Dutch and French, a bad address, a
 * duplicate, empty lines and a totals line), with the demo association's members inserted before the totals, so that
 * the stories after this one still find their members on the roster.
 */
function belgianFile(): Buffer {
	const lines = fs.readFileSync(path.join(FIXTURES, FILES.excelCsv)).toString('latin1').split('\r\n');
	const totals = lines.findIndex(l => l.startsWith('Totaal'));
	const demo = demoRoster().map((p) => {
		const [y, m, d] = p.born.split('-');
		return [p.nr, p.last, p.first, p.email, `${d ?? ''}/${m ?? ''}/${y ?? ''}`, 'Actief', ''].join(';');
	});
	lines.splice(totals - 1, 0, ...demo);
	return Buffer.from(lines.join('\r\n'), 'latin1');
}

describe('browser: the secretariat imports its own Belgian file, decides the statuses and applies', function () {
	this.timeout(180000);
	let browser: Browser;

	before(async () => {
		await seedAssociation(FORUM_URL, adminLogin());
		browser = await launch();
	});

	after(async () => {
		await browser.close();
	});

	it('in French: statuses with their counts, the people who left unticked, remarks by line, then a confirmation', async () => {
		const context = await newContext(browser, DESKTOP, 'fr-BE');
		const page = await context.newPage();
		const admin = adminLogin();
		await login(page, admin.username, admin.password);
		await page.goto(`${FORUM_URL}/admin/plugins/lvl/roster?lang=fr`);
		await page.setInputFiles('#lvl-upload-file', { name: 'liste-des-membres.csv', mimeType: 'text/csv', buffer: belgianFile() });
		await page.locator('form:has(#lvl-upload-file) button[type="submit"]').click();
		await page.waitForSelector('#lvl-active-statuses tr');

		const ticked = async (value: string) => page.locator(`#lvl-active-statuses input[value="${value}"]`).isChecked();
		assert.strictEqual(await ticked('Werkend lid'), true);
		assert.strictEqual(await ticked('Membre effectif'), true);
		assert.strictEqual(await ticked('Actief'), true);
		for (const gone of ['Ontslagen', 'Décédée', 'Geschrapt', 'Démissionnaire']) {
			assert.strictEqual(await ticked(gone), false, `${gone} starts unticked`);
		}
		assert.match(await page.locator('#lvl-active-statuses tr:has-text("Werkend lid")').innerText(), /7/);
		await page.waitForSelector('#lvl-statuses-review:visible');
		await page.waitForSelector('#lvl-people [data-people="duplicates"]:visible');
		assert.match(await page.locator('#lvl-people').innerText(), /numéros de membre figurent sur plusieurs lignes/);
		await shot(page, 'acp-roster-statuses-fr');

		await page.click('[data-bs-target="#lvl-list-warnings"]');
		await page.waitForSelector('#lvl-list-warnings.show td:has-text("pieter.dhondt@telenet")');
		assert.match(await page.locator('#lvl-list-warnings').innerText(), /Adresse e-mail inutilisable/);
		await page.click('[data-bs-target="#lvl-list-invalid"]');
		await page.waitForSelector('#lvl-list-invalid.show td:has-text("ligne de totaux")');
		await shot(page, 'acp-roster-remarks-fr');

		await page.getByRole('button', { name: 'Appliquer l\'importation' }).click();
		const statusDialog = page.locator('.bootbox.modal.show');
		await statusDialog.waitFor();
		assert.match(await statusDialog.innerText(), /Quels statuts comptent comme membre actif/);
		assert.match(await statusDialog.innerText(), /Ontslagen/);
		await shot(page, 'acp-roster-confirm-statuses-fr');
		await statusDialog.locator('.bootbox-accept').click();
		const peopleDialog = page.locator('.bootbox.modal.show:has-text("Mettre à jour la liste des membres")');
		await peopleDialog.waitFor();
		assert.match(await peopleDialog.innerText(), /qui ne se sont jamais inscrits/);
		await peopleDialog.locator('.bootbox-accept').click();
		await page.waitForSelector('#lvl-preview.d-none', { state: 'attached' });

		await page.click('[data-bs-target="#lvl-tab-roster"]');
		await page.selectOption('#lvl-roster-filter', 'unregistered');
		await page.waitForSelector('#lvl-tab-roster.show td:has-text("Peeters")');
		assert.ok(!await page.locator('#lvl-roster-table td:has-text("Claes")').count(), 'a member who resigned is not expected to register');
		await shot(page, 'acp-roster-unregistered-fr');
		await context.close();
	});
});
