import assert from 'assert';
import * as settings from '../../../lib/settings';
import { type Cast, cast } from '../../support/doors';

/**
 * A page and its `/api/…` twin answer alike: what the page hides, its JSON does not hold either. The member who
 * left is the case that leaked: their competence tab hid the profile, its twin still served it.
 */
describe('Security: every page\'s /api twin gets the page\'s checks', () => {
	let c: Cast;
	let platformCids: number[] = [];

	before(async function () {
		this.timeout(60000);
		platformCids = (await settings.get()).platformCids;
		c = await cast();
	});

	after(async () => {
		await settings.save({ platformCids });
	});

	it('a member who left is no longer readable through /api/user/<slug>/competenties (404, no profile)', async () => {
		const twin = await c.sessions.member.get(`/api/user/${c.gone.slug}/competenties`);
		assert.strictEqual(twin.status, 404, twin.text.slice(0, 300));
		assert.ok(!twin.text.includes(c.goneProfession), 'the profession of the member who left is served');
		const page = await c.sessions.member.get(`/user/${c.gone.slug}/competenties`, { accept: 'text/html' });
		assert.strictEqual(page.status, 404);
		assert.ok(!page.text.includes(c.goneProfession));
	});

	it('an active member\'s tab and its twin show the profile to a member', async () => {
		const twin = await c.sessions.member.get(`/api/user/${c.member.slug}/competenties`);
		assert.strictEqual(twin.status, 200);
		assert.ok(twin.text.includes(c.profession));
	});

	it('the tab\'s twin refuses outsiders like the page does', async () => {
		for (const who of ['guest', 'non-member', 'member who left'] as const) {
			const s = c.sessions[who];
			const [page, twin] = await Promise.all([
				s.get(`/user/${c.member.slug}/competenties`, { accept: 'text/html' }),
				s.get(`/api/user/${c.member.slug}/competenties`),
			]);
			// refused: a redirect to the login page or the members-only page (401/403), never the tab
			assert.ok(page.status >= 300 && twin.status >= 300, `${who}: ${String(page.status)} / ${String(twin.status)}`);
			assert.ok(!page.text.includes(c.profession) && !twin.text.includes(c.profession), `${who} reads the profile`);
		}
	});
});
