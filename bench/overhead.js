'use strict';

// What the plugin costs NodeBB's own pages (`npm run bench -- --suite=overhead`).
//
// On the bench forum the Q&A suite seeded (the directory's members with their profiles, the Q&A topics in two
// platform categories; seeded first when missing), a logged-in verified member who accepted the charter in force, and
// Debian's `wrk` (installed by scripts/install-wrk.sh when missing) against NodeBB's own pages: `/`, `/recent`,
// `/category/<cid>`, `/topic/<tid>`, `/api/category/<cid>`, `/api/topic/<tid>`. The same forum and database with
// the plugin active, with it deactivated, and (when installed in the NodeBB copy, never in this repository) with
// `nodebb-plugin-question-and-answer` active instead; the states alternate (A B C, C B A, ...) over several rounds,
// the forum restarted at each, and the figure per page is the median requests per second over the rounds, reported as
// a ratio to "no plugin" measured in the same run. The machine is shared: the ratio is the result, not the rps.
//
// Two halves in one file:
//  - inside NodeBB (cwd = NodeBB's root): `node bench/overhead.js prepare <config> <username> <password>` makes the
//    member (members group, charter accepted), adds replies to the topic measured, prints {cid, tid, seeded};
//    `node bench/overhead.js plugins <config> <on,...> <off,...>` activates and deactivates plugins (the database's
//    list, as `./nodebb activate` / `./nodebb reset -p` do; the forum is restarted after).
//  - in the bench (scripts/bench.js): runSuite.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { loadNodebb } = require('./in-nodebb');

const PLUGIN = 'nodebb-plugin-leden-voor-leden';
const QNA = 'nodebb-plugin-question-and-answer';
const REPLIES = 20;

/* ---------- inside NodeBB ---------- */

async function prepare(configFile, username, password) {
	const { db, host, plugin } = await loadNodebb(configFile);
	try {
		const seeded = Boolean(await db.exists('bench:qa:seed'));
		if (!seeded) {
			process.stdout.write(`${JSON.stringify({ seeded })}\n`);
			return;
		}
		const user = host('./src/user');
		const groups = host('./src/groups');
		const topics = host('./src/topics');
		const meta = host('./src/meta');
		const settings = await plugin('settings.js').get();
		let uid = await user.getUidByUsername(username);
		if (!uid) {
			uid = await user.create({ username, password });
		}
		await groups.join(settings.membersGroup, uid);
		const charter = plugin('engagement/charter.js');
		const current = await charter.current();
		if (current) {
			await charter.accept(uid, current.version);
		}
		// the platform category with the most topics, and its newest topic, with replies
		const cids = settings.platformCids.map(Number);
		const counts = await Promise.all(cids.map(cid => db.sortedSetCard(`cid:${cid}:tids`)));
		const cid = cids[counts.indexOf(Math.max(...counts))];
		const [tid] = (await db.getSortedSetRevRange(`cid:${cid}:tids`, 0, 0)).map(Number);
		const have = Number(await db.getObjectField(`topic:${tid}`, 'postcount')) || 0;
		meta.config.postDelay = 0;
		meta.config.newbiePostDelay = 0;
		meta.config.initialPostDelay = 0;
		for (let i = have; i < REPLIES + 1; i += 1) {
			await topics.reply({ tid, uid, content: `Antwoord ${i}: dat hangt af van de opzegtermijn, de motivering en wat de cao zegt over anciënniteit.` });
		}
		// the pages' own addresses (with the slug: /category/5 answers a 308 to /category/5/<slug>)
		const [cslug, tslug] = await Promise.all([db.getObjectField(`category:${cid}`, 'slug'), db.getObjectField(`topic:${tid}`, 'slug')]);
		process.stdout.write(`${JSON.stringify({ seeded, uid, cid, tid, cslug, tslug, topics: Math.max(...counts) })}\n`);
	} finally {
		await db.close();
	}
}

async function plugins(configFile, on, off) {
	const { db } = await loadNodebb(configFile, { settings: false });
	try {
		const add = on.split(',').filter(Boolean);
		const remove = off.split(',').filter(Boolean);
		if (remove.length) {
			await db.sortedSetRemove('plugins:active', remove);
		}
		for (const id of add) {
			const n = await db.sortedSetCard('plugins:active');
			await db.sortedSetAdd('plugins:active', n, id);
		}
		process.stdout.write(`${JSON.stringify(await db.getSortedSetRange('plugins:active', 0, -1))}\n`);
	} finally {
		await db.close();
	}
}

