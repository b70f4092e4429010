'use strict';

// The bench's seeded forums at 10,000 / 50,000 / 100,000 members (`npm run bench -- --suite=seed`), reused by the
// directory, Q&A, overhead, similar-questions and two-process suites.
//
// Each database engine gets one database per scale, so a scale is seeded once and measured as often as needed:
// Redis databases 1, 2 and 3 of the bench's Redis server (LVL_REDIS_PORT), PostgreSQL databases
// `<LVL_BENCH_PG_DB>_10k`, `_50k` and `_100k`. A scale holds <members> members and <topics> Q&A topics (default:
// 20,000 at 10k members, 100,000 at 50k and at 100k).
//
// Two halves in one file:
//  - inside NodeBB (Node 22, cwd = NodeBB's root): `node bench/scale.js seed <config> <members> <topics>` writes, in
//    bulk, what NodeBB's user.create and groups.join write for each account (user hash, the username/slug/fullname
//    and join/online/postcount/reputation sets, registered-users and the members group with their counts; no
//    password, e-mail or notification), then each profile with the plugin's own store.writeProfile and
//    profiles.reindex (what a member's save does after its checks), then the Q&A topics (bench/qa.js's bulk seeder),
//    then each question through the plugin's similar-questions index (similar.index, as on posting). It leaves the
//    markers the directory and Q&A suites check before reusing a database (`bench:directory:seed`, `bench:qa:seed`)
//    and its own (`bench:scale:seed`), and turns NodeBB's event-loop-lag check off (`eventLoopCheckEnabled`: NodeBB
//    answers 503 under load otherwise, which measures the check, not the pages).
//  - in the bench: useScale() points the bench forum profiles at a scale's database; seedSuite() seeds what is
//    missing.

const os = require('os');
const path = require('path');
const data = require('./directory-data');
const { prng } = require('./roster-data');
const { loadNodebb } = require('./in-nodebb');

const SCALE_MARKER = 'bench:scale:seed';
const REDIS_DBS = { 10000: 1, 50000: 2, 100000: 3 };
const DEFAULT_TOPICS = { 10000: 20000, 50000: 100000, 100000: 100000 };
const CHUNK = 2000;

/** Bench settings every seeded forum gets (config hash): no 503 from the lag check, no outside calls. */
const BENCH_CONFIG = { eventLoopCheckEnabled: 0, activitypubEnabled: 0, submitPluginUsage: 0, requireEmailAddress: 0 };

/* ====================================================================================================
 * inside NodeBB
 * ==================================================================================================== */

