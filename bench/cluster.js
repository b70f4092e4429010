'use strict';

// Two NodeBB processes against one on the plugin's pages (`npm run bench -- --suite=cluster`).
//
// On the 50,000-member scale (bench/scale.js), the same database, a logged-in verified member (bench/qa-http.js's
// viewer) and Debian's wrk: NodeBB started through its own loader (`node loader.js`, as `./nodebb start` does) with
// `port` a single port (one process), then an array of two ports (two processes: the loader forks one worker per
// port, the first is the primary that runs the jobs; on PostgreSQL without Redis the loader relays the pubsub). The
// pages: the directory API (one competence), the "unanswered" Q&A list API, and the /api twins of /wie-weet-wat and
// /vragen. One process: `wrk -t2 -c8` on its port; two processes: two `wrk -t1 -c4` at once, one per port, the
// requests per second added. The states alternate over the rounds. This machine has 2 CPUs (the wrk clients run on
// them too): the figure is what it is; that the plugin is correct on two processes is proven by
// test/forum/cluster/two-processes.test.ts.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

function wrkAsync(url, cookie, seconds, threads, connections) {
	return new Promise((resolve) => {
		const child = spawn('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '20s', '-H', `Cookie: ${cookie}`, url]);
		let out = '';
		child.stdout.on('data', (d) => { out += d; });
		child.on('close', () => {
			resolve({
				rps: Number((out.match(/Requests\/sec:\s+([\d.]+)/) || [])[1] || 0),
				bad: Number((out.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [])[1] || 0),
			});
		});
	});
}

async function waitUp(url, ms) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			if ((await fetch(`${url}/api/config`)).ok) {
				return;
			}
		} catch {
			// not yet
		}
		await new Promise(r => setTimeout(r, 500));
	}
	throw new Error(`${url} did not come up`);
}

/** Starts NodeBB through its loader with the given ports; returns { stop }. */
async function startLoader(h, f, ports) {
	const cfg = JSON.parse(fs.readFileSync(f.configFile, 'utf8'));
	const file = path.join(path.dirname(f.configFile), `config-cluster-${ports.length}.json`);
	fs.writeFileSync(file, JSON.stringify({ ...cfg, port: ports.length > 1 ? ports : ports[0] }, null, 4));
	const log = fs.openSync(path.join(path.dirname(f.configFile), `cluster-${ports.length}.log`), 'a');
	const { ensureNode22 } = require('../scripts/lib/env');
	const child = spawn(ensureNode22(), ['loader.js', '--daemon=false', '--silent=false'], {
		cwd: h.nbb, detached: true, stdio: ['ignore', log, log],
		env: { ...process.env, CONFIG: file, config: file, NODE_ENV: 'production' },
	});
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// gone
		}
		const until = Date.now() + 15000;
		while (Date.now() < until) {
			const r = spawnSync('ss', ['-ltnH', ...ports.flatMap((p, i) => (i ? ['or', `sport = :${p}`] : [`sport = :${p}`]))], { encoding: 'utf8' });
			if (!String(r.stdout || '').trim()) {
				break;
			}
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
		}
	};
	try {
		await Promise.all(ports.map(p => waitUp(`http://127.0.0.1:${p}`, 120000)));
	} catch (err) {
		stop();
		throw err;
	}
	return { stop };
}

