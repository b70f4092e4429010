'use strict';

// The benches' way into NodeBB from a process of their own (Node 22, cwd = NodeBB's root): NodeBB's config, database
// and settings, the plugin's compiled code, and NodeBB's modules by their path. Used by every bench that seeds or
// measures in process (directory, qa, insight, the roster import profile).

const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/**
 * Loads NodeBB's config and database. `seeding`: on PostgreSQL this process's own connections skip the wait for the
 * WAL flush at each of a seeder's many small commits (the forum measured afterwards runs with the server's settings).
 */
async function loadNodebb(configFile, { seeding = false, settings = true } = {}) {
	require(path.join(process.cwd(), 'require-main'));
	const nconf = require.main.require('nconf');
	nconf.env({ separator: '__' });
	require.main.require('./src/prestart').loadConfig(configFile);
	if (seeding && nconf.get('database') === 'postgres') {
		nconf.set('postgres:options', { ...nconf.get('postgres:options'), options: '-c synchronous_commit=off' });
	}
	const db = require.main.require('./src/database');
	await db.init();
	if (settings) {
		await require.main.require('./src/meta').configs.init();
	}
	return {
		db,
		/** a NodeBB module, e.g. host('./src/topics') */
		host: id => require.main.require(id),
		/** a compiled module of the plugin, e.g. plugin('qa/routing.js') */
		plugin: p => require(path.join(ROOT, 'build', 'lib', p)),
	};
}

/** This process's peak resident memory (VmHWM), in MB. */
function peakRssMb() {
	const m = /VmHWM:\s+(\d+) kB/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'));
	return m ? Math.round(Number(m[1]) / 1024) : 0;
}

module.exports = { ROOT, loadNodebb, peakRssMb };
