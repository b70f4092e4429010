import assert from 'assert';
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest {
	id: string;
	hooks: { hook: string; method: string; priority?: number }[];
	modules?: Record<string, string>;
	scss?: string[];
	templates: string;
	languages: string;
	defaultLang: string;
	upgrades?: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'plugin.json'), 'utf8')) as Manifest;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; main: string; nbbpm: { compatibility: string } };

function resolve(obj: unknown, dotted: string): unknown {
	return dotted.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), obj);
}

describe('plugin manifest contract', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const library = require(path.join(ROOT, pkg.main)) as unknown;

	it('names the package NodeBB installs and loads the compiled library through package.json main', () => {
		assert.strictEqual(manifest.id, pkg.name);
		assert.strictEqual(pkg.main, 'library.js');
		assert.match(fs.readFileSync(path.join(ROOT, 'library.js'), 'utf8'), /require\('\.\/build\/lib\/index\.js'\)/);
		assert.match(pkg.nbbpm.compatibility, /4\.11/);
	});

	for (const { hook, method } of manifest.hooks) {
		it(`hook ${hook} → ${method} is an async function of the library`, () => {
			const fn = resolve(library, method);
			assert.strictEqual(typeof fn, 'function', `${method} is not exported`);
			assert.strictEqual((fn as () => unknown).constructor.name, 'AsyncFunction', `${method} must be async: NodeBB awaits it`);
		});
	}

	it('registers no hook twice with the same method', () => {
		const seen = manifest.hooks.map(h => `${h.hook} ${h.method}`);
		assert.strictEqual(new Set(seen).size, seen.length);
	});

	it('points at files that exist', () => {
		for (const file of [...Object.values(manifest.modules ?? {}), ...(manifest.scss ?? [])]) {
			assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is missing`);
		}
		for (const dir of [manifest.templates, manifest.languages]) {
			assert.ok(fs.statSync(path.join(ROOT, dir)).isDirectory(), `${dir} is missing`);
		}
		assert.ok(fs.existsSync(path.join(ROOT, manifest.languages, manifest.defaultLang)), 'defaultLang has a folder');
		for (const script of manifest.upgrades ?? []) {
			assert.match(path.basename(script), /^lvl-/, 'upgrade names are global: prefixed');
			assert.ok(fs.existsSync(path.join(ROOT, script)), `${script} is missing (build first)`);
		}
	});

	it('loads without NodeBB (the seam is lazy)', () => {
		assert.ok(library && typeof library === 'object');
	});
});
