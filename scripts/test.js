'use strict';

// The one test command (npm test, also what CI runs):
//   lint → typecheck and build → unit (no NodeBB) → in-forum on Redis → in-forum on PostgreSQL → browser.
// Each suite's count is printed, then one line "N passed, N failed" over all of them.
// With no NodeBB at NODEBB_PATH the forum and browser suites say SKIPPED (and why); the rest still runs.
// With NodeBB there, a failure or a suite that executed zero tests fails the run.
// The forum and browser suites run on every NodeBB checkout named by `nodebbCheckouts()` (4.11.2 and 4.15.1 in CI).

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, PLUGIN_ID, findNodebb, nodebbVersion, runInNodebb } = require('./lib/env');
const forum = require('./lib/forum');

const REPORTER = path.join(__dirname, 'lib', 'mocha-reporter.js');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
/** A second NodeBB's logs, reports and screenshots go to test-artifacts/nodebb-<version>/ (the first's stay on top). */
let artifacts = ARTIFACTS;
const only = (process.env.LVL_SUITES || '').split(',').filter(Boolean);
const wanted = name => !only.length || only.includes(name);

const results = [];

function record(name, stats, note) {
	results.push({ name, ...stats, note });
}

function run(cmd, args, opts = {}) {
	return spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
}

function readReport(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

function mochaStats(name, status, reportFile) {
	const report = readReport(reportFile);
	if (!report) {
		return { passes: 0, failures: 1, note: `mocha exited ${status} without a report` };
	}
	if (report.passes + report.failures === 0) {
		return { passes: 0, failures: 1, note: 'zero tests executed (did the test file fail to load?)' };
	}
	if (status !== 0 && report.failures === 0) {
		return { passes: report.passes, failures: 1, note: `mocha exited ${status}` };
	}
	return { passes: report.passes, failures: report.failures, note: report.pending ? `${report.pending} pending` : '' };
}

/** LVL_GREP narrows every mocha suite to the tests whose title matches (LVL_FILES narrows the forum suite's files). */
function grepArgs() {
	return process.env.LVL_GREP ? ['--grep', process.env.LVL_GREP] : [];
}

function banner(text) {
	console.log(`\n━━━ ${text} ${'━'.repeat(Math.max(0, 70 - text.length))}`);
}

function step(name, cmd, args) {
	banner(name);
	const r = run(cmd, args);
	record(name, r.status === 0 ? { passes: 1, failures: 0 } : { passes: 0, failures: 1 }, r.status === 0 ? '' : `exit ${r.status}`);
	return r.status === 0;
}

function unitSuite() {
	banner('unit');
	const report = path.join(ARTIFACTS, 'unit.json');
	fs.rmSync(report, { force: true });
	fs.rmSync(`${report}.txt`, { force: true });
	const r = run(process.execPath, [require.resolve('mocha/bin/mocha.js'), ...grepArgs(), '--reporter', REPORTER, 'build/test/unit/**/*.test.js'], { env: { ...process.env, LVL_REPORT_FILE: report } });
	record('unit', mochaStats('unit', r.status, report));
}

function forumSuite(nbb, dbName, label = '') {
	const name = `forum (${dbName})${label}`;
	banner(`${name}: NodeBB ${nodebbVersion(nbb)} at ${nbb}`);
	const report = path.join(artifacts, `forum-${dbName}.json`);
	fs.rmSync(report, { force: true });
	fs.rmSync(`${report}.txt`, { force: true });
	const forumConfig = JSON.parse(fs.readFileSync(path.join(nbb, 'config.json'), 'utf8'));
	const port = Number(process.env.LVL_TEST_PORT || 4598);
	let cfg;
	if (dbName === 'redis') {
		const testDb = Number(process.env.LVL_TEST_REDIS_DB || 13);
		const forumSide = forumConfig.database === 'redis' ? forumConfig.redis : { ...forum.REDIS, password: '', database: testDb === 0 ? 1 : 0 };
		if (forumConfig.database === 'redis' && String(forumSide.database) === String(testDb)) {
			throw new Error(`the forum itself uses redis database ${testDb}; set LVL_TEST_REDIS_DB to another one`);
		}
		cfg = { database: 'redis', test_database: { ...forum.REDIS, password: '', database: testDb }, forum_database: forumSide };
	} else {
		const testDb = process.env.LVL_TEST_PG_DB || 'lvl_test';
		const forumSide = forumConfig.database === 'postgres' ? forumConfig.postgres : { ...forum.PG, database: `${testDb}_forum_placeholder` };
		if (forumConfig.database === 'postgres' && forumSide.database === testDb) {
			throw new Error(`the forum itself uses PostgreSQL database ${testDb}; set LVL_TEST_PG_DB to another one`);
		}
		cfg = { database: 'postgres', test_database: { ...forum.PG, database: testDb }, forum_database: forumSide };
		// NodeBB needs the database to exist; create it (only ours) when missing
		const tmpConfig = path.join(artifacts, 'pg-createdb.json');
		fs.writeFileSync(tmpConfig, JSON.stringify({ database: 'postgres', postgres: cfg.test_database }));
		const c = runInNodebb(nbb, [path.join(__dirname, 'lib', 'nodebb-task.js'), tmpConfig, 'createdb'], { stdio: 'pipe' });
		if (c.status !== 0) {
			record(name, { passes: 0, failures: 1 }, `could not create PostgreSQL database ${testDb}: ${c.stderr}`);
			return;
		}
	}
	cfg.url = `http://127.0.0.1:${port}`;
	cfg.plugin = PLUGIN_ID;
	// a production NodeBB (npm install --omit=dev) has no mocha: the plugin's own drives NodeBB's harness then
	const nodebbMocha = path.join(nbb, 'node_modules', 'mocha', 'bin', 'mocha.js');
	const mocha = fs.existsSync(nodebbMocha) ? nodebbMocha : require.resolve('mocha/bin/mocha.js');
	const r = runInNodebb(nbb, [
		mocha,
		...grepArgs(),
		'--require', path.join(__dirname, 'lib', 'forum-bootstrap.js'),
		'--reporter', REPORTER,
		'--timeout', '60000',
		'--exit',
		// NodeBB's .mocharc.yml bails at the first failure: we want every failure of ours
		'--no-bail',
		'test/plugins-installed.js',
	], {
		env: { LVL_FORUM_TEST: JSON.stringify(cfg), LVL_REPORT_FILE: report, NODE_ENV: 'production' },
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 20 * 60 * 1000,
	});
	// NodeBB logs a lot at info level: keep the full log as an artefact, show the test lines
	fs.writeFileSync(path.join(artifacts, `forum-${dbName}.log`), `${r.stdout || ''}\n${r.stderr || ''}`);
	try {
		console.log(fs.readFileSync(`${report}.txt`, 'utf8'));
	} catch {
		console.log((r.stdout || '').split('\n').slice(-60).join('\n'));
	}
	if (r.status !== 0 && (r.stderr || '').trim()) {
		console.log((r.stderr || '').split('\n').slice(-30).join('\n'));
	}
	record(name, mochaStats(name, r.status, report));
}

/** The browser story files, narrowed by LVL_FILES like the forum suite's. */
function browserFiles() {
	const dir = path.join(ROOT, 'build', 'test', 'browser');
	const only = (process.env.LVL_FILES || '').split(',').map(s => s.trim()).filter(Boolean);
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => f.endsWith('.test.js')) : [];
	return files.filter(f => !only.length || only.some(w => f.includes(w))).sort().map(f => path.join(dir, f));
}

