/**
 * The in-forum suite: runs inside NodeBB's test harness (real web server, real database), on Redis and PostgreSQL.
 * Every `*.test.js` under this folder (subfolders too) is loaded, in path order, so a new suite needs no edit here.
 * `LVL_FILES=security,qa` keeps only the files whose path contains one of the words (a single file can run alone).
 */
import fs from 'fs';
import path from 'path';
import { ensureGround } from '../../lib/platform/service';
import { forget as forgetTaxonomy, seed } from '../../lib/competences/taxonomy';
import { forgetCopies } from '../../lib/competences/directory';
import { host } from '../support/forum';

// NodeBB's harness resets its database only between its own root suites, and all of ours sit under "Installed
// Plugins": each file gets the same fresh forum here instead (NodeBB's own reset, then what the plugin sets up when
// it starts), so a file passes alone as in the whole run. The order is kept for readable reports.
const FIRST = ['platform', 'membership', 'access', 'competences', 'qa', 'qa-followup', 'engagement'].map(n => `${n}.test.js`);
const LAST = ['insight.test.js'];

function collect(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			return collect(full);
		}
		return entry.name.endsWith('.test.js') ? [full] : [];
	});
}

const only = (process.env.LVL_FILES ?? '').split(',').map(s => s.trim()).filter(Boolean);
function rank(file: string): number {
	const name = path.relative(__dirname, file);
	if (FIRST.includes(name)) {
		return FIRST.indexOf(name) - FIRST.length;
	}
	return LAST.includes(name) ? 1 : 0;
}

const files = collect(__dirname)
	.filter(file => !only.length || only.some(word => path.relative(__dirname, file).includes(word)))
	.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

/** What NodeBB's harness does between its root suites, then what the plugin does at start-up. */
async function freshForum(): Promise<void> {
	await host<{ setupMockDefaults(): Promise<void> }>('./test/mocks/databasemock').setupMockDefaults();
	// the plugin's per-process copies are checked against versions kept in the database, which was just emptied
	forgetCopies();
	forgetTaxonomy();
	await ensureGround();
	await seed();
}

for (const file of files) {
	describe(path.relative(__dirname, file).replace(/\.test\.js$/, ''), () => {
		before(async function () {
			this.timeout(60000);
			await freshForum();
		});
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		require(file);
	});
}
