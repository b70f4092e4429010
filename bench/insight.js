'use strict';

// The "Inzicht" dashboard at association scale (`npm run bench -- --suite=insight`).
//
// Two halves in one file, like bench/directory.js:
//  - inside NodeBB (cwd = NodeBB's root): `node bench/insight.js seed <config file> <members> <topics>` writes, in bulk,
//    exactly the keys the dashboard and its snapshot read, at their real sizes: the members group with join times,
//    users:online, the account count, the roster's fingerprints, profiles (lvl:profiles, lvl:profile:<uid>), the
//    Q&A's type sets, unanswered list and figures per scope (all, per category, per competence: questions by time,
//    durations to the first reply and to the accepted answer). Accounts and topics themselves are not created: the
//    dashboard never reads them (100,000 topics through NodeBB's topics.post would take hours on this machine).
//    Then the snapshot job runs once, in process, timed.
//  - in the bench (scripts/bench.js): a fresh bench forum per database, the seeder, then the ACP page's data route,
//    the API, a CSV export and the pulse, each timed over HTTP as the admin, and one "Recount now".
// Only the bench profiles' databases are written to.

const { prng } = require('./roster-data');

const { loadNodebb } = require('./in-nodebb');
const DAY = 24 * 60 * 60 * 1000;
const CATEGORIES = 5;
const FIRST_UID = 1000;

/* ---------- inside NodeBB ---------- */

async function bulkZ(db, rows) {
	for (let i = 0; i < rows.length; i += 5000) {
		await db.sortedSetAddBulk(rows.slice(i, i + 5000));
	}
}

