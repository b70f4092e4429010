'use strict';

// npm run bench: the roster at association scale, on Redis and on PostgreSQL.
//   1. import of a 50,000-row Belgian CSV (preview, apply), then the monthly update (2 % changed, 1 % left, 1 % new)
//   2. verification latency (member number + e-mail) with that roster in force
// Each database gets its own forum profile (bench-redis: redis db 10, port 4610; bench-postgres: database lvl_bench,
// port 4611), emptied and set up afresh. Every request goes to 127.0.0.1 only. Results: bench/results.md.
// and the "Wie weet wat?" directory (bench/directory.js): 10,000 and 50,000 members with ~8 competences each, seeded
// inside NodeBB, then 1,000 mixed searches and 50 profile saves through the API, with the forum's memory.
// and the "Inzicht" dashboard (bench/insight.js): 50,000 members and 100,000 topics written in bulk inside NodeBB, one
// snapshot, then the ACP page, API, a CSV and the pulse over HTTP (only with --suite=insight).
// and what the plugin costs NodeBB's own pages (bench/overhead.js, wrk, plugin on / off / reference Q&A plugin; only
// with --suite=overhead).
// Options: --suite=roster|directory|insight|qa|overhead (default: roster,directory)   --only=redis|postgres
//   roster:    --rows=50000   --attempts=100
//   directory: --sizes=10000,50000   --queries=1000   --saves=50   --warmup=20   --concurrency=16
//              --reuse: skip seeding where the bench database already holds this size's members (checked: size,
//              generator, index encoding; earlier searching members deleted)   --no-profile: no in-process profile
//   insight:   --members=50000   --topics=100000   --requests=20
//   qa:        --members=50000   --topics=100000   --routings=300   --pages=30   (on the directory's 50,000 seeded members:
//              seeded first when the bench database does not hold them)
//   overhead:  --rounds=2   --seconds=5   --connections=8   (on the Q&A suite's seed: --members, --topics)
//   --profile: instead, where an import's time and memory go (bench/profile-import.js, in process, no HTTP);
//              written to bench/profile.md

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, findNodebb, nodebbVersion, ensureNode22, runInNodebb } = require('./lib/env');
const forum = require('./lib/forum');
const { generateRoster, monthlyUpdate, belgianCsv, prng } = require('../bench/roster-data');

const arg = (name, fallback) => {
	const hit = process.argv.find(a => a.startsWith(`--${name}=`));
	return hit ? hit.slice(name.length + 3) : fallback;
};
const ROWS = Number(arg('rows', 50000));
const ATTEMPTS = Math.min(200, Number(arg('attempts', 100)));
const DATABASES = arg('only', 'redis,postgres').split(',').filter(Boolean);
const SUITES = arg('suite', 'roster,directory').split(',').filter(Boolean);
const DIRECTORY = {
	sizes: arg('sizes', arg('scales', '10000,50000,100000')).split(',').map(Number).filter(x => x > 0),
	queries: Math.min(5000, Number(arg('queries', 1000))),
	saves: Math.min(500, Number(arg('saves', 50))),
	warmup: Math.min(200, Number(arg('warmup', 20))),
	concurrency: Math.min(64, Number(arg('concurrency', 16))),
	// measure again on the members an earlier run seeded (same size, generator and index encoding), if they are there
	reuse: process.argv.includes('--reuse'),
	profile: !process.argv.includes('--no-profile'),
};
const INSIGHT = {
	members: Number(arg('members', 50000)),
	topics: Number(arg('topics', 100000)),
	requests: Math.min(200, Number(arg('requests', 20))),
};
const QA = {
	members: Number(arg('members', 50000)),
	topics: Number(arg('topics', 100000)),
	routings: Math.min(2000, Number(arg('routings', 300))),
	pages: Math.min(200, Number(arg('pages', 30))),
	repeats: Math.min(200, Number(arg('repeats', 20))),
};
// the seeded scales (bench/scale.js): members per scale, each in a database of its own
const SCALES = arg('scales', '10000,50000,100000').split(',').map(Number).filter(x => x > 0);
const OVERHEAD = {
	// the seeded scale measured (bench/scale.js); also the cluster suite's
	scale: Number(arg('overhead-scale', 50000)),
	rounds: Math.min(10, Number(arg('rounds', 2))),
	seconds: Math.min(60, Number(arg('seconds', 5))),
	connections: Math.min(64, Number(arg('connections', 8))),
	members: QA.members,
	topics: QA.topics,
};
// bench/results.md: the roster's section, then the directory's, then Insight's, then the Q&A's; a run of one suite
// keeps the others
const CLUSTER_MARK = '<!-- cluster suite: written by `npm run bench -- --suite=cluster` -->';
const SEED_MARK = '<!-- seed suite: written by `npm run bench -- --suite=seed` -->';
const OVERHEAD_MARK = '<!-- overhead suite: written by `npm run bench -- --suite=overhead` -->';
const QA_MARK = '<!-- qa suite: written by `npm run bench -- --suite=qa` -->';
const INSIGHT_MARK = '<!-- insight suite: written by `npm run bench -- --suite=insight` -->';
const DIRECTORY_MARK = '<!-- directory suite: written by `npm run bench -- --suite=directory` -->';
const HISTORY_MARK = '<!-- directory history: written by hand, kept by the bench -->';
// #16: the memory an import adds to the process (peak minus idle) ≤ 150 MB, preview + apply ≤ 5 s
const TARGET = { importMs: 5000, importAddedMb: 150, verifyMs: 20 };
const RESULTS = path.join(ROOT, 'bench', 'results.md');
const PASSWORD = 'Bench-lid-2026';
let buildWarning = '';
let built = false;
/** NodeBB's assets are built once per run, on the first forum prepared (true the first time it is asked). */
const buildOnce = () => {
	const first = !built && !process.argv.includes('--no-build');
	built = true;
	return first;
};

