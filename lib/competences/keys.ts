/**
 * Competence keys, labels' languages and the slug proposed from a label: pure, shared by the server
 * (./taxonomy-rules.ts) and the ACP's client (static/lib/admin/competences), so the browser checks a key by the
 * very rule the server applies before it becomes permanent.
 */
import { foldText, tokenArg } from '../membership/rules';

const NS = 'lvl';

export const LANGS = ['nl', 'fr', 'en'] as const;
export type Lang = typeof LANGS[number];

export const MAX_KEY = 60;
const MAX_SLUG = 40;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A domain key (`law`) or a competence key (`law.labour`); `kind` defaults to what the key looks like. */
export function validateKey(key: string, kind?: 'domain' | 'competence'): string | null {
	const parts = key.split('.');
	const wanted = kind ?? (parts.length > 1 ? 'competence' : 'domain');
	const ok = key.length <= MAX_KEY && parts.length === (wanted === 'domain' ? 1 : 2) && parts.every(p => SLUG.test(p));
	return ok ? null : `[[${NS}:error.taxonomy-bad-key, ${tokenArg(key)}]]`;
}

/** `Droit d'auteur & œuvres` → `droit-d-auteur-oeuvres`: a key slug proposed from a label. */
export function slugKey(text: string): string {
	let slug = foldText(text)
		.replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/đ/g, 'd')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length > MAX_SLUG) {
		// Cut at a word boundary unless that leaves too little of the label.
		const dash = slug.lastIndexOf('-', MAX_SLUG);
		slug = (dash > MAX_SLUG / 2 ? slug.slice(0, dash) : slug.slice(0, MAX_SLUG)).replace(/-+$/, '');
	}
	return slug;
}

/** `nl`, `nl-BE`, `nl_BE` → nl; `fr`, `fr-BE` → fr; every other NodeBB language → en. */
export function pickLang(code: string): Lang {
	const base = code.trim().toLowerCase().split(/[-_]/)[0];
	return base === 'nl' || base === 'fr' ? base : 'en';
}
