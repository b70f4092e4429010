'use strict';

// One command for a demo forum with the plugin: npm run demo   (npm run demo:stop to stop it)
// Uses the NodeBB at NODEBB_PATH (default ~/nodebb) with its own config file, database (redis db 11) and port
// (4577), so the forum already there and its database are never touched. Rerunning it is safe.

const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, findNodebb, nodebbVersion } = require('./lib/env');
const forum = require('./lib/forum');

async function main() {
	const command = process.argv[2] || 'start';
	if (command === 'stop') {
		forum.stop('demo');
		console.log('The demo forum is stopped.');
		return;
	}
	const nbb = findNodebb();
	if (nbb.reason) {
		console.error(`Cannot start the demo: ${nbb.reason}.\nInstall NodeBB 4.11+ first (see README.md, "Install"), then run this again.`);
		process.exitCode = 1;
		return;
	}
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
	if (tsc.status !== 0) {
		throw new Error('the TypeScript build failed');
	}
	console.log(`Preparing the demo forum on NodeBB ${nodebbVersion(nbb.path)} at ${nbb.path}…`);
	forum.prepare(nbb.path, 'demo', { fresh: process.argv.includes('--fresh') });
	const f = await forum.start(nbb.path, 'demo');
	// the seed goes through the forum's own HTTP API, so every hook of the plugin runs as in real use
	const { seedAssociation, seedCharter, DEMO_PEOPLE, DEMO_NEWCOMERS } = require(path.join(ROOT, 'build/test/support/seed.js'));
	const seeded = await seedAssociation(f.url, f.admin);
	// a few questions, an offer and a wanted post, so the Q&A shows as after a few weeks (the demo only)
	const { seedExchange, seedPromise, stagesNow } = require(path.join(ROOT, 'build/test/support/demo-exchange.js'));
	await seedExchange(f.url, seeded);
	// a question at each stage of the answer promise (#15)
	const stages = await seedPromise(f.url, seeded, f.admin);
	const states = await waitForStages(f.url, stages, stagesNow);
	// the rules of engagement: members accept the starter charter at their first visit
	await seedCharter(f.url, f.admin);

	console.log(`
  Leden voor Leden demo forum: ${f.url}
  Language: add ?lang=nl or ?lang=fr to any address, or choose it in your account settings.

  Administrator   ${f.admin.username} / ${f.admin.password}   (ACP: ${f.url}/admin/plugins/lvl)
${DEMO_PEOPLE.map(p => `  ${p.member ? 'Member        ' : 'Not verified  '}  ${p.username} / ${p.password}`).join('\n')}

  On the roster without an account yet (register at ${f.url}/register and prove membership with):
${DEMO_NEWCOMERS.map(p => `  member number ${p.nr}  ${p.first} ${p.last}  e-mail ${p.email}  or born ${p.born}`).join('\n')}

  The answer promise, a question at each stage (log in as its asker to see the status line in its header):
${stages.map((st, i) => `  ${st.stage.padEnd(54)} ${f.url}/topic/${st.tid}  (asker ${st.asker}; now: ${states[i] || '?'})`).join('\n')}

  Log: ${f.logFile}
  Stop it with: npm run demo:stop   (start afresh with: npm run demo -- --fresh)
`);
}

/**
 * "Passed on" and "with the coordinators" happen at the Q&A job's next run (every 5 minutes, as in a real forum):
 * wait for it, up to 6 minutes, unless --no-wait. Returns each stage's state as its asker's status line shows it.
 */
async function waitForStages(url, stages, stagesNow) {
	const deadline = Date.now() + (process.argv.includes('--no-wait') ? 0 : 6 * 60 * 1000);
	let states = await stagesNow(url, stages);
	let told = false;
	while (stages.some((st, i) => states[i] !== st.state) && Date.now() < deadline) {
		if (!told) {
			const waiting = stages.filter((st, i) => states[i] !== st.state).map(st => st.stage).join('; ');
			console.log(`Waiting for the Q&A job's next run (every 5 minutes; --no-wait skips this): ${waiting}`);
			told = true;
		}
		await new Promise(resolve => setTimeout(resolve, 10000));
		states = await stagesNow(url, stages);
	}
	return states;
}

main().catch((err) => {
	console.error(err.message || err);
	process.exitCode = 1;
});