async function pool(count, concurrency, fn, progress) {
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < count) {
			const i = next;
			next += 1;
			await fn(i);
			done += 1;
			if (progress && done % 10000 === 0) {
				progress(done);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** The members' accounts, in bulk: what user.create + groups.join(members group) write, nothing else. */
async function bulkUsers(nbb, members, membersGroup, say) {
	const { db, host } = nbb;
	const slugify = host('./src/slugify');
	const last = Number(await db.getObjectField('global', 'nextUid')) || 0;
	const now = Date.now();
	const uids = [];
	const r = prng(20261203);
	for (let start = 0; start < members.length; start += CHUNK) {
		const objects = [];
		const zsets = [];
		for (let i = start; i < Math.min(members.length, start + CHUNK); i += 1) {
			const m = members[i];
			const uid = last + 1 + i;
			uids.push(uid);
			// active members: most seen in the last three months, some long ago
			const lastonline = Math.max(m.joindate, now - Math.floor((r.next() < 0.7 ? 90 : 730) * 86400000 * r.next()));
			const userslug = slugify(m.username);
			objects.push([`user:${uid}`, {
				uid, username: m.username, userslug, fullname: m.fullname, email: '', joindate: m.joindate, lastonline,
				picture: '', 'icon:bgColor': '#1b5e20', postcount: 0, topiccount: 0, reputation: 0, profileviews: 0,
				banned: 0, status: 'online', gdpr_consent: 1, acceptTos: 1,
			}]);
			zsets.push(
				['username:uid', uid, m.username],
				['username:sorted', 0, `${m.username.toLowerCase()}:${uid}`],
				['userslug:uid', uid, userslug],
				['fullname:sorted', 0, `${m.fullname.toLowerCase()}:${uid}`],
				['users:joindate', m.joindate, String(uid)],
				['users:online', lastonline, String(uid)],
				['users:postcount', 0, String(uid)],
				['users:reputation', 0, String(uid)],
				['group:registered-users:members', m.joindate, String(uid)],
				[`group:${membersGroup}:members`, m.joindate, String(uid)],
			);
		}
		await db.setObjectBulk(objects);
		await db.sortedSetAddBulk(zsets);
		if ((start + CHUNK) % 20000 === 0) {
			say(`${start + CHUNK} accounts`);
		}
	}
	await db.setObjectField('global', 'nextUid', last + members.length);
	await db.incrObjectFieldBy('global', 'userCount', members.length);
	await db.incrObjectFieldBy('group:registered-users', 'memberCount', members.length);
	await db.incrObjectFieldBy(`group:${membersGroup}`, 'memberCount', members.length);
	return uids;
}

/**
 * Runs `fn` with NodeBB's database module buffering the writes the plugin's profile save makes (setObject,
 * sortedSetAdd, sortedSetsAdd, setAdd, sortedSetAddBulk, incrObjectFieldByBulk) and flushing them in bulk at the end;
 * reads go through. The removals of the un-index step are no-ops and a member's word set reads empty: on a freshly
 * emptied database there is nothing to remove (the seeder only runs on one). What ends up in the database is what the
 * plugin's own code wrote, in a few large round trips instead of ~20 small ones per member.
 */
async function withBufferedWrites(db, fn) {
	const objects = new Map();
	const zsets = [];
	const sets = new Map();
	const incr = new Map();
	const saved = {};
	const patch = (name, impl) => {
		saved[name] = db[name];
		db[name] = impl;
	};
	const arr = x => (Array.isArray(x) ? x : [x]);
	patch('setObject', async (key, data) => {
		objects.set(key, { ...(objects.get(key) || {}), ...data });
	});
	patch('sortedSetAdd', async (key, score, value) => {
		const scores = arr(score);
		const values = arr(value);
		values.forEach((v, i) => zsets.push([key, scores[Array.isArray(score) ? i : 0], String(v)]));
	});
	patch('sortedSetsAdd', async (keys, score, value) => {
		arr(keys).forEach((k, i) => zsets.push([k, Array.isArray(score) ? score[i] : score, String(value)]));
	});
	patch('sortedSetAddBulk', async (rows) => {
		rows.forEach(([k, sc, v]) => zsets.push([k, sc, String(v)]));
	});
	patch('setAdd', async (key, value) => {
		const set = sets.get(key) || sets.set(key, new Set()).get(key);
		arr(value).forEach(v => set.add(String(v)));
	});
	patch('incrObjectFieldByBulk', async (rows) => {
		for (const [key, fields] of rows) {
			const o = incr.get(key) || incr.set(key, {}).get(key);
			for (const [f, by] of Object.entries(fields)) {
				o[f] = (o[f] || 0) + Number(by);
			}
		}
	});
	for (const name of ['sortedSetRemove', 'setRemove', 'sortedSetRemoveBulk', 'delete', 'deleteAll']) {
		patch(name, async () => {});
	}
	patch('getSetMembers', async () => []);
	try {
		await fn();
	} finally {
		Object.assign(db, saved);
	}
	const entries = [...objects];
	for (let i = 0; i < entries.length; i += 2000) {
		await db.setObjectBulk(entries.slice(i, i + 2000));
	}
	for (let i = 0; i < zsets.length; i += 20000) {
		await db.sortedSetAddBulk(zsets.slice(i, i + 20000));
	}
	for (const [key, set] of sets) {
		const values = [...set];
		for (let i = 0; i < values.length; i += 20000) {
			await db.setAdd(key, values.slice(i, i + 20000));
		}
	}
	if (incr.size) {
		await db.incrObjectFieldByBulk([...incr]);
	}
	return { objects: objects.size, zsetEntries: zsets.length, sets: sets.size };
}

/**
 * What similar.index() writes for each question (its terms' sets, the collection, the topic's lvlSimTerms), with the
 * plugin's own pure functions, in bulk. A question's text terms depend on its title and first post only (the seeder's
 * first post is made of the title), so they are computed once per title; the competences are put in front as
 * termsOf() does (same terms, same order, same bound).
 */
async function similarIndex(nbb, questions, say) {
	const { db, plugin } = nbb;
	const t = performance.now();
	const rules = plugin('qa/similar-rules.js');
	const simStore = plugin('qa/similar-store.js');
	const lexicon = rules.buildLexicon(await plugin('competences/taxonomy.js').get());
	const memo = new Map();
	for (let start = 0; start < questions.length; start += 5000) {
		const zsets = [];
		const objects = [];
		for (const q of questions.slice(start, start + 5000)) {
			let text = memo.get(q.title);
			if (!text) {
				text = rules.termsOf(q.title, await simStore.mainPostLead(q.pid), lexicon, []);
				memo.set(q.title, text);
			}
			const terms = rules.termsOf('', '', lexicon, q.competences);
			for (const term of text) {
				if (!terms.includes(term)) {
					terms.push(term);
				}
			}
			terms.splice(rules.MAX_TERMS || 40);
			const score = rules.indexScore(q.timestamp, q.status === 'solved');
			terms.forEach(term => zsets.push([simStore.SIM_K.term(term), score, String(q.tid)]));
			zsets.push([simStore.SIM_K.docs, q.timestamp, String(q.tid)]);
			objects.push([`topic:${q.tid}`, { lvlSimTerms: JSON.stringify(terms) }]);
		}
		await db.sortedSetAddBulk(zsets);
		await db.setObjectBulk(objects);
		say(`${Math.min(questions.length, start + 5000)} questions indexed for similar questions (${Math.round((performance.now() - t) / 1000)} s)`);
	}
}

/** Finishes a seed that stopped after its topics: the similar-questions index and the scale marker. */
async function finish(configFile, membersArg, topicsArg) {
	const nbb = await loadNodebb(configFile, { seeding: true });
	const { db, plugin } = nbb;
	const say = msg => process.stderr.write(`[scale finish] ${msg}\n`);
	try {
		const store = plugin('qa/store.js');
		const tids = (await db.getSortedSetRange(store.K.type('question'), 0, -1)).map(Number);
		const questions = [];
		for (let i = 0; i < tids.length; i += 2000) {
			const rows = await db.getObjectsFields(tids.slice(i, i + 2000).map(x => `topic:${x}`), ['tid', 'mainPid', 'title', 'lvlCompetences', 'timestamp', 'lvlStatus']);
			rows.forEach(r => questions.push({ tid: Number(r.tid), pid: Number(r.mainPid), title: r.title, competences: JSON.parse(r.lvlCompetences || '[]'), timestamp: Number(r.timestamp), status: r.lvlStatus }));
		}
		const t = performance.now();
		await similarIndex(nbb, questions, say);
		const dir = JSON.parse((await db.getObject('bench:directory:seed')).result);
		const result = { members: Number(membersArg), topics: Number(topicsArg), listed: dir.listed, groupCount: dir.groupCount, phases: { users: dir.phases.users, profiles: dir.phases.profiles, topics: 0, similar: performance.now() - t }, totalMs: 0, load: os.loadavg(), finished: true };
		await db.setObject(SCALE_MARKER, { members: Number(membersArg), topics: Number(topicsArg), seededAt: Date.now(), result: JSON.stringify(result) });
		process.stdout.write(`${JSON.stringify(result)}\n`);
	} finally {
		await db.close();
	}
}

async function seed(configFile, membersArg, topicsArg, concurrencyArg) {
	const count = Number(membersArg);
	const topicCount = Number(topicsArg);
	const concurrency = Number(concurrencyArg || 16);
	const nbb = await loadNodebb(configFile, { seeding: true });
	const { db, plugin } = nbb;
	const say = msg => process.stderr.write(`[scale ${count}] ${msg}\n`);
	const t0 = performance.now();
	const phases = {};
	try {
		if (await db.exists(SCALE_MARKER)) {
			throw new Error('this database is already seeded (bench:scale:seed): prepare it fresh first');
		}
		await db.setObject('config', BENCH_CONFIG);
		await plugin('platform/service.js').ensureMembersGroup();
		await plugin('competences/taxonomy.js').seed();
		const { membersGroup } = await plugin('settings.js').get();
		const members = data.generateMembers(count);

		let t = performance.now();
		const uids = await bulkUsers(nbb, members, membersGroup, say);
		phases.users = performance.now() - t;
		say(`${count} accounts and members-group memberships in bulk in ${Math.round(phases.users / 1000)} s`);

		t = performance.now();
		const store = plugin('competences/store.js');
		const profiles = plugin('competences/profiles.js');
		// in chunks: the plugin's own writeProfile and reindex, their writes buffered and flushed in bulk; the two reads
		// the save makes per member (NodeBB's user fields and settings, for the name words) answered from what was just
		// written: the accounts above (no stored settings, so every member has NodeBB's defaults)
		const user = nbb.host('./src/user');
		const defaults = await user.getSettings(uids[0]);
		const byUid = new Map(uids.map((uid, i) => [uid, members[i]]));
		const realFields = user.getUserFields;
		const realSettings = user.getSettings;
		user.getUserFields = async (uid, fields) => {
			const m = byUid.get(Number(uid));
			return m && fields.every(f => f === 'username' || f === 'fullname') ? { username: m.username, fullname: m.fullname } : realFields(uid, fields);
		};
		user.getSettings = async uid => (byUid.has(Number(uid)) ? defaults : realSettings(uid));
		for (let start = 0; start < count; start += 5000) {
			const n = Math.min(5000, count - start);
			await withBufferedWrites(db, () => pool(n, concurrency, async (j) => {
				const i = start + j;
				const p = members[i].profile;
				await store.writeProfile(uids[i], p);
				await profiles.reindex(uids[i], store.emptyProfile(), p);
			}));
			say(`${start + n} profiles (${Math.round((performance.now() - t) / 1000)} s)`);
		}
		user.getUserFields = realFields;
		user.getSettings = realSettings;
		phases.profiles = performance.now() - t;
		say(`${count} profiles and their indexes in ${Math.round(phases.profiles / 1000)} s`);

		const listed = await db.sortedSetCard(store.K.listed);
		const groupCount = await db.sortedSetCard(`group:${membersGroup}:members`);
		const dirResult = { count, concurrency, membersGroup, listed, groupCount, phases: { users: phases.users, group: 0, profiles: phases.profiles }, firstUid: uids[0], lastUid: uids[uids.length - 1], bulk: true };
		const { seedSignature } = require(path.join(__dirname, 'directory.js'));
		await db.setObject('bench:directory:seed', { signature: seedSignature(count), seededAt: Date.now(), result: JSON.stringify(dirResult) });

		t = performance.now();
		const qaResult = await require(path.join(__dirname, 'qa.js')).seedTopics(nbb, topicCount, uids);
		await db.setObject('bench:qa:seed', { count: topicCount, seededAt: Date.now(), result: JSON.stringify(qaResult) });
		phases.topics = performance.now() - t;
		say(`${topicCount} Q&A topics in bulk in ${Math.round(phases.topics / 1000)} s`);

		t = performance.now();
		await similarIndex(nbb, qaResult.questionTids, say);
		phases.similar = performance.now() - t;
		say(`${qaResult.questionTids.length} questions in the similar-questions index in ${Math.round(phases.similar / 1000)} s`);
		delete qaResult.questionTids;

		if (db.pool && typeof db.pool.query === 'function') {
			// PostgreSQL: statistics for the planner after the bulk load (autovacuum would take its time; without them
			// the first measurements ran on sequential scans: directory p50 162 ms at 10,000 members before, see results)
			await db.pool.query('ANALYZE');
		}
		const result = { members: count, topics: topicCount, listed, groupCount, phases, totalMs: performance.now() - t0, load: os.loadavg() };
		await db.setObject(SCALE_MARKER, { members: count, topics: topicCount, seededAt: Date.now(), result: JSON.stringify(result) });
		process.stdout.write(`${JSON.stringify(result)}\n`);
	} finally {
		await db.close();
	}
}

/**
 * The plugin's upgrade scripts as of the seeding are marked as run (NodeBB's schemaLog): the seeder wrote the data in
 * the current format, so `./nodebb upgrade` must run only the scripts a later change brings (not re-index everything).
 */
async function markUpgradesDone(db) {
	const fs = require('fs');
	const names = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'plugin.json'), 'utf8')).upgrades.map(f => path.basename(f, '.js'));
	await db.sortedSetAdd('schemaLog', names.map(() => Date.now()), names);
}

