/**
 * Warnings that cite an article: given by a moderator on a flag, a post or a member; the member is told with the
 * article quoted in their language; a NodeBB moderation note keeps it next to the other notes; the ladder proposes
 * the next step, which the moderator confirms and NodeBB's own tools carry out (post queue, mute, ban).
 */
import { asString } from '../coerce';
import { neutral } from '../kernel/text';
import { memberLanguage } from '../kernel/lang';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { current } from './charter';
import { assertWarnable, canApplyStep, canRevoke, canSeeWarning, canWarn, ERR_NO_PRIVILEGES, resolveTarget } from './permissions';
import { charterLang, ENS, isActive, type LadderStep, numberOf, parseLadder, proposeStep, type StepAction, STEP_ACTIONS } from './rules';
import * as store from './store';

const DAY = 24 * 60 * 60 * 1000;
export const NOTIFICATION_TYPE = 'lvl-engagement';


/** Notification text is member text: neutralised for HTML and as a token argument (lib/kernel/text.ts). */
const arg = neutral;

export interface GiveInput { uid?: unknown; pid?: unknown; flagId?: unknown; articleId?: unknown; note?: unknown }

export async function give(caller: number, input: GiveInput): Promise<{ warning: store.Warning; active: number; proposal: LadderStep | null }> {
	const target = await resolveTarget(input);
	if (!await canWarn(caller, target)) {
		throw new Error(ERR_NO_PRIVILEGES);
	}
	await assertWarnable(target);
	const charter = await current();
	const articleId = asString(input.articleId, 20);
	const number = charter ? numberOf(charter.articles, articleId) : 0;
	const article = charter?.articles[number - 1];
	if (!charter || !article) {
		throw new Error(`[[${ENS}:error.no-such-article]]`);
	}
	const s = await settings.get();
	const now = Date.now();
	const warning = await store.createWarning({
		uid: target.uid, by: caller, articleId, number, version: charter.version,
		title: article.title, body: article.body, note: asString(input.note, 1000),
		pid: target.pid, flagId: target.flagId, createdAt: now, expiresAt: now + s.warningDays * DAY, revokedAt: 0, step: '', stepUntil: 0,
	});
	await Promise.all([tell(warning), noteFor(warning), nodebb.events().log({ type: 'lvl-warning', uid: caller, targetUid: target.uid, article: articleId, warningId: warning.id })]);
	if (target.flagId) {
		await nodebb.moderationFlags().appendNote(target.flagId, caller, await nodebb.translator().translate(
			`[[${ENS}:flag.warned, ${String(number)}, ${arg(article.title[charterLang(await memberLanguage(caller))])}]]`,
			await memberLanguage(caller),
		)).catch((err: unknown) => { nodebb.log.warn(`flag note for warning ${String(warning.id)}: ${String(err)}`); });
	}
	const active = await store.activeCount(target.uid, now);
	// the proposal goes to who may confirm it (admins and global moderators): a category moderator only warns
	const proposal = await canApplyStep(caller, warning) ? proposeStep(parseLadder(s.warningLadder), active) : null;
	return { warning, active, proposal };
}

/** The member is told, with the article quoted in their own language. */
async function tell(w: store.Warning): Promise<void> {
	try {
		const lang = charterLang(await memberLanguage(w.uid));
		const n = await nodebb.notifications().create({
			type: NOTIFICATION_TYPE,
			nid: `lvl:engagement:warning:${String(w.id)}`,
			bodyShort: `[[${ENS}:notification.warning, ${String(w.number)}, ${arg(w.title[lang])}]]`,
			bodyLong: neutral(`${w.body[lang]}${w.note ? `\n\n${w.note}` : ''}`),
			path: '/gedragscode#lvl-my-warnings',
			from: w.by,
			importance: 6,
		});
		await nodebb.notifications().push(n, [w.uid]);
	} catch (err) {
		nodebb.log.error(`warning notification ${String(w.id)} failed: ${String(err)}`);
	}
}

