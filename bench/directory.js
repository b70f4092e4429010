'use strict';

// The "Wie weet wat?" directory at association scale (`npm run bench -- --suite=directory`; part of `npm run bench`).
//
// Two halves in one file:
//  - inside NodeBB (Node 22, cwd = NodeBB's root), the seeder: `node bench/directory.js seed <config file> <members>`
//    creates the members with NodeBB's own user.create (no password: no bcrypt), puts them in the members group
//    with groups.join, and writes their profiles and the directory's indexes with the plugin's own compiled code
//    (store.writeProfile, then profiles.reindex, exactly what a member's save does after its checks);
//    `node bench/directory.js profile <config file> <members>` runs the measured queries in process with every store,
//    database and NodeBB call timed (where a search's time goes);
//  - in the bench (scripts/bench.js), the suite: for each database and size, a fresh bench forum, the seeder, then
//    1,000 mixed searches and 50 profile saves through the API as a verified member, with the forum's memory.
// Only the bench profiles' databases (bench-redis: redis db 10; bench-postgres: postgres lvl_bench) are written to.

const os = require('os');
const path = require('path');
const data = require('./directory-data');

const { ROOT, loadNodebb } = require('./in-nodebb');
const mb = bytes => Math.round(bytes / 1024 / 1024);
const SEED_MARKER = 'bench:directory:seed';

/**
 * What a seeded database depends on: the size, the data generator's source and the index encoding
 * (store.INDEX_FORMAT, bumped whenever what the plugin writes into its indexes changes).
 */
function seedSignature(count) {
	const crypto = require('crypto');
	const fs = require('fs');
	const { INDEX_FORMAT } = require(path.join(ROOT, 'build', 'lib', 'competences', 'store.js'));
	const generator = crypto.createHash('sha1')
		.update(fs.readFileSync(path.join(__dirname, 'directory-data.js')))
		.update(fs.readFileSync(path.join(__dirname, 'roster-data.js')))
		.update(fs.readFileSync(path.join(ROOT, 'lib', 'competences', 'starter-taxonomy.json')))
		.digest('hex').slice(0, 12);
	return `${count}:${generator}:index-${INDEX_FORMAT}`;
}

/* ====================================================================================================
 * inside NodeBB
 * ==================================================================================================== */

