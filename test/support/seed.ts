/**
 * A small fictional association, created through the forum's own HTTP API as its administrator would:
 * used by the demo forum and by the browser tests. Every step is safe to repeat.
 */
import type { Envelope } from './http';
import { Session } from './http';
import { importRoster, type Person } from './roster';

export interface DemoMember {
	memberNumber: string;
	birthDate: string;
	username: string;
	password: string;
	email: string;
	fullname: string;
	member: boolean;
}

export const DEMO_PASSWORD = 'Lid-voor-lid-2026';

/** Fictional people; `member: false` is someone with an account who has not proven membership. */
export const DEMO_PEOPLE: DemoMember[] = [
	{ memberNumber: '1001', birthDate: '1968-03-14', username: 'an.peeters', fullname: 'An Peeters', email: 'an.peeters@example.org', member: true, password: DEMO_PASSWORD },
	{ memberNumber: '1002', birthDate: '1957-09-02', username: 'luc.dubois', fullname: 'Luc Dubois', email: 'luc.dubois@example.org', member: true, password: DEMO_PASSWORD },
	{ memberNumber: '1003', birthDate: '1975-11-23', username: 'marie.claes', fullname: 'Marie Claes', email: 'marie.claes@example.org', member: true, password: DEMO_PASSWORD },
	{ memberNumber: '1004', birthDate: '1949-06-30', username: 'pieter.dhondt', fullname: 'Pieter D\'Hondt', email: 'pieter.dhondt@example.org', member: true, password: DEMO_PASSWORD },
	{ memberNumber: '', birthDate: '', username: 'sophie.lambert', fullname: 'Sophie Lambert', email: 'sophie.lambert@example.org', member: false, password: DEMO_PASSWORD },
];

/** On the roster, without an account yet: they register through the forum (the demo's and the browser tests' newcomers). */
export const DEMO_NEWCOMERS: Person[] = [
	{ nr: '1010', last: 'Vermeulen', first: 'Hilde', email: 'hilde.vermeulen@example.org', born: '1971-04-09' },
	{ nr: '1011', last: 'Lefèvre', first: 'Étienne', email: 'etienne.lefevre@example.org', born: '1963-02-17' },
	{ nr: '1012', last: 'Janssens', first: 'Koen', email: 'koen.janssens@example.org', born: '1980-08-05' },
	{ nr: '1013', last: 'Dupont', first: 'Claire', email: 'claire.dupont@example.org', born: '1966-12-12' },
];

export function demoRoster(): Person[] {
	const members = DEMO_PEOPLE.filter(p => p.member).map((p): Person => {
		const [first = '', ...rest] = p.fullname.split(' ');
		return { nr: p.memberNumber, last: rest.join(' '), first, email: p.email, born: p.birthDate };
	});
	return [...members, ...DEMO_NEWCOMERS];
}

export const DEMO_CATEGORIES = [
	{ name: 'Vragen & Antwoorden', description: 'Stel je vraag aan de leden · Posez votre question aux membres', icon: 'fa-circle-question' },
	{ name: 'Aanbod & Gezocht', description: 'Kennis, diensten en materiaal · Connaissances, services et matériel', icon: 'fa-hand-holding-heart' },
];

/** What the demo members know (only written when their profile is still empty). */
const DEMO_PROFILES: Record<string, Record<string, unknown>> = {
	'luc.dubois': {
		competences: [
			{ key: 'tax.personal', level: 'expert', roles: ['advice'], years: 30, note: 'Aangifte personenbelasting, ook voor gepensioneerden' },
			{ key: 'finance.pensions', level: 'experienced', roles: ['advice', 'talk'], years: 12, note: '' },
		],
		languages: ['nl', 'fr'], region: 'oost-vlaanderen', profession: 'Belastingconsulent (op rust)', sector: 'Financiën', availability: 'available',
		help: 'Ik kijk graag mee naar je belastingaangifte of pensioenplanning.',
	},
	'marie.claes': {
		competences: [
			{ key: 'ict.cybersecurity', level: 'expert', roles: ['talk', 'advice'], years: 15, note: '' },
			{ key: 'ict.digital-basics', level: 'experienced', roles: ['mentoring'], years: null, note: 'Geduldig met beginners' },
		],
		languages: ['nl', 'en'], region: 'brussels', profession: 'CISO', sector: 'ICT', availability: 'limited',
		help: 'Phishing, wachtwoorden, back-ups: vraag maar.',
	},
	'pieter.dhondt': {
		competences: [
			{ key: 'culture.military-history', level: 'expert', roles: ['talk'], years: 40, note: 'Eerste Wereldoorlog, Westhoek' },
			{ key: 'defence.reserve', level: 'experienced', roles: ['introductions', 'mentoring'], years: 25, note: '' },
		],
		languages: ['nl', 'fr', 'de'], region: 'west-vlaanderen', profession: 'Kolonel b.d.', sector: 'Defensie', availability: 'available',
		help: 'Lezingen over militaire geschiedenis en advies voor reservisten.',
	},
};

async function fillProfile(m: Session, uid: number, username: string): Promise<void> {
	const wanted = DEMO_PROFILES[username];
	if (!wanted) {
		return;
	}
	const current = await m.get<Envelope<{ revision: number; competences: unknown[] }>>(`/api/v3/plugins/lvl/profiles/${String(uid)}`);
	if (current.status === 200 && current.body.response.competences.length) {
		return;
	}
	const revision = current.status === 200 ? current.body.response.revision : 0;
	const saved = await m.put(`/api/v3/plugins/lvl/profiles/${String(uid)}`, { ...wanted, revision, listed: true, hidden: [] });
	if (saved.status !== 200) {
		throw new Error(`filling the profile of ${username}: ${saved.text}`);
	}
}

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
	membersGroup: string;
}

