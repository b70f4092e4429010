'use strict';

// The Q&A at association scale (`npm run bench -- --suite=qa`).
//
// It runs on a bench database the directory suite seeded with 50,000 members (their profiles and the competence
// indexes routing reads), with the forum stopped, in NodeBB's process (Node 22, cwd = NodeBB's root):
//   `node bench/qa.js run <config file> <members> <topics> <routings> <pages>`
//  1. seeds <topics> Q&A topics (once; a marker remembers it): 60 % questions, 20 % offers, 10 % wanted posts and
//     10 % discussions over two years, in two platform categories, written in bulk as NodeBB writes a topic and its
//     first post (topic and post hashes and NodeBB's sorted sets), with the plugin's own lists and figures;
//  2. routing: the plugin's routing.route() for <routings> new questions (1–3 competences, drawn with the members'
//     skew) by random members: what routing adds to posting a question (NodeBB runs it after the reply is sent, in
//     action:topic.post), with its notification created and pushed;
//  3. the lists: for each Q&A list, <pages> pages (first, last and random ones) as a verified member, each what the
//     API does: lists.page() and NodeBB's topics.getTopicsByTids() for the page.
// In process, without HTTP: the forum's own cost of a logged-in API read is the directory suite's `ping` row.
// Prints one JSON line. Only the bench profiles' databases are written to.

const os = require('os');
const path = require('path');
const { prng } = require('./roster-data');
const data = require('./directory-data');
const { ROOT, loadNodebb, peakRssMb } = require('./in-nodebb');

const SEED_MARKER = 'bench:qa:seed';
const DIRECTORY_MARKER = 'bench:directory:seed';
const DAY = 24 * 60 * 60 * 1000;
const LISTS = ['unanswered', 'unsolved', 'solved', 'for-you', 'mine', 'offers', 'wanted'];

function percentile(sorted, p) {
	if (!sorted.length) {
		return 0;
	}
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(values) {
	const s = [...values].sort((a, b) => a - b);
	return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] || 0 };
}

/** Competences for a topic, with the members' skew (popular competences are asked about more). */
function competencesFor(r, pop, count) {
	const out = new Set();
	while (out.size < count) {
		const x = r.next() * pop.cumulative[pop.cumulative.length - 1];
		out.add(pop.keys[pop.cumulative.findIndex(c => c >= x)]);
	}
	return [...out];
}

