'use strict';

// Forum profiles of this project (a demo forum, a test forum): each with its own config file under .cache/,
// its own database and its own port, so a developer's own forum and its database are never touched.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { CACHE, PLUGIN_ID, ensureNode22, linkPlugin, runInNodebb } = require('./env');

const REDIS = { host: process.env.LVL_REDIS_HOST || '127.0.0.1', port: Number(process.env.LVL_REDIS_PORT || 6379) };
const PG = { host: process.env.LVL_PG_HOST || '127.0.0.1', port: Number(process.env.LVL_PG_PORT || 5432), username: process.env.LVL_PG_USER || 'postgres', password: process.env.LVL_PG_PASSWORD || '' };

const PROFILES = {
	demo: { port: Number(process.env.LVL_DEMO_PORT || 4577), redisDb: Number(process.env.LVL_DEMO_REDIS_DB || 11), adminPassword: 'Demo-beheer-2026' },
	e2e: { port: Number(process.env.LVL_E2E_PORT || 4599), redisDb: Number(process.env.LVL_E2E_REDIS_DB || 12), adminPassword: 'E2e-beheer-2026' },
	// npm run bench: one forum per database
	'bench-redis': { port: Number(process.env.LVL_BENCH_REDIS_PORT || 4610), redisDb: Number(process.env.LVL_BENCH_REDIS_DB || 10), adminPassword: 'Bench-beheer-2026' },
	'bench-postgres': { port: Number(process.env.LVL_BENCH_PG_PORT || 4611), database: 'postgres', pgDatabase: process.env.LVL_BENCH_PG_DB || 'lvl_bench', adminPassword: 'Bench-beheer-2026' },
};

const TASK = path.join(__dirname, 'nodebb-task.js');

function profile(name) {
	const p = PROFILES[name];
	if (!p) {
		throw new Error(`unknown forum profile ${name}`);
	}
	const dir = path.join(CACHE, 'forums', name);
	return {
		name,
		dir,
		configFile: path.join(dir, 'config.json'),
		pidFile: path.join(dir, 'pid'),
		logFile: path.join(dir, 'nodebb.log'),
		url: `http://127.0.0.1:${p.port}`,
		port: p.port,
		database: p.database || 'redis',
		redisDb: p.redisDb,
		postgres: p.database === 'postgres' ? { ...PG, database: p.pgDatabase } : undefined,
		admin: { username: 'beheerder', password: p.adminPassword, email: `beheerder@${name}.invalid` },
	};
}

function writeConfig(f) {
	fs.mkdirSync(path.join(f.dir, 'uploads'), { recursive: true });
	let secret = crypto.randomBytes(24).toString('hex');
	if (fs.existsSync(f.configFile)) {
		secret = JSON.parse(fs.readFileSync(f.configFile, 'utf8')).secret || secret;
	}
	const config = {
		url: f.url,
		secret,
		...(f.database === 'postgres'
			? { database: 'postgres', postgres: f.postgres }
			: { database: 'redis', redis: { ...REDIS, password: '', database: f.redisDb } }),
		port: f.port,
		bind_address: '127.0.0.1',
		// no outside network: the plugin registry points at loopback
		registry: 'http://127.0.0.1:9',
		upload_path: path.join(f.dir, 'uploads'),
	};
	fs.writeFileSync(f.configFile, JSON.stringify(config, null, 4));
}

function nodebbCli(nbb, f, args, opts = {}) {
	const r = runInNodebb(nbb, ['nodebb', ...args, `--config=${f.configFile}`], { stdio: opts.quiet ? 'pipe' : 'inherit' });
	if (r.status !== 0) {
		const out = opts.quiet ? `\n${r.stdout || ''}${r.stderr || ''}` : '';
		throw new Error(`./nodebb ${args[0]} failed for the ${f.name} forum (exit ${r.status})${out.slice(-4000)}`);
	}
	return r;
}

function task(nbb, f, name) {
	const r = runInNodebb(nbb, [TASK, f.configFile, name], { stdio: 'pipe' });
	if (r.status !== 0) {
		throw new Error(`${name} failed for the ${f.name} forum: ${r.stderr}`);
	}
	return (r.stdout || '').trim();
}