export async function seedAssociation(base: string, admin: { username: string; password: string }): Promise<SeedResult> {
	const s = new Session(base);
	await s.login(admin.username, admin.password);
	// a demo or test forum stays off the network; its few members post again within seconds (NodeBB's post delays are 10 and 120 s)
	const forumSettings = [['activitypubEnabled', '0'], ['submitPluginUsage', '0'], ['requireEmailAddress', '0'], ['postQueue', '0'], ['newbiePostDelay', '0'], ['initialPostDelay', '0'], ['postDelay', '0']] as const;
	for (const [setting, value] of forumSettings) {
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
	// the roster as the secretariat would import it (only when none is there yet: rerunning keeps edits)
	const current = await s.get<Envelope<{ total: number }>>('/api/v3/plugins/lvl/roster');
	if (!current.body.response.total) {
		await importRoster(s, demoRoster());
	}
	const uids: Record<string, number> = {};
	for (const p of DEMO_PEOPLE) {
		const uid = await ensureUser(s, p);
		uids[p.username] = uid;
		// the demo people's addresses count as confirmed (a real forum sends them a confirmation mail)
		await s.post(`/api/v3/users/${String(uid)}/emails/${encodeURIComponent(p.email)}/confirm`);
		if (p.member) {
			// each member proves membership themself, through the same step a real member takes
			const m = new Session(base);
			await m.login(p.username, p.password);
			const v = await m.post<Envelope<{ outcome: string }>>('/api/v3/plugins/lvl/verification', { memberNumber: p.memberNumber, email: p.email });
			if (v.status !== 200) {
				throw new Error(`verifying ${p.username}: ${v.text}`);
			}
			await fillProfile(m, uid, p.username);
			// told at once whatever the hour the stories (or the demo) run: quiet hours off, as the member would set it
			const form = await m.get<Envelope<{ capacity: number }>>('/api/v3/plugins/lvl/qa/me/availability');
			const quiet = form.status === 200 ? await m.put('/api/v3/plugins/lvl/qa/me/availability', { capacity: form.body.response.capacity, quietOff: true, awayUntil: '' }) : form;
			if (quiet.status !== 200) {
				throw new Error(`quiet hours of ${p.username}: ${quiet.text}`);
			}
		}
	}
	return { cids, uids, membersGroup: group };
}

const tx = (nl: string, fr: string, en: string): { nl: string; fr: string; en: string } => ({ nl, fr, en });

/** A starter charter for the Kring (the demo's rules of engagement): the admin can edit it in the ACP. */
export const STARTER_CHARTER = [
	{ title: tx('Hoffelijkheid', 'Courtoisie', 'Civility'), body: tx(
		'We spreken elkaar aan met respect, ook wanneer we het oneens zijn. Geen scheldwoorden, geen persoonlijke aanvallen.',
		'Nous nous adressons les uns aux autres avec respect, même en cas de désaccord. Pas d\'insultes, pas d\'attaques personnelles.',
		'We address one another with respect, also when we disagree. No insults, no personal attacks.') },
	{ title: tx('Niet-commercieel', 'Non commercial', 'Non-commercial'), body: tx(
		'Leden voor Leden is gratis en niet-commercieel. Geen verkoop, reclame, prijzen of links naar webwinkels.',
		'Membres pour Membres est gratuit et non commercial. Pas de vente, de publicité, de prix ni de liens vers des boutiques en ligne.',
		'Members for Members is free and non-commercial. No selling, advertising, prices or links to web shops.'), nonCommercial: true },
	{ title: tx('Vertrouwelijkheid', 'Confidentialité', 'Confidentiality'), body: tx(
		'Wat leden hier delen, blijft binnen de Kring. Deel geen persoonsgegevens van anderen.',
		'Ce que les membres partagent ici reste au sein du Cercle. Ne partagez pas les données personnelles d\'autrui.',
		'What members share here stays within the association. Do not share other people\'s personal data.') },
	{ title: tx('Verantwoordelijkheid', 'Responsabilité', 'Responsibility'), body: tx(
		'De Kring faciliteert en onderhoudt het platform, maar is niet verantwoordelijk voor de kwaliteit of juistheid van wat leden delen.',
		'Le Cercle facilite et entretient la plateforme, mais n\'est pas responsable de la qualité ni de l\'exactitude de ce que partagent les membres.',
		'The association facilitates and maintains the platform but is not responsible for the quality or correctness of what members share.') },
];

/** Publishes the starter charter once (a forum that has one keeps it). Returns the version in force. */
export async function seedCharter(base: string, admin: { username: string; password: string }, articles: unknown[] = STARTER_CHARTER): Promise<number> {
	const s = new Session(base);
	await s.login(admin.username, admin.password);
	const current = await s.get<Envelope<{ version: number }>>('/api/v3/plugins/lvl/engagement/charter');
	if (current.body.response.version && articles === STARTER_CHARTER) {
		return current.body.response.version;
	}
	const res = await s.put<Envelope<{ version: number }>>('/api/v3/plugins/lvl/engagement/charter', { articles });
	if (res.status !== 200) {
		throw new Error(`publishing the charter: ${res.text}`);
	}
	return res.body.response.version;
}