/** Prints the scale marker of this database (or {}), and puts the bench settings back (a reset may clear them). */
async function status(configFile) {
	const { db } = await loadNodebb(configFile, { settings: false });
	try {
		const m = await db.getObject(SCALE_MARKER);
		if (m) {
			await db.setObject('config', BENCH_CONFIG);
			// the directory suite's reuse check: a scale is brought to the current format by NodeBB's upgrade scripts
			// (ensureScale runs them), never re-seeded by the directory suite's own (slow) seeder
			const { seedSignature } = require(path.join(__dirname, 'directory.js'));
			await db.setObjectField('bench:directory:seed', 'signature', seedSignature(Number(m.members)));
			if (!m.upgradesMarked) {
				await markUpgradesDone(db);
				await db.setObjectField(SCALE_MARKER, 'upgradesMarked', 1);
			}
		}
		process.stdout.write(`${JSON.stringify(m ? { members: Number(m.members), topics: Number(m.topics), seededAt: Number(m.seededAt), result: JSON.parse(m.result) } : {})}\n`);
	} finally {
		await db.close();
	}
}

/* ====================================================================================================
 * in the bench
 * ==================================================================================================== */

const BASE = {};
/** the scales NodeBB's upgrade scripts already ran on in this bench run */
const UPGRADED = new Set();