const log = (...a) => console.log('[bench]', ...a);
const mb = bytes => Math.round(bytes / 1024 / 1024);

/* ---------- the forum process and its memory ---------- */

function children(pid) {
	const r = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
	return (r.stdout || '').split('\n').map(Number).filter(Boolean);
}

function listeningPids(port) {
	const r = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
	return [...(r.stdout || '').matchAll(/pid=(\d+)/g)].map(m => Number(m[1]));
}

/** The process serving the port: the spawned one, or (if app.js is a loader) the descendant listening on it. */
function serverPid(f) {
	const root = parseInt(fs.readFileSync(f.pidFile, 'utf8'), 10);
	const family = [root];
	for (let i = 0; i < family.length && family.length < 50; i += 1) {
		family.push(...children(family[i]));
	}
	const listening = listeningPids(f.port).filter(p => family.includes(p));
	if (listening.length) {
		return { pid: listening[0], family };
	}
	// no ss (or no permission to see pids): the deepest descendant is the worker of a loader
	return { pid: family[family.length - 1], family };
}

function memStatus(pid) {
	const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = key => Number((text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) || [])[1] || 0) * 1024;
	return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets VmHWM to the current RSS (Linux: write 5 to clear_refs), so each step gets its own peak. */
function resetPeak(pid) {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** Runs one measured step: wall time of `fn`, and the server's peak RSS during it (VmHWM, and sampled VmRSS). */
async function measure(pid, fn) {
	const peakReset = resetPeak(pid);
	const before = memStatus(pid).rss;
	let sampled = before;
	const timer = setInterval(() => {
		try {
			sampled = Math.max(sampled, memStatus(pid).rss);
		} catch {
			// the process went away: the step fails on its own
		}
	}, 20);
	const t0 = performance.now();
	try {
		const value = await fn();
		const ms = performance.now() - t0;
		const { rss, hwm } = memStatus(pid);
		return { value, ms, before, peak: peakReset ? Math.max(hwm, sampled) : sampled, rss, hwmSinceStart: !peakReset };
	} finally {
		clearInterval(timer);
	}
}

/* ---------- HTTP ---------- */

function loadClient() {
	const { Session } = require(path.join(ROOT, 'build/test/support/http.js'));
	const { upload } = require(path.join(ROOT, 'build/test/support/roster.js'));
	return { Session, upload };
}

function expectOk(res, what) {
	if (res.status !== 200) {
		throw new Error(`${what}: HTTP ${res.status} ${String(res.text || JSON.stringify(res.body)).slice(0, 500)}`);
	}
	return res.body.response;
}

function percentile(sorted, p) {
	if (!sorted.length) {
		return NaN;
	}
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/* ---------- the measurements ---------- */

async function importBench(client, admin, pid, db, data, idle) {
	const rows = [];
	const rounds = [
		{ label: 'initial import', csv: data.first, rows: data.firstPeople.length, expect: { added: data.firstPeople.length, changed: 0, leaving: 0 } },
		{
			label: 'monthly update', csv: data.second, rows: data.update.people.length,
			expect: { added: data.update.addedNrs.length, changed: data.update.changedNrs.length, leaving: data.update.removedNrs.length },
		},
	];
	for (const round of rounds) {
		log(`${db}: ${round.label}: upload of ${round.rows} rows (${mb(round.csv.length * 10) / 10} MB)`);
		const up = await measure(pid, () => client.upload(admin, round.csv, 'ledenlijst.csv'));
		if (up.value.status !== 200) {
			throw new Error(`${round.label}: upload failed: HTTP ${up.value.status} ${JSON.stringify(up.value.body).slice(0, 500)}`);
		}
		const preview = up.value.body.response;
		const c = preview.counts;
		const counted = `rows ${c.rows}, added ${c.added}, changed ${c.changed}, unchanged ${c.unchanged}, leaving ${c.leaving}, invalid ${c.invalid}`;
		log(`${db}: ${round.label}: preview in ${Math.round(up.ms)} ms (${counted}), peak RSS ${mb(up.peak)} MB`);
		const mismatch = Object.entries(round.expect).filter(([k, v]) => c[k] !== v).map(([k, v]) => `${k} ${c[k]} (expected ${v})`);
		if (c.invalid) {
			mismatch.push(`invalid ${c.invalid}`);
		}
		const ap = await measure(pid, () => admin.post(`/api/v3/plugins/lvl/roster/imports/${preview.import.id}/apply`, { confirmStatuses: true }));
		expectOk(ap.value, `${round.label}: apply`);
		log(`${db}: ${round.label}: apply in ${Math.round(ap.ms)} ms, peak RSS ${mb(ap.peak)} MB`);
		const total = up.ms + ap.ms;
		const peak = Math.max(up.peak, ap.peak);
		const timeMet = total <= TARGET.importMs;
		const added = mb(peak - idle);
		const memoryMet = added <= TARGET.importAddedMb;
		const verdict = `**added ${added} MB** (peak ${mb(peak)} − idle ${mb(idle)}); ${timeMet && memoryMet ? 'target met'
			: `TARGET MISSED: time ${timeMet ? 'met' : 'missed'} (≤ ${TARGET.importMs / 1000} s), memory ${memoryMet ? 'met' : 'missed'} (≤ ${TARGET.importAddedMb} MB added)`}`;
		rows.push(
			{ db, step: `${round.label}: preview (upload)`, rows: round.rows, ms: up.ms, peak: up.peak, note: `RSS before ${mb(up.before)} MB; ${counted}${mismatch.length ? `; MISMATCH ${mismatch.join(', ')}` : ''}` },
			{ db, step: `${round.label}: apply`, rows: round.rows, ms: ap.ms, peak: ap.peak, note: `RSS before ${mb(ap.before)} MB` },
			{ db, step: `**${round.label}: preview + apply**`, rows: round.rows, ms: total, peak, note: verdict },
		);
	}
	return rows;
}

async function createAccount(client, admin, f, username) {
	const created = await admin.post('/api/v3/users', { username, password: PASSWORD });
	const uid = expectOk(created, `creating ${username}`).uid;
	const s = new client.Session(f.url);
	await s.login(username, PASSWORD);
	return { uid, username, s };
}

async function verificationBench(client, admin, pid, f, db, data) {
	const saved = await admin.put('/api/v3/plugins/lvl/settings', { attemptsPerHour: 100 });
	expectOk(saved, 'setting attemptsPerHour');
	const matching = Math.ceil(ATTEMPTS / 2);
	const failing = ATTEMPTS - matching;
	const failAccounts = Math.min(5, failing) || 0;
	// distinct, unlinked, active members of the roster in force, spread over the whole roster
	const r = prng(7);
	const inForce = data.update.people;
	const picked = new Set();
	while (picked.size < matching) {
		picked.add(r.int(0, inForce.length - 1));
	}
	const members = [...picked].map(i => inForce[i]);
	log(`${db}: creating ${matching + failAccounts} fresh accounts through the admin API`);
	const stamp = Date.now().toString(36);
	const matchAcc = [];
	for (let i = 0; i < matching; i += 1) {
		matchAcc.push(await createAccount(client, admin, f, `bench-${stamp}-lid-${i}`));
	}
	const failAcc = [];
	for (let i = 0; i < failAccounts; i += 1) {
		failAcc.push(await createAccount(client, admin, f, `bench-${stamp}-niet-${i}`));
	}
	// half and half, interleaved; the failures alternate between a known member number with a wrong e-mail address
	// and a member number that is not on the roster
	const plan = [];
	for (let i = 0; i < ATTEMPTS; i += 1) {
		const k = Math.floor(i / 2);
		if (i % 2 === 0 && k < matching) {
			const m = members[k];
			plan.push({ match: true, acc: matchAcc[k], body: { memberNumber: m.nr, email: m.email.split(',')[0].trim() } });
		} else {
			const other = inForce[r.int(0, inForce.length - 1)];
			const body = k % 2 === 0
				? { memberNumber: other.nr, email: `iemand.anders.${k}@example.org` }
				: { memberNumber: String(900000 + k), email: other.email.split(',')[0].trim() };
			plan.push({ match: false, acc: failAcc[k % failAcc.length], body });
		}
	}
	// NodeBB's own cost of a logged-in API write (session, CSRF, envelope), for comparison
	const ping = [];
	const pingers = failAcc.length ? failAcc : matchAcc;
	const pingRun = await measure(pid, async () => {
		for (let i = 0; i < ATTEMPTS; i += 1) {
			const t0 = performance.now();
			expectOk(await pingers[i % pingers.length].s.post('/api/v3/ping', {}), 'POST /api/v3/ping');
			ping.push(performance.now() - t0);
		}
	});
	log(`${db}: ${plan.length} verification attempts (${matching} matching, ${plan.length - matching} not)`);
	const times = { all: [], match: [], fail: [] };
	const unexpected = [];
	const run = await measure(pid, async () => {
		for (const a of plan) {
			const t0 = performance.now();
			const res = await a.acc.s.post('/api/v3/plugins/lvl/verification', a.body);
			const ms = performance.now() - t0;
			times.all.push(ms);
			times[a.match ? 'match' : 'fail'].push(ms);
			const outcome = res.body && res.body.response && res.body.response.outcome;
			if (a.match ? (res.status !== 200 || outcome !== 'verified') : (res.status === 200 || res.status === 429 || res.status >= 500)) {
				unexpected.push(`${a.match ? 'matching' : 'non-matching'} ${a.body.memberNumber}: HTTP ${res.status} ${String(res.text).slice(0, 200)}`);
			}
		}
	});
	if (unexpected.length) {
		throw new Error(`${unexpected.length} verification attempts had an unexpected answer, e.g.\n  ${unexpected.slice(0, 5).join('\n  ')}`);
	}
	const rows = [];
	const pingSorted = ping.sort((a, b) => a - b);
	for (const [name, value] of [['p50', percentile(pingSorted, 50)], ['p95', percentile(pingSorted, 95)], ['max', pingSorted[pingSorted.length - 1]]]) {
		rows.push({ db, step: `baseline POST /api/v3/ping (NodeBB alone): ${name}`, rows: inForce.length, ms: value, peak: pingRun.peak, note: `${pingSorted.length} requests, same sessions` });
	}
	for (const [kind, label] of [['all', 'all'], ['match', 'matching (links the account)'], ['fail', 'not matching']]) {
		const sorted = [...times[kind]].sort((a, b) => a - b);
		if (!sorted.length) {
			continue;
		}
		for (const [name, value] of [['p50', percentile(sorted, 50)], ['p95', percentile(sorted, 95)], ['max', sorted[sorted.length - 1]]]) {
			const bold = kind === 'all' && name !== 'max';
			rows.push({
				db, step: `${bold ? '**' : ''}verification ${label}: ${name}${bold ? '**' : ''}`, rows: inForce.length, ms: value, peak: run.peak,
				note: `${sorted.length} attempts${bold ? (value < TARGET.verifyMs ? '; target met' : `; TARGET MISSED (${TARGET.verifyMs} ms)`) : ''}`,
			});
		}
	}
	const all = [...times.all].sort((x, y) => x - y);
	for (const row of rows) {
		row.section = 'verification';
	}
	log(`${db}: verification p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms, max ${all[all.length - 1].toFixed(1)} ms`);
	return rows;
}

async function benchDatabase(nbb, client, db, data) {
	const name = `bench-${db}`;
	const first = buildOnce();
	log(`${db}: preparing the ${name} forum afresh${first ? ' (and building NodeBB\'s assets)' : ''}`);
	const f = forum.prepare(nbb, name, { fresh: true, build: first, log });
	if (new URL(f.url).hostname !== '127.0.0.1') {
		throw new Error(`the bench only talks to 127.0.0.1, not ${f.url}`);
	}
	await forum.start(nbb, name);
	try {
		const { pid, family } = serverPid(f);
		log(`${db}: forum up at ${f.url}; server process ${pid} (process family ${family.join(', ')})`);
		const admin = new client.Session(f.url);
		await admin.login(f.admin.username, f.admin.password);
		for (const [setting, value] of [['activitypubEnabled', '0'], ['submitPluginUsage', '0'], ['requireEmailAddress', '0']]) {
			await admin.put(`/api/v3/admin/settings/${setting}`, { value });
		}
		const idle = memStatus(pid);
		const load = os.loadavg().map(x => x.toFixed(2)).join(' / ');
		const rows = [{ db, step: 'idle after start', rows: 0, ms: NaN, peak: idle.rss, note: `RSS before the first request of the bench; machine load average ${load} (1/5/15 min)` }];
		rows.push(...await importBench(client, admin, pid, db, data, idle.rss));
		rows.push(...await verificationBench(client, admin, pid, f, db, data));
		return rows;
	} finally {
		forum.stop(f);
	}
}

/* ---------- report ---------- */

function table(rows) {
	const lines = ['| database | step | rows | wall ms | peak RSS MB | notes |', '|---|---|---:|---:|---:|---|'];
	for (const r of rows) {
		const ms = Number.isNaN(r.ms) ? '' : r.ms >= 100 ? String(Math.round(r.ms)) : r.ms.toFixed(1);
		lines.push(`| ${r.db} | ${r.step} | ${r.rows ? r.rows.toLocaleString('en-US') : ''} | ${ms} | ${mb(r.peak)} | ${r.note || ''} |`);
	}
	return lines.join('\n');
}

function versionOf(cmd, args) {
	try {
		const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10000 });
		return r.status === 0 ? r.stdout.trim() : 'unknown';
	} catch {
		return 'unknown';
	}
}

