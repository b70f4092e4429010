/**
 * A small fictional association, created through the forum's own HTTP API as its administrator would:
 * used by the demo forum and by the browser tests. Every step is safe to repeat.
 */
import type { Envelope } from './http';
import { Session } from './http';

export interface DemoMember {
	username: string;
	password: string;
	email: string;
	fullname: string;
	member: boolean;
}

export const DEMO_PASSWORD = 'Lid-voor-lid-2026';

/** Fictional people; `member: false` is someone with an account who has not proven membership. */
export const DEMO_PEOPLE: DemoMember[] = [
	{ username: 'an.peeters', fullname: 'An Peeters', email: 'an.peeters@example.org', member: true, password: DEMO_PASSWORD },
	{ username: 'luc.dubois', fullname: 'Luc Dubois', email: 'luc.dubois@example.org', member: true, password: DEMO_PASSWORD },
	{ username: 'marie.claes', fullname: 'Marie Claes', email: 'marie.claes@example.org', member: true, password: DEMO_PASSWORD },
	{ username: 'pieter.dhondt', fullname: 'Pieter D\'Hondt', email: 'pieter.dhondt@example.org', member: true, password: DEMO_PASSWORD },
	{ username: 'sophie.lambert', fullname: 'Sophie Lambert', email: 'sophie.lambert@example.org', member: false, password: DEMO_PASSWORD },
];

export const DEMO_CATEGORIES = [
	{ name: 'Vragen & Antwoorden', description: 'Stel je vraag aan de leden · Posez votre question aux membres', icon: 'fa-circle-question' },
	{ name: 'Aanbod & Gezocht', description: 'Kennis, diensten en materiaal · Connaissances, services et matériel', icon: 'fa-hand-holding-heart' },
];

interface CategoryRow { cid: number; name: string; children?: CategoryRow[] }

async function ensureCategory(admin: Session, c: typeof DEMO_CATEGORIES[number]): Promise<number> {
	const list = await admin.get<{ categories: CategoryRow[] }>('/api/categories');
	const found = list.body.categories.find(x => x.name === c.name.replace('&', '&amp;') || x.name === c.name);
	if (found) {
		return found.cid;
	}
	const res = await admin.post<Envelope<{ cid: number }>>('/api/v3/categories', c);
	if (res.status !== 200) {
		throw new Error(`creating category ${c.name}: ${res.text}`);
	}
	return res.body.response.cid;
}

async function ensureUser(admin: Session, p: DemoMember): Promise<number> {
	const existing = await admin.get<{ uid: number }>(`/api/user/username/${encodeURIComponent(p.username)}`);
	if (existing.status === 200) {
		return existing.body.uid;
	}
	const res = await admin.post<Envelope<{ uid: number }>>('/api/v3/users', { username: p.username, password: p.password, email: p.email, fullname: p.fullname });
	if (res.status !== 200) {
		throw new Error(`creating user ${p.username}: ${res.text}`);
	}
	return res.body.response.uid;
}

export interface SeedResult {
	cids: number[];
	uids: Record<string, number>;
}

export async function seedAssociation(base: string, admin: { username: string; password: string }): Promise<SeedResult> {
	const s = new Session(base);
	await s.login(admin.username, admin.password);
	// a demo or test forum stays off the network
	for (const [setting, value] of [['activitypubEnabled', '0'], ['submitPluginUsage', '0'], ['requireEmailAddress', '0']] as const) {
		await s.put(`/api/v3/admin/settings/${setting}`, { value });
	}
	const cids: number[] = [];
	for (const c of DEMO_CATEGORIES) {
		cids.push(await ensureCategory(s, c));
	}
	const saved = await s.put('/api/v3/plugins/lvl/settings', { platformCids: cids.map(String) });
	if (saved.status !== 200) {
		throw new Error(`saving plugin settings: ${saved.text}`);
	}
	const settings = await s.get<Envelope<{ membersGroup: string }>>('/api/v3/plugins/lvl/settings');
	const group = settings.body.response.membersGroup;
	const uids: Record<string, number> = {};
	for (const p of DEMO_PEOPLE) {
		const uid = await ensureUser(s, p);
		uids[p.username] = uid;
		if (p.member) {
			const slug = encodeURIComponent(group.toLowerCase().replace(/\s+/g, '-'));
			const joined = await s.put(`/api/v3/groups/${slug}/membership/${String(uid)}`);
			if (![200, 400].includes(joined.status)) {
				throw new Error(`adding ${p.username} to ${group}: ${joined.text}`);
			}
		}
	}
	return { cids, uids };
}