/** Points the bench forum profile of `db` at the database of a scale (or, with no size, back at its own). */
function useScale(forum, db, size) {
	const name = `bench-${db}`;
	const p = forum.PROFILES[name];
	if (!BASE[name]) {
		BASE[name] = { redisDb: p.redisDb, pgDatabase: p.pgDatabase };
	}
	if (!size) {
		Object.assign(p, BASE[name]);
	} else if (db === 'redis') {
		p.redisDb = REDIS_DBS[size] || 4;
	} else {
		p.pgDatabase = `${BASE[name].pgDatabase}_${Math.round(size / 1000)}k`;
	}
	return forum.profile(name);
}

function topicsFor(size, opts = {}) {
	return Number(opts.topics && opts.topics[size]) || DEFAULT_TOPICS[size] || size;
}

function inNodebb(h, args, timeout = 10 * 60 * 1000) {
	const r = h.runInNodebb(h.nbb, [__filename, ...args], { stdio: ['ignore', 'pipe', 'inherit'], timeout });
	if (r.status !== 0) {
		throw new Error(`bench/scale.js ${args[0]} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''})`);
	}
	return JSON.parse(String(r.stdout).trim().split('\n').pop());
}

/**
 * Makes sure the scale's database is seeded (seeding it when not, or when it holds another scale) and its forum
 * prepared (config, plugin active, NodeBB's upgrade scripts run: a merge may bring new plugin upgrades). Returns the
 * forum profile and the seed's figures.
 */
