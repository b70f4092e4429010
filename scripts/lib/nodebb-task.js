'use strict';

// Runs inside NodeBB (Node 22, cwd = NodeBB's root): small database chores for a forum profile of ours.
// usage: node nodebb-task.js <config file> flush|installed|createdb
// It only ever touches the database named in the given config file, never the forum's own config.json.

const path = require('path');

async function main() {
	const [configFile, task] = process.argv.slice(2);
	require(path.join(process.cwd(), 'require-main'));
	const nconf = require.main.require('nconf');
	if (task === 'createdb') {
		const conf = JSON.parse(require('fs').readFileSync(configFile, 'utf8'));
		if (conf.database !== 'postgres') {
			return;
		}
		const { Client } = require.main.require('pg');
		const p = conf.postgres;
		const client = new Client({ host: p.host, port: p.port, user: p.username, password: p.password || undefined, database: 'postgres' });
		await client.connect();
		const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [p.database]);
		if (!rowCount) {
			await client.query(`CREATE DATABASE "${String(p.database).replace(/"/g, '')}"`);
		}
		await client.end();
		return;
	}
	nconf.env({ separator: '__' });
	const prestart = require.main.require('./src/prestart');
	prestart.loadConfig(configFile);
	const db = require.main.require('./src/database');
	await db.init();
	try {
		if (task === 'flush') {
			await db.emptydb();
		} else if (task === 'installed') {
			const installed = await db.exists('config');
			process.stdout.write(installed ? 'yes\n' : 'no\n');
		} else {
			throw new Error(`unknown task ${task}`);
		}
	} finally {
		await db.close();
	}
}

main().then(() => process.exit(0), (err) => {
	console.error(err.stack || err);
	process.exit(1);
});
