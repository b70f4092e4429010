'use strict';

// Loaded by mocha (--require) inside NodeBB before NodeBB's test harness. It points the harness at this
// project's own test database and port, never at the forum's: overrides win over config.json, and a writable
// memory store holds the forum-side database entry the harness compares against (and then replaces).

const path = require('path');

require(path.join(process.cwd(), 'require-main'));
const nconf = require.main.require('nconf');

const cfg = JSON.parse(process.env.LVL_FORUM_TEST || '{}');
if (!cfg.database || !cfg.test_database || !cfg.url) {
	throw new Error('LVL_FORUM_TEST must give database, test_database and url');
}

nconf.overrides({
	url: cfg.url,
	port: new URL(cfg.url).port,
	database: cfg.database,
	test_database: cfg.test_database,
	test_plugins: [cfg.plugin],
	bind_address: '127.0.0.1',
	registry: 'http://127.0.0.1:9',
});
nconf.use('lvl-forum-side', { type: 'memory' });
nconf.set(cfg.database, cfg.forum_database);
