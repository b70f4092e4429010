/**
 * The coordinators: a question nobody can be asked about (no available member has its competences) or that is still
 * unclaimed after the last round goes, within one run of the job, to a group the admin names: per category
 * (`qaCoordinatorGroups`, "cid=Group" lines), else globally (`qaCoordinatorGroup`), else the escalation group, else
 * the category's moderators. They get their own notification type (`lvl-qa-coordinator`) and, on the question, a
 * one-click "assign to member" that routes it to the member they choose.
 */
import { neutralFromHost } from '../kernel/text';
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import { canUsePlatform } from '../membership';
import * as settings from '../settings';
import * as competenceStore from '../competences/store';
import { availabilityOf, setState } from './claims';
import { parseCoordinatorGroups, routable } from './promise-rules';
import { deliver } from './quiet';
import * as routing from './routing';
import { pickRecipients, type QaTopic } from './rules';
import * as store from './store';
import { K } from './store';

export const NOTIFICATION_TYPE = 'lvl-qa-coordinator';

/** The coordinators group for a category ('' = none named: the escalation group or the moderators). */
export async function groupFor(cid: number): Promise<string> {
	const s = await settings.get();
	const byCid = parseCoordinatorGroups(s.qaCoordinatorGroups).get(cid);
	for (const name of [byCid, s.qaCoordinatorGroup, s.qaEscalationGroup]) {
		if (name && await nodebb.groups().exists(name)) {
			return name;
		}
	}
	return '';
}

/** Who coordinates a question: the group's members, else the category's moderators, else the global ones. */
export async function coordinatorsOf(t: QaTopic): Promise<number[]> {
	const group = await groupFor(t.cid);
	const groups = nodebb.groups();
	let uids: number[];
	if (group) {
		uids = await groups.getMembers(group, 0, 199);
	} else {
		const [mods = []] = await nodebb.categories().getModeratorUids([t.cid]);
		uids = mods.length ? mods : await groups.getMembers('Global Moderators', 0, 199);
	}
	const readers = await nodebb.privileges().topics.filterUids('topics:read', t.tid, uids);
	return readers.filter(uid => uid !== t.uid);
}

/** The one check for coordinating a question (the panel, the suggestions and the assign route). */
export async function canCoordinate(tid: number, uid: number, known?: QaTopic): Promise<boolean> {
	if (!(uid > 0)) {
		return false;
	}
	const t = known?.tid === tid ? known : await store.getTopic(tid);
	if (t?.type !== 'question') {
		return false;
	}
	if (await nodebb.privileges().topics.isAdminOrMod(tid, uid)) {
		return true;
	}
	const group = await groupFor(t.cid);
	return group !== '' && await nodebb.groups().isMember(uid, group)
		&& await nodebb.privileges().topics.can('topics:read', tid, uid);
}

/** The job: the question goes to the coordinators, now or when their quiet hours end. */
export async function notify(t: QaTopic, now: number): Promise<number> {
	const to = await coordinatorsOf(t);
	// a member a coordinator chose earlier did not take it up: that assignment is over
	await setState(t.tid, { coordinatorAt: now, assignedTo: 0 });
	const title = neutralFromHost(asString((await nodebb.topics().getTopicFields(t.tid, ['title'])).title));
	await deliver(to, {
		type: NOTIFICATION_TYPE, nid: `lvl:qa:coordinator:${String(t.tid)}:${String(now)}`, tid: t.tid, from: t.uid,
		path: `/topic/${String(t.tid)}`, importance: 6,
		bodyShort: `[[lvl-promise:notification.coordinator, ${title}]]`,
	}, now);
	return to.length;
}

export interface Suggestion {
	uid: number;
	username: string;
	userslug: string;
	displayname: string;
	picture: string;
}

/** Up to five available members for the question, best first (members asked before included: they may say yes now). */
export async function suggestions(tid: number, viewer: number, now = Date.now()): Promise<Suggestion[]> {
	if (!await canCoordinate(tid, viewer)) {
		throw new Error('[[error:no-privileges]]');
	}
	const t = await store.getTopic(tid);
	if (!t) {
		throw new Error('[[error:no-topic]]');
	}
	const declined = new Set((await nodebb.db().getSetMembers(K.declined(tid))).map(Number));
	const asker = await competenceStore.getProfile(t.uid);
	const uids = pickRecipients(await routing.candidates(t, now), {
		asker: t.uid, askerLanguages: asker.languages, weeklyCap: Number.MAX_SAFE_INTEGER, count: 5, exclude: declined,
	});
	const users = await nodebb.user().getUsersFields(uids, ['uid', 'username', 'userslug', 'displayname', 'picture']);
	return users.map((u, i) => ({
		uid: uids[i] ?? 0, username: asString(u.username), userslug: asString(u.userslug),
		displayname: asString(u.displayname) || asString(u.username), picture: asString(u.picture),
	}));
}

/** A coordinator routes the question to a member of their choice (a member who may read it, available, not the asker). */
export async function assign(tid: number, by: number, to: number, now = Date.now()): Promise<{ assignedTo: number }> {
	if (!await canCoordinate(tid, by)) {
		throw new Error('[[error:no-privileges]]');
	}
	const t = await store.getTopic(tid);
	if (t?.type !== 'question' || t.status !== 'open' || t.deleted) {
		throw new Error('[[lvl-promise:error.question-closed]]');
	}
	if (!(to > 0) || to === t.uid || !await canUsePlatform(to) || !await nodebb.privileges().topics.can('topics:read', tid, to)) {
		throw new Error('[[lvl-promise:error.cannot-assign]]');
	}
	const [avail] = await availabilityOf([to], now);
	if (!avail || !routable(avail)) {
		throw new Error(avail?.away ? '[[lvl-promise:error.member-away]]' : '[[lvl-promise:error.member-full]]');
	}
	const db = nodebb.db();
	await db.setRemove(K.declined(tid), String(to));
	await routing.sendTo(t, [to], now, 'assigned', by);
	// the job looks again when the member had a round's time to take it up
	await db.sortedSetAdd(K.escalation, now + (await settings.get()).qaEscalateHours * 60 * 60 * 1000, String(tid));
	return { assignedTo: to };
}
