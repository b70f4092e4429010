/**
 * The taxonomy's use cases: read (cached per process, checked against a version number so every NodeBB process
 * sees a change at once), seed the starter taxonomy, edit, merge, retire, import/export, and members' proposals.
 */
import { asFlag, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import starterFile from './starter-taxonomy.json';
import * as store from './store';
import type { Competence, Domain, Labels, Taxonomy } from './taxonomy-rules';
import { fromStarter, mergePlan, normaliseSynonyms, validateKey, validateLabels } from './taxonomy-rules';

let cache: { version: number; taxonomy: Taxonomy } | null = null;

/** Drops this process's copy (see directory.forgetCopies: after the database was emptied or restored). */
export function forget(): void {
	cache = null;
}

export async function get(): Promise<Taxonomy> {
	const version = await store.taxonomyVersion();
	if (cache?.version !== version) {
		cache = { version, taxonomy: await store.readTaxonomy() };
	}
	return cache.taxonomy;
}

async function changed(): Promise<void> {
	await store.bumpTaxonomy();
	cache = null;
}

/** First start: the starter taxonomy fit for the Kring, once. An admin's later edits are never overwritten. */
export async function seed(): Promise<boolean> {
	const db = nodebb.db();
	const first = await db.incrObjectField(store.K.tax, 'seeded');
	if (first !== 1) {
		return false;
	}
	const starter = fromStarter(starterFile);
	await writeAll(starter);
	return true;
}

async function writeAll(t: Taxonomy): Promise<void> {
	for (const d of t.domains) {
		await store.writeDomain(d);
	}
	for (const c of t.competences) {
		await store.writeCompetence(c);
	}
	await changed();
}

export function competence(t: Taxonomy, key: string): Competence | undefined {
	return t.competences.find(c => c.key === key);
}

/** Follows merges: the competence an old key now lives in. */
export function resolve(t: Taxonomy, key: string): Competence | undefined {
	let c = competence(t, key);
	for (let hops = 0; c?.mergedInto && hops < 10; hops += 1) {
		c = competence(t, c.mergedInto);
	}
	return c;
}

function readLabels(input: Record<string, unknown>): Labels {
	const l = (input.labels && typeof input.labels === 'object' ? input.labels : input) as Record<string, unknown>;
	return { nl: asString(l.nl, 200), fr: asString(l.fr, 200), en: asString(l.en, 200) };
}

export async function saveDomain(input: Record<string, unknown>): Promise<Domain> {
	const t = await get();
	const key = asString(input.key, 80);
	const bad = validateKey(key) ?? validateLabels(readLabels(input));
	if (bad) {
		throw new Error(bad);
	}
	const existing = t.domains.find(d => d.key === key);
	if (existing && asFlag(input.create)) {
		throw new Error(`[[${NS}:error.taxonomy-key-exists, ${key}]]`);
	}
	const domain: Domain = {
		key, labels: readLabels(input), retired: input.retired === undefined ? existing?.retired ?? false : asString(input.retired) === 'true' || input.retired === true,
		order: existing?.order ?? (Math.max(0, ...t.domains.map(d => d.order)) + 1),
	};
	await store.writeDomain(domain);
	await changed();
	return domain;
}

export async function saveCompetence(input: Record<string, unknown>): Promise<Competence> {
	const t = await get();
	const key = asString(input.key, 80);
	const domainKey = asString(input.domain, 80) || key.split('.')[0] || '';
	const bad = validateKey(key) ?? validateLabels(readLabels(input));
	if (bad) {
		throw new Error(bad);
	}
	if (t.domains.some(d => d.key === domainKey) && !key.startsWith(`${domainKey}.`)) {
		throw new Error(`[[${NS}:error.taxonomy-key-domain-mismatch, ${key}, ${domainKey}]]`);
	}
	if (!t.domains.some(d => d.key === domainKey)) {
		throw new Error(`[[${NS}:error.taxonomy-unknown-domain, ${domainKey.replace(/[,[\]%]/g, ' ')}]]`);
	}
	const existing = competence(t, key);
	if (existing && asFlag(input.create)) {
		throw new Error(`[[${NS}:error.taxonomy-key-exists, ${key}]]`);
	}
	if (existing?.mergedInto) {
		throw new Error(`[[${NS}:error.taxonomy-merged]]`);
	}
	const c: Competence = {
		key, domain: domainKey, labels: readLabels(input),
		synonyms: input.synonyms === undefined ? existing?.synonyms ?? [] : normaliseSynonyms(typeof input.synonyms === 'string' ? input.synonyms.split(/[|;\n]/) : input.synonyms),
		order: existing?.order ?? (Math.max(0, ...t.competences.map(x => x.order)) + 1),
		retired: input.retired === undefined ? existing?.retired ?? false : asString(input.retired) === 'true' || input.retired === true,
		mergedInto: '',
	};
	await store.writeCompetence(c);
	await changed();
	return c;
}

/** New order of the domains or of one domain's competences, as a list of keys. */
export async function reorder(kind: 'domains' | 'competences', keys: string[]): Promise<void> {
	const t = await get();
	if (kind === 'domains') {
		for (const [i, key] of keys.entries()) {
			const d = t.domains.find(x => x.key === key);
			if (d) {
				await store.writeDomain({ ...d, order: i + 1 });
			}
		}
	} else {
		const base = Math.min(...keys.map(k => competence(t, k)?.order ?? Infinity).filter(Number.isFinite));
		for (const [i, key] of keys.entries()) {
			const c = competence(t, key);
			if (c) {
				await store.writeCompetence({ ...c, order: (Number.isFinite(base) ? base : 0) + i });
			}
		}
	}
	await changed();
}

/**
 * Merges one competence into another: it disappears from the picker and every member's entry moves along
 * (`moveEntries` is the profiles' part, passed in to keep the taxonomy free of profile code).
 */
export async function merge(from: string, into: string, moveEntries: (from: string, into: string) => Promise<number>): Promise<number> {
	const t = await get();
	const plan = mergePlan(t, from, into);
	if ('error' in plan) {
		throw new Error(plan.error);
	}
	const source = competence(t, from);
	if (!source) {
		throw new Error(`[[${NS}:error.unknown-competence, ${from}]]`);
	}
	await store.writeCompetence({ ...source, mergedInto: into, retired: true });
	// the old name keeps finding the competence: its labels and synonyms become synonyms of the target
	const target = competence(t, into);
	if (target) {
		const synonyms = normaliseSynonyms([...target.synonyms, source.labels.nl, source.labels.fr, source.labels.en, ...source.synonyms]
			.filter(x => ![target.labels.nl, target.labels.fr, target.labels.en].includes(x)));
		await store.writeCompetence({ ...target, synonyms });
	}
	// earlier merges into `from` now point at `into`: merges never chain (an export re-imports cleanly)
	for (const c of t.competences.filter(x => x.mergedInto === from)) {
		await store.writeCompetence({ ...c, mergedInto: into });
	}
	await changed();
	return moveEntries(from, into);
}

export async function exportTaxonomy(): Promise<Taxonomy> {
	return get();
}

/** Imports a taxonomy file: new keys are added, existing ones updated; nothing is removed (retire instead). */
export async function importTaxonomy(incoming: Taxonomy): Promise<{ domains: number; competences: number }> {
	await writeAll(incoming);
	return { domains: incoming.domains.length, competences: incoming.competences.length };
}
