/**
 * Thin adapters between NodeBB's hooks and the rules of engagement (payloads checked against NodeBB 4.11.2).
 */
import { neutral } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { canUsePlatform, registrationAccount } from '../membership';
import * as settings from '../settings';
import * as charter from './charter';
import * as guard from './guard';
import { canWarn, resolveTarget } from './permissions';
import * as reports from './reports';
import { apiRoutes, CHARTER_PATH, disclaimerTexts, langOf, pageRoutes } from './routes';
import { blocks, ENS } from './rules';
import * as store from './store';
import * as warnings from './warnings';

interface Interstitial {
	template: string;
	data: Record<string, unknown>;
	callback: (userData: Record<string, unknown>, formData: Record<string, unknown>) => Promise<void>;
}
interface InterstitialPayload { req: nodebb.Req; userData: Record<string, unknown>; interstitials: Interstitial[] }
type FilterFn = (sets: string[], orSets: string[][], key: string | string[]) => void;
interface FlagsInit { filters: Record<string, FilterFn>; states: unknown; helpers: { prepareSets(sets: string[], orSets: string[][], prefix: string, value: string | string[]): void } }

const EVENT_TYPES = ['lvl-charter-published', 'lvl-warning', 'lvl-warning-step'];

export async function staticAppLoad(payload: { router: nodebb.Router }): Promise<void> {
	pageRoutes(payload.router);
	for (const type of EVENT_TYPES) {
		if (!nodebb.eventTypes().includes(type)) {
			nodebb.eventTypes().push(type);
		}
	}
	/*
	 * NodeBB has no hook before it stores a flag (4.11: no `filter:flags.create`), and its reason is free text. Routes
	 * added here come before NodeBB's write API on the same router, so a reason that claims to cite an article is
	 * checked (and its number brought up to date) before NodeBB sees it.
	 */
	payload.router.post('/api/v3/flags', (req: nodebb.Req, res: nodebb.Res, next: nodebb.Next) => {
		reports.checkReason(req.body.reason).then((reason) => {
			if (reason) {
				req.body.reason = reason;
			}
			next();
		}).catch((err: unknown) => nodebb.controllerHelpers().formatApiResponse(400, res, err instanceof Error ? err : new Error(String(err))));
	});
}

export async function staticApiRoutes(payload: { router: nodebb.Router }): Promise<void> {
	apiRoutes(payload.router);
}

/**
 * The charter step: at registration (after the membership step, same page, as NodeBB shows all its steps), and for
 * an existing member once a new version is in force (see responseRouterPage). Accepting is recorded per version.
 */
export async function filterRegisterInterstitial(payload: InterstitialPayload): Promise<InterstitialPayload> {
	const { req, userData } = payload;
	// registering (0), or the logged-in account itself; never another account named in the registration state
	const uid = registrationAccount(req.uid, userData);
	if (uid === null) {
		return payload;
	}
	const c = await charter.current();
	if (!c) {
		return payload;
	}
	if (uid > 0 && (!await charter.pendingFor(uid) || !await canUsePlatform(uid))) {
		return payload;
	}
	// only what this step's callback stored counts (never a key of the POST /register body)
	if (!uid && await store.registrationAcceptance(userData.lvlCharterProof) === c.version) {
		return payload;
	}
	const lang = await langOf(req.uid ? req : { ...req, uid });
	const accepted = uid > 0 ? await store.acceptedVersion(uid) : 0;
	payload.interstitials.push({
		template: 'partials/lvl/charter-step',
		data: {
			version: c.version,
			renewed: accepted > 0,
			articles: charter.forPage(c.articles, lang),
			...nodebb.i18nFor(req),
		},
		callback: async (data, form) => {
			delete data.lvlCharter;
			if (!['on', '1', 'true'].includes(asString(form.lvlCharterAccept)) || asCount(form.lvlCharterVersion) !== c.version) {
				throw new Error(`[[${ENS}:error.must-accept]]`);
			}
			if (uid > 0) {
				await charter.accept(uid, c.version);
			} else {
				// the account does not exist yet: recorded when it is created (action:user.create)
				data.lvlCharterProof = await store.saveRegistrationAcceptance(c.version);
			}
		},
	});
	return payload;
}

/** Acceptances being recorded for accounts created in this process (NodeBB does not await action hooks). */
const pendingAcceptances = new Map<number, Promise<void>>();

async function recordNewAccount(uid: number, token: unknown): Promise<void> {
	try {
		const version = await store.takeRegistrationAcceptance(token);
		if (version) {
			await store.recordAcceptance(uid, version);
		}
	} catch (err) {
		nodebb.log.error(`charter acceptance of new account ${String(uid)}: ${String(err)}`);
	}
}