/** Runs `fn(i)` for i in [0, count) with `concurrency` workers; calls `progress(done)` now and then. */
async function pool(count, concurrency, fn, progress) {
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < count) {
			const i = next;
			next += 1;
			await fn(i);
			done += 1;
			if (progress && done % 5000 === 0) {
				progress(done);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

async function seed(configFile, countArg, concurrencyArg) {
	const count = Number(countArg);
	const concurrency = Number(concurrencyArg || 16);
	const nbb = await loadNodebb(configFile, { seeding: true });
	const { db, host, plugin } = nbb;
	const user = host('./src/user');
	const groups = host('./src/groups');
	const say = msg => process.stderr.write(`[seed] ${msg}\n`);
	const t0 = performance.now();
	// what the plugin does on its first start: the members group and the starter taxonomy
	await plugin('platform/service.js').ensureMembersGroup();
	await plugin('competences/taxonomy.js').seed();
	const { membersGroup } = await plugin('settings.js').get();
	const store = plugin('competences/store.js');
	const profiles = plugin('competences/profiles.js');

	const members = data.generateMembers(count);
	const uids = new Array(count);
	const phases = {};
	let t = performance.now();
	await pool(count, concurrency, async (i) => {
		const m = members[i];
		uids[i] = await user.create({ username: m.username, fullname: m.fullname, timestamp: m.joindate });
	}, done => say(`${done} accounts (${Math.round((performance.now() - t) / 1000)} s)`));
	phases.users = performance.now() - t;
	say(`${count} accounts with user.create in ${Math.round(phases.users / 1000)} s`);

	t = performance.now();
	await pool(count, concurrency, i => groups.join(membersGroup, uids[i]));
	phases.group = performance.now() - t;
	say(`${count} joined "${membersGroup}" with groups.join in ${Math.round(phases.group / 1000)} s`);

	t = performance.now();
	await pool(count, concurrency, async (i) => {
		const p = members[i].profile;
		await store.writeProfile(uids[i], p);
		await profiles.reindex(uids[i], store.emptyProfile(), p);
	}, done => say(`${done} profiles (${Math.round((performance.now() - t) / 1000)} s)`));
	phases.profiles = performance.now() - t;
	say(`${count} profiles and their indexes in ${Math.round(phases.profiles / 1000)} s`);

	const listed = await db.sortedSetCard(store.K.listed);
	const groupCount = await db.sortedSetCard(`group:${membersGroup}:members`);
	const result = {
		count, concurrency, membersGroup, listed, groupCount, phases, totalMs: performance.now() - t0,
		firstUid: uids[0], lastUid: uids[count - 1],
	};
	// what --reuse checks before measuring on this database again (not a plugin key: the bench's own)
	await db.setObject(SEED_MARKER, { signature: seedSignature(count), seededAt: Date.now(), result: JSON.stringify(result) });
	process.stdout.write(`${JSON.stringify(result)}\n`);
	await db.close();
}

/**
 * --reuse: whether this bench database already holds the members this run would seed (same size, same generator,
 * same index encoding) and nothing else of note. Previous runs' searching members (accounts `zoeker-*`, each with a
 * profile in the indexes) are deleted first, with their profiles and index entries, so every run measures the
 * seeded members only. Prints JSON: { reuse: true, seed, seededAt } or { reuse: false, reason }.
 */
async function reuse(configFile, countArg) {
	const count = Number(countArg);
	const { db, host, plugin } = await loadNodebb(configFile);
	const user = host('./src/user');
	const groups = host('./src/groups');
	const say = out => process.stdout.write(`${JSON.stringify(out)}\n`);
	try {
		const marker = await db.getObject(SEED_MARKER);
		if (!marker) {
			return say({ reuse: false, reason: 'no seed marker in this database' });
		}
		if (marker.signature !== seedSignature(count)) {
			return say({ reuse: false, reason: `seeded for another size, generator or index encoding (${marker.signature} ≠ ${seedSignature(count)})` });
		}
		const seedResult = JSON.parse(marker.result);
		const profiles = plugin('competences/profiles.js');
		const searchers = (await db.getSortedSetRangeByLex('username:sorted', '[zoeker-', '[zoeker-\xff'))
			.map(v => Number(v.slice(v.lastIndexOf(':') + 1))).filter(uid => uid > 0);
		for (const uid of searchers) {
			await profiles.remove(uid);
			await user.deleteAccount(uid);
		}
		const store = plugin('competences/store.js');
		const listed = await db.sortedSetCard(store.K.listed);
		const groupCount = await db.sortedSetCard(`group:${seedResult.membersGroup}:members`);
		// other suites' own accounts (the overhead suite's member) may have joined the group: fewer would be a change
		if (listed !== seedResult.listed || groupCount < seedResult.groupCount || !await groups.exists(seedResult.membersGroup)) {
			return say({ reuse: false, reason: `the database changed since seeding: ${listed} listed (seeded ${seedResult.listed}), ${groupCount} in the members group (seeded ${seedResult.groupCount})` });
		}
		return say({ reuse: true, seed: seedResult, seededAt: Number(marker.seededAt), removedSearchers: searchers.length });
	} finally {
		await db.close();
	}
}

/**
 * Where a search's time goes: the measured queries run in process through the plugin's own directory.search on a
 * seeded bench database (no HTTP, no session), with the plugin's store calls, NodeBB's group and user calls and every
 * database call timed (inclusive: a store call's time includes its database calls). Prints markdown.
 */
async function profile(configFile, countArg, queriesArg, warmupArg) {
	const count = Number(countArg);
	const queries = Number(queriesArg || 1000);
	const { db, host, plugin } = await loadNodebb(configFile);
	const user = host('./src/user');
	const groups = host('./src/groups');
	const store = plugin('competences/store.js');
	const directory = plugin('competences/directory.js');
	const rules = plugin('competences/profile-rules.js');
	const listed = await db.sortedSetCard(store.K.listed);
	if (listed < count * 0.9) {
		throw new Error(`the database holds ${listed} listed members, not the ${count} seeded: run the directory suite first`);
	}
	const calls = new Map();
	let current = null;
	const wrap = (obj, name, label) => {
		const fn = obj[name];
		if (typeof fn !== 'function' || fn.__wrapped) {
			return;
		}
		const wrapped = function (...args) {
			const t0 = performance.now();
			const mine = current;
			const done = () => {
				if (!mine) {
					return;
				}
				const ms = performance.now() - t0;
				const row = mine.get(label) || { ms: 0, calls: 0, items: 0 };
				row.ms += ms;
				row.calls += 1;
				row.items += Math.max(0, ...args.map(a => (Array.isArray(a) ? a.length : 0)));
				mine.set(label, row);
			};
			const out = fn.apply(this, args);
			if (out && typeof out.then === 'function') {
				return out.finally(done);
			}
			done();
			return out;
		};
		wrapped.__wrapped = true;
		obj[name] = wrapped;
	};
	for (const name of ['competenceMembers', 'competenceTop', 'competenceCount', 'competenceVersion', 'competenceScore', 'wordMatches', 'inSet', 'setMembers', 'getProfiles', 'listedRange']) {
		wrap(store, name, `store.${name}`);
	}
	wrap(rules, 'rank', 'rules.rank (sort)');
	wrap(groups, 'isMembers', 'groups.isMembers');
	wrap(user, 'getUsersFields', 'user.getUsersFields');
	for (const name of Object.keys(db)) {
		if (typeof db[name] === 'function' && /^(get|is|sorted|set)/.test(name)) {
			wrap(db, name, `db.${name}`);
		}
	}
	const members = data.generateMembers(count);
	for (const q of data.queryPlan(Number(warmupArg || 20), members, 99)) {
		await directory.search(rules.readQuery(q.query), 1);
	}
	const plan = data.queryPlan(queries, members);
	const perKind = new Map();
	const rows = [];
	const total = { ms: 0 };
	if (global.gc) {
		global.gc();
	}
	const heapBefore = process.memoryUsage();
	for (const q of plan) {
		current = new Map();
		const t0 = performance.now();
		const page = await directory.search(rules.readQuery(q.query), 1);
		const ms = performance.now() - t0;
		total.ms += ms;
		rows.push({ kind: q.kind, ms, total: page.total, calls: current });
		const k = perKind.get(q.kind) || { ms: 0, n: 0, results: 0 };
		k.ms += ms;
		k.n += 1;
		k.results += page.total;
		perKind.set(q.kind, k);
		for (const [label, row] of current) {
			const all = calls.get(label) || { ms: 0, calls: 0, items: 0 };
			all.ms += row.ms;
			all.calls += row.calls;
			all.items += row.items;
			calls.set(label, all);
		}
		current = null;
	}
	const heapAfter = process.memoryUsage();
	let retained = '';
	if (global.gc) {
		global.gc();
		const m = process.memoryUsage();
		retained = `; after a full GC: heap used ${mb(m.heapUsed)} MB (${mb(heapBefore.heapUsed)} before the searches), RSS ${mb(m.rss)} MB`;
	}
	const groupCache = groups.cache && (groups.cache.size ?? groups.cache.itemCount);
	const out = [];
	out.push(`${plan.length} searches in process (directory.search, viewer uid 1, after ${warmupArg || 20} warm-up searches): ${Math.round(total.ms)} ms in all, ${(total.ms / plan.length).toFixed(1)} ms on average.`);
	out.push(`Memory of that process: RSS ${mb(heapBefore.rss)} MB before the searches, ${mb(heapAfter.rss)} MB after, heap used ${mb(heapAfter.heapUsed)} MB${retained}; NodeBB's group membership cache holds ${groupCache ?? '?'} entries.`, '');
	out.push('| kind | searches | avg ms | avg results |', '|---|---:|---:|---:|');
	for (const [kind, k] of perKind) {
		out.push(`| ${kind} | ${k.n} | ${(k.ms / k.n).toFixed(1)} | ${Math.round(k.results / k.n).toLocaleString('en-US')} |`);
	}
	out.push('', '| call (inclusive) | calls | items asked (uids, keys or fields: the longest list passed) | ms in all | ms per search | share of search time |', '|---|---:|---:|---:|---:|---:|');
	for (const [label, row] of [...calls].sort((a, b) => b[1].ms - a[1].ms)) {
		if (row.ms < total.ms * 0.002) {
			continue;
		}
		out.push(`| ${label} | ${row.calls.toLocaleString('en-US')} | ${row.items.toLocaleString('en-US')} | ${Math.round(row.ms)} | ${(row.ms / plan.length).toFixed(2)} | ${Math.round((row.ms / total.ms) * 100)} % |`);
	}
	// the slowest searches, call by call
	out.push('', 'The 5 slowest, call by call:', '');
	for (const r of [...rows].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
		const parts = [...r.calls].filter(([label]) => !label.startsWith('db.')).sort((a, b) => b[1].ms - a[1].ms)
			.map(([label, row]) => `${label} ${Math.round(row.ms)} ms${row.items ? ` (${row.items.toLocaleString('en-US')} items)` : ''}`);
		out.push(`- ${r.kind}, ${r.total.toLocaleString('en-US')} results: ${Math.round(r.ms)} ms — ${parts.join(', ')}`);
	}
	process.stdout.write(`${out.join('\n')}\n`);
	await db.close();
}

/* ====================================================================================================
 * the suite (in the bench's own process; it only talks to 127.0.0.1)
 * ==================================================================================================== */

const PASSWORD = 'Bench-lid-2026';
/** #16: p95 ≤ 25 ms at 50,000 members and ≤ 40 ms at 100,000 (none below 50,000). */
const targetFor = size => (size >= 100000 ? 40 : size >= 50000 ? 25 : Infinity);
const KINDS = ['competence', 'competence+filters', 'text', 'competences', 'competence+text'];
const BUCKETS = [[0, 99, '< 100'], [100, 999, '100–999'], [1000, 4999, '1,000–4,999'], [5000, Infinity, '≥ 5,000']];

function queryString(query) {
	return new URLSearchParams(query).toString();
}

function stats(h, values) {
	const sorted = [...values].sort((a, b) => a - b);
	return { n: sorted.length, p50: h.percentile(sorted, 50), p95: h.percentile(sorted, 95), max: sorted[sorted.length - 1] };
}

/** One database at one size: a fresh bench forum, seeded in process, then searches and saves over HTTP. */
async function benchSize(h, db, size, opts) {
	const name = `bench-${db}`;
	const { forum, log } = h;
	const out = { db, size, phases: {} };
	let t = performance.now();
	let f = null;
	if (opts.reuse) {
		// the same members seeded by an earlier run (same size, generator and index encoding) are measured again
		f = forum.prepare(h.nbb, name, { fresh: false, build: h.buildOnce(), log });
		const check = h.runInNodebb(h.nbb, [__filename, 'reuse', f.configFile, String(size)], { stdio: 'pipe', timeout: 10 * 60 * 1000 });
		const verdict = check.status === 0 ? JSON.parse(String(check.stdout).trim().split('\n').pop()) : { reuse: false, reason: String(check.stderr).slice(-500) };
		if (verdict.reuse) {
			out.seed = verdict.seed;
			out.reused = verdict.seededAt;
			log(`${db} @ ${size}: reusing the database seeded on ${new Date(verdict.seededAt).toISOString()} (${verdict.removedSearchers} earlier searching member(s) deleted)`);
		} else if (opts.onScale) {
			// a seeded scale is never emptied and re-seeded by this suite's own (slow) seeder
			throw new Error(`${db} @ ${size}: the seeded scale fails the reuse check: ${verdict.reason}`);
		} else {
			log(`${db} @ ${size}: cannot reuse the ${name} database: ${verdict.reason}; seeding afresh`);
		}
	}
	if (!out.seed) {
		log(`${db} @ ${size}: preparing the ${name} forum afresh (its database emptied)`);
		f = forum.prepare(h.nbb, name, { fresh: true, build: !f && h.buildOnce(), log });
	}
	if (new URL(f.url).hostname !== '127.0.0.1') {
		throw new Error(`the bench only talks to 127.0.0.1, not ${f.url}`);
	}
	out.phases.prepare = performance.now() - t;

	t = performance.now();
	if (!out.seed) {
		log(`${db} @ ${size}: seeding ${size} members in NodeBB's process (user.create, groups.join, the plugin's writeProfile + reindex; ${opts.concurrency} at a time)`);
		const seeded = h.runInNodebb(h.nbb, [__filename, 'seed', f.configFile, String(size), String(opts.concurrency)], { stdio: 'pipe', timeout: 60 * 60 * 1000 });
		if (seeded.status !== 0) {
			throw new Error(`seeding ${size} members on ${db} failed (exit ${seeded.status}${seeded.signal ? `, ${seeded.signal}` : ''}):\n${String(seeded.stderr).slice(-3000)}`);
		}
		out.seed = JSON.parse(String(seeded.stdout).trim().split('\n').pop());
		out.phases.seed = performance.now() - t;
		log(`${db} @ ${size}: seeded in ${Math.round(out.phases.seed / 1000)} s: accounts ${Math.round(out.seed.phases.users / 1000)} s, group ${Math.round(out.seed.phases.group / 1000)} s, profiles + indexes ${Math.round(out.seed.phases.profiles / 1000)} s; ${out.seed.listed} listed, ${out.seed.groupCount} in "${out.seed.membersGroup}"`);
	}
	if (out.seed.groupCount !== size) {
		throw new Error(`${size} members seeded but ${out.seed.groupCount} in the members group`);
	}

	t = performance.now();
	await forum.start(h.nbb, name);
	out.phases.start = performance.now() - t;
	try {
		const { pid } = h.serverPid(f);
		log(`${db} @ ${size}: forum up at ${f.url}; server process ${pid}`);
		const admin = new h.client.Session(f.url);
		await admin.login(f.admin.username, f.admin.password);
		for (const [setting, value] of [['activitypubEnabled', '0'], ['submitPluginUsage', '0'], ['requireEmailAddress', '0']]) {
			await admin.put(`/api/v3/admin/settings/${setting}`, { value });
		}
		out.idle = h.memStatus(pid).rss;
		out.load = os.loadavg();

		// the searching member: an account made through the API, verified by joining the members group
		const username = `zoeker-${Date.now().toString(36)}`;
		const uid = h.expectOk(await admin.post('/api/v3/users', { username, password: PASSWORD }), `creating ${username}`).uid;
		const member = new h.client.Session(f.url);
		await member.login(username, PASSWORD);
		const probe = `/api/v3/plugins/lvl/directory?${queryString({ c: data.popularity().keys[0] })}`;
		const before = await member.get(probe);
		if (before.status !== 403) {
			throw new Error(`an unverified account should get 403 from the directory, got HTTP ${before.status}`);
		}
		const slug = String(out.seed.membersGroup).toLowerCase().replace(/\s+/g, '-');
		h.expectOk(await admin.put(`/api/v3/groups/${encodeURIComponent(slug)}/membership/${uid}`, {}), `adding ${username} to ${out.seed.membersGroup}`);
		const after = h.expectOk(await member.get(probe), 'the first search as a verified member');
		log(`${db} @ ${size}: ${username} (uid ${uid}) verified; the most common competence has ${after.total} members`);

		// warm-up (not counted): the running forum's JIT and caches, as after any start
		const members = data.generateMembers(size);
		for (const q of data.queryPlan(opts.warmup, members, 99)) {
			h.expectOk(await member.get(`/api/v3/plugins/lvl/directory?${queryString(q.query)}`), 'warm-up search');
		}
		// NodeBB's own cost of a logged-in API read, for comparison
		const ping = [];
		for (let i = 0; i < 100; i += 1) {
			const t0 = performance.now();
			const res = await member.get('/api/v3/ping');
			ping.push(performance.now() - t0);
			if (res.status !== 200) {
				throw new Error(`GET /api/v3/ping: HTTP ${res.status}`);
			}
		}
		out.ping = stats(h, ping);
		// NodeBB's own user search on the same forum, the same member (names from the query plan's text searches)
		const names = data.queryPlan(300, data.generateMembers(Math.min(size, 2000)), 98).filter(q => q.kind === 'text').map(q => q.query.q.split(' ')[0]);
		const users = [];
		for (const name of names.slice(0, 100)) {
			const t0 = performance.now();
			const res = await member.get(`/api/users?query=${encodeURIComponent(name)}`);
			users.push(performance.now() - t0);
			if (res.status !== 200) {
				throw new Error(`GET /api/users?query=: HTTP ${res.status}`);
			}
		}
		out.users = stats(h, users);

		const plan = data.queryPlan(opts.queries, members);
		const runs = [];
		log(`${db} @ ${size}: ${plan.length} searches, one at a time`);
		const searchRun = await h.measure(pid, async () => {
			for (const q of plan) {
				const path = `/api/v3/plugins/lvl/directory?${queryString(q.query)}`;
				const t0 = performance.now();
				const res = await member.get(path);
				const ms = performance.now() - t0;
				const body = h.expectOk(res, `GET ${path}`);
				runs.push({ kind: q.kind, ms, total: body.total, shown: body.results.length, query: q.query });
			}
		});
		out.loadAfter = os.loadavg();
		out.searchPeak = searchRun.peak;
		out.searchBefore = searchRun.before;
		out.searchWall = searchRun.ms;
		out.runs = runs;
		out.empty = runs.filter(r => r.total === 0).length;

		// profile saves: the member's own, each from the revision the previous one returned
		let view = h.expectOk(await member.get(`/api/v3/plugins/lvl/profiles/${uid}`), 'reading the own profile');
		const saves = [];
		log(`${db} @ ${size}: ${opts.saves} profile saves`);
		const saveRun = await h.measure(pid, async () => {
			for (let i = 0; i < opts.saves; i += 1) {
				const body = data.profileSave(i, view.revision);
				const t0 = performance.now();
				const res = await member.put(`/api/v3/plugins/lvl/profiles/${uid}`, body);
				saves.push(performance.now() - t0);
				view = h.expectOk(res, `profile save ${i + 1}`);
				if (view.competences.length !== body.competences.length) {
					throw new Error(`profile save ${i + 1}: ${view.competences.length} competences saved of ${body.competences.length}`);
				}
			}
		});
		out.saves = stats(h, saves);
		out.savePeak = saveRun.peak;
		// the saved member is found by their competences
		const found = h.expectOk(await member.get(`/api/v3/plugins/lvl/directory?${queryString({ q: username })}`), 'finding the bench member');
		out.selfHidden = found.results.every(r => r.uid !== uid);
		out.after = h.memStatus(pid);
		const all = stats(h, runs.map(r => r.ms));
		log(`${db} @ ${size}: searches p50 ${all.p50.toFixed(1)} ms, p95 ${all.p95.toFixed(1)} ms, max ${all.max.toFixed(1)} ms; saves p50 ${out.saves.p50.toFixed(1)} ms, p95 ${out.saves.p95.toFixed(1)} ms; peak RSS ${mb(out.searchPeak)} MB`);
		return out;
	} finally {
		forum.stop(f);
	}
}

function fmt(ms) {
	return ms >= 100 ? String(Math.round(ms)) : ms.toFixed(1);
}

function n(x) {
	return Math.round(x).toLocaleString('en-US');
}

/** The markdown section of bench/results.md. */
function report(h, results, opts, started) {
	const lines = [];
	const seconds = ms => `${Math.round(ms / 1000)} s`;
	lines.push('# Benchmark: the "Wie weet wat?" directory at association scale', '');
	lines.push(`Run by \`npm run bench\` (the directory suite; alone: \`npm run bench -- --suite=directory\`) on ${new Date(started).toISOString().replace('T', ' ').slice(0, 16)} UTC; the suite took ${seconds(Date.now() - started)}, seeding and the in-process profiles included. Same machine as above.`, '');
	lines.push('Each database at each size is a bench forum of its own, seeded inside NodeBB\'s own process (with `--reuse`, the database');
	lines.push('an earlier run seeded with the same size, data generator and index encoding is measured again, its earlier searching');
	lines.push('members deleted first; the seeding table says when it was seeded), its database emptied first:');
	lines.push('accounts with NodeBB\'s `user.create` (no password, so no bcrypt), the members group with `groups.join`, and each');
	lines.push('profile with the plugin\'s own `store.writeProfile` and `profiles.reindex` (what a member\'s save does after its checks),');
	lines.push(`${opts.concurrency} members at a time (on PostgreSQL the seeder's own connections skip the WAL flush at commit: \`synchronous_commit=off\`;`);
	lines.push('the forum that is measured runs with the server\'s settings). Members have 6–10 competences (8 on average) drawn with a');
	lines.push('skew over the 115 of the starter taxonomy; 97 % are listed in the directory. Then the forum is started (`node app.js`,');
	lines.push('NODE_ENV=production) and one member, made through the admin API and verified by joining the members group, runs');
	lines.push(`${opts.warmup} warm-up searches (not counted), ${opts.queries} measured searches one at a time over keep-alive HTTP to 127.0.0.1`);
	lines.push('(a third each: a competence alone; a competence with 1–2 filters among level, role, language, region, availability;');
	lines.push('free text of 1–2 words from names and professions; the asked competence follows the members\' own spread, so the');
	lines.push(`common ones, with their large results, are asked often), then ${opts.saves} saves of their own profile (PUT, ~8 competences each).`);
	lines.push('Peak RSS: VmHWM of the process serving the port, reset before the step. Targets (#16): p95 ≤ 25 ms at 50,000 members and ≤ 40 ms at 100,000, on both databases.', '');

	lines.push('## 1. Seeding', '');
	const day = ms => new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
	lines.push('| database | members | accounts (user.create) | members group (groups.join) | profiles + indexes | listed | forum start | measured (UTC) |');
	lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
	for (const r of results) {
		const when = `${r.measuredAt ? day(r.measuredAt) : ''}${r.reused ? ` (database seeded ${day(r.reused)}, reused)` : ''}`;
		lines.push(`| ${r.db} | ${n(r.size)} | ${seconds(r.seed.phases.users)} | ${seconds(r.seed.phases.group)} | ${seconds(r.seed.phases.profiles)} | ${n(r.seed.listed)} | ${seconds(r.phases.start)} | ${when} |`);
	}
	const biggest = results.reduce((a, b) => (b.size > a.size ? b : a), results[0]);
	if (biggest) {
		const held = [...data.holders(data.generateMembers(biggest.size)).values()].sort((a, b) => b - a);
		lines.push('', `At ${n(biggest.size)} members, the most common competence is held by ${n(held[0])} listed members, the next ones by ${held.slice(1, 5).map(n).join(', ')}; the median one by ${n(held[Math.floor(held.length / 2)])}, the rarest by ${n(held[held.length - 1])}.`);
	}

	lines.push('', `## 2. Searches (GET /api/v3/plugins/lvl/directory, ${opts.queries} per run) and profile saves (PUT /api/v3/plugins/lvl/profiles/:uid, ${opts.saves} per run)`, '');
	lines.push('| database | members | step | n | p50 ms | p95 ms | max ms | avg results (total) | peak RSS MB | notes |');
	lines.push('|---|---:|---|---:|---:|---:|---:|---:|---:|---|');
	for (const r of results) {
		const pre = `| ${r.db} | ${n(r.size)} |`;
		lines.push(`${pre} idle after start |  |  |  |  |  | ${mb(r.idle)} | RSS before the first request; load average ${r.load.map(x => x.toFixed(2)).join(' / ')}${r.queries ? `; ${r.queries} searches` : ''} |`);
		lines.push(`${pre} baseline GET /api/v3/ping (NodeBB alone) | ${r.ping.n} | ${fmt(r.ping.p50)} | ${fmt(r.ping.p95)} | ${fmt(r.ping.max)} |  |  | same session |`);
		if (r.users) {
			lines.push(`${pre} reference: NodeBB's user search GET /api/users?query= | ${r.users.n} | ${fmt(r.users.p50)} | ${fmt(r.users.p95)} | ${fmt(r.users.max)} |  |  | same session; names and first names |`);
		}
		for (const kind of KINDS) {
			const mine = r.runs.filter(x => x.kind === kind);
			const s = stats(h, mine.map(x => x.ms));
			const avg = mine.reduce((sum, x) => sum + x.total, 0) / mine.length;
			lines.push(`${pre} search: ${kind} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} | ${n(avg)} | ${mb(r.searchPeak)} |  |`);
		}
		const s = stats(h, r.runs.map(x => x.ms));
		const avg = r.runs.reduce((sum, x) => sum + x.total, 0) / r.runs.length;
		const verdict = r.size >= 50000 ? (s.p95 <= targetFor(r.size) ? '; **target met**' : `; **TARGET MISSED** (p95 ≤ ${targetFor(r.size)} ms)`) : '';
		lines.push(`${pre} **search: all** | ${s.n} | **${fmt(s.p50)}** | **${fmt(s.p95)}** | ${fmt(s.max)} | ${n(avg)} | ${mb(r.searchPeak)} | RSS before ${mb(r.searchBefore)} MB; ${r.empty} with no result; load average after ${r.loadAfter.map(x => x.toFixed(2)).join(' / ')}${r.users ? `; p50 / p95 ${(s.p50 / r.users.p50).toFixed(2)}× / ${(s.p95 / r.users.p95).toFixed(2)}× NodeBB's user search` : ''}${verdict} |`);
		lines.push(`${pre} profile save | ${r.saves.n} | ${fmt(r.saves.p50)} | ${fmt(r.saves.p95)} | ${fmt(r.saves.max)} |  | ${mb(r.savePeak)} | RSS after ${mb(r.after.rss)} MB${r.selfHidden ? '' : '; the member found themselves'} |`);
	}

	lines.push('', '## 3. Cost against the size of the result', '');
	lines.push('The same searches grouped by how many members matched (`total` in the answer), at both sizes: where the cost follows');
	lines.push('the result, a bucket costs the same at 10,000 and at 50,000 members; where it follows the number of members, it grows.', '');
	lines.push('| database | members | results | searches | p50 ms | p95 ms | max ms | avg results |');
	lines.push('|---|---:|---|---:|---:|---:|---:|---:|');
	for (const r of results) {
		for (const [lo, hi, label] of BUCKETS) {
			const mine = r.runs.filter(x => x.total >= lo && x.total <= hi);
			if (!mine.length) {
				continue;
			}
			const s = stats(h, mine.map(x => x.ms));
			lines.push(`| ${r.db} | ${n(r.size)} | ${label} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} | ${n(mine.reduce((sum, x) => sum + x.total, 0) / mine.length)} |`);
		}
	}
	lines.push('', '### The slowest searches of each run', '');
	lines.push('| database | members | ms | kind | query | results |');
	lines.push('|---|---:|---:|---|---|---:|');
	for (const r of results) {
		for (const x of [...r.runs].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
			lines.push(`| ${r.db} | ${n(r.size)} | ${fmt(x.ms)} | ${x.kind} | \`${queryString(x.query)}\` | ${n(x.total)} |`);
		}
	}
	const profiled = results.filter(r => r.profile);
	if (profiled.length) {
		lines.push('', '## 4. Where a search\'s time goes (in process)', '');
		lines.push('After each database\'s largest run, with the forum stopped and its database as the run left it, the same warm-up and');
		lines.push('measured searches go through the plugin\'s own `directory.search` inside a NodeBB process (no HTTP, no session), with the');
		lines.push('plugin\'s store calls, NodeBB\'s `groups.isMembers` and `user.getUsersFields` and every database read timed. Times are');
		lines.push('inclusive: a store call\'s time contains its database calls, so the shares add up to more than 100 %.');
		for (const r of profiled) {
			lines.push('', `### ${r.db}, ${n(r.size)} members`, '', r.profile);
		}
	}
	return `${lines.join('\n')}\n`;
}

/**
 * Runs of earlier invocations, kept (git-ignored) so that a run of one database or size rewrites only its own rows
 * of bench/results.md: `--only=postgres` after `--only=redis` keeps the Redis rows of the earlier run.
 */
const RUNS_FILE = path.join(ROOT, '.cache', 'bench', 'directory-runs.json');

function mergeEarlier(results) {
	const fs = require('fs');
	let earlier = [];
	try {
		earlier = JSON.parse(fs.readFileSync(RUNS_FILE, 'utf8'));
	} catch {
		// none yet
	}
	const key = r => `${r.db}@${r.size}`;
	const now = new Set(results.map(key));
	const merged = [...earlier.filter(r => !now.has(key(r))), ...results]
		.sort((a, b) => (a.db === b.db ? a.size - b.size : a.db === 'redis' ? -1 : 1));
	fs.mkdirSync(path.dirname(RUNS_FILE), { recursive: true });
	fs.writeFileSync(RUNS_FILE, JSON.stringify(merged));
	return merged;
}

/** The directory suite: for each database, each size; returns the markdown section and the runs. */
async function runSuite(h, opts) {
	const started = Date.now();
	const results = [];
	const largest = Math.max(...opts.sizes);
	for (const db of h.databases) {
		for (const size of opts.sizes) {
			// each size on its seeded scale's own database (bench/scale.js), seeded there when missing
			require('./scale').ensureScale(h, db, size, opts);
			const r = await benchSize(h, db, size, { ...opts, reuse: true, onScale: true });
			results.push(r);
			if (size === largest && opts.profile !== false) {
				// the forum is stopped, its database still seeded: the same searches in process, every call timed
				h.log(`${db} @ ${size}: the same searches in process, every call timed`);
				const p = h.runInNodebb(h.nbb, ['--expose-gc', __filename, 'profile', h.forum.profile(`bench-${db}`).configFile, String(size), String(opts.queries), String(opts.warmup)], { stdio: 'pipe', timeout: 30 * 60 * 1000 });
				r.profile = p.status === 0 ? String(p.stdout).trim() : `(the profile failed: ${String(p.stderr).slice(-1500)})`;
			}
		}
	}
	for (const db of h.databases) {
		require('./scale').useScale(h.forum, db, null);
	}
	const missed = results.filter(r => stats(h, r.runs.map(x => x.ms)).p95 > targetFor(r.size))
		.map(r => `${r.db} @ ${n(r.size)}: search p95 ${fmt(stats(h, r.runs.map(x => x.ms)).p95)} ms (target ${targetFor(r.size)} ms)`);
	for (const r of results) {
		r.measuredAt = Date.now();
		r.queries = opts.queries;
	}
	return { markdown: report(h, mergeEarlier(results), opts, started), results, missed };
}

module.exports = { seed, profile, reuse, runSuite, report, seedSignature };

if (require.main === module) {
	const [mode, ...args] = process.argv.slice(2);
	const run = { seed, profile, reuse }[mode];
	if (!run) {
		console.error('usage: node bench/directory.js seed|profile|reuse <config file> <members>');
		process.exit(2);
	}
	run(...args).then(() => process.exit(0), (err) => {
		console.error(err.stack || err);
		process.exit(1);
	});
}