function report(nbb, results, started) {
	const node = versionOf(ensureNode22(), ['--version']);
	const redis = (versionOf('redis-cli', ['-h', forum.REDIS.host, '-p', String(forum.REDIS.port), 'INFO', 'server']).match(/redis_version:(\S+)/) || [])[1] || 'unknown';
	const pg = versionOf('psql', ['-h', forum.PG.host, '-p', String(forum.PG.port), '-U', forum.PG.username, '-d', 'postgres', '-tAc', 'SHOW server_version']);
	const cpu = (os.cpus()[0] || {}).model || 'unknown CPU';
	const imports = results.filter(r => r.section !== 'verification');
	const verifications = results.filter(r => r.section === 'verification');
	return `# Benchmark: the roster at association scale

Run by \`npm run bench\` on ${new Date(started).toISOString().replace('T', ' ').slice(0, 16)} UTC (took ${Math.round((Date.now() - started) / 1000)} s).${buildWarning ? ` Note: ${buildWarning}.` : ''}

- Machine: ${os.cpus().length} logical CPUs per os.cpus() (nproc ${versionOf('nproc', [])}), ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${os.platform()} ${os.release()}
- NodeBB ${nodebbVersion(nbb)}, started as \`node app.js\` with NODE_ENV=production on Node ${node}
- Redis ${redis}, PostgreSQL ${pg}, both on this machine
- Peak RSS: VmHWM of the process serving the port (reset before each step through /proc/<pid>/clear_refs), and VmRSS sampled every 20 ms; wall ms: the HTTP call as the client sees it

Targets (#16): preview + apply of ${ROWS.toLocaleString('en-US')} rows ≤ ${TARGET.importMs / 1000} s, adding ≤ ${TARGET.importAddedMb} MB to the process (peak RSS during the step minus the idle RSS after start); verification under ${TARGET.verifyMs} ms.

## 1. Roster import (${ROWS.toLocaleString('en-US')}-row Belgian \`;\` CSV, then the monthly update: 2 % changed, 1 % left, 1 % new)

${table(imports)}

## 2. Verification (POST /api/v3/plugins/lvl/verification, member number + e-mail, ${ATTEMPTS} attempts, roster of ${verifications[0] ? verifications[0].rows.toLocaleString('en-US') : '?'} in force)

Each matching attempt is a fresh account claiming its own unlinked member number (it gets linked and joins the
members group); the non-matching ones come from 5 other fresh accounts, alternately a known member number with a wrong
e-mail address and an unknown member number. Sequential, one at a time, over keep-alive HTTP to 127.0.0.1.
The baseline rows are NodeBB's own \`POST /api/v3/ping\` from the same logged-in sessions (session lookup, CSRF check,
API envelope): the part of each verification's time that is NodeBB's, not the plugin's.

${table(verifications)}
`;
}

