'use strict';

// Directory data at association scale for `npm run bench -- --suite=directory`: deterministic (seeded), no fixtures.
// Members are the roster bench's people (bench/roster-data.js) with a competence profile each: about 8 competences
// drawn with a skew (a few competences are held by a large share of the members, most by few), levels, roles,
// languages (mostly nl and/or fr), regions, availability, a profession from a list and short notes.
// Also the plan of the measured queries: a competence alone, a competence with 1–2 filters, free text of 1–2 words,
// 2–3 competences, a competence with a word of a profession.

const path = require('path');
const { prng, generateRoster, slug } = require('./roster-data');

const TAXONOMY = require(path.join(__dirname, '..', 'lib', 'competences', 'starter-taxonomy.json'));

/** The 115 competence keys of the starter taxonomy, in the file's order. */
const COMPETENCE_KEYS = TAXONOMY.domains.flatMap(d => d.competences.map(c => c.key));

// The vocabularies of lib/competences/profile-rules.ts (copied: the bench reads no TypeScript).
const LEVELS = ['basic', 'experienced', 'expert'];
const ROLES = ['advice', 'mentoring', 'talk', 'introductions', 'lending'];
const REGIONS = ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen', 'brussels',
	'brabant-wallon', 'hainaut', 'liege', 'luxembourg', 'namur', 'abroad'];
const AVAILABILITY = ['available', 'limited', 'not-now'];

const PROFESSIONS = [
	'Boekhouder', 'Advocaat', 'Notaris', 'Architect', 'Burgerlijk ingenieur', 'Verpleegkundige', 'Huisarts', 'Apotheker',
	'Leraar', 'Docent', 'Beroepsmilitair', 'Onderofficier', 'Officier b.d.', 'Projectleider', 'IT-consultant',
	'Softwareontwikkelaar', 'Netwerkbeheerder', 'Fiscalist', 'Bedrijfsrevisor', 'Verzekeringsmakelaar', 'Vastgoedmakelaar',
	'HR-manager', 'Journalist', 'Vertaler', 'Tolk', 'Historicus', 'Archivaris', 'Elektricien', 'Landmeter', 'Gepensioneerd',
	'Comptable', 'Avocate', 'Notaire', 'Ingénieur civil', 'Infirmière', 'Médecin généraliste', 'Pharmacien', 'Enseignant',
	'Militaire de carrière', 'Sous-officier', 'Chef de projet', 'Consultant informatique', 'Développeur', 'Fiscaliste',
	'Courtier en assurances', 'Agent immobilier', 'Traducteur', 'Interprète', 'Historien', 'Retraité',
];
const SECTORS = ['Defensie', 'Overheid', 'Onderwijs', 'Zorg', 'Financiële sector', 'Bouw', 'ICT', 'Industrie',
	'Vrij beroep', 'Non-profit', 'Défense', 'Secteur public', 'Enseignement', 'Santé', 'Banque et assurance'];
const HELPS = [
	'Ik help graag met een eerste advies.', 'Bel of mail gerust, liefst \'s avonds.', 'Ik denk graag mee over uw dossier.',
	'Volontiers un premier avis.', 'N\'hésitez pas à me contacter par message.', 'Je peux vous orienter vers les bonnes personnes.',
	'Happy to help in English too.', 'Ervaring met vzw\'s en verenigingen.',
];
const NOTES = [
	'Vooral voor particulieren.', 'Twintig jaar ervaring.', 'Ook in het Frans.', 'Enkel eerste advies.', 'Voor kmo\'s en vzw\'s.',
	'Gecertificeerd.', 'Surtout pour les particuliers.', 'Vingt ans d\'expérience.', 'Aussi en néerlandais.', 'Premier avis uniquement.',
	'Pour PME et ASBL.', 'Lesgever in avondonderwijs.', 'Oud-instructeur.', 'Ancien instructeur.', 'Via mijn kantoor.',
];