/** The warning as a NodeBB moderation note, in the forum's language, so moderators see it with the other notes. */
async function noteFor(w: store.Warning): Promise<void> {
	try {
		const forumLang = asString(nodebb.meta().config.defaultLang) || 'nl';
		const lang = charterLang(forumLang);
		const until = new Date(w.expiresAt).toISOString().slice(0, 10);
		const text = await nodebb.translator().translate(
			`[[${ENS}:note.warning, ${String(w.number)}, ${arg(w.title[lang])}, ${String(w.version)}, ${until}]]`, forumLang);
		const plain = text.replace(/&#44;/g, ',').replace(/&#37;/g, '%');
		await nodebb.moderationUser().appendModerationNote({ uid: w.uid, noteData: { uid: w.by, note: `${plain}${w.note ? `\n\n${w.note}` : ''}`, timestamp: Date.now() } });
	} catch (err) {
		nodebb.log.error(`moderation note for warning ${String(w.id)} failed: ${String(err)}`);
	}
}

/**
 * The moderator confirms the ladder's step for the member a warning concerns: their new posts go to NodeBB's post
 * queue, or NodeBB mutes or bans them (its own API: privileges, records and events as when done by hand). Only the
 * step the ladder proposes for the member's active warnings now, on a warning that still counts and has no step yet,
 * for its days (a request for another action or other days is refused).
 */
export async function applyStep(caller: { uid: number; ip?: string }, warningId: number, actionRaw: unknown, daysRaw: unknown): Promise<store.Warning> {
	const w = await store.getWarning(warningId);
	if (!w) {
		throw new Error(`[[${ENS}:error.no-such-warning]]`);
	}
	if (!await canApplyStep(caller.uid, w)) {
		throw new Error(ERR_NO_PRIVILEGES);
	}
	const now = Date.now();
	if (!isActive(w, now) || w.step) {
		throw new Error(`[[${ENS}:error.step-not-proposed]]`);
	}
	const proposal = proposeStep(parseLadder((await settings.get()).warningLadder), await store.activeCount(w.uid, now));
	const action = asString(actionRaw) as StepAction;
	const days = daysRaw === undefined || daysRaw === '' ? proposal?.days : Number(daysRaw);
	if (!STEP_ACTIONS.includes(action)) {
		throw new Error(`[[${ENS}:error.bad-step]]`);
	}
	if (!proposal || proposal.action !== action || proposal.days !== days) {
		throw new Error(`[[${ENS}:error.step-not-proposed]]`);
	}
	const until = now + proposal.days * DAY;
	const lang = asString(nodebb.meta().config.defaultLang) || 'nl';
	const reason = (await nodebb.translator().translate(`[[${ENS}:step.reason, ${String(w.number)}, ${arg(w.title[charterLang(lang)])}]]`, lang)).replace(/&#44;/g, ',').replace(/&#37;/g, '%');
	if (action === 'queue') {
		await nodebb.db().sortedSetAdd(store.K.queue, Math.max(until, await store.queuedUntil(w.uid)), String(w.uid));
	} else if (action === 'mute') {
		await nodebb.usersWriteApi().mute(caller, { uid: w.uid, until, reason });
	} else {
		await nodebb.usersWriteApi().ban(caller, { uid: w.uid, until, reason });
	}
	await store.setWarningFields(w.id, { step: action, stepUntil: until });
	await nodebb.events().log({ type: 'lvl-warning-step', uid: caller.uid, targetUid: w.uid, warningId: w.id, step: action, until });
	return { ...w, step: action, stepUntil: until };
}

/** A moderator takes a warning back (given in error): it no longer counts, and stays in the history as revoked. */
export async function revoke(caller: number, warningId: number): Promise<store.Warning> {
	const w = await store.getWarning(warningId);
	if (!w) {
		throw new Error(`[[${ENS}:error.no-such-warning]]`);
	}
	if (!await canRevoke(caller, w)) {
		throw new Error(ERR_NO_PRIVILEGES);
	}
	const now = Date.now();
	await store.setWarningFields(w.id, { revokedAt: now });
	await nodebb.db().sortedSetRemove(store.K.warningsActive, String(w.id));
	return { ...w, revokedAt: now };
}

/** A member's warnings, with which are active: all of them, or (with `caller`) those the caller may read. */
export async function listFor(uid: number, caller?: number): Promise<(store.Warning & { active: boolean })[]> {
	const now = Date.now();
	const all = await store.warningsOf(uid);
	const shown = caller === undefined ? all : (await Promise.all(all.map(async w => await canSeeWarning(caller, w) ? w : null))).filter(w => w !== null);
	return shown.map(w => ({ ...w, active: isActive(w, now) }));
}

/** Whether the ladder put this member's posts in the queue (NodeBB's `filter:post.shouldQueue`). */
export async function inQueue(uid: number): Promise<boolean> {
	return uid > 0 && await store.queuedUntil(uid) > Date.now();
}