async function seed(configFile, membersArg, topicsArg) {
	const members = Number(membersArg);
	const topicCount = Number(topicsArg);
	const { db, plugin } = await loadNodebb(configFile, { seeding: true });
	const say = msg => process.stderr.write(`[seed] ${msg}\n`);
	const t0 = performance.now();
	const now = Date.now();
	const r = prng(7);
	await plugin('platform/service.js').ensureMembersGroup();
	await plugin('competences/taxonomy.js').seed();
	const settings = plugin('settings.js');
	const categories = require.main.require('./src/categories');
	const cids = [];
	for (let i = 0; i < CATEGORIES; i += 1) {
		cids.push((await categories.create({ name: `Vragen ${i + 1}`, description: 'bench' })).cid);
	}
	await settings.save({ platformCids: cids });
	const { membersGroup } = await settings.get();
	const keys = (await plugin('competences/taxonomy.js').get()).competences.map(c => c.key);
	// a few competences are asked about and held far more often than the rest
	const popular = () => keys[Math.min(keys.length - 1, Math.floor(keys.length * r.next() ** 2.5))];

	// members: join times over three years, last seen mostly recently
	const join = [];
	const online = [];
	for (let i = 0; i < members; i += 1) {
		const uid = String(FIRST_UID + i);
		const joined = now - r.int(0, 3 * 365) * DAY - r.int(0, DAY);
		join.push([`group:${membersGroup}:members`, joined, uid]);
		const seen = r.next() < 0.7 ? now - r.int(0, 120) * DAY : joined + r.int(0, 400) * DAY;
		online.push(['users:online', Math.min(now, seen), uid]);
	}
	await bulkZ(db, join);
	await bulkZ(db, online);
	await db.incrObjectFieldBy(`group:${membersGroup}`, 'memberCount', members);
	await db.incrObjectFieldBy('global', 'userCount', members);
	say(`${members} members in "${membersGroup}" with join and last-online times`);

	// the roster: 10 % more entries than members, 92 % of them active
	const fp = {};
	for (let i = 0; i < Math.round(members * 1.1); i += 1) {
		fp[`M${String(100000 + i)}`] = `${r.next() < 0.92 ? '1' : '0'}abcdefabcdef`;
	}
	await db.setObject('lvl:roster:1:fp', fp);
	await db.setObject('lvl:roster', { version: 1, count: Object.keys(fp).length, revision: 1, updatedAt: now });

	// profiles: 60 % of the members, 1 to 6 competences each
	const levels = ['basic', 'experienced', 'expert'];
	const profileRows = [];
	const profileHashes = [];
	for (let i = 0; i < members; i += 1) {
		if (r.next() >= 0.6) {
			continue;
		}
		const uid = FIRST_UID + i;
		const own = new Map();
		const n = r.int(1, 6);
		while (own.size < n) {
			own.set(popular(), { key: '', level: r.pick(levels), roles: [], years: 0, note: '' });
		}
		const competences = [...own].map(([key, c]) => ({ ...c, key }));
		profileRows.push(['lvl:profiles', now - r.int(0, 700) * DAY, String(uid)]);
		profileHashes.push([`lvl:profile:${uid}`, { competences: JSON.stringify(competences), languages: '["nl"]', availability: 'available', listed: 1, updatedAt: now }]);
	}
	await bulkZ(db, profileRows);
	for (let i = 0; i < profileHashes.length; i += 2000) {
		await db.setObjectBulk(profileHashes.slice(i, i + 2000));
	}
	say(`${profileHashes.length} profiles`);

	// topics: 60 % questions, 20 % offers, 10 % wanted, 10 % discussions, over three years
	const rows = [];
	let questions = 0;
	for (let i = 0; i < topicCount; i += 1) {
		const tid = String(i + 1);
		const created = now - Math.floor(r.next() * 3 * 365 * DAY);
		const x = r.next();
		const type = x < 0.6 ? 'question' : x < 0.8 ? 'offer' : x < 0.9 ? 'wanted' : 'discussion';
		rows.push([`lvl:qa:type:${type}`, created, tid]);
		if (type !== 'question') {
			continue;
		}
		questions += 1;
		const cid = r.pick(cids);
		const comps = new Set(Array.from({ length: r.int(1, 3) }, popular));
		const scopes = ['all', `cid:${cid}`, ...[...comps].map(k => `c:${k}`)];
		for (const s of scopes) {
			rows.push([`lvl:qa:stats:${s}:questions`, created, tid]);
		}
		if (r.next() < 0.85) {
			const first = Math.floor(60000 * Math.exp(r.next() * 9));
			for (const s of scopes) {
				rows.push([`lvl:qa:stats:${s}:firstReply`, first, tid]);
			}
			if (r.next() < 0.6) {
				const accepted = first + Math.floor(3600000 * Math.exp(r.next() * 5));
				for (const s of scopes) {
					rows.push([`lvl:qa:stats:${s}:accepted`, accepted, tid]);
				}
			}
		} else {
			rows.push(['lvl:qa:unanswered', created, tid]);
		}
		if (rows.length > 50000) {
			await bulkZ(db, rows.splice(0));
		}
	}
	await bulkZ(db, rows);
	say(`${topicCount} topics (${questions} questions) in the Q&A's sets`);
	const seedMs = performance.now() - t0;

	// the snapshot job once, as NodeBB's cron would run it
	const t1 = performance.now();
	const snap = await plugin('insight/service.js').snapshot(now);
	const snapshotMs = performance.now() - t1;
	process.stdout.write(`${JSON.stringify({ members, topics: topicCount, questions, profiles: profileHashes.length, seedMs, snapshotMs, ok: !!snap, rss: process.memoryUsage().rss })}\n`);
	await db.close();
}

/** The snapshot job, `times` times in this process, as NodeBB's cron runs it (on a seeded scale: bench/scale.js). */
async function snapshotTimes(configFile, timesArg) {
	const { db, plugin } = await loadNodebb(configFile);
	try {
		const ms = [];
		let ok = true;
		for (let i = 0; i < Number(timesArg || 3); i += 1) {
			const t0 = performance.now();
			ok = ok && !!await plugin('insight/service.js').snapshot(Date.now());
			ms.push(performance.now() - t0);
		}
		process.stdout.write(`${JSON.stringify({ ms, ok, rss: process.memoryUsage().rss })}\n`);
	} finally {
		await db.close();
	}
}

/**
 * Where the dashboard's time goes: service.dashboard() in process, with the plugin's Q&A, competence, membership and
 * insight functions and every database read timed (inclusive times). Prints markdown.
 */