/** A deterministic shuffle (Fisher–Yates on the given PRNG). */
function shuffle(r, list) {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i -= 1) {
		const j = Math.floor(r.next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** Picks an index from cumulative weights. */
function weighted(r, cumulative) {
	const x = r.next() * cumulative[cumulative.length - 1];
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid] < x) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

function cumulate(weights) {
	let sum = 0;
	return weights.map((w) => {
		sum += w;
		return sum;
	});
}

/**
 * The competences by popularity (most held first; a deterministic shuffle, so the common ones are spread over the
 * domains) and the weight of each in a draw: a Zipf-like 1/(rank + 6)^1.1. Drawing 6–10 distinct competences per
 * member (8 on average), the most common one ends up with about 40 % of the members, the next four with 25–35 %,
 * the median one with about 4 % and the rarest with about 2 %.
 */
function popularity(seed = 20260701) {
	const r = prng(seed);
	const keys = shuffle(r, COMPETENCE_KEYS);
	const weights = keys.map((_, rank) => 1 / ((rank + 6) ** 1.1));
	return { keys, weights, cumulative: cumulate(weights) };
}

const LEVEL_CUM = cumulate([40, 40, 20]);
const AVAIL_CUM = cumulate([60, 30, 10]);
// Flanders and Brussels more than Wallonia, a few abroad
const REGION_CUM = cumulate([14, 8, 12, 11, 10, 9, 5, 8, 8, 3, 5, 2]);

function competenceEntries(r, pop) {
	const count = r.int(6, 10);
	const picked = new Set();
	while (picked.size < count) {
		picked.add(pop.keys[weighted(r, pop.cumulative)]);
	}
	return [...picked].map((key) => {
		const roles = ROLES.filter((role, i) => r.next() < [0.55, 0.2, 0.12, 0.15, 0.05][i]);
		return {
			key,
			level: LEVELS[weighted(r, LEVEL_CUM)],
			roles,
			years: r.next() < 0.6 ? r.int(1, 35) : null,
			note: r.next() < 0.3 ? r.pick(NOTES) : '',
		};
	});
}

function languagesOf(r) {
	const dutchFirst = r.next() < 0.58;
	const langs = [dutchFirst ? 'nl' : 'fr'];
	if (r.next() < 0.3) {
		langs.push(dutchFirst ? 'fr' : 'nl');
	}
	if (r.next() < 0.35) {
		langs.push('en');
	}
	if (r.next() < 0.05) {
		langs.push('de');
	}
	if (r.next() < 0.03) {
		langs.push('other');
	}
	return langs;
}

/**
 * `count` members: { username, fullname, profile } with the profile in the shape of the plugin's Profile
 * (lib/competences/profile-rules.ts). Usernames are unique ASCII (`helene.dhondt.100234`), the full name is the
 * person's name with its accents.
 */
function generateMembers(count, { seed = 20260702, now = Date.UTC(2026, 10, 1) } = {}) {
	const people = generateRoster(count);
	const r = prng(seed);
	const pop = popularity();
	const twoYears = 2 * 365 * 24 * 60 * 60 * 1000;
	return people.map((p) => {
		const hidden = [];
		if (r.next() < 0.05) {
			hidden.push('region');
		}
		if (r.next() < 0.03) {
			hidden.push('availability');
		}
		if (r.next() < 0.04) {
			hidden.push('notes');
		}
		const updatedAt = now - Math.floor(r.next() * twoYears);
		return {
			username: `${slug(p.first)}.${slug(p.last)}.${p.nr}`,
			fullname: `${p.first} ${p.last}`,
			joindate: updatedAt - Math.floor(r.next() * twoYears),
			profile: {
				competences: competenceEntries(r, pop),
				languages: languagesOf(r),
				region: r.next() < 0.92 ? REGIONS[weighted(r, REGION_CUM)] : '',
				profession: r.next() < 0.9 ? r.pick(PROFESSIONS) : '',
				sector: r.next() < 0.7 ? r.pick(SECTORS) : '',
				availability: AVAILABILITY[weighted(r, AVAIL_CUM)],
				help: r.next() < 0.4 ? r.pick(HELPS) : '',
				listed: r.next() < 0.97,
				hidden,
				revision: 0,
				updatedAt,
			},
		};
	});
}

/** How many members hold each competence (for the report: the spread of the result sizes). */
function holders(members) {
	const counts = new Map(COMPETENCE_KEYS.map(k => [k, 0]));
	for (const m of members) {
		if (!m.profile.listed) {
			continue;
		}
		for (const c of m.profile.competences) {
			counts.set(c.key, counts.get(c.key) + 1);
		}
	}
	return counts;
}

/**
 * The measured queries, in a fixed order: fifths of a competence alone, a competence with 1–2 filters, free text
 * of 1–2 words taken from the members' names and professions, 2–3 competences, and a competence with a profession's word. The asked competence follows the members' own spread
 * (what the association has is what its members look for): the common ones are asked often, and their large results
 * are in the measurement. Each query is { kind, query } with `query` the API's query string parameters.
 */
function queryPlan(count, members, seed = 20260703) {
	const r = prng(seed);
	const pop = popularity();
	const firsts = [...new Set(members.map(m => m.fullname.split(' ')[0]))];
	const lasts = [...new Set(members.map(m => m.fullname.split(' ').slice(1).join(' ')))];
	const professionWords = [...new Set(PROFESSIONS.flatMap(p => p.split(/[\s.-]+/)).filter(w => w.length >= 4))];
	const plan = [];
	for (let i = 0; i < count; i += 1) {
		const kind = ['competence', 'competence+filters', 'text', 'competences', 'competence+text'][i % 5];
		const query = {};
		if (kind !== 'text') {
			query.c = pop.keys[weighted(r, pop.cumulative)];
		}
		if (kind === 'competences') {
			// 2–3 competences (the API takes at most 3): members holding any of them, those holding more first
			const more = new Set([query.c]);
			const want = r.int(2, 3);
			while (more.size < want) {
				more.add(pop.keys[weighted(r, pop.cumulative)]);
			}
			query.c = [...more].join(',');
		}
		if (kind === 'competence+text') {
			query.q = r.pick(professionWords);
		}
		if (kind === 'competence+filters') {
			const filters = shuffle(r, ['level', 'role', 'language', 'region', 'availability']).slice(0, r.int(1, 2));
			for (const f of filters) {
				if (f === 'level') {
					query.level = r.pick(['experienced', 'expert']);
				} else if (f === 'role') {
					query.role = r.pick(['advice', 'advice', 'mentoring', 'talk', 'introductions']);
				} else if (f === 'language') {
					// NodeBB reads ?lang= as the page's language: the directory's parameter is `language`
					query.language = r.pick(['nl', 'nl', 'fr', 'fr', 'en', 'de']);
				} else if (f === 'region') {
					query.region = REGIONS[weighted(r, REGION_CUM)];
				} else {
					query.availability = r.pick(['available', 'available', 'limited']);
				}
			}
		}
		if (kind === 'text') {
			const shape = r.int(0, 9);
			if (shape < 3) {
				query.q = r.pick(lasts);
			} else if (shape < 5) {
				query.q = r.pick(firsts);
			} else if (shape < 7) {
				query.q = r.pick(professionWords);
			} else if (shape < 9) {
				query.q = `${r.pick(firsts)} ${r.pick(lasts)}`;
			} else {
				query.q = r.pick(PROFESSIONS.filter(p => /\s/.test(p)));
			}
		}
		plan.push({ kind, query });
	}
	return plan;
}

/** The body of the n-th profile save of the bench's own member (PUT /api/v3/plugins/lvl/profiles/:uid). */
function profileSave(n, revision, seed = 20260704) {
	const r = prng(seed + n);
	const pop = popularity();
	return {
		revision,
		competences: competenceEntries(r, pop),
		languages: languagesOf(r),
		region: REGIONS[weighted(r, REGION_CUM)],
		profession: r.pick(PROFESSIONS),
		sector: r.pick(SECTORS),
		availability: AVAILABILITY[weighted(r, AVAIL_CUM)],
		help: r.pick(HELPS),
		listed: true,
		hidden: [],
	};
}

module.exports = { COMPETENCE_KEYS, PROFESSIONS, generateMembers, holders, queryPlan, profileSave, popularity };