export async function actionUserCreate(payload: { user: { uid: number | string }; data: Record<string, unknown> }): Promise<void> {
	const uid = asCount(payload.user.uid);
	const work = recordNewAccount(uid, payload.data.lvlCharterProof);
	pendingAcceptances.set(uid, work);
	try {
		await work;
	} finally {
		pendingAcceptances.delete(uid);
	}
}

/** The registration's last step waits for the acceptance, so the new member is not asked for it again on landing. */
export async function filterRegisterComplete<T extends { uid: number | string }>(payload: T): Promise<T> {
	await pendingAcceptances.get(asCount(payload.uid));
	return payload;
}

/**
 * A new version in force, and acceptance required: a member who has not accepted it is sent through the charter
 * step at their next page (NodeBB keeps them there until it is done). Administrators are only told (they publish it).
 */
export async function responseRouterPage(payload: { req: nodebb.Req; res: nodebb.Res }): Promise<void> {
	const { req, res } = payload;
	const session = req.session;
	const url = (req.originalUrl ?? '').replace(asString(nodebb.nconf().get('relative_path')), '');
	if (url.startsWith('/api/') || req.method !== 'GET' || !(req.uid > 0) || !session || session.registration || res.headersSent) {
		return;
	}
	if ((await settings.get()).charterAcceptance !== 'require' || !await charter.pendingFor(req.uid)) {
		return;
	}
	if (await nodebb.user().isAdministrator(req.uid) || !await canUsePlatform(req.uid)) {
		return;
	}
	session.registration = { uid: req.uid, lvlCharter: true };
	session.returnTo = req.originalUrl?.replace(/^\/api/, '') ?? '/';
	nodebb.controllerHelpers().redirect(res, '/register/complete');
}

/** Members who still have to read a new version (inform mode, or administrators) see a banner: `config.lvlCharterPending`. */
export async function filterConfigGet(config: Record<string, unknown>): Promise<Record<string, unknown>> {
	const uid = asCount(config.uid);
	if (uid > 0) {
		const pending = await charter.pendingFor(uid);
		if (pending && await canUsePlatform(uid)) {
			config.lvlCharterPending = pending;
		}
	}
	return config;
}

/** NodeBB's flag list gets a filter by article: `/flags?lvlArticle=art-3`. */
export async function filterFlagsInit(payload: FlagsInit): Promise<FlagsInit> {
	payload.filters.lvlArticle = (sets, orSets, key) => {
		const keys = (Array.isArray(key) ? key : [key]).filter(k => /^art-\d{1,6}$/.test(k));
		payload.helpers.prepareSets(sets, orSets, 'lvl:engagement:flags:article:', keys.length ? (keys.length === 1 ? keys[0] ?? '' : keys) : 'none');
	};
	return payload;
}

/**
 * `filter:flags.validateFilters`: the filter is allowed. 4.11 passes `{ filters }` and escapes the value itself;
 * 4.15 also passes `validation` (field → 'number' or the list of allowed values) and drops a field without a rule,
 * so there the rule is the list of article ids the charter has ever given out.
 */
export async function filterFlagsValidateFilters(payload: { filters: string[]; validation?: Record<string, unknown> }): Promise<typeof payload> {
	payload.filters.push('lvlArticle');
	if (payload.validation && typeof payload.validation === 'object') {
		payload.validation.lvlArticle = await reports.articleIds();
	}
	return payload;
}

/**
 * `filter:flags/detail.build`: a report citing an article is shown as "Code of conduct, article 3" in the reader's
 * language. NodeBB 4.11 translates the stored token on the page; 4.15 prints report reasons escaped (`{./value}`), so
 * the token is translated here, on both versions (the result is plain text, escaped by the template).
 */
export async function filterFlagsDetailBuild(payload: { req: nodebb.Req; templateData: { reports?: { value?: unknown }[] } }): Promise<typeof payload> {
	const list = Array.isArray(payload.templateData.reports) ? payload.templateData.reports : [];
	const cited = list.filter(r => reports.citesArticle(r.value));
	if (cited.length) {
		const lang = nodebb.requestLanguage(payload.req);
		await Promise.all(cited.map(async (r) => { r.value = await nodebb.translator().translate(String(r.value), lang); }));
	}
	return payload;
}

export async function actionFlagsAddReport(payload: { flagId: number; reason: string; timestamp: number }): Promise<void> {
	await reports.indexReport(asCount(payload.flagId), payload.reason, asCount(payload.timestamp))
		.catch((err: unknown) => { nodebb.log.error(`indexing report on flag ${String(payload.flagId)}: ${String(err)}`); });
}