function ensureScale(h, db, size, opts = {}) {
	const topics = topicsFor(size, opts);
	const name = `bench-${db}`;
	useScale(h.forum, db, size);
	let f = h.forum.prepare(h.nbb, name, { fresh: false, build: false, log: h.log });
	let st = inNodebb(h, ['status', f.configFile]);
	if (opts.reseed || st.members !== size || st.topics !== topics) {
		h.log(`${db} @ ${size}: seeding ${size} members and ${topics} topics (the database held ${st.members ? `${st.members} / ${st.topics}` : 'no scale'})`);
		f = h.forum.prepare(h.nbb, name, { fresh: true, build: false, log: h.log });
		inNodebb(h, ['seed', f.configFile, String(size), String(topics), String(opts.concurrency || 16)], 3 * 60 * 60 * 1000);
		st = inNodebb(h, ['status', f.configFile]);
	} else if (opts.upgrade !== false && !UPGRADED.has(`${db}@${size}`)) {
		UPGRADED.add(`${db}@${size}`);
		const r = h.runInNodebb(h.nbb, ['nodebb', 'upgrade', '--schema', `--config=${f.configFile}`], { stdio: 'pipe', timeout: 30 * 60 * 1000 });
		if (r.status !== 0) {
			throw new Error(`./nodebb upgrade --schema failed on ${db} @ ${size}:\n${String(r.stdout).slice(-1500)}${String(r.stderr).slice(-1500)}`);
		}
		st = inNodebb(h, ['status', f.configFile]);
	}
	return { f, seed: st };
}

/** --suite=seed: every scale asked, on every database asked; prints the seeding table. */
async function seedSuite(h, opts) {
	const lines = ['| database | members | topics | accounts (bulk) | profiles + indexes | topics (bulk) | similar index | listed | seeded (UTC) |', '|---|---:|---:|---:|---:|---:|---:|---:|---|'];
	const s = ms => `${Math.round(ms / 1000)} s`;
	for (const db of h.databases) {
		for (const size of opts.sizes) {
			const { seed: st } = ensureScale(h, db, size, { ...opts, upgrade: false });
			const p = st.result.phases;
			lines.push(`| ${db} | ${size.toLocaleString('en')} | ${st.topics.toLocaleString('en')} | ${s(p.users)} | ${s(p.profiles)} | ${s(p.topics)} | ${s(p.similar)} | ${st.result.listed.toLocaleString('en')} | ${new Date(st.seededAt).toISOString().slice(0, 16).replace('T', ' ')} |`);
		}
		useScale(h.forum, db, null);
	}
	return { markdown: lines.join('\n') };
}

module.exports = { seed, status, finish, useScale, ensureScale, seedSuite, topicsFor, BENCH_CONFIG, REDIS_DBS };

if (require.main === module) {
	const [mode, ...args] = process.argv.slice(2);
	const fn = { seed, status, finish }[mode];
	if (!fn) {
		console.error('usage: node bench/scale.js seed <config> <members> <topics> [concurrency] | status <config>');
		process.exit(2);
	}
	fn(...args).then(() => process.exit(0), (err) => {
		console.error(err.stack || err);
		process.exit(1);
	});
}
