'use strict';

// Roster data at association scale for the benchmark (npm run bench): deterministic (seeded), no fixtures.
// People have the shape of test/support/roster.ts's Person; the CSV is the same Belgian export as its belgianCsv
// (`;`-separated, Windows-1252/Latin-1, dd/mm/yyyy), so the plugin reads it exactly as it reads the tests' files.

/** A small seeded PRNG (mulberry32): the same seed gives the same roster on every machine. */
function prng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6D2B79F5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: list => list[Math.floor(next() * list.length)],
	};
}

// Flemish, Walloon and Brussels names; every character is in Latin-1, as a Windows-1252 export requires.
const LAST_NAMES = [
	'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
	'Dubois', 'Lambert', 'Martin', 'Dupont', 'Simon', 'Laurent', 'Lefèvre', 'Lemaire', 'D\'Hondt', 'Van den Broeck',
	'Vermeulen', 'Desmet', 'Leroy', 'Renard', 'Hermans', 'Michiels', 'Ngoma', 'El Amrani', 'Müller', 'Gérard',
	'François', 'Noël', 'Beyens', 'Dierickx', 'Van Damme', 'Verstraeten', 'Étienne', 'Declercq', 'Lejeune', 'Pirard',
	'Vandenbussche', 'Hoël', 'Bogaert', 'Dumoulin', 'Ruelens', 'Ménard', 'Wéry', 'Cöpers', 'Van Oost', 'De Ryck',
	'Thiry', 'Colson', 'Struyf', 'Lemmens', 'Geeraerts', 'Haesaerts', 'Bénard', 'Smets', 'Aerts', 'Oçak',
];
const FIRST_NAMES = [
	'Jan', 'Marie', 'Luc', 'An', 'Sophie', 'Pieter', 'Els', 'Hélène', 'Zoë', 'Joëlle', 'Chloé', 'Noël', 'François',
	'Anaïs', 'Léa', 'Maël', 'Inès', 'Céline', 'Thérèse', 'Bart', 'Koen', 'Ilse', 'Mohamed', 'Fatima', 'Ahmet',
	'Jérôme', 'André', 'René', 'Björn', 'Agnès', 'Geneviève', 'Benoît', 'Raphaël', 'Siska', 'Wout', 'Lotte',
	'Mathéo', 'Noémie', 'Gaëlle', 'Jef',
];
const DOMAINS = ['example.org', 'example.com', 'example.net', 'voorbeeld.be', 'exemple.be'];

/** ASCII for an e-mail's local part: `Hélène D'Hondt` → `helene.dhondt`. */
function slug(s) {
	return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function pad(n) {
	return String(n).padStart(2, '0');
}

function birthDate(r) {
	return `${r.int(1935, 2006)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
}

function person(r, nr) {
	const first = r.pick(FIRST_NAMES);
	const last = r.pick(LAST_NAMES);
	// unique: the member number is in every address; about 3 % of members give two addresses
	let email = `${slug(first)}.${slug(last)}.${nr}@${r.pick(DOMAINS)}`;
	if (r.next() < 0.03) {
		email += `, ${slug(first)}${nr}@${r.pick(DOMAINS)}`;
	}
	return { nr: String(nr), last, first, email, born: birthDate(r), status: 'Actief', end: '' };
}

/** `count` members with unique, increasing member numbers (with gaps, as after years of leavers). */
function generateRoster(count, seed = 20260501) {
	const r = prng(seed);
	const people = [];
	let nr = 100000;
	for (let i = 0; i < count; i += 1) {
		nr += r.int(1, 3);
		people.push(person(r, nr));
	}
	return people;
}

/**
 * The realistic monthly update of a roster: a share of the members changed (new address, name, corrected birth date),
 * a share left (their rows are gone) and new members joined (new, higher member numbers).
 */
function monthlyUpdate(people, { changed = 0.02, removed = 0.01, added = 0.01, seed = 20260601 } = {}) {
	const r = prng(seed);
	const nChanged = Math.round(people.length * changed);
	const nRemoved = Math.round(people.length * removed);
	const nAdded = Math.round(people.length * added);
	// distinct rows for the changes and the removals, spread over the whole file
	const order = people.map((_, i) => i);
	for (let i = order.length - 1; i > 0; i -= 1) {
		const j = Math.floor(r.next() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	const changedIdx = new Set(order.slice(0, nChanged));
	const removedIdx = new Set(order.slice(nChanged, nChanged + nRemoved));
	const out = [];
	const changedNrs = [];
	const removedNrs = [];
	people.forEach((p, i) => {
		if (removedIdx.has(i)) {
			removedNrs.push(p.nr);
			return;
		}
		if (!changedIdx.has(i)) {
			out.push(p);
			return;
		}
		const q = { ...p };
		switch (changedNrs.length % 4) {
			case 0: // a new e-mail address
				q.email = `${slug(p.first)}.${slug(p.last)}.${p.nr}.nieuw@${r.pick(DOMAINS)}`;
				break;
			case 1: // a double name after marriage
				q.last = `${p.last}-${r.pick(LAST_NAMES.filter(l => l !== p.last))}`;
				break;
			case 2: // the secretariat corrected a birth date
				q.born = `${Number(p.born.slice(0, 4)) - 1}${p.born.slice(4)}`;
				break;
			default: // the accent was missing in the first name
				q.first = p.first === 'Hélène' ? 'Helene' : 'Hélène';
		}
		changedNrs.push(p.nr);
		out.push(q);
	});
	let nr = Math.max(...people.map(p => Number(p.nr)));
	const addedNrs = [];
	for (let i = 0; i < nAdded; i += 1) {
		nr += r.int(1, 3);
		out.push(person(r, nr));
		addedNrs.push(String(nr));
	}
	return { people: out, changedNrs, removedNrs, addedNrs };
}

/** Same format as test/support/roster.ts's belgianCsv: what Excel on a Belgian Windows PC saves as CSV. */
function belgianCsv(people) {
	const lines = ['Lidnummer;Naam;Voornaam;E-mail;Geboortedatum;Status;Einddatum'];
	for (const p of people) {
		const [y, m, d] = p.born.split('-');
		lines.push([p.nr, p.last, p.first, p.email, p.born ? `${d}/${m}/${y}` : '', p.status || 'Actief', p.end || ''].join(';'));
	}
	const text = `${lines.join('\r\n')}\r\n`;
	if ([...text].some(ch => ch.charCodeAt(0) > 0xff)) {
		throw new Error('the generated roster has a character outside Latin-1');
	}
	return Buffer.from(text, 'latin1');
}

module.exports = { prng, generateRoster, monthlyUpdate, belgianCsv, slug };