async function browserSuite(nbb, label = '') {
	const name = `browser${label}`;
	banner(`${name}: headless Chromium against the e2e forum`);
	const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!fs.existsSync(chromium)) {
		const r = run('bash', [path.join(__dirname, 'install-chromium.sh')]);
		if (r.status !== 0 || !fs.existsSync(chromium)) {
			record(name, { passes: 0, failures: 1 }, 'Chromium is not installed and could not be installed (apt-get install chromium)');
			return;
		}
	}
	const report = path.join(artifacts, 'browser.json');
	fs.rmSync(report, { force: true });
	fs.rmSync(`${report}.txt`, { force: true });
	fs.rmSync(path.join(artifacts, 'screenshots'), { recursive: true, force: true });
	let f;
	try {
		f = await forum.start(nbb, 'e2e');
		const r = run(process.execPath, [require.resolve('mocha/bin/mocha.js'), ...grepArgs(), '--reporter', REPORTER, '--timeout', '60000', ...browserFiles()], {
			env: { ...process.env, LVL_REPORT_FILE: report, LVL_FORUM_URL: f.url, LVL_ADMIN: JSON.stringify(f.admin), LVL_ARTIFACTS: artifacts, CHROMIUM_PATH: chromium },
		});
		record(name, mochaStats(name, r.status, report));
	} catch (err) {
		record(name, { passes: 0, failures: 1 }, err.message.split('\n')[0]);
		console.log(err.message);
	} finally {
		forum.stop('e2e');
	}
}

