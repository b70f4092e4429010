/**
 * Visitors for the door crawl and the API-twin tests: a guest, an account that is not a member, a member who left
 * (revoked, logged in again) and a member, each with a session that already answered the verification prompt.
 */
import assert from 'assert';
import * as settings from '../../lib/settings';
import * as roster from '../../lib/membership/roster';
import * as store from '../../lib/membership/store';
import { createCategory, createUser, guest, loginAs, saveProfile, type TestUser, unique } from './forum';
import type { Session } from './http';
import { addPerson } from './security';
import * as nodebb from '../../lib/nodebb';
import * as charter from '../../lib/engagement/charter';

export type Visitor = 'guest' | 'non-member' | 'member who left' | 'member';
export const OUTSIDERS: Visitor[] = ['guest', 'non-member', 'member who left'];

export interface Cast {
	admin: TestUser;
	sessions: Record<Visitor, Session>;
	member: TestUser & { slug: string };
	gone: TestUser & { slug: string };
	cid: number;
	tid: number;
	/** words only a member may see: a platform topic's title, a member's profession */
	title: string;
	/** another word of that title: searched for (NodeBB's search echoes its term, never the title itself) */
	searchWord: string;
	profession: string;
	/** the profession of the member who left: nobody sees it any more */
	goneProfession: string;
	competence: string;
}

/** A logged-in account that is not a member answers NodeBB's prompt with "later", as a person would. */
async function settle(s: Session): Promise<Session> {
	await s.get('/', { accept: 'text/html' });
	await s.post('/register/complete', { lvlAction: 'later', gdpr_agree_data: 'on', gdpr_agree_email: 'on' });
	return s;
}

export async function cast(): Promise<Cast> {
	const admin = await createUser('deuradmin', { admin: true });
	const cid = await createCategory(unique('Deurcategorie '));
	await settings.save({ platformCids: [...(await settings.get()).platformCids, cid] });
	const competence = 'culture.genealogy';
	const title = unique('Kluisvraag');
	const searchWord = unique('Zoekwoord');
	const profession = unique('Beroepgeheim');
	const goneProfession = unique('Vertrokkenberoep');

	// members have accepted the charter in force (else NodeBB keeps them on its step, which is not what is tested here)
	const inForce = (await charter.current())?.version ?? 0;
	const member = async (prefix: string): Promise<TestUser> => {
		const u = await createUser(prefix, { member: true });
		if (inForce) {
			await charter.accept(u.uid, inForce);
		}
		return u;
	};
	const memberUser = await member('deurlid');
	const memberS = await loginAs(memberUser);
	await saveProfile(memberS, memberUser.uid, [{ key: competence, level: 'expert', roles: ['advice'] }], { profession });
	const post = await nodebb.topics().post({ uid: memberUser.uid, cid, title: `${title} ${searchWord} over erfrecht`, content: 'Wie kent een goede notaris?' });

	// a member who verified, filled in a profile, then left the roster (no grace period): revoked
	const goneUser = await createUser('deurweg');
	const p = await addPerson(admin.uid);
	const goneS = await loginAs(goneUser);
	const v = await goneS.post('/api/v3/plugins/lvl/verification', { memberNumber: p.memberNumber, email: p.email });
	assert.strictEqual(v.status, 200, v.text);
	await saveProfile(goneS, goneUser.uid, [{ key: competence, level: 'expert', roles: ['advice'] }], { profession: goneProfession });
	const { graceDays } = await settings.get();
	await settings.save({ graceDays: 0 });
	try {
		await roster.markLeft(p.memberNumber, admin.uid);
	} finally {
		await settings.save({ graceDays });
	}
	assert.ok((await store.getMemberState(goneUser.uid))?.revokedAt, 'the member who left is revoked');

	const slug = async (uid: number): Promise<string> => String(await nodebb.user().getUserField(uid, 'userslug'));
	return {
		admin,
		sessions: {
			guest: guest(),
			'non-member': await settle(await loginAs(await createUser('deurbuiten'))),
			'member who left': await settle(await loginAs(goneUser)),
			// another member: the directory never lists the searcher themself
			member: await loginAs(await member('deurlezer')),
		},
		member: { ...memberUser, slug: await slug(memberUser.uid) },
		gone: { ...goneUser, slug: await slug(goneUser.uid) },
		cid,
		tid: post.topicData.tid,
		title,
		searchWord,
		profession,
		goneProfession,
		competence,
	};
}
