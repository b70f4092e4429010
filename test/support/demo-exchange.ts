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

/** The author's topic with that title (0 when none). */
async function existing(s: Session, title: string): Promise<number> {
	const mine = await s.get<Envelope<{ topics: { tid: number; title: string }[] }>>('/api/v3/plugins/lvl/qa/lists/mine');
	// NodeBB hands titles out escaped (4.11) or not (4.14+)
	const plain = (x: string): string => x.replace(/&#x27;|&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
	const t = mine.status === 200 ? mine.body.response.topics.find(x => plain(x.title) === title) : undefined;
	return t ? t.tid : 0;
}

/** Posts a topic unless its author already has one with that title (then returns 0). */
async function post(s: Session, body: Record<string, unknown>): Promise<number> {
	if (await existing(s, String(body.title))) {
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

/** A question of the demo at one stage of the answer promise, as `npm run demo` lists it. */
export interface DemoStage {
	stage: string;
	tid: number;
	title: string;
	/** the state the asker's status line should reach (`lvlQa.promise.state` on the topic page) */
	state: string;
	asker: string;
}

async function must(what: string, res: Promise<{ status: number; text: string }>): Promise<void> {
	const r = await res;
	if (r.status !== 200) {
		throw new Error(`${what}: ${r.text.slice(0, 300)}`);
	}
}

/**
 * The answer promise at each stage (#15), in the demo association: a question sent to a member (with two "me too"),
 * one claimed, one passed on to the next member after a "not for me", one with the coordinators because nobody holds
 * its competence, one a coordinator assigned to a member, one answered and one solved. The demo asks one member per
 * round (the association has four), so that the cascade shows; "passed on" and "with the coordinators" happen at
 * the Q&A job's next run (every 5 minutes), as in a real forum.
 * Each action is taken only while its question has not reached its stage: rerunning the demo is safe.
 */
export async function seedPromise(base: string, seeded: SeedResult, admin: { username: string; password: string }): Promise<DemoStage[]> {
	const [questions] = seeded.cids;
	if (!questions) {
		return [];
	}
	const boss = new Session(base);
	await boss.login(admin.username, admin.password);
	await must('demo settings', boss.put('/api/v3/plugins/lvl/settings', { qaRouteCount: 1 }));
	const [pieter, luc, an, marie] = await Promise.all([as(base, 'pieter.dhondt'), as(base, 'luc.dubois'), as(base, 'an.peeters'), as(base, 'marie.claes')]);
	// the helpers take questions at any hour in the demo (their quiet hours would hold the notifications at night)
	for (const s of [pieter, luc, an, marie]) {
		await must('availability', s.put('/api/v3/plugins/lvl/qa/me/availability', { capacity: 3, quietOff: true, awayUntil: '' }));
	}
	// An helps with the computer basics too, next to Marie: a question about them can pass from one to the other
	const anUid = seeded.uids['an.peeters'] ?? 0;
	const profile = await an.get<Envelope<{ revision: number; competences: unknown[] }>>(`/api/v3/plugins/lvl/profiles/${String(anUid)}`);
	if (profile.status === 200 && !profile.body.response.competences.length) {
		await must('An\'s profile', an.put(`/api/v3/plugins/lvl/profiles/${String(anUid)}`, {
			competences: [{ key: 'ict.digital-basics', level: 'experienced', roles: ['mentoring'], years: 10, note: 'Smartphone en tablet' }],
			languages: ['nl'], region: 'antwerpen', profession: 'Lerares (op rust)', sector: 'Onderwijs', availability: 'available',
			help: 'Ik help graag met de eerste stappen op smartphone en tablet.', revision: profile.body.response.revision, listed: true, hidden: [],
		}));
	}
	const stages: DemoStage[] = [];
	const sessions: Record<string, Session> = { 'pieter.dhondt': pieter, 'luc.dubois': luc, 'an.peeters': an, 'marie.claes': marie };
	/** Asks the question (once) and returns its tid and the state its asker's status line shows now. */
	const ask = async (asker: string, stage: string, state: string, title: string, competence: string, content: string): Promise<{ tid: number; now: string }> => {
		const s = sessions[asker]!;
		const tid = await post(s, { cid: questions, lvlType: 'question', lvlCompetences: [competence], title, content }) || await existing(s, title);
		const st: DemoStage = { stage, state, title, asker, tid };
		stages.push(st);
		// routing runs in NodeBB's action hook, after the answer to the post: wait until the first round is recorded
		for (let i = 0; state !== 'coordinator' && i < 60 && (await stagesNow(base, [st]))[0] === 'waiting'; i += 1) {
			await new Promise(resolve => setTimeout(resolve, 1000));
		}
		return { tid, now: (await stagesNow(base, [st]))[0] ?? '' };
	};

	// sent to a member, and two others have the same question ("me too": once per member, so repeating is harmless)
	const sent = await ask('an.peeters', 'sent to a member, with 2 × "me too"', 'sent', 'Hoe herken ik een phishingmail van mijn bank?', 'ict.cybersecurity',
		'Ik kreeg een mail die op mijn bank lijkt en vraagt om in te loggen. Waaraan zie ik of die echt is?');
	for (const s of [luc, pieter]) {
		await must('me too', s.put(`/api/v3/plugins/lvl/qa/topics/${String(sent.tid)}/demand`, {}));
	}
	// claimed: the member it was sent to says "Ik neem dit op"
	const claimed = await ask('pieter.dhondt', 'claimed', 'claimed', 'Wanneer kan ik mijn pensioen als reservist laten ingaan?', 'finance.pensions',
		'Ik was jaren reservist naast mijn burgerloopbaan. Telt die tijd mee voor mijn pensioen, en vanaf wanneer?');
	if (claimed.now === 'sent') {
		await must('claim', luc.put(`/api/v3/plugins/lvl/qa/topics/${String(claimed.tid)}/claim`, {}));
	}
	// passed on: the first member asked says "niet voor mij"; the job's next run asks the next one
	const passed = await ask('pieter.dhondt', 'passed on to the next member (at the job\'s next run)', 'passed', 'Hoe zet ik foto\'s van mijn gsm op mijn computer?', 'ict.digital-basics',
		'Mijn kleinkinderen sturen veel foto\'s. Ik wil ze bewaren op mijn computer, maar weet niet hoe ik ze overzet.');
	if (passed.now === 'sent') {
		for (const who of ['marie.claes', 'an.peeters']) {
			// only the member it was sent to may decline; the other is told "not routed" and is asked next
			const r = await sessions[who]!.put(`/api/v3/plugins/lvl/qa/topics/${String(passed.tid)}/decline`, {});
			if (r.status === 200) {
				break;
			}
		}
	}
	// with the coordinators: nobody in the association holds this competence (the job's next run tells them)
	await ask('luc.dubois', 'with the coordinators (at the job\'s next run)', 'coordinator', 'Qui peut m\'aider avec une déclaration de sinistre incendie ?', 'insurance.claims',
		'Un petit incendie dans notre cuisine. L\'assureur demande une déclaration détaillée : comment bien la remplir ?');
	// assigned: a coordinator (the administrator) asks a member in one click
	const assigned = await ask('marie.claes', 'assigned by a coordinator', 'assigned', 'Wie geeft een lezing over de slag om de Kemmelberg?', 'culture.local-history',
		'Onze afdeling zoekt een spreker over de Kemmelberg in 1918, liefst met kaarten en foto\'s.');
	if (assigned.now !== 'assigned') {
		await must('assign', boss.put(`/api/v3/plugins/lvl/qa/topics/${String(assigned.tid)}/assign`, { uid: seeded.uids['pieter.dhondt'] }));
	}
	// answered, not yet accepted
	const answered = await ask('marie.claes', 'answered (not yet accepted)', 'answered', 'Welke wachtwoordmanager raden jullie aan?', 'ict.cybersecurity',
		'Ik heb te veel wachtwoorden op papiertjes. Welke wachtwoordmanager is eenvoudig en veilig?');
	if (answered.now !== 'answered') {
		await reply(an, answered.tid, 'Ik gebruik Bitwarden: gratis, ook op gsm, en je onthoudt maar één sterk wachtwoord.');
	}
	// solved: seedExchange's pension question, answered by Luc and accepted by Pieter
	stages.push({ stage: 'answered and accepted (solved)', state: 'solved', asker: 'pieter.dhondt', title: 'Moet ik mijn aanvullend pensioen apart aangeven?', tid: await existing(pieter, 'Moet ik mijn aanvullend pensioen apart aangeven?') });
	return stages;
}

/** The state of each stage's question as its asker's status line shows it ('' when it cannot be read). */
export async function stagesNow(base: string, stages: DemoStage[]): Promise<string[]> {
	const sessions = new Map<string, Session>();
	const out: string[] = [];
	for (const st of stages) {
		if (!sessions.has(st.asker)) {
			sessions.set(st.asker, await as(base, st.asker));
		}
		const s = sessions.get(st.asker)!;
		let res = await s.get<{ lvlQa?: { promise?: { state?: string } | null } } | string>(`/api/topic/${String(st.tid)}`);
		// without its slug, NodeBB answers with the address to ask instead
		if (res.status === 200 && typeof res.body === 'string') {
			res = await s.get(`/api${res.body.replace(/^\/api/, '')}`);
		}
		if (typeof res.body === 'string') {
			out.push('');
			continue;
		}
		out.push(res.status === 200 ? res.body.lvlQa?.promise?.state ?? '' : '');
	}
	return out;
}