async function profileDashboard(configFile, period) {
	const { db, plugin } = await loadNodebb(configFile);
	try {
		const calls = new Map();
		const wrap = (obj, label) => {
			for (const name of Object.keys(obj)) {
				const fn = obj[name];
				if (typeof fn !== 'function' || fn.__wrapped) {
					continue;
				}
				const w = function (...args) {
					const t0 = performance.now();
					const done = () => {
						const row = calls.get(`${label}.${name}`) || { ms: 0, n: 0 };
						row.ms += performance.now() - t0;
						row.n += 1;
						calls.set(`${label}.${name}`, row);
					};
					const out = fn.apply(this, args);
					if (out && typeof out.then === 'function') {
						return out.finally(done);
					}
					done();
					return out;
				};
				w.__wrapped = true;
				try {
					obj[name] = w;
				} catch {
					// a read-only export
				}
			}
		};
		wrap(db, 'db');
		for (const [mod, label] of [['qa/index.js', 'qa'], ['insight/store.js', 'insight.store'], ['insight/engagement.js', 'insight.engagement'], ['insight/promise.js', 'insight.promise'], ['competences/store.js', 'competences.store'], ['membership/store.js', 'membership.store']]) {
			try {
				wrap(plugin(mod), label);
			} catch {
				// not there in this version
			}
		}
		const service = plugin('insight/service.js');
		await service.dashboard(period || '90d', 'nl');
		calls.clear();
		const t0 = performance.now();
		await service.dashboard(period || '90d', 'nl');
		const total = performance.now() - t0;
		const promise = plugin('insight/promise.js');
		await promise.forPage();
		calls.clear();
		const tp = performance.now();
		await promise.forPage();
		const promiseMs = performance.now() - tp;
		const promiseCalls = [...calls].filter(([k]) => k.startsWith('db.') || k.startsWith('qa.') || k.startsWith('insight.promise')).sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
		calls.clear();
		const lines0 = [`The ACP page's promise figures (insight/promise.forPage(), #15), second call: ${Math.round(promiseMs)} ms, recomputed on every view:`, '', '| call | calls | ms in all |', '|---|---:|---:|', ...promiseCalls.map(([k, v]) => `| ${k} | ${v.n} | ${Math.round(v.ms)} |`), ''];
		process.stdout.write(`${lines0.join('\n')}\n`);
		const lines = [`service.dashboard('${period || '90d'}') in process, second call: ${Math.round(total)} ms. Inclusive times (a function's time holds its database calls):`, '', '| call | calls | ms in all |', '|---|---:|---:|'];
		for (const [k, v] of [...calls].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
			lines.push(`| ${k} | ${v.n} | ${Math.round(v.ms)} |`);
		}
		process.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		await db.close();
	}
}

/* ---------- in the bench ---------- */

const PERIODS = ['month', '90d', '365d', 'all'];

async function timed(h, session, url, times) {
	const ms = [];
	for (let i = 0; i < times; i += 1) {
		const t0 = performance.now();
		const res = await session.get(url);
		ms.push(performance.now() - t0);
		if (res.status !== 200) {
			throw new Error(`GET ${url}: HTTP ${res.status} ${String(res.text).slice(0, 300)}`);
		}
	}
	const sorted = ms.sort((a, b) => a - b);
	return { n: sorted.length, p50: h.percentile(sorted, 50), p95: h.percentile(sorted, 95), max: sorted[sorted.length - 1] };
}