async function seedTopics(nbb, count, members) {
	const { db, host, plugin } = nbb;
	const categories = host('./src/categories');
	const settings = plugin('settings.js');
	const store = plugin('qa/store.js');
	const say = msg => process.stderr.write(`[qa seed] ${msg}\n`);
	const t0 = performance.now();
	const [questionsCat, offersCat] = await Promise.all([
		categories.create({ name: 'Bench: vragen', description: 'Vragen en antwoorden' }),
		categories.create({ name: 'Bench: aanbod en gezocht', description: 'Aanbod en gezocht' }),
	]);
	const s = await settings.get();
	await settings.save({ platformCids: [...new Set([...s.platformCids, questionsCat.cid, offersCat.cid])] });
	await plugin('platform/service.js').applyPlatformPrivileges();

	const r = prng(20261125);
	const pop = data.popularity();
	const now = Date.now();
	const span = 2 * 365 * DAY;
	const firstTid = (Number(await db.getObjectField('global', 'nextTid')) || 0) + 1;
	const firstPid = (Number(await db.getObjectField('global', 'nextPid')) || 0) + 1;
	const counts = { question: 0, offer: 0, wanted: 0, discussion: 0 };
	// question titles as members write them (the labelled similar-questions corpus, nl and fr), so the similar-questions
	// index holds realistic terms; offers, wanted and discussions keep a short generated title
	const corpus = require(path.join(ROOT, 'test', 'fixtures', 'similar-pairs.json')).corpus.map(q => q.title);
	const questionTids = []; // the questions, for the similar-questions index (bench/scale.js)
	const perCid = { [questionsCat.cid]: 0, [offersCat.cid]: 0 };
	const CHUNK = 1000;
	for (let start = 0; start < count; start += CHUNK) {
		const objects = [];
		const zsets = [];
		for (let i = start; i < Math.min(count, start + CHUNK); i += 1) {
			const tid = firstTid + i;
			const pid = firstPid + i;
			const x = r.next();
			const type = x < 0.6 ? 'question' : x < 0.8 ? 'offer' : x < 0.9 ? 'wanted' : 'discussion';
			counts[type] += 1;
			const timestamp = now - span + Math.floor((i / count) * span) + r.int(0, 60000);
			const age = now - timestamp;
			const uid = members[r.int(0, members.length - 1)];
			const cid = type === 'offer' || type === 'wanted' ? offersCat.cid : questionsCat.cid;
			perCid[cid] += 1;
			const competences = type === 'question' ? competencesFor(r, pop, r.int(1, 3)) : type === 'discussion' ? [] : competencesFor(r, pop, r.int(0, 2));
			let status = '';
			let firstReplyAt = 0;
			let acceptedAt = 0;
			let expiresAt = 0;
			if (type === 'question') {
				if (r.next() < (age > 7 * DAY ? 0.8 : 0.4)) {
					firstReplyAt = timestamp + r.int(10 * 60 * 1000, 4 * DAY);
				}
				status = firstReplyAt && age > 30 * DAY && r.next() < 0.6 ? 'solved' : 'open';
				if (status === 'solved') {
					acceptedAt = firstReplyAt + r.int(60 * 60 * 1000, 10 * DAY);
				}
			} else if (type !== 'discussion') {
				expiresAt = timestamp + 60 * DAY;
				status = expiresAt > now ? 'open' : r.pick(['expired', 'expired', 'fulfilled', 'closed']);
				if (status !== 'open') {
					expiresAt = 0;
				}
			}
			const title = type === 'question' ? corpus[r.int(0, corpus.length - 1)]
				: `${type === 'offer' ? 'Aanbod' : type === 'wanted' ? 'Gezocht' : 'Gesprek'} ${i + 1}: ${competences.join(', ') || 'algemeen'}`;
			if (type === 'question') {
				questionTids.push({ tid, pid, title, competences, timestamp, status });
			}
			objects.push([`topic:${tid}`, {
				tid, uid, cid, mainPid: pid, title, slug: `${tid}/bench-${type}-${i + 1}`, timestamp, lastposttime: timestamp,
				postcount: 1, viewcount: 0, postercount: 1, upvotes: 0, downvotes: 0, deleted: 0, locked: 0, pinned: 0,
				lvlType: type, lvlStatus: status, lvlCompetences: JSON.stringify(competences), lvlAccepted: '[]',
				lvlFirstReplyAt: firstReplyAt, lvlAcceptedAt: acceptedAt, lvlExpiresAt: expiresAt,
			}]);
			objects.push([`post:${pid}`, { pid, uid, tid, content: `${title}. Wie kan helpen?`, timestamp, deleted: 0, upvotes: 0, downvotes: 0 }]);
			for (const [key, score] of [
				['topics:tid', timestamp], ['topics:recent', timestamp], ['topics:posts', 1], ['topics:views', 0], ['topics:votes', 0],
				[`cid:${cid}:tids`, timestamp], [`cid:${cid}:tids:create`, timestamp], [`cid:${cid}:tids:posts`, 1],
				[`cid:${cid}:tids:votes`, 0], [`cid:${cid}:tids:views`, 0], [`cid:${cid}:uid:${uid}:tids`, timestamp], [`uid:${uid}:topics`, timestamp],
			]) {
				zsets.push([key, score, String(tid)]);
			}
			for (const [key, score] of [['posts:pid', timestamp], [`cid:${cid}:pids`, timestamp], [`uid:${uid}:posts`, timestamp]]) {
				zsets.push([key, score, String(pid)]);
			}
			// the plugin's own lists and figures, with its own key names
			const t = { tid, cid, uid, type, status, competences };
			zsets.push([store.K.type(type), timestamp, String(tid)], [store.K.mine(uid), timestamp, String(tid)]);
			if (status) {
				zsets.push([store.K.status(status), timestamp, String(tid)]);
			}
			if (type === 'question') {
				if (status === 'open') {
					zsets.push([store.K.openQuestions, timestamp, String(tid)]);
				}
				for (const c of competences) {
					zsets.push([store.K.competenceQuestions(c), timestamp, String(tid)]);
					if (status === 'open') {
						zsets.push([store.K.competenceOpen(c), timestamp, String(tid)]);
					}
				}
				if (!firstReplyAt) {
					zsets.push([store.K.unanswered, timestamp, String(tid)]);
				}
				for (const scope of store.statScopes(t)) {
					zsets.push([store.K.statQuestions(scope), timestamp, String(tid)]);
					if (firstReplyAt) {
						zsets.push([store.K.statFirstReply(scope), firstReplyAt - timestamp, String(tid)]);
					}
					if (acceptedAt) {
						zsets.push([store.K.statAccepted(scope), acceptedAt - timestamp, String(tid)]);
					}
				}
			} else if (status === 'open' && expiresAt) {
				zsets.push([store.K.expiry, expiresAt, String(tid)]);
			}
		}
		await db.setObjectBulk(objects);
		await db.sortedSetAddBulk(zsets);
		if ((start + CHUNK) % 20000 === 0) {
			say(`${start + CHUNK} topics (${Math.round((performance.now() - t0) / 1000)} s)`);
		}
	}
	await db.setObject('global', { nextTid: firstTid + count - 1, nextPid: firstPid + count - 1 });
	await db.incrObjectFieldBy('global', 'topicCount', count);
	await db.incrObjectFieldBy('global', 'postCount', count);
	for (const [cid, n] of Object.entries(perCid)) {
		await db.incrObjectFieldBy(`category:${cid}`, 'topic_count', n);
		await db.incrObjectFieldBy(`category:${cid}`, 'post_count', n);
	}
	return { count, counts, cids: [questionsCat.cid, offersCat.cid], seedMs: performance.now() - t0, questionTids };
}