/** Config, database, setup, plugin link and activation, and NodeBB's build. Safe to rerun. */
function prepare(nbb, name, { fresh = false, build = true, log = console.log } = {}) {
	const f = profile(name);
	stop(f);
	writeConfig(f);
	linkPlugin(nbb);
	if (f.database === 'postgres') {
		// NodeBB needs the database to exist; createdb makes ours when missing (a no-op for Redis)
		task(nbb, f, 'createdb');
	}
	if (fresh) {
		log(`[forum:${name}] emptying its own database (${f.database === 'postgres' ? `postgres database ${f.postgres.database}` : `redis db ${f.redisDb}`})`);
		task(nbb, f, 'flush');
	}
	if (task(nbb, f, 'installed') !== 'yes') {
		log(`[forum:${name}] setting up NodeBB`);
		const dbAnswers = f.database === 'postgres'
			? {
				database: 'postgres', 'postgres:host': f.postgres.host, 'postgres:port': f.postgres.port, 'postgres:username': f.postgres.username,
				'postgres:password': f.postgres.password, 'postgres:database': f.postgres.database, 'postgres:ssl': 'false',
			}
			: { database: 'redis', 'redis:host': REDIS.host, 'redis:port': REDIS.port, 'redis:password': '', 'redis:database': f.redisDb };
		const answers = {
			url: f.url, secret: JSON.parse(fs.readFileSync(f.configFile, 'utf8')).secret, ...dbAnswers,
			'admin:username': f.admin.username, 'admin:password': f.admin.password, 'admin:password:confirm': f.admin.password, 'admin:email': f.admin.email,
		};
		nodebbCli(nbb, f, ['setup', JSON.stringify(answers), '--skip-build'], { quiet: true });
	}
	nodebbCli(nbb, f, ['activate', PLUGIN_ID], { quiet: true });
	if (build) {
		log(`[forum:${name}] building NodeBB's assets with the plugin active`);
		nodebbCli(nbb, f, ['build'], { quiet: true });
	}
	return f;
}

function readPid(f) {
	try {
		const pid = parseInt(fs.readFileSync(f.pidFile, 'utf8'), 10);
		process.kill(pid, 0);
		return pid;
	} catch {
		return null;
	}
}

async function waitUp(url, ms) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			const res = await fetch(`${url}/api/config`);
			if (res.ok) {
				return;
			}
		} catch {
			// not listening yet
		}
		await new Promise(r => setTimeout(r, 500));
	}
	throw new Error(`the forum at ${url} did not come up within ${ms / 1000} s`);
}

/** Starts the profile's forum in the background (its own log and pid file), waits for its first 200. */
async function start(nbb, name, { detached = true } = {}) {
	const f = profile(name);
	if (readPid(f)) {
		await waitUp(f.url, 60000);
		return f;
	}
	const out = fs.openSync(f.logFile, 'a');
	const child = spawn(ensureNode22(), ['app.js', `--config=${f.configFile}`], {
		cwd: nbb, detached, stdio: ['ignore', out, out], env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' },
	});
	fs.writeFileSync(f.pidFile, String(child.pid));
	child.unref();
	try {
		await waitUp(f.url, 90000);
	} catch (err) {
		const tail = fs.readFileSync(f.logFile, 'utf8').split('\n').slice(-40).join('\n');
		stop(f);
		throw new Error(`${err.message}\n--- ${f.logFile} ---\n${tail}`);
	}
	return f;
}

function stop(fOrName) {
	const f = typeof fOrName === 'string' ? profile(fOrName) : fOrName;
	const pid = readPid(f);
	if (pid) {
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			try {
				process.kill(pid, 'SIGTERM');
			} catch {
				// already gone
			}
		}
	}
	// wait (at most 15 s) until it is gone, so its port is free for the next start
	const until = Date.now() + 15000;
	while (pid && Date.now() < until) {
		try {
			process.kill(pid, 0);
		} catch {
			break;
		}
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
	}
	fs.rmSync(f.pidFile, { force: true });
}

module.exports = { PROFILES, REDIS, PG, profile, prepare, start, stop, task };