async function benchDatabase(h, db, opts) {
	const name = `bench-${db}`;
	const { forum, log } = h;
	const out = { db, members: opts.members, topics: opts.topics };
	let f;
	if (opts.onScale) {
		// a seeded scale (bench/scale.js): real accounts, profiles and Q&A topics; NodeBB's upgrade scripts were run on it
		const scaled = require('./scale').ensureScale(h, db, opts.members, opts);
		f = scaled.f;
		out.topics = scaled.seed.topics;
		log(`insight ${db} @ ${opts.members}: the snapshot job three times in process`);
		const snap = h.runInNodebb(h.nbb, [__filename, 'snapshot', f.configFile, '3'], { stdio: 'pipe', timeout: 60 * 60 * 1000 });
		if (snap.status !== 0) {
			throw new Error(`the snapshot on ${db} failed:\n${String(snap.stderr).slice(-3000)}`);
		}
		const times = JSON.parse(String(snap.stdout).trim().split('\n').pop()).ms;
		out.snapshots = times;
		out.seed = { seedMs: scaled.seed.result.totalMs, snapshotMs: Math.min(...times) };
		log(`insight ${db} @ ${opts.members}: snapshots ${times.map(x => Math.round(x)).join(', ')} ms`);
		const prof = h.runInNodebb(h.nbb, [__filename, 'profile', f.configFile, '90d'], { stdio: 'pipe', timeout: 30 * 60 * 1000 });
		out.profile = prof.status === 0 ? String(prof.stdout).trim() : `(the profile failed: ${String(prof.stderr).slice(-500)})`;
	} else {
		log(`insight ${db}: preparing the ${name} forum afresh`);
		f = forum.prepare(h.nbb, name, { fresh: true, build: h.buildOnce(), log });
		log(`insight ${db}: seeding ${opts.members} members and ${opts.topics} topics in NodeBB's process, then one snapshot`);
		const seeded = h.runInNodebb(h.nbb, [__filename, 'seed', f.configFile, String(opts.members), String(opts.topics)], { stdio: 'pipe', timeout: 60 * 60 * 1000 });
		if (seeded.status !== 0) {
			throw new Error(`seeding on ${db} failed:\n${String(seeded.stderr).slice(-3000)}`);
		}
		out.seed = JSON.parse(String(seeded.stdout).trim().split('\n').pop());
		log(`insight ${db}: seeded in ${Math.round(out.seed.seedMs / 1000)} s; snapshot ${Math.round(out.seed.snapshotMs)} ms`);
	}
	if (new URL(f.url).hostname !== '127.0.0.1') {
		throw new Error(`the bench only talks to 127.0.0.1, not ${f.url}`);
	}
	await forum.start(h.nbb, name);
	try {
		const { pid } = h.serverPid(f);
		const admin = new h.client.Session(f.url);
		await admin.login(f.admin.username, f.admin.password);
		out.idle = h.memStatus(pid).rss;
		// warm-up, not counted
		for (const p of PERIODS) {
			await timed(h, admin, `/api/admin/plugins/lvl/insight?period=${p}`, 2);
		}
		out.ping = await timed(h, admin, '/api/v3/ping', 50);
		out.pages = {};
		for (const p of PERIODS) {
			out.pages[p] = await timed(h, admin, `/api/admin/plugins/lvl/insight?period=${p}`, opts.requests);
		}
		out.html = await timed(h, admin, '/admin/plugins/lvl/insight?period=90d', opts.requests);
		out.api = await timed(h, admin, '/api/v3/plugins/lvl/insight?period=365d', opts.requests);
		out.csv = await timed(h, admin, '/api/v3/plugins/lvl/insight/export/competences?period=all', opts.requests);
		out.pulse = await timed(h, admin, '/api/v3/plugins/lvl/insight/pulse', opts.requests);
		const t0 = performance.now();
		const recount = await admin.post('/api/v3/plugins/lvl/insight/recount', {});
		out.recountMs = performance.now() - t0;
		if (recount.status !== 200) {
			throw new Error(`recount: HTTP ${recount.status} ${recount.text}`);
		}
		out.peak = h.memStatus(pid).hwm || h.memStatus(pid).rss;
	} finally {
		forum.stop(name);
	}
	return out;
}

function fmt(ms) {
	return ms >= 100 ? String(Math.round(ms)) : ms.toFixed(1);
}

