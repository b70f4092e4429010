'use strict';

// How many database calls one request to a NodeBB page makes, and how many of them the plugin makes: a deterministic
// measure of the plugin's cost on NodeBB's own pages (issue #16, point 1), unlike requests per second on a shared machine.
//
// Two halves in one file:
//  - preloaded into a forum (NODE_OPTIONS="--require <this file>", LVL_DBCALLS_OUT=<file>): wraps every function of
//    NodeBB's database module and, for each request that carries the header `x-lvl-dbcalls`, appends one JSON line to
//    the file: the page, the database calls made while answering it (calls made by the adapter inside another call not
//    counted twice), and those with the plugin's compiled code on their stack (with the plugin function that asked).
//  - the driver: `node bench/db-calls.js <forum url> <username> <password> <label> <page> [<page> ...]` logs in, asks
//    each page three times (the first two warm the per-process copies and caches) and prints the third one's counts.
//    Run it once with the plugin active and once with it deactivated (same forum, same database) and compare.
//    `--accept-charter` first (inside NodeBB, cwd = NodeBB's root): `node bench/db-calls.js --accept-charter <config>
//    <username>` makes the member's charter acceptance current, so the pages are not redirected to the charter step.

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const BUILD = `${path.join(fs.realpathSync(ROOT), 'build')}${path.sep}`;
const HEADER = 'x-lvl-dbcalls';

function preload(out) {
	const Module = require('module');
	const http = require('http');
	const { AsyncLocalStorage } = require('async_hooks');
	const als = new AsyncLocalStorage();
	Error.stackTraceLimit = 60;

	const emit = http.Server.prototype.emit;
	http.Server.prototype.emit = function (event, req, res) {
		if (event === 'request' && req.headers[HEADER]) {
			const record = { page: req.url, label: String(req.headers[HEADER]), calls: 0, plugin: 0, ops: {}, sites: {} };
			res.on('finish', () => {
				fs.appendFileSync(out, `${JSON.stringify({ ...record, status: res.statusCode })}\n`);
			});
			return als.run(record, () => emit.apply(this, [event, req, res]));
		}
		return emit.apply(this, arguments);
	};

	const count = (name) => {
		const record = als.getStore();
		if (!record) {
			return;
		}
		const frames = String(new Error().stack).split('\n').slice(3);
		// a call the adapter makes inside another database call is part of that call
		if (frames[0] && frames[0].includes(`${path.sep}src${path.sep}database${path.sep}`)) {
			return;
		}
		record.calls += 1;
		record.ops[name] = (record.ops[name] || 0) + 1;
		const mine = frames.find(f => f.includes(BUILD));
		if (mine) {
			record.plugin += 1;
			const site = mine.trim().replace(BUILD, '').replace(/^at (async )?/, '').replace(/:\d+\)?$/, ')');
			const key = `${name} ← ${site}`;
			record.sites[key] = (record.sites[key] || 0) + 1;
		}
	};

	const wrapped = new WeakSet();
	const load = Module._load;
	Module._load = function (request, parent, isMain) {
		const exported = load.apply(this, arguments);
		if (exported && typeof exported === 'object' && !wrapped.has(exported) && /database/.test(request)) {
			let file = '';
			try {
				file = Module._resolveFilename(request, parent, isMain);
			} catch {
				return exported;
			}
			if (!/[/\\]src[/\\]database[/\\]index\.js$/.test(file)) {
				return exported;
			}
			wrapped.add(exported);
			for (const [name, fn] of Object.entries(exported)) {
				if (typeof fn === 'function' && !/^(init|close|createSessionStore|createIndices|checkCompatibility|checkCompatibilityVersion|info|flushdb|emptydb|parseIntFields|helpers)$/.test(name)) {
					exported[name] = function (...args) {
						count(name);
						return fn.apply(this, args);
					};
				}
			}
		}
		return exported;
	};
}

async function drive(url, username, password, label, pages) {
	const base = url.replace(/\/$/, '');
	const jar = new Map();
	const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
	const keep = (res) => {
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const i = pair.indexOf('=');
			jar.set(pair.slice(0, i), pair.slice(i + 1));
		}
	};
	const get = async (p, headers = {}) => {
		const res = await fetch(base + p, { headers: { cookie: cookie(), ...headers }, redirect: 'manual' });
		keep(res);
		await res.arrayBuffer();
		return res;
	};
	const config = await fetch(`${base}/api/config`);
	keep(config);
	const { csrf_token: csrf } = await config.json();
	const login = await fetch(`${base}/login`, {
		method: 'POST',
		headers: { cookie: cookie(), 'content-type': 'application/json', 'x-csrf-token': csrf },
		body: JSON.stringify({ username, password }),
		redirect: 'manual',
	});
	keep(login);
	if (login.status >= 400) {
		throw new Error(`login as ${username} answered ${login.status}`);
	}
	for (const page of pages) {
		for (let i = 0; i < 3; i += 1) {
			const res = await get(page, i === 2 ? { [HEADER]: label } : {});
			if (i === 2 && res.status !== 200) {
				console.error(`${page} answered ${res.status} ${res.headers.get('location') || ''}`);
			}
		}
	}
}

async function acceptCharter(configFile, username) {
	const { loadNodebb } = require('./in-nodebb');
	const { db, host, plugin } = await loadNodebb(configFile);
	try {
		const uid = await host('./src/user').getUidByUsername(username);
		const charter = plugin('engagement/charter.js');
		const current = await charter.current();
		if (uid && current) {
			await charter.accept(uid, current.version);
		}
	} finally {
		await db.close();
	}
}

/** The driver's summary of a preload file: one table row per page and label. */
function summary(file) {
	const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
	const lines = ['| page | state | status | db calls | of which the plugin\'s |', '|---|---|---:|---:|---:|'];
	for (const r of rows) {
		lines.push(`| \`${r.page}\` | ${r.label} | ${r.status} | ${r.calls} | ${r.plugin} |`);
	}
	const sites = rows.filter(r => r.plugin).map(r => `${r.label} ${r.page}:\n${Object.entries(r.sites).map(([k, n]) => `    ${n} × ${k}`).join('\n')}`);
	return `${lines.join('\n')}\n\n${sites.join('\n')}`;
}

if (process.env.LVL_DBCALLS_OUT && require.main !== module) {
	preload(process.env.LVL_DBCALLS_OUT);
} else if (require.main === module) {
	const args = process.argv.slice(2);
	const run = args[0] === '--accept-charter' ? acceptCharter(args[1], args[2])
		: args[0] === '--summary' ? Promise.resolve(console.log(summary(args[1])))
			: drive(args[0], args[1], args[2], args[3], args.slice(4));
	run.then(() => process.exit(0), (err) => {
		console.error(err.stack || err);
		process.exit(1);
	});
}