export async function actionFlagsUpdate(payload: { flagId: number; changeset: Record<string, unknown> }): Promise<void> {
	if (payload.changeset.state !== undefined) {
		await reports.onFlagUpdate(asCount(payload.flagId), payload.changeset.state)
			.catch((err: unknown) => { nodebb.log.error(`flag ${String(payload.flagId)} resolution: ${String(err)}`); });
	}
}

/** `filter:post.shouldQueue` ({ shouldQueue, uid, data }): the ladder's post-queue step, and the guard in queue mode. */
export async function filterPostShouldQueue(payload: { shouldQueue: boolean; uid: number; data: Record<string, unknown> }): Promise<typeof payload> {
	if (!payload.shouldQueue) {
		const uid = asCount(payload.uid);
		payload.shouldQueue = await warnings.inQueue(uid) || await guard.shouldQueue(uid, payload.data);
	}
	return payload;
}

export async function actionTopicPost(payload: { topic: { tid: number }; post: { pid: number; uid: number; content?: string } }): Promise<void> {
	await guard.onNewPost({ pid: asCount(payload.post.pid), uid: asCount(payload.post.uid), tid: asCount(payload.topic.tid), content: asString(payload.post.content) })
		.catch((err: unknown) => { nodebb.log.error(`guard on post ${String(payload.post.pid)}: ${String(err)}`); });
}

export async function actionTopicReply(payload: { post: { pid: number; uid: number; tid: number; content?: string } }): Promise<void> {
	await guard.onNewPost({ pid: asCount(payload.post.pid), uid: asCount(payload.post.uid), tid: asCount(payload.post.tid), content: asString(payload.post.content) })
		.catch((err: unknown) => { nodebb.log.error(`guard on post ${String(payload.post.pid)}: ${String(err)}`); });
}

/** `filter:post.tools`: "warn (rules of engagement)" for whoever may warn the post's author. */
export async function filterPostTools(payload: { pid: number; post: Record<string, unknown>; uid: number; tools: Record<string, unknown>[] }): Promise<typeof payload> {
	const pid = asCount(payload.pid);
	try {
		const target = await resolveTarget({ pid });
		if (await canWarn(payload.uid, target) && !await nodebb.moderationUser().isAdminOrGlobalMod(target.uid)) {
			payload.tools.push({ action: 'lvl/warn', icon: 'fa-triangle-exclamation', html: `[[${ENS}:warn.tool]]` });
		}
	} catch {
		// a post that vanished meanwhile gets no tool
	}
	return payload;
}

/** The topic page of a question (`filter:topic.build`): the association's disclaimer, in the reader's language. */
export async function filterTopicBuild(payload: { req: nodebb.Req; res: nodebb.Res; templateData: Record<string, unknown> }): Promise<typeof payload> {
	const qa = payload.templateData.lvlQa as { type?: string } | undefined;
	if (qa?.type === 'question') {
		const texts = await disclaimerTexts();
		// the reader's language (their settings) is only looked up when the admin wrote a disclaimer
		const custom = texts.nl || texts.fr || texts.en ? texts[await langOf(payload.req)] : '';
		payload.templateData.lvlDisclaimer = custom
			? { custom: true, blocks: blocks(custom, t => neutral(t)) }
			: { custom: false, blocks: [] };
	}
	return payload;
}

export async function filterUserNotificationTypes(payload: { types: string[] }): Promise<typeof payload> {
	payload.types.push(`notificationType_${warnings.NOTIFICATION_TYPE}`);
	return payload;
}

export async function filterNavigationAvailable(items: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
	items.push({ route: CHARTER_PATH, title: `[[${ENS}:charter.title]]`, enabled: false, iconClass: 'fa-scale-balanced', textClass: 'd-lg-none', text: `[[${ENS}:charter.title]]` });
	return items;
}

/** Deleting an account removes its acceptances, warnings and ladder state (the charter's versions stay). */
export async function staticUserDelete(payload: { uid: number }): Promise<void> {
	const uid = asCount(payload.uid);
	const db = nodebb.db();
	const [versions, ws] = await Promise.all([store.acceptancesOf(uid), store.warningsOf(uid)]);
	await Promise.all([
		...versions.map(v => db.sortedSetRemove(store.K.acceptances(v.version), String(uid))),
		...ws.map(w => db.sortedSetRemove(store.K.warningsActive, String(w.id))),
		...ws.map(w => db.sortedSetRemove(store.K.warnings, String(w.id))),
		db.sortedSetRemove(store.K.accepted, String(uid)),
		db.sortedSetRemove(store.K.queue, String(uid)),
	]);
	await db.deleteAll([store.K.acceptanceOf(uid), store.K.warningsOf(uid), ...ws.map(w => store.K.warning(w.id))]);
	store.forgetCharterMemo();
}