function report(results, opts, started) {
	const mb = b => `${Math.round(b / 1024 / 1024)} MB`;
	const lines = [
		'# Benchmark: the "Inzicht" dashboard at association scale', '',
		`Run ${new Date(started).toISOString()}: ${opts.onScale ? 'on the seeded scales (bench/scale.js: accounts, profiles and Q&A topics written in bulk, NodeBB\'s upgrade scripts run on them, so the plugin\'s upgrades built what they build for an existing forum); the snapshot job timed three times in process, the best and each shown' : `${opts.members.toLocaleString('en-US')} members, ${opts.topics.toLocaleString('en-US')} topics`}; ${opts.requests} requests per row, one at a time, as the admin, after a warm-up. Targets: the page opens in under a second; the snapshot ≤ 5 s on PostgreSQL at 50,000 members and 100,000 topics (#16).`, '',
		'| what | ' + results.map(r => `${r.db}, ${r.members.toLocaleString('en-US')} members, ${r.topics.toLocaleString('en-US')} topics`).join(' | ') + ' |',
		'|---|' + results.map(() => '---').join('|') + '|',
	];
	const row = (label, pick) => lines.push(`| ${label} | ${results.map(pick).join(' | ')} |`);
	row('seeding (bulk writes, not measured against a target)', r => `${Math.round(r.seed.seedMs / 1000)} s`);
	row('**snapshot job** (in process, as the hourly cron runs it)', r => `**${fmt(r.seed.snapshotMs)} ms**${r.snapshots ? ` (${r.snapshots.map(fmt).join(', ')})` : ''}`);
	for (const p of PERIODS) {
		row(`ACP page data \`/api/admin/plugins/lvl/insight?period=${p}\`: p50 / p95`, r => `${fmt(r.pages[p].p50)} / ${fmt(r.pages[p].p95)} ms`);
	}
	row('the full ACP page (HTML), 90 days: p50 / p95', r => `${fmt(r.html.p50)} / ${fmt(r.html.p95)} ms`);
	row('`GET /insight?period=365d` (API): p50 / p95', r => `${fmt(r.api.p50)} / ${fmt(r.api.p95)} ms`);
	row('CSV of the competence table, all time: p50 / p95', r => `${fmt(r.csv.p50)} / ${fmt(r.csv.p95)} ms`);
	row('the pulse (`GET /insight/pulse`): p50 / p95', r => `${fmt(r.pulse.p50)} / ${fmt(r.pulse.p95)} ms`);
	row('"Recount now" (over HTTP)', r => `${fmt(r.recountMs)} ms`);
	row('NodeBB\'s own `GET /api/v3/ping`: p50 / p95 (the machine\'s baseline)', r => `${fmt(r.ping.p50)} / ${fmt(r.ping.p95)} ms`);
	row('forum memory: idle after start / at the end', r => `${mb(r.idle)} / ${mb(r.peak)}`);
	for (const r of results.filter(x => x.profile)) {
		lines.push('', `### Where the ACP page's time goes: ${r.db}, ${r.members.toLocaleString('en-US')} members (in process)`, '', r.profile);
	}
	return lines.join('\n');
}

async function runSuite(h, opts) {
	const started = Date.now();
	const results = [];
	const missed = [];
	for (const db of h.databases) {
		for (const members of opts.onScale ? opts.scales : [opts.members]) {
			results.push(await benchDatabase(h, db, { ...opts, members }));
		}
		if (opts.onScale) {
			require('./scale').useScale(h.forum, db, null);
		}
	}
	for (const r of results.filter(x => x.db === 'postgres' && x.members >= 50000 && x.seed.snapshotMs > 5000)) {
		missed.push(`postgres @ ${r.members}: insight snapshot ${fmt(r.seed.snapshotMs)} ms (target 5 s)`);
	}
	missed.push(...results.flatMap(r => PERIODS.filter(p => r.pages[p].p95 >= 1000).map(p => `${r.db}: insight page ${p} p95 ${fmt(r.pages[p].p95)} ms (target 1000 ms)`)));
	return { markdown: report(results, opts, started), results, missed };
}

module.exports = { seed, snapshotTimes, runSuite };

if (require.main === module) {
	const [mode, ...args] = process.argv.slice(2);
	const fn = { seed, snapshot: snapshotTimes, profile: profileDashboard }[mode];
	if (!fn) {
		console.error('usage: node bench/insight.js seed <config file> <members> <topics> | snapshot <config file> <times>');
		process.exit(2);
	}
	fn(...args).then(() => process.exit(0), (err) => {
		console.error(err.stack || err);
		process.exit(1);
	});
}