async function runSuite(h, opts) {
	const scale = require('./scale');
	const started = Date.now();
	const password = 'Bench-lezer-2026!';
	const sections = [];
	for (const db of h.databases) {
		const { f } = scale.ensureScale(h, db, opts.scale || 50000, opts);
		const v = h.runInNodebb(h.nbb, [path.join(__dirname, 'qa-http.js'), 'viewer', f.configFile, password], { stdio: 'pipe', timeout: 10 * 60 * 1000 });
		if (v.status !== 0) {
			throw new Error(`preparing the viewer failed:\n${String(v.stderr).slice(-2000)}`);
		}
		const viewer = JSON.parse(String(v.stdout).trim().split('\n').pop());
		const second = f.port + (db === 'redis' ? 2 : 3) + (opts.portOffset || 0);
		const pages = [
			'/api/v3/plugins/lvl/directory?c=' + require('./directory-data').popularity().keys[3],
			'/api/v3/plugins/lvl/qa/lists/unanswered?page=1',
			'/api/wie-weet-wat',
			'/api/vragen',
		];
		const rps = { one: Object.fromEntries(pages.map(p => [p, []])), two: Object.fromEntries(pages.map(p => [p, []])) };
		const loads = [os.loadavg()];
		const problems = [];
		for (let round = 0; round < opts.rounds; round += 1) {
			const order = round % 2 ? ['two', 'one'] : ['one', 'two'];
			for (const state of order) {
				const ports = state === 'one' ? [f.port] : [f.port, second];
				const run = await startLoader(h, f, ports);
				try {
					const s = new h.client.Session(f.url);
					await s.get('/api/config');
					await s.login(viewer.username, password);
					const cookie = [...s.cookies].map(([k, val]) => `${k}=${val}`).join('; ');
					for (const page of pages) {
						for (const p of ports) {
							const check = await fetch(`http://127.0.0.1:${p}${page}`, { headers: { cookie } });
							if (check.status !== 200) {
								problems.push(`${state}: ${page} on ${p}: ${check.status}`);
							}
						}
						await Promise.all(ports.map(p => wrkAsync(`http://127.0.0.1:${p}${page}`, cookie, 1, 1, 4)));
						const results = state === 'one'
							? [await wrkAsync(`http://127.0.0.1:${f.port}${page}`, cookie, opts.seconds, 2, 8)]
							: await Promise.all(ports.map(p => wrkAsync(`http://127.0.0.1:${p}${page}`, cookie, opts.seconds, 1, 4)));
						const total = results.reduce((a, r) => a + r.rps, 0);
						if (results.some(r => r.bad)) {
							problems.push(`${state}: ${page}: ${results.map(r => r.bad).join('+')} non-2xx`);
						}
						rps[state][page].push(total);
						h.log(`${db}: cluster round ${round + 1}, ${state === 'one' ? 'one process' : 'two processes'}: ${page} ${total.toFixed(1)} req/s`);
					}
				} finally {
					run.stop();
				}
			}
			loads.push(os.loadavg());
		}
		scale.useScale(h.forum, db, null);
		const lines = [`### ${db}`, '', `${opts.rounds} rounds, ${opts.seconds} s per page and state after 1 s of warm-up; load average at the start of each round and at the end: ${loads.map(l => l.map(x => x.toFixed(1)).join(' / ')).join('; ')}.`, '',
			'| page | one process req/s (median; each round) | two processes req/s (median; each round) | two / one |', '|---|---:|---:|---:|'];
		for (const page of pages) {
			const one = median(rps.one[page]);
			const two = median(rps.two[page]);
			lines.push(`| \`${page}\` | ${one.toFixed(1)} (${rps.one[page].map(x => x.toFixed(0)).join(', ')}) | ${two.toFixed(1)} (${rps.two[page].map(x => x.toFixed(0)).join(', ')}) | **${(two / one).toFixed(2)}×** |`);
		}
		if (problems.length) {
			lines.push('', `Answers other than 200: ${problems.slice(0, 10).join('; ')}`);
		}
		sections.push(lines.join('\n'));
	}
	const md = [
		'# Benchmark: two NodeBB processes against one, on the plugin\'s pages',
		'',
		`Run ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC (took ${Math.round((Date.now() - started) / 1000)} s) by \`npm run bench -- --suite=cluster\` on the 50,000-member`,
		'scale (100,000 topics): NodeBB started through its own loader (`node loader.js`) with one port, then with `port` an',
		'array of two (two worker processes, the first the primary; one database), a logged-in verified member, Debian\'s',
		'`wrk`: `-t2 -c8` on the one process, `-t1 -c4` on each of the two at once (their requests per second added). The',
		`${os.cpus().length} CPUs also run wrk and the database: the ratio is this machine's; correctness on two processes is proven by`,
		'`test/forum/cluster/two-processes.test.ts` in both forum suites.',
		'',
		...sections.flatMap(s => [s, '']),
	].join('\n');
	return { markdown: md.trim(), missed: [] };
}

module.exports = { runSuite };
