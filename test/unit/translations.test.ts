import assert from 'assert';
import fs from 'fs';
import path from 'path';
import { AVAILABILITY, HIDEABLE, LANGUAGES, LEVELS, REGIONS, ROLES } from '../../lib/competences/profile-rules';

const ROOT = path.resolve(__dirname, '../../..');
const LANGS = ['nl', 'fr', 'en-GB'];

function walk(dir: string, exts: string[]): string[] {
	if (!fs.existsSync(dir)) {
		return [];
	}
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) {
			return walk(p, exts);
		}
		return exts.some(x => e.name.endsWith(x)) ? [p] : [];
	});
}

function load(lang: string): Map<string, Record<string, string>> {
	const dir = path.join(ROOT, 'languages', lang);
	return new Map(fs.readdirSync(dir).filter(f => f.endsWith('.json')).map(f => [
		f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, string>,
	]));
}

/** Every `[[ns:key` this plugin writes in its code, templates and client scripts, for its own namespaces. */
function usedKeys(namespaces: string[]): Map<string, string[]> {
	const files = [...walk(path.join(ROOT, 'lib'), ['.ts']), ...walk(path.join(ROOT, 'templates'), ['.tpl']), ...walk(path.join(ROOT, 'static'), ['.js', '.ts'])];
	const used = new Map<string, string[]>();
	// literal tokens, and tokens written with the namespace constant: `[[${NS}:key`
	const re = /\[\[(?:([a-z0-9-]+)|\$\{NS\}):([a-zA-Z0-9._-]+)/g;
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8');
		for (const m of text.matchAll(re)) {
			const [, ns = 'lvl', key = ''] = m;
			// a key completed at run time (`…${notice}` or `…{./value}`) is checked by its own test, not here
			const dynamic = ['$', '{'].includes(text.charAt(m.index + m[0].length));
			if (namespaces.includes(ns) && !key.endsWith('.') && !dynamic) {
				const id = `${ns}:${key}`;
				used.set(id, [...(used.get(id) ?? []), path.relative(ROOT, file)]);
			}
		}
	}
	return used;
}

describe('translations', () => {
	const byLang = new Map(LANGS.map(l => [l, load(l)]));
	const en = byLang.get('en-GB')!;

	it('has the same namespaces and keys in nl, fr and en-GB', () => {
		for (const lang of LANGS) {
			const files = byLang.get(lang)!;
			assert.deepStrictEqual([...files.keys()].sort(), [...en.keys()].sort(), `${lang} namespaces`);
			for (const [ns, keys] of en) {
				const other = files.get(ns) ?? {};
				const missing = Object.keys(keys).filter(k => !(k in other));
				const extra = Object.keys(other).filter(k => !(k in keys));
				assert.deepStrictEqual(missing, [], `${lang}/${ns}.json lacks keys`);
				assert.deepStrictEqual(extra, [], `${lang}/${ns}.json has keys en-GB lacks`);
			}
		}
	});

	it('leaves no translation empty, and keeps every %n placeholder in every language', () => {
		for (const [ns, keys] of en) {
			for (const [key, value] of Object.entries(keys)) {
				const placeholders = (value.match(/%\d/g) ?? []).sort();
				for (const lang of LANGS) {
					const text = byLang.get(lang)!.get(ns)![key] ?? '';
					assert.ok(text.trim(), `${lang} ${ns}:${key} is empty`);
					assert.deepStrictEqual((text.match(/%\d/g) ?? []).sort(), placeholders, `${lang} ${ns}:${key} placeholders`);
				}
			}
		}
	});

	it('defines every key used in lib/, templates/ and static/, in every language', () => {
		const used = usedKeys([...en.keys()]);
		assert.ok(used.size > 10, 'the scan finds the keys in use');
		for (const [id, files] of used) {
			const [ns = '', key = ''] = id.split(':');
			for (const lang of LANGS) {
				assert.ok(key in (byLang.get(lang)!.get(ns) ?? {}), `${lang} lacks ${id} (used in ${files.join(', ')})`);
			}
		}
	});

	it('translates Dutch and French for real (not a copy of the English)', () => {
		for (const [ns, keys] of en) {
			const same = Object.entries(keys).filter(([key, value]) => value.length > 25
				&& (byLang.get('nl')!.get(ns)![key] === value || byLang.get('fr')!.get(ns)![key] === value));
			assert.deepStrictEqual(same.map(([k]) => k), [], `${ns}: untranslated`);
		}
	});

	it('has a label for every value of the vocabularies and every notice built at run time', () => {
		const dynamic = [
			...LEVELS.map(v => `level.${v}`), ...ROLES.map(v => `role.${v}`), ...LANGUAGES.map(v => `language.${v}`),
			...REGIONS.map(v => `region.${v}`), ...AVAILABILITY.map(v => `availability.${v}`), ...HIDEABLE.map(v => `hide.${v}`),
			...['verified', 'approved', 'refused', 'grace', 'revoked', 'restored', 'reinstated'].map(v => `notification.${v}`),
			...['approved', 'merged', 'refused'].map(v => `notification.proposal-${v}`),
			...['note', 'profession', 'sector', 'help'].map(v => `field.${v}`),
		];
		for (const lang of LANGS) {
			const lvl = byLang.get(lang)!.get('lvl') ?? {};
			assert.deepStrictEqual(dynamic.filter(k => !(k in lvl)), [], `${lang} lacks labels`);
		}
	});
});
