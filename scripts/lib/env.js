'use strict';

// Where NodeBB is, which Node runs it, and how the plugin is linked into it.
// The project's scripts never download or build NodeBB: they only use the one found at NODEBB_PATH.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');
const PLUGIN_ID = require(path.join(ROOT, 'package.json')).name;
const CACHE = path.join(ROOT, '.cache');

function nodebbPath() {
	const configured = process.env.NODEBB_PATH || path.join(os.homedir(), 'nodebb');
	return path.resolve(configured.replace(/^~(?=$|\/)/, os.homedir()));
}

/** { path } when a usable NodeBB is there, else { path, reason }. */
function findNodebb() {
	const nbb = nodebbPath();
	if (!fs.existsSync(path.join(nbb, 'src', 'plugins', 'index.js'))) {
		return { path: nbb, reason: `no NodeBB at ${nbb} (set NODEBB_PATH to a NodeBB checkout)` };
	}
	if (!fs.existsSync(path.join(nbb, 'node_modules'))) {
		return { path: nbb, reason: `NodeBB at ${nbb} has no node_modules (run npm install there)` };
	}
	if (!fs.existsSync(path.join(nbb, 'config.json'))) {
		return { path: nbb, reason: `NodeBB at ${nbb} is not set up (no config.json; run ./nodebb setup there)` };
	}
	return { path: nbb };
}

function nodebbVersion(nbb) {
	try {
		return JSON.parse(fs.readFileSync(path.join(nbb, 'package.json'), 'utf8')).version;
	} catch {
		return 'unknown';
	}
}

/** A Node 22+ binary for NodeBB 4.11+: this one if new enough, else one from the npm registry in .cache/. */
function ensureNode22() {
	const major = parseInt(process.versions.node.split('.')[0], 10);
	if (major >= 22) {
		return process.execPath;
	}
	const pkg = `node-${process.platform}-${process.arch}`;
	const dir = path.join(CACHE, 'node22');
	const bin = path.join(dir, 'node_modules', pkg, 'bin', 'node');
	if (!fs.existsSync(bin)) {
		console.log(`[env] Node ${process.versions.node} is too old for NodeBB 4.11+: installing ${pkg}@22 into .cache/node22`);
		fs.mkdirSync(dir, { recursive: true });
		const r = spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `${pkg}@22`], { stdio: 'inherit' });
		if (r.status !== 0 || !fs.existsSync(bin)) {
			throw new Error(`could not install ${pkg}@22 from the npm registry`);
		}
	}
	return bin;
}

/** Links this checkout into NodeBB's node_modules, as `npm install <path>` would. */
function linkPlugin(nbb) {
	const target = path.join(nbb, 'node_modules', PLUGIN_ID);
	let stat = null;
	try {
		stat = fs.lstatSync(target);
	} catch {
		// not there yet
	}
	if (stat && stat.isSymbolicLink()) {
		let current = null;
		try {
			current = fs.realpathSync(target);
		} catch {
			// a link to a checkout that no longer exists (an earlier CI clone): replaced below
		}
		if (current === fs.realpathSync(ROOT)) {
			return;
		}
		fs.unlinkSync(target);
	} else if (stat) {
		throw new Error(`${target} is an installed copy, not a link to this checkout; remove it first`);
	}
	fs.symlinkSync(ROOT, target, 'dir');
}

/** Runs `node <args>` in NodeBB's root with Node 22; returns the exit status. */
function runInNodebb(nbb, args, options = {}) {
	const r = spawnSync(ensureNode22(), args, {
		cwd: nbb,
		stdio: options.stdio || 'inherit',
		env: { ...process.env, ...(options.env || {}) },
		encoding: 'utf8',
		timeout: options.timeout || 10 * 60 * 1000,
	});
	return r;
}

module.exports = { ROOT, PLUGIN_ID, CACHE, nodebbPath, findNodebb, nodebbVersion, ensureNode22, linkPlugin, runInNodebb };