/** --profile: the plugin's preview and apply in process, every store and database call timed. */
function profileImports(nbb) {
	const out = [`# Where a roster import's time goes (${ROWS.toLocaleString('en-US')} rows)\n`,
		`\`node scripts/bench.js --profile\` on ${new Date().toISOString().slice(0, 16)} UTC, NodeBB ${nodebbVersion(nbb)}, Node ${versionOf(ensureNode22(), ['--version'])}, ${os.cpus().length} CPUs.`,
		'The plugin\'s own createPreview and apply, called in process (no HTTP, no upload), on a freshly set up bench forum database;',
		'inclusive wall times, so nested calls (store.writeVersion → db.setObjectBulk) are counted in both.'];
	for (const [i, db] of DATABASES.entries()) {
		const name = `bench-${db}`;
		log(`${db}: preparing the ${name} forum's database afresh for the profile`);
		const f = forum.prepare(nbb, name, { fresh: true, build: i === 0 && !fs.existsSync(path.join(nbb, 'build', 'public')), log });
		log(`${db}: profiling the preview and apply of ${ROWS} rows, then the monthly update`);
		const r = runInNodebb(nbb, ['--expose-gc', path.join(ROOT, 'bench', 'profile-import.js'), f.configFile, String(ROWS)], { stdio: 'pipe' });
		if (r.status !== 0) {
			throw new Error(`profiling on ${db} failed: ${r.stderr || r.stdout}`);
		}
		out.push(`\n## ${db}\n${r.stdout}`);
	}
	const file = path.join(ROOT, 'bench', 'profile.md');
	fs.writeFileSync(file, `${out.join('\n')}\n`);
	console.log(`${out.join('\n')}\n\nWritten to ${path.relative(ROOT, file)}`);
}

