'use strict';

// Where the time and memory of a roster import go: runs the plugin's own preview and apply in process (no HTTP),
// against a bench profile's database, with every store, rules and database call timed.
// Run inside NodeBB (cwd = NodeBB's root, Node 22) by `node scripts/bench.js --profile`:
//   node bench/profile-import.js <config file> <rows>
// Only for the bench profiles: it writes rosters into the database named in the given config file.

const path = require('path');

const { ROOT, loadNodebb } = require('./in-nodebb');
const { generateRoster, monthlyUpdate, belgianCsv } = require('./roster-data');

const mb = bytes => Math.round(bytes / 1024 / 1024);

/** inclusive wall time and call count per wrapped function */
const stats = new Map();

function wrap(obj, name, label) {
	const fn = obj[name];
	if (typeof fn !== 'function') {
		return;
	}
	obj[name] = function (...args) {
		const t0 = performance.now();
		const done = () => {
			const s = stats.get(label) || { ms: 0, calls: 0 };
			s.ms += performance.now() - t0;
			s.calls += 1;
			stats.set(label, s);
		};
		const out = fn.apply(this, args);
		if (out && typeof out.then === 'function') {
			return out.finally(done);
		}
		done();
		return out;
	};
}

/** JSON work on large payloads (the stored preview and table): only calls on or producing > 1 MB are counted. */
function wrapJson() {
	const { stringify, parse } = JSON;
	const count = (label, ms, size) => {
		if (size > 1024 * 1024) {
			const s = stats.get(label) || { ms: 0, calls: 0, bytes: 0 };
			s.ms += ms;
			s.calls += 1;
			s.bytes = (s.bytes || 0) + size;
			stats.set(label, s);
		}
	};
	JSON.stringify = function (...args) {
		const t0 = performance.now();
		const out = stringify.apply(this, args);
		count('JSON.stringify (> 1 MB)', performance.now() - t0, typeof out === 'string' ? out.length : 0);
		return out;
	};
	JSON.parse = function (...args) {
		const t0 = performance.now();
		const out = parse.apply(this, args);
		count('JSON.parse (> 1 MB)', performance.now() - t0, typeof args[0] === 'string' ? args[0].length : 0);
		return out;
	};
}

async function main() {
	const [configFile, rowsArg] = process.argv.slice(2);
	const rows = Number(rowsArg || 50000);
	const { db } = await loadNodebb(configFile, { settings: false });

	const roster = require(path.join(ROOT, 'build/lib/membership/roster.js'));
	const store = require(path.join(ROOT, 'build/lib/membership/store.js'));
	const rules = require(path.join(ROOT, 'build/lib/membership/rules.js'));
	const file = require(path.join(ROOT, 'build/lib/membership/roster-file.js'));
	const access = require(path.join(ROOT, 'build/lib/membership/access.js'));
	for (const name of ['getMeta', 'allEntries', 'getEntries', 'saveImport', 'getImport', 'getImportPayload', 'writeVersion', 'switchTo', 'dropVersion', 'dropImportPayload', 'saveMapping', 'lockApply', 'unlockApply', 'nextImportId']) {
		wrap(store, name, `store.${name}`);
	}
	wrap(rules, 'mapRows', 'rules.mapRows');
	wrap(rules, 'diffRoster', 'rules.diffRoster');
	wrap(file, 'parseRosterFile', 'parseRosterFile');
	wrap(access, 'reconcileNumbers', 'access.reconcileNumbers');
	for (const name of ['setObject', 'setObjectBulk', 'sortedSetAdd', 'getObjects', 'getObject', 'getObjectField', 'getSortedSetRange', 'deleteAll', 'delete', 'deleteObjectFields', 'incrObjectField', 'setObjectField']) {
		wrap(db, name, `db.${name}`);
	}
	wrapJson();

	const first = generateRoster(rows);
	const update = monthlyUpdate(first);
	const files = [['initial import', belgianCsv(first)], ['monthly update', belgianCsv(update.people)]];

	let peak = 0;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 10);
	// NodeBB's Redis adapter keeps hashes it read in an LRU object cache (40,000 entries); PostgreSQL has none
	const cached = () => (db.objectCache ? `, ${db.objectCache.size} hashes in NodeBB's object cache` : '');
	const heap = () => `heap used ${mb(process.memoryUsage().heapUsed)} MB, RSS ${mb(process.memoryUsage.rss())} MB${cached()}`;
	const report = [];
	for (const [label, buf] of files) {
		for (const step of ['preview', 'apply']) {
			stats.clear();
			if (global.gc) {
				global.gc();
			}
			const before = process.memoryUsage.rss();
			peak = before;
			const t0 = performance.now();
			if (step === 'preview') {
				const p = await roster.createPreview(1, 'ledenlijst.csv', buf);
				files.id = p.import.id;
			} else {
				await roster.apply(files.id, 1, {});
			}
			const ms = performance.now() - t0;
			peak = Math.max(peak, process.memoryUsage.rss());
			const after = heap();
			if (global.gc) {
				global.gc();
			}
			const retained = mb(process.memoryUsage().heapUsed);
			report.push(`\n### ${label}: ${step}: ${Math.round(ms)} ms; RSS ${mb(before)} → peak ${mb(peak)} MB (+${mb(peak - before)}); after: ${after}; heap still used after a full GC ${retained} MB\n`);
			report.push('| call | calls | ms (inclusive) | share |', '|---|---:|---:|---:|');
			const sorted = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
			for (const [name, s] of sorted) {
				report.push(`| ${name}${s.bytes ? ` (${mb(s.bytes)} MB)` : ''} | ${s.calls} | ${Math.round(s.ms)} | ${Math.round((100 * s.ms) / ms)} % |`);
			}
		}
	}
	clearInterval(sampler);
	console.log(report.join('\n'));
	await db.close();
}

main().then(() => process.exit(0), (err) => {
	console.error(err.stack || err);
	process.exit(1);
});
