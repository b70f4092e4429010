/**
 * The in-forum suite: runs inside NodeBB's test harness (real web server, real database), on Redis and PostgreSQL.
 * Every `*.test.js` under this folder (subfolders too) is loaded, in path order, so a new suite needs no edit here.
 * `LVL_FILES=security,qa` keeps only the files whose path contains one of the words (a single file can run alone).
 */
import fs from 'fs';
import path from 'path';

// The files share one database within a run (NodeBB's harness resets it only between its own root suites, and all of
// ours sit under "Installed Plugins"): the older suites keep the order they were written for; new files run after
// them and set up all they need themselves; insight, which publishes a charter version of its own, runs last.
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

for (const file of files) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require(file);
}
