/**
 * The demo forum's exchange (only `npm run demo`, not the browser tests, whose members must start with empty weeks):
 * a question answered and accepted, one still open, an offer and a wanted post, posted through the forum's own API
 * by the demo members, so routing, badges, lists and counts show as they would after a few weeks of use.
 * Safe to repeat: a topic its author already has is not posted again.
 */
import type { Envelope } from './http';
import { Session } from './http';
import { DEMO_PEOPLE, type SeedResult } from './seed';

async function as(base: string, username: string): Promise<Session> {
	const p = DEMO_PEOPLE.find(x => x.username === username);
	if (!p) {
		throw new Error(`no demo member ${username}`);
	}
	const s = new Session(base);
	await s.login(p.username, p.password);
	return s;
}

/** Posts a topic unless its author already has one with that title (then returns 0). */
async function post(s: Session, body: Record<string, unknown>): Promise<number> {
	const mine = await s.get<Envelope<{ topics: { title: string }[] }>>('/api/v3/plugins/lvl/qa/lists/mine');
	if (mine.status === 200 && mine.body.response.topics.some(t => t.title === String(body.title).replace(/'/g, '&#x27;') || t.title === body.title)) {
		return 0;
	}
	const res = await s.post<Envelope<{ tid: number }>>('/api/v3/topics', body);
	if (res.status !== 200) {
		throw new Error(`posting "${String(body.title)}": ${res.text}`);
	}
	return res.body.response.tid;
}

async function reply(s: Session, tid: number, content: string): Promise<number> {
	const res = await s.post<Envelope<{ pid: number }>>(`/api/v3/topics/${String(tid)}`, { content });
	if (res.status !== 200) {
		throw new Error(`replying to ${String(tid)}: ${res.text}`);
	}
	return res.body.response.pid;
}

export async function seedExchange(base: string, seeded: SeedResult): Promise<void> {
	const [questions, offers] = seeded.cids;
	if (!questions || !offers) {
		return;
	}
	const [pieter, luc, an, marie] = await Promise.all([as(base, 'pieter.dhondt'), as(base, 'luc.dubois'), as(base, 'an.peeters'), as(base, 'marie.claes')]);

	const solved = await post(pieter, {
		cid: questions, lvlType: 'question', lvlCompetences: ['tax.personal'],
		title: 'Moet ik mijn aanvullend pensioen apart aangeven?',
		content: 'Sinds januari ontvang ik naast mijn wettelijk pensioen een aanvullend pensioen van de groepsverzekering. Waar komt dat op de aangifte?',
	});
	if (solved) {
		const answer = await reply(luc, solved, 'Ja: het aanvullend pensioen (de rente) komt in vak V, codes 1211 en volgende. Je pensioenfonds stuurt je een fiche 281.11 met de bedragen.');
		await pieter.put(`/api/v3/plugins/lvl/qa/topics/${String(solved)}/accepted`, { pid: answer });
	}

	await post(marie, {
		cid: questions, lvlType: 'question', lvlCompetences: ['law.labour'],
		title: 'Question sur le préavis après vingt ans d\'ancienneté',
		content: 'Mon employeur veut mettre fin à mon contrat. Comment se calcule le préavis pour vingt ans d\'ancienneté ?',
	});
	await post(an, {
		cid: offers, lvlType: 'offer', lvlCompetences: ['law.labour'],
		title: 'Eerste juridisch advies over arbeidsrecht, kosteloos voor leden',
		content: 'Ik kijk graag mee naar een ontslagbrief of arbeidscontract. Stuur me een bericht.',
	});
	await post(marie, {
		cid: offers, lvlType: 'wanted', lvlCompetences: ['culture.military-history'],
		title: 'Gezocht: iemand die een lezing wil geven over de IJzerslag',
		content: 'Voor onze afdeling in Brussel zoeken we een spreker voor het najaar.',
	});
}