async function run(configFile, membersArg, topicsArg, routingsArg, pagesArg) {
	const wantMembers = Number(membersArg);
	const wantTopics = Number(topicsArg);
	const routings = Number(routingsArg || 300);
	const pages = Number(pagesArg || 30);
	const nbb = await loadNodebb(configFile);
	const { db, host, plugin } = nbb;
	const topics = host('./src/topics');
	const say = msg => process.stderr.write(`[qa] ${msg}\n`);
	try {
		const dir = await db.getObject(DIRECTORY_MARKER);
		const dirSeed = dir ? JSON.parse(dir.result) : null;
		if (!dirSeed || dirSeed.count !== wantMembers) {
			throw new Error(`this bench database holds no directory seeded with ${wantMembers} members: run the directory suite at that size first`);
		}
		const { membersGroup } = await plugin('settings.js').get();
		const members = (await db.getSortedSetRange(`group:${membersGroup}:members`, 0, -1)).map(Number);
		let seed = await db.getObject(SEED_MARKER);
		if (!seed || Number(seed.count) !== wantTopics) {
			if (seed) {
				throw new Error(`this bench database already holds ${seed.count} seeded Q&A topics, not ${wantTopics}: seed the directory afresh first`);
			}
			say(`seeding ${wantTopics} Q&A topics`);
			const result = await seedTopics(nbb, wantTopics, members);
			await db.setObject(SEED_MARKER, { count: wantTopics, seededAt: Date.now(), result: JSON.stringify(result) });
			seed = await db.getObject(SEED_MARKER);
			say(`seeded in ${Math.round(result.seedMs / 1000)} s`);
		}
		const seedResult = JSON.parse(seed.result);
		delete seedResult.questionTids; // the seeder's list of questions (bench/scale.js), not part of the output
		if (!await db.exists(plugin('qa/store.js').K.openQuestions)) {
			// a database seeded before the open questions had a key of their own: the plugin's upgrade fills it
			await require(path.join(ROOT, 'build', 'upgrades', 'lvl-qa-open-questions.js')).method();
		}

		// 2. routing
		const routing = plugin('qa/routing.js');
		const store = plugin('qa/store.js');
		const r = prng(20261126);
		// real open questions of the seed (routing asks NodeBB who may read the topic), routed at noon in the forum's time
		// zone (outside the default quiet hours: the common case, notifications delivered at once); what each routing
		// wrote is taken out afterwards, so the next run finds the same state
		const noon = new Date();
		noon.setUTCHours(11, 0, 0, 0);
		const at = noon.getTime() > Date.now() ? noon.getTime() - 86400000 : noon.getTime();
		const tids = (await db.getSortedSetRevRange(store.K.openQuestions, 0, routings + 60)).map(Number);
		const routeMs = [];
		const asked = [];
		const routed = [];
		for (const tid of tids) {
			if (routed.length >= routings + 20) {
				break;
			}
			const t = await store.getTopic(tid);
			if (!t || !t.competences.length || await db.sortedSetCard(store.K.routedFor(tid))) {
				continue;
			}
			routed.push(tid);
			const t0 = performance.now();
			const picked = await routing.route(t, undefined, at);
			const ms = performance.now() - t0;
			if (routed.length > 20) {
				// the first 20 warm the process up, as after any start
				routeMs.push(ms);
				asked.push(picked.length);
			}
		}
		// NodeBB pushes notifications 0.5 s later, in the background: let them finish, then take the routings out
		await new Promise(res => setTimeout(res, 2500));
		for (const tid of routed) {
			const uids = await db.getSortedSetRange(store.K.routedFor(tid), 0, -1);
			await Promise.all(uids.map(uid => db.sortedSetRemove(store.K.routedTo(Number(uid)), String(tid))));
			await db.sortedSetRemove(store.K.routings, uids.map(uid => `${uid}:${tid}`));
			await db.delete(store.K.routedFor(tid));
			await db.delete(store.K.promise(tid));
		}
		say(`routing: p50 ${stats(routeMs).p50.toFixed(1)} ms, p95 ${stats(routeMs).p95.toFixed(1)} ms`);

		// 3. the lists, as a verified member who has competences (the "for you" list needs them)
		const lists = plugin('qa/lists.js');
		const profiles = await Promise.all(members.slice(0, 200).map(uid => plugin('competences/store.js').getProfile(uid)));
		const viewer = members[profiles.findIndex(p => p.competences.length >= 6)] || members[0];
		const perList = {};
		for (const list of LISTS) {
			const first = await lists.page(list, viewer, 1);
			const plan = [1, first.pageCount, ...Array.from({ length: Math.max(0, pages - 2) }, () => r.int(1, first.pageCount))];
			const ms = [];
			for (const p of plan) {
				const t0 = performance.now();
				const page = await lists.page(list, viewer, p);
				await topics.getTopicsByTids(page.tids, viewer);
				ms.push(performance.now() - t0);
			}
			perList[list] = { ...stats(ms), total: first.total, pageCount: first.pageCount };
			say(`${list}: ${first.total} topics in ${first.pageCount} pages; p50 ${perList[list].p50.toFixed(1)} ms, p95 ${perList[list].p95.toFixed(1)} ms`);
		}
		process.stdout.write(`${JSON.stringify({
			members: members.length, topics: seedResult, routing: { ...stats(routeMs), askedAvg: asked.reduce((a, b) => a + b, 0) / Math.max(1, asked.length) },
			lists: perList, peakRssMb: peakRssMb(),
		})}\n`);
	} finally {
		await db.close();
	}
}