/** The forum suites (Redis, PostgreSQL) and the browser suite on one NodeBB; `label` names the NodeBB when there are several. */
async function forumAndBrowser(nbbPath, label, dir = ARTIFACTS) {
	artifacts = dir;
	fs.mkdirSync(artifacts, { recursive: true });
	banner(`preparing the e2e forum (NodeBB ${nodebbVersion(nbbPath)})`);
	try {
		forum.prepare(nbbPath, 'e2e', { fresh: true });
	} catch (err) {
		console.log(err.message);
		['forum-redis', 'forum-postgres', 'browser'].filter(wanted).forEach(s => record(`${s}${label}`, { passes: 0, failures: 1 }, 'not run: the e2e forum could not be prepared'));
		return;
	}
	if (wanted('forum-redis')) {
		forumSuite(nbbPath, 'redis', label);
	}
	if (wanted('forum-postgres')) {
		forumSuite(nbbPath, 'postgres', label);
	}
	if (wanted('browser')) {
		await browserSuite(nbbPath, label);
	}
}

/**
 * The other NodeBB checkouts the forum and browser suites run on too, after the one at NODEBB_PATH:
 * 1. LVL_ALSO_NODEBB=/path/a:/path/b when set (`LVL_ALSO_NODEBB=` empty: none);
 * 2. else the paths in `.nodebb-also` at the project's root (git-ignored, one a line, `#` comments), kept by a developer;
 * 3. else, when NODEBB_PATH is not set (the default ~/nodebb), ~/nodebb-4.15 if that checkout exists (the CI machine).
 * A checkout named twice, or the same as the first, runs once.
 */
function otherCheckouts(first) {
	let listed;
	if (process.env.LVL_ALSO_NODEBB !== undefined) {
		listed = process.env.LVL_ALSO_NODEBB.split(':');
	} else if (fs.existsSync(path.join(ROOT, '.nodebb-also'))) {
		listed = fs.readFileSync(path.join(ROOT, '.nodebb-also'), 'utf8').split('\n').map(l => l.replace(/#.*/, ''));
	} else if (!process.env.NODEBB_PATH) {
		const sibling = path.join(os.homedir(), 'nodebb-4.15');
		listed = fs.existsSync(path.join(sibling, 'package.json')) ? [sibling] : [];
	} else {
		listed = [];
	}
	const seen = new Set([fs.existsSync(first) ? fs.realpathSync(first) : first]);
	const out = [];
	for (const p of listed.map(l => l.trim()).filter(Boolean)) {
		const abs = path.resolve(p.replace(/^~(?=$|\/)/, os.homedir()));
		const real = fs.existsSync(abs) ? fs.realpathSync(abs) : abs;
		if (!seen.has(real)) {
			seen.add(real);
			out.push(abs);
		}
	}
	return out;
}

async function main() {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	if (wanted('lint')) {
		step('lint', process.execPath, [path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);
	}
	const built = step('typecheck and build', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']) &&
		step('typecheck and build the client', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'static/tsconfig.json']);
	if (wanted('unit')) {
		unitSuite();
	}

	const nbb = findNodebb();
	const forumSuites = ['forum-redis', 'forum-postgres', 'browser'].filter(wanted);
	if (forumSuites.length && nbb.reason) {
		banner('forum and browser suites');
		console.log(`\n  SKIPPED: ${nbb.reason}.\n  The in-forum suites (Redis, PostgreSQL) and the browser suite need a NodeBB 4.11+ checkout with its\n  dependencies installed and set up; see README.md, "The two commands".\n`);
		forumSuites.forEach(s => record(s, { passes: 0, failures: 0 }, 'SKIPPED: no NodeBB'));
	} else if (forumSuites.length && !built) {
		forumSuites.forEach(s => record(s, { passes: 0, failures: 1 }, 'not run: the build failed'));
	} else if (forumSuites.length) {
		const others = otherCheckouts(nbb.path);
		await forumAndBrowser(nbb.path, others.length ? ` · NodeBB ${nodebbVersion(nbb.path)}` : '');
		for (const other of others) {
			process.env.NODEBB_PATH = other;
			const more = findNodebb();
			const version = nodebbVersion(more.path);
			if (more.reason) {
				forumSuites.forEach(s => record(`${s} · ${other}`, { passes: 0, failures: 1 }, more.reason));
			} else {
				await forumAndBrowser(more.path, ` · NodeBB ${version}`, path.join(ARTIFACTS, `nodebb-${version}`));
			}
		}
	}
	return finish();
}

function finish() {
	banner('summary');
	let passed = 0;
	let failed = 0;
	for (const r of results) {
		passed += r.passes;
		failed += r.failures;
		const counts = r.note && r.note.startsWith('SKIPPED') ? 'SKIPPED' : `${r.passes} passed, ${r.failures} failed`;
		console.log(`  ${r.name.padEnd(36)} ${counts}${r.note && !r.note.startsWith('SKIPPED') ? `  (${r.note})` : ''}${r.note && r.note.startsWith('SKIPPED') ? `  (${r.note.slice(9)})` : ''}`);
	}
	console.log(`\n${passed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
	console.error(err);
	record('runner', { passes: 0, failures: 1 }, `crashed: ${err.message}`);
	finish();
	process.exitCode = 1;
});
