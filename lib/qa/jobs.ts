/**
 * The Q&A's scheduled work, every 5 minutes on the one NodeBB process that runs jobs: escalating questions nobody
 * answered (next matches, then the moderators or a chosen group), reminding askers to accept an answer, and
 * reminding and expiring offers and wanted posts. Each part reads only what is due (sorted sets scored by time), so a
 * run costs what is due, not what exists. `run(now)` is what the tests call.
 */
import { neutralFromHost } from '../kernel/text';
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import * as claims from './claims';
import * as coordinator from './coordinator';
import { cascadeStep } from './promise-rules';
import * as quiet from './quiet';
import * as routing from './routing';
import { escalationStep, type QaTopic } from './rules';
import * as store from './store';
import * as topics from './topics';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** topics handled per part and run; what is left waits for the next run */
const BATCH = 200;

export interface RunReport {
	nextMatches: number;
	moderators: number;
	askerReminders: number;
	expiryReminders: number;
	expired: number;
	claimsExpired: number;
	coordinators: number;
	delivered: number;
}

async function titleOf(tid: number): Promise<string> {
	return neutralFromHost(asString((await nodebb.topics().getTopicFields(tid, ['title'])).title));
}

async function notify(uids: number[], data: nodebb.NotificationData): Promise<void> {
	const to = [...new Set(uids)].filter(uid => uid > 0);
	if (!to.length) {
		return;
	}
	try {
		const n = nodebb.notifications();
		await n.push(await n.create(data), to);
	} catch (err) {
		nodebb.log.error(`Q&A notification ${data.nid} failed: ${String(err)}`);
	}
}

/** Who is told about a question nobody answered: the chosen group, else the category's moderators, else the global ones. */
async function escalationRecipients(cid: number): Promise<number[]> {
	const s = await settings.get();
	const groups = nodebb.groups();
	if (s.qaEscalationGroup && await groups.exists(s.qaEscalationGroup)) {
		return groups.getMembers(s.qaEscalationGroup, 0, 199);
	}
	const [mods = []] = await nodebb.categories().getModeratorUids([cid]);
	return mods.length ? mods : groups.getMembers('Global Moderators', 0, 199);
}

async function tellModerators(t: QaTopic, days: number): Promise<void> {
	const title = await titleOf(t.tid);
	const told = await nodebb.privileges().topics.filterUids('topics:read', t.tid, await escalationRecipients(t.cid));
	await notify(told.filter(uid => uid !== t.uid), {
		type: 'lvl-qa', nid: `lvl:qa:escalated:${String(t.tid)}`, tid: t.tid, from: t.uid, path: `/topic/${String(t.tid)}`,
		bodyShort: `[[${NS}:qa.notification.escalated, ${title}, ${String(days)}]]`,
	});
}

/**
 * An open question nobody answered yet: the promise's cascade (promise-rules.cascadeStep) — a claim holds it, an
 * expired claim, a round without a claim or one everybody declined passes it on, after the last round or when nobody
 * can be asked it goes to the coordinators. Returns when to look again.
 */
async function cascade(t: QaTopic, now: number, report: RunReport): Promise<number | null> {
	const s = await settings.get();
	const times = { roundMs: s.qaEscalateHours * HOUR, rounds: s.qaRounds, moderatorsMs: s.qaModeratorDays * DAY };
	// a few steps at most: an expired claim, then the next round or the coordinators
	for (let i = 0; i < 4; i += 1) {
		const [state, { routed, declined }] = await Promise.all([claims.stateOf(t.tid), store.routedAndDeclined(t.tid)]);
		const step = cascadeStep({ open: t.status === 'open' && !t.deleted, answered: t.firstReplyAt > 0, timestamp: t.timestamp, routed, declined, state }, now, times);
		if (step.action === 'expire-claim') {
			await claims.expire(t.tid, state, now);
			report.claimsExpired += 1;
			continue;
		}
		if (step.action === 'next-round') {
			if ((await routing.route(t, undefined, now)).length) {
				report.nextMatches += 1;
				if (t.escalation < 1) {
					await store.setTopicFields(t.tid, { lvlEscalation: 1 });
				}
				return now + times.roundMs;
			}
			// nobody left to ask: the coordinators, at once
			await claims.setState(t.tid, { round: Math.max(state.round, s.qaRounds) });
			continue;
		}
		if (step.action === 'coordinator') {
			await coordinator.notify(t, now);
			report.coordinators += 1;
			continue;
		}
		if (step.action === 'moderators') {
			await tellModerators(t, s.qaModeratorDays);
			await claims.setState(t.tid, { moderatorsAt: now });
			await store.setTopicFields(t.tid, { lvlEscalation: 2 });
			report.moderators += 1;
			continue;
		}
		return step.next;
	}
	return now + times.roundMs;
}