/* ====================================================================================================
 * in the bench (scripts/bench.js --suite=qa)
 * ==================================================================================================== */

const fmt = ms => (ms >= 100 ? String(Math.round(ms)) : ms.toFixed(1));

const TARGET_LIST_MS = 30;
const TARGET_SIMILAR_MS = 30;

/**
 * --suite=qa: on each seeded scale (bench/scale.js) and database, routing and the lists in process (run above), then
 * over HTTP the lists at page 1 and 50 against NodeBB's /api/recent and /api/unread, and the similar questions
 * (bench/qa-http.js).
 */
async function runSuite(h, opts) {
	const scale = require('./scale');
	const http = require('./qa-http');
	const started = Date.now();
	const rows = [];
	const missed = [];
	const password = 'Bench-lezer-2026!';
	for (const db of h.databases) {
		for (const size of opts.scales) {
			const { f, seed } = scale.ensureScale(h, db, size, opts);
			h.log(`${db} @ ${size}: Q&A in process (${seed.topics} topics)`);
			const load = os.loadavg();
			const r = h.runInNodebb(h.nbb, [__filename, 'run', f.configFile, String(size), String(seed.topics), String(opts.routings), String(opts.pages)], { stdio: 'pipe', timeout: 60 * 60 * 1000 });
			process.stderr.write(String(r.stderr || ''));
			if (r.status !== 0) {
				throw new Error(`the Q&A bench on ${db} @ ${size} failed:\n${String(r.stderr).slice(-2000)}`);
			}
			const out = JSON.parse(String(r.stdout).trim().split('\n').pop());
			Object.assign(out, { db, size, topicCount: seed.topics, load });
			const v = h.runInNodebb(h.nbb, [path.join(__dirname, 'qa-http.js'), 'viewer', f.configFile, password], { stdio: 'pipe', timeout: 10 * 60 * 1000 });
			if (v.status !== 0) {
				throw new Error(`preparing the viewer on ${db} @ ${size} failed:\n${String(v.stderr).slice(-2000)}`);
			}
			const viewer = JSON.parse(String(v.stdout).trim().split('\n').pop());
			await h.forum.start(h.nbb, `bench-${db}`);
			try {
				h.log(`${db} @ ${size}: lists, NodeBB's lists and similar questions over HTTP as ${viewer.username}`);
				out.http = await http.measure(h, f, viewer, password, { repeats: opts.repeats || 20 });
				out.loadAfter = os.loadavg();
			} finally {
				h.forum.stop(`bench-${db}`);
			}
			rows.push(out);
			if (out.routing.p95 > 10) {
				missed.push(`${db} @ ${size}: routing p95 ${fmt(out.routing.p95)} ms (target 10 ms)`);
			}
			if (seed.topics >= 100000) {
				for (const x of out.http.rows.filter(x => !x.reference && x.p95 > TARGET_LIST_MS)) {
					missed.push(`${db} @ ${size}: ${x.what} page ${x.page} p95 ${fmt(x.p95)} ms (target ${TARGET_LIST_MS} ms)`);
				}
				if (out.http.similar.p95 > TARGET_SIMILAR_MS) {
					missed.push(`${db} @ ${size}: similar questions p95 ${fmt(out.http.similar.p95)} ms (target ${TARGET_SIMILAR_MS} ms)`);
				}
			}
		}
		scale.useScale(h.forum, db, null);
	}
	const n = x => Number(x).toLocaleString('en');
	const lines = [
		'# Benchmark: routing, the Q&A lists and similar questions, side by side with NodeBB',
		'',
		`Run ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC (took ${Math.round((Date.now() - started) / 1000)} s) by \`npm run bench -- --suite=qa\` on the seeded scales`,
		'(`bench/scale.js`: members with their competence profiles, Q&A topics written in bulk: 60 % questions with titles from',
		'the labelled similar-questions corpus, 20 % offers, 10 % wanted, 10 % discussions over two years, every question in the',
		'similar-questions index). **Routing**: in NodeBB\'s process, the plugin\'s `routing.route()` for new questions of 1–3',
		'competences by random members (notification created and pushed); what routing adds to posting a question.',
		'**Lists over HTTP**: one verified member with competences and questions of their own, one request at a time over',
		'keep-alive HTTP to 127.0.0.1, in alternating rounds (every list and every reference once per round, so a change of the',
		`machine's load hits all alike), ${opts.repeats || 20} rounds after one warm-up: each list at page 1 and page 50 (of 20 topics;`,
		'NodeBB\'s topic data included, as the page shows it), NodeBB\'s own `/api/recent` and `/api/unread` at the same pages and',
		'`/api/v3/ping` (NodeBB\'s floor for a logged-in API request). **Similar questions**: `GET /api/v3/plugins/lvl/qa/similar`',
		'for the labelled pairs\' asked titles (nl, fr, mixed), with their competence and without, in the questions\' category.',
		'',
		`Targets (#16, #15): routing p95 ≤ 10 ms at 50,000 and 100,000 members; each list p95 ≤ ${TARGET_LIST_MS} ms at 100,000 topics; similar questions p95 ≤ ${TARGET_SIMILAR_MS} ms at 100,000 topics.`,
		'',
		'## Routing and similar questions',
		'',
		'| database | members | topics | routing p50 / p95 / max ms | members asked (avg) | similar questions p50 / p95 / max ms | with a result | load average (1/5/15) before → after |',
		'|---|---:|---:|---|---:|---|---:|---|',
	];
	for (const o of rows) {
		const sim = o.http.similar;
		lines.push(`| ${o.db} | ${n(o.size)} | ${n(o.topicCount)} | ${fmt(o.routing.p50)} / **${fmt(o.routing.p95)}** / ${fmt(o.routing.max)} | ${o.routing.askedAvg.toFixed(1)} | ${fmt(sim.p50)} / **${fmt(sim.p95)}** / ${fmt(sim.max)} | ${sim.withResults}/${sim.n} | ${o.load.map(x => x.toFixed(1)).join(' / ')} → ${o.loadAfter.map(x => x.toFixed(1)).join(' / ')} |`);
	}
	lines.push('', '## The lists over HTTP, against NodeBB\'s own lists (same forum, same member, same rounds)', '');
	lines.push('| database | members | topics | list | page | p50 ms | p95 ms | max ms | p95 / NodeBB /api/recent same page | entries |');
	lines.push('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|');
	for (const o of rows) {
		const recent = Object.fromEntries(o.http.rows.filter(x => x.what === 'NodeBB /api/recent').map(x => [x.page === 1 ? 'first' : 'deep', x]));
		for (const x of o.http.rows) {
			const ref = x.page === 1 ? recent.first : recent.deep;
			const ratio = ref && !x.what.startsWith('NodeBB /api/v3') ? `${(x.p95 / ref.p95).toFixed(2)}×` : '';
			const bold = !x.reference && o.topicCount >= 100000;
			lines.push(`| ${o.db} | ${n(o.size)} | ${n(o.topicCount)} | ${x.what} | ${x.page} | ${fmt(x.p50)} | ${bold ? `**${fmt(x.p95)}**` : fmt(x.p95)} | ${fmt(x.max)} | ${ratio} | ${x.total === '' || x.total === undefined ? '' : n(x.total)} |`);
		}
	}
	lines.push('', '## In process (no HTTP): the plugin\'s lists.page() + NodeBB\'s getTopicsByTids, first, last and random pages', '');
	lines.push('| database | members | topics | list | n | p50 ms | p95 ms | max ms | entries |', '|---|---:|---:|---|---:|---:|---:|---:|---:|');
	for (const o of rows) {
		for (const [list, st] of Object.entries(o.lists)) {
			lines.push(`| ${o.db} | ${n(o.size)} | ${n(o.topicCount)} | ${list} | ${st.n} | ${fmt(st.p50)} | ${fmt(st.p95)} | ${fmt(st.max)} | ${n(st.total)} |`);
		}
	}
	return { markdown: lines.join('\n'), rows, missed };
}

module.exports = { run, stats, runSuite, seedTopics };

if (require.main === module) {
	const [mode, ...args] = process.argv.slice(2);
	if (mode !== 'run') {
		console.error('usage: node bench/qa.js run <config file> <members> <topics> <routings> <pages>');
		process.exit(2);
	}
	run(...args).then(() => process.exit(0), (err) => {
		console.error(err.stack || err);
		process.exit(1);
	});
}
