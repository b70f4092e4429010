/**
 * Helpers for tests that run inside NodeBB's own harness: real users, groups and categories in the test database.
 */
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import { saveAvailability } from '../../lib/qa/promise-routes';
import assert from 'assert';
import { type Envelope, Session } from './http';

let counter = 0;

/** A unique name per call, so suites never collide in the shared test database. */
export function unique(prefix: string): string {
	counter += 1;
	return `${prefix}${String(Date.now() % 100000)}${String(counter)}`;
}

export function forumUrl(): string {
	const url = nodebb.nconf().get('url');
	if (typeof url !== 'string') {
		throw new Error('no url in nconf');
	}
	return url;
}

export interface TestUser {
	uid: number;
	username: string;
	password: string;
}

export async function createUser(prefix = 'user', opts: { admin?: boolean; member?: boolean; email?: string } = {}): Promise<TestUser> {
	const username = unique(prefix);
	const password = 'Wachtwoord-123!';
	const uid = await nodebb.user().create({ username, password, ...(opts.email ? { email: opts.email } : {}) });
	if (opts.admin) {
		await nodebb.groups().join('administrators', uid);
	}
	if (opts.member) {
		const s = await settings.get();
		await nodebb.groups().join(s.membersGroup, uid);
		// a test member is told at once whatever the hour the suite runs: the default quiet hours (21:00–08:00) would
		// hold every notification of a run made in the evening; the promise tests that prove quiet hours set their own
		await saveAvailability(uid, { capacity: s.qaCapacity, quietOff: true, awayUntil: '' });
	}
	return { uid, username, password };
}

export async function loginAs(u: TestUser): Promise<Session> {
	const s = new Session(forumUrl());
	await s.login(u.username, u.password);
	return s;
}

export function guest(): Session {
	return new Session(forumUrl());
}

export async function createCategory(name: string): Promise<number> {
	const c = await nodebb.categories().create({ name, description: `${name} (test)` });
	return c.cid;
}

/** NodeBB internals a test needs beyond the seam (test-only: the plugin itself never loads these). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names the module shape the test expects
export function host<T>(id: string): T {
	// NodeBB 4.12+ offers globalThis.nodebb.require (require.main.require warns there in development mode)
	const g = globalThis as { nodebb?: { require?: (id: string) => unknown } };
	return (g.nodebb?.require ? g.nodebb.require(id) : (require.main as NodeJS.Module).require(id)) as T;
}

/** Polls until the check passes (NodeBB pushes notifications and runs action hooks in the background). */
export async function eventually<T>(check: () => Promise<T | false | null | undefined>, what: string, ms = 8000): Promise<T> {
	const until = Date.now() + ms;
	for (;;) {
		const value = await check();
		if (value) {
			return value;
		}
		if (Date.now() > until) {
			throw new Error(`timed out waiting for ${what}`);
		}
		await new Promise(r => setTimeout(r, 100));
	}
}

/** The ids of a user's unread notifications, once one matching `part` has arrived. */
export async function notificationArrives(uid: number, part: string): Promise<Record<string, unknown>> {
	return eventually(async () => {
		const nids = await nodebb.db().getSortedSetRevRange(`uid:${String(uid)}:notifications:unread`, 0, -1);
		const nid = nids.find(n => n.includes(part));
		return nid ? nodebb.db().getObject(`notifications:${nid}`) : null;
	}, `a "${part}" notification for uid ${String(uid)}`);
}

/** Saves a member's competence profile through the API, as the member would (at its current revision). */
export async function saveProfile(s: Session, uid: number, competences: { key: string; level: string; roles: string[] }[], extra: Record<string, unknown> = {}): Promise<void> {
	const current = await s.get<Envelope<{ revision: number }>>(`/api/v3/plugins/lvl/profiles/${String(uid)}`);
	const revision = current.status === 200 ? current.body.response.revision : 0;
	const res = await s.put(`/api/v3/plugins/lvl/profiles/${String(uid)}`, { revision, competences, languages: ['nl'], availability: 'available', ...extra });
	assert.strictEqual(res.status, 200, res.text);
}