/* ---------- in the bench ---------- */

function ensureWrk() {
	const has = () => spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).status === 0;
	if (!has()) {
		spawnSync('bash', [path.join(__dirname, '..', 'scripts', 'install-wrk.sh')], { stdio: 'inherit' });
	}
	if (!has()) {
		throw new Error('wrk is not installed and could not be installed (apt-get install wrk)');
	}
}

function wrk(url, cookie, seconds, connections) {
	const r = spawnSync('wrk', ['-t', '1', '-c', String(connections), '-d', `${seconds}s`, '--timeout', '20s', '-H', `Cookie: ${cookie}`, url], { encoding: 'utf8', timeout: (seconds + 30) * 1000 });
	const out = String(r.stdout || '');
	const rps = Number((out.match(/Requests\/sec:\s+([\d.]+)/) || [])[1] || 0);
	const bad = Number((out.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [])[1] || 0);
	const errors = (out.match(/Socket errors:[^\n]*/) || [''])[0];
	return { rps, bad, errors };
}

/** A GET that tries again when the keep-alive connection it reused was closed by the server meanwhile. */
async function getAgain(s, page) {
	for (let i = 0; ; i += 1) {
		try {
			return await s.get(page);
		} catch (err) {
			if (i >= 3) {
				throw err;
			}
			await new Promise(r => setTimeout(r, 500));
		}
	}
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

function inNodebb(h, args) {
	const r = h.runInNodebb(h.nbb, [__filename, ...args], { stdio: 'pipe', timeout: 10 * 60 * 1000 });
	if (r.status !== 0) {
		throw new Error(`bench/overhead.js ${args[0]} failed:\n${String(r.stderr).slice(-2000)}`);
	}
	return JSON.parse(String(r.stdout).trim().split('\n').pop());
}

async function runSuite(h, opts) {
	ensureWrk();
	const started = Date.now();
	const qnaInstalled = fs.existsSync(path.join(h.nbb, 'node_modules', QNA, 'package.json'));
	const qnaVersion = qnaInstalled ? JSON.parse(fs.readFileSync(path.join(h.nbb, 'node_modules', QNA, 'package.json'), 'utf8')).version : '';
	const states = [
		{ name: 'none', label: 'no plugin', on: [], off: [PLUGIN, QNA] },
		{ name: 'lvl', label: 'Leden voor Leden', on: [PLUGIN], off: [QNA] },
		...(qnaInstalled ? [{ name: 'qna', label: `${QNA} ${qnaVersion}`, on: [QNA], off: [PLUGIN] }] : []),
	];
	const username = 'bench-overhead-lid';
	const password = 'Bench-lid-2026!';
	const sections = [];
	const missed = [];
	for (const db of h.databases) {
		const name = `bench-${db}`;
		// the 50,000-member scale (bench/scale.js: 100,000 topics in the platform categories), seeded when missing
		const { f } = require('./scale').ensureScale(h, db, opts.scale || 50000, opts);
		const seed = inNodebb(h, ['prepare', f.configFile, username, password]);
		const pages = ['/', '/recent', `/category/${seed.cslug}`, `/topic/${seed.tslug}`, `/api/category/${seed.cslug}`, `/api/topic/${seed.tslug}`];
		const rps = Object.fromEntries(states.map(s => [s.name, Object.fromEntries(pages.map(p => [p, []]))]));
		const loads = [os.loadavg()];
		const problems = [];
		for (let round = 0; round < opts.rounds; round += 1) {
			const order = round % 2 ? [...states].reverse() : states;
			for (const state of order) {
				inNodebb(h, ['plugins', f.configFile, state.on.join(','), state.off.join(',')]);
				h.forum.stop(name);
				await h.forum.start(h.nbb, name);
				try {
					const s = new h.client.Session(f.url);
					await getAgain(s, '/api/config');
					await s.login(username, password);
					const cookie = [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
					for (const page of pages) {
						const check = await getAgain(s, page);
						if (check.status !== 200) {
							problems.push(`${state.label}: ${page} answered ${check.status}`);
						}
						wrk(f.url + page, cookie, 1, opts.connections);
						const m = wrk(f.url + page, cookie, opts.seconds, opts.connections);
						if (m.bad || m.errors) {
							problems.push(`${state.label}: ${page}: ${m.bad} non-2xx/3xx ${m.errors}`);
						}
						rps[state.name][page].push(m.rps);
						h.log(`${db}: round ${round + 1}, ${state.label}: ${page} ${m.rps.toFixed(1)} req/s`);
					}
				} finally {
					h.forum.stop(name);
				}
			}
			loads.push(os.loadavg());
		}
		// the forum is left with the plugin active, as prepared
		inNodebb(h, ['plugins', f.configFile, PLUGIN, QNA]);
		require('./scale').useScale(h.forum, db, null);
		const lines = [
			`### ${db}`,
			'',
			`${seed.topics.toLocaleString('en')} topics in the category measured (topic ${seed.tid} with ${REPLIES} replies); ${opts.rounds} rounds, ${opts.seconds} s of \`wrk -t1 -c${opts.connections}\` per page and state after 1 s of warm-up; load average at the start of each round and at the end: ${loads.map(l => l.map(x => x.toFixed(2)).join(' / ')).join('; ')}.`,
			'',
			`| page | ${states.map(s => `${s.label} req/s (median; each round)`).join(' | ')} | Leden voor Leden / no plugin: median of the rounds’ ratios (each round) |${qnaInstalled ? ' Q&A plugin / no plugin (each round) |' : ''}`,
			`|---|${states.map(() => '---:').join('|')}|---:|${qnaInstalled ? '---:|' : ''}`,
		];
		for (const page of pages) {
			const med = Object.fromEntries(states.map(s => [s.name, median(rps[s.name][page])]));
			// the ratio of each round's pair (plugin / none measured in the same round, next to each other), then their median
			const pairs = rps.lvl[page].map((x, i) => x / rps.none[page][i]);
			const ratio = median(pairs);
			const qnaPairs = qnaInstalled ? rps.qna[page].map((x, i) => x / rps.none[page][i]) : [];
			if (ratio < 0.97) {
				missed.push(`${db}: ${page} with the plugin at ${(ratio * 100).toFixed(1)} % of NodeBB alone (target ≥ 97 %)`);
			}
			const cells = states.map(s => `${med[s.name].toFixed(1)} (${rps[s.name][page].map(x => x.toFixed(0)).join(', ')})`);
			const pct = xs => xs.map(x => `${(x * 100).toFixed(0)}`).join(', ');
			lines.push(`| \`${page.replace(/\/\d+\/[^/]+$/, '/N/…')}\` | ${cells.join(' | ')} | **${(ratio * 100).toFixed(1)} %** (${pct(pairs)}) |${qnaInstalled ? ` ${(median(qnaPairs) * 100).toFixed(1)} % (${pct(qnaPairs)}) |` : ''}`);
		}
		if (problems.length) {
			lines.push('', `Answers other than 200: ${problems.slice(0, 10).join('; ')}`);
		}
		sections.push(lines.join('\n'));
	}
	const md = [
		'# Benchmark: what the plugin costs NodeBB\'s own pages',
		'',
		`Run ${new Date(started).toISOString()} (took ${Math.round((Date.now() - started) / 1000)} s) by \`npm run bench -- --suite=overhead\`: the same bench forum and database`,
		'with the plugin active, deactivated, and with the reference Q&A plugin active instead (when installed in the NodeBB',
		'copy), the states alternated over the rounds and the forum restarted at each; a logged-in verified member who accepted',
		'the charter; NodeBB\'s client bundle as built with the plugin active (the server\'s work is what differs). Target: the',
		'plugin keeps ≥ 97 % of NodeBB\'s requests per second on every page. The ratio is the result; the absolute req/s',
		'depend on the shared machine\'s load.',
		'',
		...sections.flatMap(s => [s, '']),
	].join('\n');
	return { markdown: md.trim(), missed };
}

module.exports = { runSuite };

if (require.main === module) {
	const [mode, ...args] = process.argv.slice(2);
	const fn = { prepare, plugins }[mode];
	if (!fn) {
		console.error('usage: node bench/overhead.js prepare <config> <username> <password> | plugins <config> <on,...> <off,...>');
		process.exit(2);
	}
	fn(...args).then(() => process.exit(0), (err) => {
		console.error(err.stack || err);
		process.exit(1);
	});
}