async function main() {
	const started = Date.now();
	const nbb = findNodebb();
	if (nbb.reason) {
		throw new Error(`cannot run the benchmark: ${nbb.reason}`);
	}
	log('building the plugin and the test support (tsc)');
	// --no-tsc: the build/ of an earlier run is measured (two bench runs at once must not both write it)
	const tsc = process.argv.includes('--no-tsc') ? { status: 0 } : spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
	// exit 2: type errors, but every file was emitted; a benchmark measures the JavaScript, so it goes on (and says so)
	if (tsc.status === 2) {
		buildWarning = 'tsc reported type errors (the JavaScript was emitted and measured anyway)';
		log(`WARNING: ${buildWarning}`);
	} else if (tsc.status !== 0) {
		throw new Error('the TypeScript build failed');
	}
	if (process.argv.includes('--profile')) {
		profileImports(nbb.path);
		return;
	}
	if (!SUITES.length || SUITES.some(x => !['seed', 'roster', 'directory', 'insight', 'qa', 'overhead', 'cluster'].includes(x))) {
		throw new Error(`--suite=${SUITES.join(',')}: seed, roster, directory, insight, qa, overhead, cluster (comma-separated)`);
	}
	const client = loadClient();
	const unknown = DATABASES.filter(db => !['redis', 'postgres'].includes(db));
	if (unknown.length) {
		throw new Error(`unknown database ${unknown.join(', ')} (redis or postgres)`);
	}
	const missed = [];
	if (SUITES.includes('seed')) {
		const scale = require('../bench/scale');
		if (built === false && !process.argv.includes('--no-build')) {
			log('building NodeBB\'s assets once (the seeded forums share them)');
			forum.prepare(nbb.path, `bench-${DATABASES[0]}`, { fresh: false, build: buildOnce(), log });
		}
		const { markdown } = await scale.seedSuite({ nbb: nbb.path, forum, log, databases: DATABASES, runInNodebb }, { sizes: SCALES, reseed: process.argv.includes('--reseed') });
		writeResults({ seeding: `# The seeded scales (bench/scale.js)\n\nSeeded by \`npm run bench -- --suite=seed\` (bulk writes; the suites reuse these databases).\n\n${markdown}` });
		console.log(`\n${markdown}`);
	}
	if (SUITES.includes('roster')) {
		const firstPeople = generateRoster(ROWS);
		const update = monthlyUpdate(firstPeople);
		const data = { firstPeople, update, first: belgianCsv(firstPeople), second: belgianCsv(update.people) };
		log(`generated ${ROWS} members (${mb(data.first.length)} MB CSV); update: ${update.changedNrs.length} changed, ${update.removedNrs.length} left, ${update.addedNrs.length} new`);
		const results = [];
		for (const db of DATABASES) {
			results.push(...await benchDatabase(nbb.path, client, db, data));
		}
		const md = report(nbb.path, results, started);
		writeResults({ roster: md });
		console.log(`\n${md}\nWritten to ${path.relative(ROOT, RESULTS)}`);
		missed.push(...results.filter(r => /TARGET MISSED/.test(r.note || ''))
			.map(r => `${r.db}: ${r.step.replace(/\*/g, '')}: ${Math.round(r.ms)} ms, ${mb(r.peak)} MB`));
	}
	if (SUITES.includes('directory')) {
		const directory = require('../bench/directory');
		const helpers = {
			nbb: nbb.path, client, forum, log, databases: DATABASES, buildOnce, runInNodebb,
			serverPid, memStatus, measure, percentile, expectOk,
		};
		const { markdown, missed: dirMissed } = await directory.runSuite(helpers, DIRECTORY);
		writeResults({ directory: markdown });
		console.log(`\n${markdown}\nWritten to ${path.relative(ROOT, RESULTS)}`);
		missed.push(...dirMissed);
	}
	if (SUITES.includes('insight')) {
		const insight = require('../bench/insight');
		const helpers = { nbb: nbb.path, client, forum, log, databases: DATABASES, buildOnce, runInNodebb, serverPid, memStatus, percentile };
		// on the seeded scales (50,000 and 100,000 members by default); --insight-seed: the bulk seeder of its own instead
		const onScale = !process.argv.includes('--insight-seed');
		const { markdown, missed: insightMissed } = await insight.runSuite(helpers, { ...INSIGHT, onScale, scales: SCALES.filter(x => x >= 50000) });
		writeResults({ insight: markdown });
		console.log(`\n${markdown}\nWritten to ${path.relative(ROOT, RESULTS)}`);
		missed.push(...insightMissed);
	}
	if (SUITES.includes('qa')) {
		const qa = require('../bench/qa');
		const { markdown, missed: qaMissed } = await qa.runSuite({ nbb: nbb.path, client, forum, log, databases: DATABASES, runInNodebb }, { ...QA, scales: SCALES });
		writeResults({ qa: markdown });
		console.log(`\n${markdown}\nWritten to ${path.relative(ROOT, RESULTS)}`);
		missed.push(...qaMissed);
	}
	if (SUITES.includes('overhead')) {
		const overhead = require('../bench/overhead');
		const { markdown, missed: overheadMissed } = await overhead.runSuite({ nbb: nbb.path, client, forum, log, databases: DATABASES, runInNodebb }, OVERHEAD);
		writeResults({ overhead: markdown });
		console.log(`\n${markdown}\nWritten to ${path.relative(ROOT, RESULTS)}`);
		missed.push(...overheadMissed);
	}
	if (SUITES.includes('cluster')) {
		const cluster = require('../bench/cluster');
		const { markdown } = await cluster.runSuite({ nbb: nbb.path, client, forum, log, databases: DATABASES, runInNodebb }, OVERHEAD);
		writeResults({ cluster: markdown });
		console.log(`\n${markdown}\nWritten to ${path.relative(ROOT, RESULTS)}`);
	}
	console.log(`\nThe whole run took ${Math.round((Date.now() - started) / 1000)} s.`);
	if (missed.length) {
		console.log(`\n${missed.length} target(s) missed:\n${missed.map(m => `  ${m}`).join('\n')}`);
	}
}