async function escalate(now: number, report: RunReport): Promise<void> {
	const s = await settings.get();
	const times = { nextMatchesMs: s.qaEscalateHours * HOUR, moderatorsMs: s.qaModeratorDays * DAY, reminderMs: s.qaAcceptReminderDays * DAY };
	for (const t of await store.getTopics(await store.due('escalation', now, BATCH))) {
		if (!t) {
			continue;
		}
		let next: number | null;
		if (t.type === 'question' && t.status === 'open' && !t.deleted && !t.firstReplyAt) {
			next = await cascade(t, now, report);
		} else {
			// answered (or closed): only the reminder to accept an answer remains
			const step = escalationStep(t, now, times);
			if (step.action === 'remind-asker') {
				const title = await titleOf(t.tid);
				await notify([t.uid], {
					type: 'lvl-qa', nid: `lvl:qa:remind-accept:${String(t.tid)}`, tid: t.tid, path: `/topic/${String(t.tid)}`,
					bodyShort: `[[${NS}:qa.notification.remind-accept, ${title}]]`,
				});
				report.askerReminders += 1;
			}
			if (step.stage !== t.escalation) {
				await store.setTopicFields(t.tid, { lvlEscalation: step.stage });
			}
			next = step.next;
		}
		await store.schedule('escalation', t.tid, next);
	}
}

async function expire(now: number, report: RunReport): Promise<void> {
	const remind = await store.due('expiryReminder', now, BATCH);
	for (const [i, t] of (await store.getTopics(remind)).entries()) {
		await store.schedule('expiryReminder', t?.tid ?? remind[i] ?? 0, null);
		if (t?.status !== 'open' || !t.expiresAt || t.expiresAt <= now) {
			continue;
		}
		const days = Math.max(1, Math.ceil((t.expiresAt - now) / DAY));
		await notify([t.uid], {
			type: 'lvl-qa', nid: `lvl:qa:expiry-reminder:${String(t.tid)}:${String(t.expiresAt)}`, tid: t.tid, path: `/topic/${String(t.tid)}`,
			bodyShort: `[[${NS}:qa.notification.expiry-reminder, ${await titleOf(t.tid)}, ${String(days)}]]`,
		});
		report.expiryReminders += 1;
	}
	const gone = await store.due('expiry', now, BATCH);
	for (const [i, t] of (await store.getTopics(gone)).entries()) {
		if (t?.status !== 'open') {
			await store.schedule('expiry', t?.tid ?? gone[i] ?? 0, null);
			continue;
		}
		await topics.setStatus(t.tid, 'expired', 'system');
		await notify([t.uid], {
			type: 'lvl-qa', nid: `lvl:qa:expired:${String(t.tid)}:${String(t.expiresAt)}`, tid: t.tid, path: `/topic/${String(t.tid)}`,
			bodyShort: `[[${NS}:qa.notification.expired, ${await titleOf(t.tid)}]]`,
		});
		report.expired += 1;
	}
}

/** One run of the Q&A jobs as at `now`. A lock keeps two runs from overlapping (a slow run, or a misconfigured cluster). */
export async function run(now = Date.now()): Promise<RunReport> {
	const report: RunReport = { nextMatches: 0, moderators: 0, askerReminders: 0, expiryReminders: 0, expired: 0, claimsExpired: 0, coordinators: 0, delivered: 0 };
	if (!await store.lock('jobs')) {
		return report;
	}
	try {
		await escalate(now, report);
		await expire(now, report);
		report.delivered = await quiet.drain(now);
	} finally {
		await store.unlock('jobs');
	}
	return report;
}

export async function start(): Promise<void> {
	await nodebb.addJob({
		name: 'lvl:qa',
		cronTime: '0 */5 * * * *',
		onTick: async () => {
			const r = await run();
			if (Object.values(r).some(Boolean)) {
				nodebb.log.info(`Q&A jobs: ${JSON.stringify(r)}`);
			}
		},
	});
}
