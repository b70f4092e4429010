/**
 * Security #12 M3: the non-commercial guard's patterns run on every member's post. A pattern that backtracks
 * (`(\w|\d)+$`, `.*.*.*x`, which safe-regex2 accepted) or the built-in `{shop-link}` on a wall of links must not
 * freeze the forum: every pattern runs on RE2 (linear), the text is bounded, and the compiled lists are kept until
 * the next save.
 */
import assert from 'assert';
import * as nodebb from '../../../lib/nodebb';
import * as settings from '../../../lib/settings';
import * as guard from '../../../lib/engagement/guard';
import { K } from '../../../lib/engagement/store';
import { applyPlatformPrivileges } from '../../../lib/platform/service';
import { createCategory, createUser, host, loginAs, type TestUser, unique } from '../../support/forum';
import type { Envelope, Session } from '../../support/http';

const API = '/api/v3/plugins/lvl/engagement';

interface Meta { config: Record<string, unknown>; configs: { set(key: string, value: unknown): Promise<void> } }

describe('Security: guard patterns run in linear time (#12 M3)', () => {
	let cid: number;
	let admin: TestUser; let adminS: Session;
	let member: TestUser; let memberS: Session;
	let saved: Pick<settings.Settings, 'platformCids' | 'guardMode'>;
	let savedLists: Record<string, unknown> | null;
	let savedMaxLength: unknown;

	async function post(content: string): Promise<{ status: number; queued: boolean }> {
		const res = await memberS.post<Envelope<{ queued?: boolean }>>('/api/v3/topics', { cid, title: unique('Vraag '), content });
		assert.ok([200, 202].includes(res.status), res.text.slice(0, 300));
		return { status: res.status, queued: res.body.response.queued === true };
	}

	async function saveLists(nl: string): Promise<{ status: number; text: string }> {
		return adminS.put(`${API}/guard/patterns?lang=nl`, { nl, fr: '', en: '' });
	}

	before(async function () {
		this.timeout(60000);
		const s = await settings.get();
		saved = { platformCids: s.platformCids, guardMode: s.guardMode };
		savedLists = await nodebb.db().getObject(K.patterns);
		const meta = host<Meta>('./src/meta');
		savedMaxLength = meta.config.maximumPostLength;
		// a 50,000-character post reaches the guard (NodeBB's own limit would refuse it later anyway)
		await meta.configs.set('maximumPostLength', 60000);
		cid = await createCategory(unique('Guard '));
		await settings.save({ platformCids: [...s.platformCids, cid], guardMode: 'queue' });
		await applyPlatformPrivileges();
		admin = await createUser('guardbeheer', { admin: true, member: true });
		member = await createUser('guardlid', { member: true });
		[adminS, memberS] = await Promise.all([loginAs(admin), loginAs(member)]);
	});

	after(async () => {
		await settings.save(saved);
		await nodebb.db().delete(K.patterns);
		if (savedLists) {
			await nodebb.db().setObject(K.patterns, savedLists);
		}
		await host<Meta>('./src/meta').configs.set('maximumPostLength', savedMaxLength ?? 32767);
	});

	it('accepts the classic catastrophic patterns only because they run on RE2, and a hostile 50k-character post is checked', async function () {
		this.timeout(30000);
		const res = await saveLists('/(\\w|\\d)+$/\n/.*.*.*x/');
		assert.strictEqual(res.status, 200, res.text);
		assert.deepStrictEqual(await guard.engines(), ['re2'], 'no pattern runs on a backtracking engine');
		// on JavaScript's engine each of these posts would block the process for far longer than any test
		// 50,000 characters; the guard looks at the first 50,000 of title and text, which still end in '!'
		const clean = await post(`${'a1'.repeat(24990)}${'!'.repeat(20)}`);
		assert.deepStrictEqual(clean, { status: 200, queued: false });
		// under 50,000 characters with the title: the whole text is looked at, and it ends in '!'
		const hit = await post(`${'a'.repeat(49900)}x!`);
		assert.deepStrictEqual(hit, { status: 202, queued: true }, 'the pattern still works: .*.*.*x is found');
		const hits = await nodebb.db().getSortedSetRevRange(K.hits, 0, 0);
		assert.strictEqual(await nodebb.db().getObjectField(K.hit(hits[0] ?? ''), 'pattern'), '/.*.*.*x/');
	});

	it('runs the built-in {shop-link} in linear time on a wall of links, and still finds a shop link', async function () {
		this.timeout(30000);
		assert.strictEqual((await saveLists('{shop-link}')).status, 200);
		assert.deepStrictEqual(await post('https://'.repeat(6000)), { status: 200, queued: false });
		assert.deepStrictEqual(await post(`${'https://'.repeat(6000)} https://example.org/winkel/boek`), { status: 202, queued: true });
	});

	it('refuses what RE2 cannot run (a back-reference), translated, and keeps the lists as they were', async () => {
		await saveLists('te koop');
		const bad = await saveLists('te koop\n/(\\w+)\\1/');
		assert.strictEqual(bad.status, 400);
		assert.match(bad.text, /Lijst nl, regel 2/);
		const now = await adminS.get<Envelope<Record<string, string>>>(`${API}/guard/patterns`);
		assert.strictEqual(now.body.response.nl, 'te koop');
	});

	it('recompiles after a save, in this process and in another one (the stamp saved with the lists changes)', async () => {
		assert.strictEqual((await saveLists('verboden woord')).status, 200);
		assert.strictEqual((await post('Dit is een verboden woord.')).queued, true);
		assert.strictEqual((await saveLists('iets anders')).status, 200);
		assert.strictEqual((await post('Dit is een verboden woord.')).queued, false, 'the new list applies at once');
		// another NodeBB process saves: the hash changes with a new stamp in the shared database
		await nodebb.db().setObject(K.patterns, { nl: 'verboden woord', fr: '', en: '', v: 'elders-1' });
		assert.strictEqual((await post('Dit is een verboden woord.')).queued, true, 'this process sees the other one\'s save');
	});
});
