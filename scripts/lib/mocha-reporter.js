'use strict';

// One reporter for every mocha suite of this project (unit, in-forum, browser): spec-like lines on stdout,
// and the counts written to LVL_REPORT_FILE so the runner can add them up and refuse a suite that ran nothing.
// Written without mocha's base classes, because the in-forum suite runs under NodeBB's own mocha.

const fs = require('fs');

function LvlReporter(runner) {
	const transcript = process.env.LVL_REPORT_FILE ? `${process.env.LVL_REPORT_FILE}.txt` : null;
	const print = (line) => {
		process.stdout.write(`${line}\n`);
		if (transcript) {
			fs.appendFileSync(transcript, `${line}\n`);
		}
	};
	const stats = { passes: 0, failures: 0, pending: 0 };
	const failures = [];
	let depth = 0;
	const indent = () => '  '.repeat(depth);

	runner.on('suite', (suite) => {
		if (suite.title) {
			print(`${indent()}${suite.title}`);
		}
		depth += 1;
	});
	runner.on('suite end', () => {
		depth -= 1;
	});
	runner.on('pass', (test) => {
		stats.passes += 1;
		print(`${indent()}✓ ${test.title} (${test.duration || 0} ms)`);
	});
	runner.on('pending', (test) => {
		stats.pending += 1;
		print(`${indent()}- ${test.title} (pending)`);
	});
	runner.on('fail', (test, err) => {
		stats.failures += 1;
		failures.push({ title: typeof test.fullTitle === 'function' ? test.fullTitle() : test.title, err });
		print(`${indent()}✗ ${test.title}`);
	});
	runner.once('end', () => {
		failures.forEach(({ title, err }, i) => {
			print(`\n${i + 1}) ${title}\n   ${(err && (err.stack || err.message)) || err}`);
		});
		print(`\n${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending`);
		if (process.env.LVL_REPORT_FILE) {
			fs.writeFileSync(process.env.LVL_REPORT_FILE, JSON.stringify(stats));
		}
	});
}

module.exports = LvlReporter;
