/**
 * #12 H1: member text and reflected query strings never become markup or a translated token, on NodeBB 4.11
 * (whole page translated, `{x}` raw) and 4.14+ (`{{tx()}}`, `{x}` escaped). Each field is saved by one member and
 * read by another, on the page and on its /api twin.
 */
import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as charter from '../../../lib/engagement/charter';
import { createUser, loginAs, type TestUser } from '../../support/forum';
import type { Envelope, Session } from '../../support/http';

const API = '/api/v3/plugins/lvl';

const ATTACK = '[[topic:merged-message, javascript:alert(document.domain), Bekijk mijn cv]]';
const NESTED = '[[global:home, [[topic:merged-message, javascript:alert(2), x]]]]';

/** The page with NodeBB's own data island taken out (it carries raw JSON for client code, inside a script string). */
function visible(html: string): string {
	return html.replace(/<script id="ajaxify-data"[\s\S]*?<\/script>/, '');
}

/** Nothing the attacker typed runs or links anywhere. */
function assertSafe(html: string, where: string): void {
	const page = visible(html);
	assert.doesNotMatch(page, /href\s*=\s*["']?\s*javascript:/i, `${where}: a javascript: link`);
	assert.ok(!page.includes('<script>alert'), `${where}: a live script`);
	assert.doesNotMatch(page, /<svg[^>]*onload/i, `${where}: a live svg`);
	assert.ok(!page.includes('<img src=x onerror'), `${where}: a live image`);
	// the injected token was not translated: its text is still there as typed
	assert.ok(!/Bekijk mijn cv<\/a>/.test(page), `${where}: the injected token was translated`);
}

describe('Security: member text is shown as typed, never as markup or a translation (#12 H1)', () => {
	let author: TestUser; let authorS: Session;
	let reader: TestUser; let readerS: Session;
	let admin: TestUser; let adminS: Session;
	let slug = '';

	before(async () => {
		[author, reader, admin] = await Promise.all([createUser('txtauthor', { member: true }), createUser('txtreader', { member: true }), createUser('txtadmin', { admin: true, member: true })]);
		// a charter published by an earlier suite would send them to its step first
		const published = await charter.current();
		if (published) {
			await Promise.all([author, reader, admin].map(u => charter.accept(u.uid, published.version)));
		}
		[authorS, readerS, adminS] = await Promise.all([loginAs(author), loginAs(reader), loginAs(admin)]);
		const current = await authorS.get<Envelope<{ revision: number }>>(`${API}/profiles/${String(author.uid)}`);
		const res = await authorS.put(`${API}/profiles/${String(author.uid)}`, {
			revision: current.status === 200 ? current.body.response.revision : 0,
			competences: [{ key: 'law.labour', level: 'expert', roles: ['advice'], note: `${NESTED} <img src=x onerror=alert(3)>` }],
			profession: ATTACK, sector: '"><svg onload=alert(1)>', help: `<script>alert(1)</script> ${ATTACK} {x} {{x}} <!-- IMPORT partials/x.tpl --> &lt;b&gt; Crème & Brûlée`,
			languages: ['nl'], availability: 'available', listed: true,
		});
		assert.strictEqual(res.status, 200, res.text);
		slug = String(await nodebb.user().getUserField(author.uid, 'userslug'));
	});

	it('the directory shows the profession as typed, with no javascript: link (page and API twin)', async () => {
		for (const path of ['/wie-weet-wat?c=law.labour&lang=nl', '/api/wie-weet-wat?c=law.labour']) {
			const page = await readerS.get(path, { accept: 'text/html' });
			assert.strictEqual(page.status, 200, path);
			assertSafe(page.text, path);
			assert.ok(page.text.includes('merged-message'), `${path}: the profession is shown`);
		}
	});

	it('the profile tab shows profession, sector, help and notes as typed (page and API twin)', async () => {
		for (const path of [`/user/${slug}/competenties?lang=nl`, `/api/user/${slug}/competenties`]) {
			const page = await readerS.get(path, { accept: 'text/html' });
			assert.strictEqual(page.status, 200, path);
			assertSafe(page.text, path);
		}
		const html = visible((await readerS.get(`/user/${slug}/competenties?lang=nl`, { accept: 'text/html' })).text);
		assert.match(html, /&lsqb;&lsqb;topic:merged-message/, 'brackets kept as typed, as entities the translator does not read');
		assert.match(html, /Crème &amp; Brûlée/, 'escaped once');
		assert.match(html, /&amp;lt;b&amp;gt;/, 'a typed entity stays as typed');
		assert.ok(!html.includes('&amp;amp;'), 'nothing escaped twice');
	});

	it('the competence page shows the member\'s profession safely', async () => {
		const page = await readerS.get('/wie-weet-wat/law.labour?lang=nl', { accept: 'text/html' });
		assert.strictEqual(page.status, 200);
		assertSafe(page.text, 'competence page');
	});

	it('reflected ?q= and ?c= cannot leave their attribute or become a token', async () => {
		const q = encodeURIComponent(`"><svg onload=alert(1)> ${ATTACK}`);
		const page = await readerS.get(`/wie-weet-wat?q=${q}&c=${encodeURIComponent(ATTACK)}&lang=nl`, { accept: 'text/html' });
		assert.strictEqual(page.status, 200);
		assertSafe(page.text, '/wie-weet-wat?q=');
		assert.ok(!visible(page.text).includes('"><svg'), 'the query stays inside value="…"');
	});

	it('the ACP taxonomy page does not print ?lang= raw', async () => {
		const page = await adminS.get(`/admin/plugins/lvl/competences?lang=${encodeURIComponent('"><svg onload=alert(1)>')}`, { accept: 'text/html' });
		assertSafe(page.text, 'ACP taxonomy');
		assert.ok(!visible(page.text).includes('"><svg'), '?lang= escaped');
	});

	it('a display name in a direct request is shown as typed on /vragen', async () => {
		await nodebb.user().setUserField(author.uid, 'fullname', ATTACK);
		const page = await readerS.get('/vragen?list=requests&lang=nl', { accept: 'text/html' });
		assert.strictEqual(page.status, 200);
		assertSafe(page.text, '/vragen');
	});
});