/** Writes bench/results.md: the given sections replaced, the other suite's section kept as it was. */
function writeResults({ roster, directory, insight, qa, overhead, cluster, seeding }) {
	let whole = '';
	try {
		whole = fs.readFileSync(RESULTS, 'utf8');
	} catch {
		// first run
	}
	// the seeding and two-process sections come after the overhead suite's, in that order
	const seedAt = whole.indexOf(SEED_MARK);
	const seedPart = (seeding ?? (seedAt >= 0 ? whole.slice(seedAt + SEED_MARK.length) : '')).trim();
	whole = seedAt >= 0 ? whole.slice(0, seedAt) : whole;
	const clusterAt = whole.indexOf(CLUSTER_MARK);
	const clusterPart = (cluster ?? (clusterAt >= 0 ? whole.slice(clusterAt + CLUSTER_MARK.length) : '')).trim();
	whole = clusterAt >= 0 ? whole.slice(0, clusterAt) : whole;
	// the overhead suite's section comes last
	const overheadAt = whole.indexOf(OVERHEAD_MARK);
	const file = overheadAt >= 0 ? whole.slice(0, overheadAt) : whole;
	const overheadPart = (overhead ?? (overheadAt >= 0 ? whole.slice(overheadAt + OVERHEAD_MARK.length) : '')).trim();
	const qaAt = file.indexOf(QA_MARK);
	const all = qaAt >= 0 ? file.slice(0, qaAt) : file;
	const qaPart = (qa ?? (qaAt >= 0 ? file.slice(qaAt + QA_MARK.length) : '')).trim();
	const cut = all.indexOf(INSIGHT_MARK);
	const old = cut >= 0 ? all.slice(0, cut) : all;
	const ins = (insight ?? (cut >= 0 ? all.slice(cut + INSIGHT_MARK.length) : '')).trim();
	const at = old.indexOf(DIRECTORY_MARK);
	const oldRoster = (at >= 0 ? old.slice(0, at) : old).trimEnd();
	let oldDirectory = at >= 0 ? old.slice(at + DIRECTORY_MARK.length).trim() : '';
	// the hand-written history of the directory's measurements (before and after each change) stays below the run
	const h = oldDirectory.indexOf(HISTORY_MARK);
	const history = h >= 0 ? oldDirectory.slice(h).trim() : '';
	oldDirectory = h >= 0 ? oldDirectory.slice(0, h).trim() : oldDirectory;
	const parts = [(roster ?? oldRoster).trimEnd()];
	const dir = (directory ?? oldDirectory).trim();
	if (dir) {
		parts.push(DIRECTORY_MARK, dir);
	}
	if (history) {
		parts.push(history);
	}
	if (ins) {
		parts.push(INSIGHT_MARK, ins);
	}
	if (qaPart) {
		parts.push(QA_MARK, qaPart);
	}
	if (overheadPart) {
		parts.push(OVERHEAD_MARK, overheadPart);
	}
	if (clusterPart) {
		parts.push(CLUSTER_MARK, clusterPart);
	}
	if (seedPart) {
		parts.push(SEED_MARK, seedPart);
	}
	fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
	fs.writeFileSync(RESULTS, `${parts.filter(Boolean).join('\n\n')}\n`);
}

let stopping = false;
process.on('SIGINT', () => {
	if (stopping) {
		return;
	}
	stopping = true;
	for (const db of DATABASES) {
		try {
			forum.stop(`bench-${db}`);
		} catch {
			// not running
		}
	}
	process.exit(130);
});

main().catch((err) => {
	console.error(err.stack || err.message || err);
	process.exitCode = 1;
});
