'use strict';

// The Q&A lists and the similar questions over HTTP, side by side with NodeBB's own lists, on a seeded scale
// (bench/scale.js): part of `npm run bench -- --suite=qa`.
//
//  - inside NodeBB (cwd = NodeBB's root): `node bench/qa-http.js viewer <config> <password>` picks the viewer: a
//    seeded member with at least 6 competences and questions of their own (the "for you" and "mine" lists need
//    them), gives them a password (NodeBB's own hashing) and the charter in force; prints {uid, username}.
//  - in the bench: with the forum running, the viewer logged in, one request at a time over keep-alive HTTP to
//    127.0.0.1, alternating: each Q&A list (`GET /api/v3/plugins/lvl/qa/lists/<list>?page=`) at page 1 and page 50
//    (the last page when there are fewer), NodeBB's `/api/recent?page=` and `/api/unread?page=` at the same pages as
//    the reference, NodeBB's `GET /api/v3/ping` as the floor; then the similar questions
//    (`GET /api/v3/plugins/lvl/qa/similar?title=&cid=&competences=`) for the labelled pairs' asked titles.

const path = require('path');
const { loadNodebb } = require('./in-nodebb');

const LISTS = ['unanswered', 'unsolved', 'solved', 'for-you', 'mine', 'offers', 'wanted'];

/* ---------- inside NodeBB ---------- */

async function viewer(configFile, password) {
	const { db, host, plugin } = await loadNodebb(configFile);
	try {
		const user = host('./src/user');
		const store = plugin('competences/store.js');
		const { membersGroup } = await plugin('settings.js').get();
		const uids = (await db.getSortedSetRange(`group:${membersGroup}:members`, 0, 999)).map(Number);
		let uid = 0;
		for (const candidate of uids) {
			const [p, mine] = await Promise.all([store.getProfile(candidate), db.sortedSetCard(plugin('qa/store.js').K.mine(candidate))]);
			if (p.competences.length >= 6 && mine >= 2) {
				uid = candidate;
				break;
			}
		}
		uid = uid || uids[0];
		const hash = await user.hashPassword(password);
		await user.setUserFields(uid, { password: hash, 'password:shaWrapped': 1, 'email:confirmed': 1 });
		try {
			const charter = plugin('engagement/charter.js');
			const current = await charter.current();
			if (current) {
				await charter.accept(uid, current.version);
			}
		} catch (err) {
			process.stderr.write(`[qa-http] the charter could not be accepted for the viewer: ${err.message}\n`);
		}
		const username = await user.getUserField(uid, 'username');
		const { platformCids } = await plugin('settings.js').get();
		process.stdout.write(`${JSON.stringify({ uid, username, cid: Number(platformCids[platformCids.length - 2] || platformCids[0]) })}\n`);
	} finally {
		await db.close();
	}
}

/* ---------- in the bench ---------- */

function stats(values) {
	const s = [...values].sort((a, b) => a - b);
	const pct = p => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN);
	return { n: s.length, p50: pct(50), p95: pct(95), max: s[s.length - 1] };
}

async function timed(session, url, what) {
	const t0 = performance.now();
	const res = await session.get(url);
	const ms = performance.now() - t0;
	if (res.status !== 200) {
		throw new Error(`${what}: GET ${url}: HTTP ${res.status} ${String(res.text).slice(0, 300)}`);
	}
	return { ms, body: res.body };
}

/**
 * Measures on a running forum. `repeats`: requests per list and page. Returns rows
 * { what, page, n, p50, p95, max, total? } and the similar questions' figures.
 */
async function measure(h, f, v, password, { repeats = 20, similar = 150 } = {}) {
	const s = new h.client.Session(f.url);
	await s.get('/api/config');
	await s.login(v.username, password);
	const base = '/api/v3/plugins/lvl/qa/lists/';
	// the pages: 50, or the last one when a list is shorter
	const plan = [];
	for (const list of LISTS) {
		const first = await timed(s, `${base}${list}?page=1`, list);
		const r = first.body.response;
		plan.push({ what: `list "${list}"`, url: p => `${base}${list}?page=${p}`, pages: [...new Set([1, Math.min(50, Math.max(1, r.pageCount))])], total: r.total, pageCount: r.pageCount });
	}
	for (const ref of ['recent', 'unread']) {
		const first = await timed(s, `/api/${ref}?page=1`, ref);
		const pageCount = (first.body.pagination && first.body.pagination.pageCount) || 1;
		plan.push({ what: `NodeBB /api/${ref}`, url: p => `/api/${ref}?page=${p}`, pages: [...new Set([1, Math.min(50, Math.max(1, pageCount))])], total: first.body.topicCount ?? '', pageCount, reference: true });
	}
	plan.push({ what: 'NodeBB /api/v3/ping', url: () => '/api/v3/ping', pages: [1], reference: true });
	const times = new Map();
	// warm-up: one of each
	for (const item of plan) {
		for (const p of item.pages) {
			await timed(s, item.url(p), item.what);
		}
	}
	// alternating rounds: every list and reference once per round, so load changes hit all of them alike
	for (let i = 0; i < repeats; i += 1) {
		for (const item of plan) {
			for (const p of item.pages) {
				const key = `${item.what}@${p}`;
				const { ms } = await timed(s, item.url(p), item.what);
				(times.get(key) || times.set(key, []).get(key)).push(ms);
			}
		}
	}
	const rows = [];
	for (const item of plan) {
		for (const p of item.pages) {
			rows.push({ what: item.what, page: p, total: item.total, pageCount: item.pageCount, reference: !!item.reference, ...stats(times.get(`${item.what}@${p}`)) });
		}
	}
	// similar questions: the labelled pairs' asked titles, with and without their competence, in the questions' category
	const pairs = require(path.join(__dirname, '..', 'test', 'fixtures', 'similar-pairs.json')).pairs;
	const sim = [];
	let found = 0;
	for (let i = 0; i < Math.min(similar, pairs.length * 2); i += 1) {
		const pair = pairs[i % pairs.length];
		const q = new URLSearchParams({ title: pair.asked.title, cid: String(v.cid), competences: i < pairs.length ? (pair.asked.competences || []).join(',') : '' });
		const { ms, body } = await timed(s, `/api/v3/plugins/lvl/qa/similar?${q}`, 'similar');
		sim.push(ms);
		found += body.response.questions.length ? 1 : 0;
	}
	return { rows, similar: { ...stats(sim), withResults: found } };
}

module.exports = { measure, stats, LISTS };

if (require.main === module) {
	const [mode, ...args] = process.argv.slice(2);
	if (mode !== 'viewer') {
		console.error('usage: node bench/qa-http.js viewer <config> <password>');
		process.exit(2);
	}
	viewer(...args).then(() => process.exit(0), (err) => {
		console.error(err.stack || err);
		process.exit(1);
	});
}
