import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as store from '../../../lib/membership/store';
import { createUser, guest, loginAs, unique } from '../../support/forum';
import type { Session } from '../../support/http';

async function staffWith(privilege: string): Promise<Session> {
	const group = unique('Staf');
	await nodebb.groups().create({ name: group });
	const u = await createUser('staf');
	await nodebb.groups().join(group, u.uid);
	await (nodebb.privileges() as unknown as { admin: { give(p: string[], g: string): Promise<void> } }).admin.give([`groups:${privilege}`], group);
	return loginAs(u);
}

/**
 * Doors of lesser weight: ACP pages reached by another spelling of their address, and a GET that changed state.
 */
describe('Security: ACP address variants and state-changing GETs', () => {
	describe('an ACP page keeps its own privilege whatever the spelling of its address', () => {
		let settingsAdmin: Session;

		before(async () => {
			// may change settings (NodeBB's fallback for plugin pages), but was never given insight nor the roster
			settingsAdmin = await staffWith('admin:settings');
		});

		for (const path of ['/admin/plugins/lvl/insight', '/admin/plugins/lvl/roster']) {
			for (const variant of [path, `${path}/`, path.replace(/\/(\w)(\w+)$/, (_m, a: string, b: string) => `/${a.toUpperCase()}${b}`), path.toUpperCase().replace('/ADMIN', '/admin')]) {
				it(`refuses ${variant} and /api${variant} without its privilege`, async () => {
					const [page, twin] = await Promise.all([settingsAdmin.get(variant, { accept: 'text/html' }), settingsAdmin.get(`/api${variant}`)]);
					assert.ok(page.status === 403 || page.status === 404 || page.status === 401, `page ${String(page.status)}`);
					assert.ok(twin.status === 403 || twin.status === 404 || twin.status === 401, `twin ${String(twin.status)}`);
				});
			}
		}

		it('still opens the page to who holds the privilege', async () => {
			const insight = await staffWith('admin:lvl-insight');
			assert.strictEqual((await insight.get('/api/admin/plugins/lvl/insight')).status, 200);
			const roster = await staffWith('admin:lvl-roster');
			assert.strictEqual((await roster.get('/api/admin/plugins/lvl/roster')).status, 200);
		});
	});

	describe('"verify now"', () => {
		it('a GET (a link, an image on another site) changes nothing', async () => {
			const u = await createUser('geklikt');
			const s = await loginAs(u);
			await s.get('/', { accept: 'text/html' });
			await s.post('/register/complete', { lvlAction: 'later', gdpr_agree_data: 'on', gdpr_agree_email: 'on' });
			const hit = await s.get('/leden-voor-leden/verify', { accept: 'text/html' });
			assert.doesNotMatch(hit.headers.get('location') ?? hit.headers.get('x-redirect') ?? '', /register\/complete/);
			const after = await s.get('/api/leden-voor-leden');
			assert.doesNotMatch(after.text, /"?register\/complete/, 'no step pushed in front of the person');
			assert.strictEqual(await store.pendingRequestOf(u.uid), 0);
		});

		it('a POST without NodeBB\'s CSRF token is refused; with it, the step is put in front of the person', async () => {
			const u = await createUser('knop');
			const s = await loginAs(u);
			await s.get('/', { accept: 'text/html' });
			await s.post('/register/complete', { lvlAction: 'later', gdpr_agree_data: 'on', gdpr_agree_email: 'on' });
			const forged = await s.request('POST', '/leden-voor-leden/verify', undefined, { 'x-csrf-token': 'vervalst' });
			assert.ok(forged.status >= 400, `forged POST answered ${String(forged.status)}`);
			const real = await s.post('/leden-voor-leden/verify', {});
			assert.match(real.headers.get('location') ?? real.headers.get('x-redirect') ?? real.text, /register\/complete/);
		});

		it('guests are sent to the login page', async () => {
			const g = guest();
			const res = await g.post('/leden-voor-leden/verify', {});
			assert.match(res.headers.get('location') ?? res.headers.get('x-redirect') ?? res.text, /login/);
		});
	});
});
