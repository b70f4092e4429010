/**
 * Helpers for the attack suites (test/forum/security/): roster entries added in place (no import that would end
 * other suites' members), registrations driven as a browser would, and the attacker's gains read from the database.
 */
import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import * as roster from '../../lib/membership/roster';
import * as store from '../../lib/membership/store';
import * as engagementStore from '../../lib/engagement/store';
import { canUsePlatform } from '../../lib/membership';
import { guest, unique } from './forum';
import type { Session } from './http';

export interface RosterPerson { memberNumber: string; lastName: string; firstName: string; email: string; birthDate: string }

/** A fresh active roster entry (the member number is unique to this call). */
export async function addPerson(by: number, over: Partial<RosterPerson> = {}): Promise<RosterPerson> {
	const memberNumber = over.memberNumber ?? unique('77');
	const p: RosterPerson = { memberNumber, lastName: `Lid${memberNumber}`, firstName: 'Test', email: `lid${memberNumber}@example.org`, birthDate: '1968-04-02', ...over };
	await roster.addEntry({ memberNumber: p.memberNumber, lastName: p.lastName, firstName: p.firstName, emails: [p.email], birthDate: p.birthDate }, by);
	return p;
}

export interface Registration { s: Session; name: string; uid: number; first: { status: number; text: string }; location: string }

/**
 * Registers as NodeBB's form does, with `extra` keys in the POST /register body (the attack), then posts `complete`
 * to /register/complete (what the person fills in on the steps, if any are shown).
 */
export async function register(extra: Record<string, unknown>, complete: Record<string, unknown> = {}): Promise<Registration> {
	const s = guest();
	await s.refreshCsrf();
	const name = unique('reg');
	const first = await s.post<{ next?: string }>('/register', {
		username: name, password: 'Wachtwoord-123!', 'password-confirm': 'Wachtwoord-123!', email: `${name}@example.org`,
		gdpr_agree_data: 'on', gdpr_agree_email: 'on', ...extra,
	});
	let location = '';
	if (typeof first.body === 'object' && first.body.next === '/register/complete') {
		const done = await s.post('/register/complete', { gdpr_agree_data: 'on', gdpr_agree_email: 'on', ...complete });
		location = String(done.headers.get('location'));
	}
	const uid = Number(await nodebb.user().getUidByUsername(name)) || 0;
	return { s, name, uid, first: { status: first.status, text: first.text }, location };
}

export interface Gains { member: boolean; inGroup: boolean; linked: string; pendingRequest: boolean; charterVersion: number }

/** What an account got out of the plugin: membership, a link, a manual request, a charter acceptance. */
export async function gainsOf(uid: number): Promise<Gains> {
	if (!uid) {
		return { member: false, inGroup: false, linked: '', pendingRequest: false, charterVersion: 0 };
	}
	const { membersGroup } = await settings.get();
	const [member, inGroup, state, pending, charterVersion] = await Promise.all([
		canUsePlatform(uid),
		nodebb.groups().isMember(uid, membersGroup),
		store.getMemberState(uid),
		store.pendingRequestOf(uid),
		engagementStore.acceptedVersion(uid),
	]);
	return { member, inGroup, linked: state?.memberNumber ?? '', pendingRequest: pending > 0, charterVersion };
}

export const NOTHING: Gains = { member: false, inGroup: false, linked: '', pendingRequest: false, charterVersion: 0 };

/** Membership, link and manual request only (for attackers who ticked the charter themselves, which is theirs to do). */
export function assertNoMembership(g: Gains, what: string): void {
	assertNothing({ ...g, charterVersion: 0 }, what);
}

export function assertNothing(g: Gains, what: string): void {
	assert.deepStrictEqual(g, NOTHING, `${what} gained ${JSON.stringify(g)}`);
}
