/**
 * The seam: the only module that reaches into NodeBB.
 *
 * Every NodeBB module is loaded lazily on first use, so the library (and its unit tests) load without NodeBB.
 * The interfaces below are our own and describe exactly the calls this plugin makes; NodeBB's own type files
 * are not copied. NodeBB 4.12+ offers `globalThis.nodebb.require`; 4.11 has only `require.main.require`.
 */

/* ---------- loading ---------- */

type Loader = (id: string) => unknown;

function hostRequire(): Loader {
	const g = globalThis as { nodebb?: { require?: Loader } };
	if (g.nodebb?.require) {
		return g.nodebb.require;
	}
	const main = require.main;
	if (!main) {
		throw new Error('[leden-voor-leden] NodeBB is not loaded (no require.main)');
	}
	return (id: string): unknown => main.require(id);
}

const loaded = new Map<string, unknown>();

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names the interface the caller expects
function lazy<T>(id: string): () => T {
	return (): T => {
		if (!loaded.has(id)) {
			loaded.set(id, hostRequire()(id));
		}
		return loaded.get(id) as T;
	};
}

/* ---------- HTTP shapes we rely on ---------- */

export interface Req {
	uid: number;
	ip?: string;
	params: Record<string, string | undefined>;
	query: Record<string, unknown>;
	body: Record<string, unknown>;
	session?: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
	originalUrl?: string;
	method?: string;
	loggedIn?: boolean;
	res?: Res;
	file?: UploadedFile;
	files?: UploadedFile[];
}

export interface UploadedFile {
	fieldname: string;
	originalname: string;
	size: number;
	path?: string;
	buffer?: Buffer;
	mimetype?: string;
}

export interface Res {
	locals: Record<string, unknown>;
	status(code: number): Res;
	json(body: unknown): void;
	render(template: string, data: Record<string, unknown>): void;
	redirect(url: string): void;
	set(field: string, value: string): Res;
	send(body: unknown): void;
	attachment?(filename: string): Res;
	headersSent?: boolean;
	/** Node's response events: 'close' fires once the response is over, whatever its outcome */
	once(event: 'close', listener: () => void): unknown;
}

export type Next = (err?: unknown) => void;
export type Middleware = (req: Req, res: Res, next: Next) => unknown;
export type Controller = (req: Req, res: Res, next: Next) => Promise<void> | void;

export interface Router {
	get(path: string, ...handlers: unknown[]): void;
	post(path: string, ...handlers: unknown[]): void;
	put(path: string, ...handlers: unknown[]): void;
	delete(path: string, ...handlers: unknown[]): void;
}

export interface HostMiddleware {
	ensureLoggedIn: Middleware;
	applyCSRF: Middleware;
	admin: { checkPrivileges: Middleware; buildHeader: Middleware };
	[name: string]: unknown;
}

/* ---------- NodeBB modules, as far as we use them ---------- */

export interface Database {
	getObject(key: string, fields?: string[]): Promise<Record<string, unknown> | null>;
	getObjects(keys: string[], fields?: string[]): Promise<(Record<string, unknown> | null)[]>;
	getObjectField(key: string, field: string): Promise<unknown>;
	getObjectsFields(keys: string[], fields: string[]): Promise<(Record<string, unknown> | null)[]>;
	setObject(key: string, data: Record<string, unknown>): Promise<void>;
	setObjectBulk(pairs: [string, Record<string, unknown>][]): Promise<void>;
	setObjectField(key: string, field: string, value: unknown): Promise<void>;
	deleteObjectField(key: string, field: string): Promise<void>;
	deleteObjectFields(key: string, fields: string[]): Promise<void>;
	incrObjectField(key: string, field: string): Promise<number>;
	/** the key disappears at this time (ms since the epoch) */
	pexpireAt(key: string, timestamp: number): Promise<void>;
	exists(key: string): Promise<boolean>;
	delete(key: string): Promise<void>;
	deleteAll(keys: string[]): Promise<void>;
	rename(oldKey: string, newKey: string): Promise<void>;
	setAdd(key: string, value: string | string[]): Promise<void>;
	setRemove(key: string, value: string | string[]): Promise<void>;
	isSetMember(key: string, value: string): Promise<boolean>;
	isSetMembers(key: string, values: string[]): Promise<boolean[]>;
	/** one value against many sets, in one round trip */
	isMemberOfSets(keys: string[], value: string): Promise<boolean[]>;
	getSetMembers(key: string): Promise<string[]>;
	setCount(key: string): Promise<number>;
	sortedSetAdd(key: string, score: number | number[], value: string | string[]): Promise<void>;
	sortedSetAddBulk(data: [string, number, string][]): Promise<void>;
	/** the same value into several sorted sets, one score each */
	sortedSetsAdd(keys: string[], scores: number | number[], value: string): Promise<void>;
	getSortedSetRevRangeByScoreWithScores(key: string, start: number, count: number, max: number | string, min: number | string): Promise<{ value: string; score: number }[]>;
	sortedSetRemove(key: string, value: string | string[]): Promise<void>;
	sortedSetsRemove(keys: string[], value: string): Promise<void>;
	sortedSetRemoveBulk(data: [string, string][]): Promise<void>;
	sortedSetScore(key: string, value: string): Promise<number | null>;
	sortedSetScores(key: string, values: string[]): Promise<(number | null)[]>;
	sortedSetCard(key: string): Promise<number>;
	sortedSetsCard(keys: string[]): Promise<number[]>;
	getSortedSetRevIntersect(params: { sets: string[]; start: number; stop: number; weights?: number[] }): Promise<string[]>;
	sortedSetIntersectCard(keys: string[]): Promise<number>;
	sortedSetCount(key: string, min: number | string, max: number | string): Promise<number>;
	getSortedSetRange(key: string, start: number, stop: number): Promise<string[]>;
	getSortedSetRevRange(key: string, start: number, stop: number): Promise<string[]>;
	getSortedSetRangeWithScores(key: string, start: number, stop: number): Promise<{ value: string; score: number }[]>;
	getSortedSetRevRangeWithScores(key: string, start: number, stop: number): Promise<{ value: string; score: number }[]>;
	getSortedSetRangeByScore(key: string, start: number, count: number, min: number | string, max: number | string): Promise<string[]>;
	getSortedSetRangeByLex(key: string, min: string, max: string, start?: number, count?: number): Promise<string[]>;
	sortedSetIncrBy(key: string, by: number, value: string): Promise<number>;
	sortedSetsRemoveRangeByScore(keys: string[], min: number | string, max: number | string): Promise<void>;
	getSortedSetRevRangeByScore(key: string, start: number, count: number, max: number | string, min: number | string): Promise<string[]>;
	getSortedSetRangeByScoreWithScores(key: string, start: number, count: number, min: number | string, max: number | string): Promise<{ value: string; score: number }[]>;
	isSortedSetMember(key: string, value: string): Promise<boolean>;
	getObjectFields(key: string, fields: string[]): Promise<Record<string, unknown>>;
	incrObjectFieldBy(key: string, field: string, by: number): Promise<number>;
	/** several fields of several hashes at once: [key, { field: by }] */
	incrObjectFieldByBulk(data: [string, Record<string, number>][]): Promise<void>;
	increment(key: string): Promise<number>;
	listPrepend(key: string, value: string): Promise<void>;
	getListRange(key: string, start: number, stop: number): Promise<string[]>;
	listTrim(key: string, start: number, stop: number): Promise<void>;
	scan(params: { match: string }): Promise<string[]>;
	emptydb?(): Promise<void>;
	/** PostgreSQL only: NodeBB's connection pool */
	pool?: { query(q: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }> };
}

export interface GroupData {
	name: string;
	slug?: string;
	memberCount?: number;
	hidden?: number;
	private?: number;
	disableJoinRequests?: number;
	disableLeave?: number;
	system?: number;
	description?: string;
}

export interface Groups {
	create(data: Record<string, unknown>): Promise<GroupData>;
	exists(name: string): Promise<boolean>;
	existsBySlug(slug: string): Promise<boolean>;
	getGroupData(name: string): Promise<GroupData | null>;
	update(name: string, values: Record<string, unknown>): Promise<void>;
	join(name: string | string[], uid: number): Promise<void>;
	leave(name: string | string[], uid: number): Promise<void>;
	isMember(uid: number, name: string): Promise<boolean>;
	isMembers(uids: number[], name: string): Promise<boolean[]>;
	isMemberOfGroups(uid: number, names: string[]): Promise<boolean[]>;
	getMembers(name: string, start: number, stop: number): Promise<number[]>;
	isPrivilegeGroup(name: string): boolean;
	getNonPrivilegeGroups(set: string, start: number, stop: number): Promise<GroupData[]>;
	systemGroups: string[];
	ephemeralGroups: string[];
	cache?: { reset(): void };
	/** privacy check: the owners of a group, and taking ownership away (src/groups/ownership.js) */
	getOwners(name: string): Promise<(number | string)[]>;
	ownership: { rescind(uid: number, name: string): Promise<void>; grant(uid: number, name: string): Promise<void> };
	/** members of several groups at once; for privilege groups (`cid:<cid>:privileges:groups:<p>`) these are group names */
	getMembersOfGroups(names: string[]): Promise<string[][]>;
}

export interface UserApi {
	create(data: Record<string, unknown>): Promise<number>;
	exists(uid: number): Promise<boolean>;
	getUserField(uid: number, field: string): Promise<unknown>;
	getUserFields(uid: number, fields: string[]): Promise<Record<string, unknown>>;
	getUsersFields(uids: number[], fields: string[]): Promise<Record<string, unknown>[]>;
	setUserField(uid: number, field: string, value: unknown): Promise<void>;
	getUidByUsername(username: string): Promise<number | null>;
	getUidByUserslug(slug: string): Promise<number | null>;
	isAdministrator(uid: number): Promise<boolean>;
	isGlobalModerator(uid: number): Promise<boolean>;
	isAdminOrGlobalMod(uid: number): Promise<boolean>;
	delete(callerUid: number, uid: number): Promise<void>;
	email: { confirmByUid(uid: number): Promise<void> };
	auth: { revokeAllSessions(uids: number | number[]): Promise<void> };
	getSettings(uid: number): Promise<Record<string, unknown>>;
	isModerator(uid: number, cid: number): Promise<boolean>;
}

export interface Privileges {
	categories: {
		give(privileges: string[], cid: number, members: string | string[]): Promise<void>;
		rescind(privileges: string[], cid: number, members: string | string[]): Promise<void>;
		can(privilege: string, cid: number, uid: number): Promise<boolean>;
		/** the cids the member has that privilege in */
		filterCids(privilege: string, cids: number[], uid: number): Promise<number[]>;
		getGroupPrivilegeList(): string[];
		getUserPrivilegeList(): string[];
	};
	global: {
		can(privilege: string, uid: number): Promise<boolean>;
		give(privileges: string[], members: string | string[]): Promise<void>;
		rescind(privileges: string[], groupName: string): Promise<void>;
		/** which of NodeBB's global group privileges (`groups:<p>` → held) a group holds */
		groupPrivileges(groupName: string): Promise<Record<string, boolean>>;
	};
	admin: {
		can(privilege: string, uid: number): Promise<boolean>;
	};
	topics: {
		/** the tids the member may see with that privilege (deleted and scheduled ones only for those who may) */
		filterTids(privilege: string, tids: number[], uid: number): Promise<number[]>;
		isOwnerOrAdminOrMod(tid: number, uid: number): Promise<boolean>;
		isAdminOrMod(tid: number, uid: number): Promise<boolean>;
		can(privilege: string, tid: number, uid: number): Promise<boolean>;
		/** the uids that have that privilege on the topic */
		filterUids(privilege: string, tid: number, uids: number[]): Promise<number[]>;
	};
}

export interface Meta {
	settings: {
		get(hash: string): Promise<Record<string, unknown>>;
		set(hash: string, values: Record<string, unknown>, quiet?: boolean): Promise<void>;
		setOnEmpty(hash: string, values: Record<string, unknown>): Promise<void>;
	};
	config: Record<string, unknown>;
	configs: { setMultiple(values: Record<string, unknown>): Promise<void> };
}

export interface Categories {
	create(data: Record<string, unknown>): Promise<{ cid: number; name: string; slug: string }>;
	exists(cid: number): Promise<boolean>;
	getAllCidsFromSet(set: string): Promise<number[]>;
	getCategoriesFields(cids: number[], fields: string[]): Promise<Record<string, unknown>[]>;
	/** per category, the uids with the moderate privilege (directly or through a group) */
	getModeratorUids(cids: number[]): Promise<number[][]>;
	/** every descendant of a category (src/categories/index.js) */
	getChildrenCids(cid: number): Promise<number[]>;
}

export interface Topics {
	post(data: Record<string, unknown>): Promise<{ topicData: { tid: number; cid: number }; postData: { pid: number } }>;
	reply(data: Record<string, unknown>): Promise<{ pid: number; tid: number }>;
	getTopicFields(tid: number, fields: string[]): Promise<Record<string, unknown>>;
	getTopicsFields(tids: number[], fields: string[]): Promise<Record<string, unknown>[]>;
	setTopicFields(tid: number, data: Record<string, unknown>): Promise<void>;
	/** topics as NodeBB lists them (teaser, category, user), filtered by what the member may see */
	getTopicsByTids(tids: number[], uid: number): Promise<Record<string, unknown>[]>;
	events: {
		log(tid: number, payload: Record<string, unknown>): Promise<unknown>;
		translateSimple(event: Record<string, unknown>, language: string, prefix: string): Promise<string>;
	};
	delete(tid: number, uid: number): Promise<void>;
	purgePostsAndTopic(tid: number, uid: number): Promise<void>;
	tools: { move(tid: number, data: { cid: number; uid: number }): Promise<void> };
	follow(tid: number, uid: number): Promise<void>;
	unfollow(tid: number, uid: number): Promise<void>;
	isFollowing(tids: number[], uid: number): Promise<boolean[]>;
}

export interface Posts {
	getPostFields(pid: number, fields: string[]): Promise<Record<string, unknown>>;
	getPostsFields(pids: number[], fields: string[]): Promise<Record<string, unknown>[]>;
	getPostsByPids(pids: number[], uid: number): Promise<Record<string, unknown>[]>;
	delete(pid: number, uid: number): Promise<unknown>;
	purge(pid: number, uid: number): Promise<unknown>;
}

export interface Flags {
	create(type: 'post' | 'user', id: number, uid: number, reason: string, timestamp?: number): Promise<{ flagId: number }>;
	get(flagId: number): Promise<Record<string, unknown> | null>;
	update(flagId: number, uid: number, changeset: Record<string, unknown>): Promise<void>;
}

export interface EventsApi {
	log(data: Record<string, unknown>): Promise<void>;
}

export interface NotificationData {
	nid: string;
	type?: string;
	bodyShort: string;
	bodyLong?: string;
	path?: string;
	from?: number;
	importance?: number;
	[key: string]: unknown;
}

export interface Notifications {
	create(data: NotificationData): Promise<unknown>;
	push(notification: unknown, uids: number | number[]): Promise<void>;
}

export interface Hooks {
	fire(hook: string, payload: unknown): Promise<unknown>;
}

export interface Translator {
	translate(text: string, language?: string): Promise<string>;
	escape(text: string): string;
}

export interface RouteHelpers {
	setupPageRoute(router: Router, path: string, middlewares: unknown[], controller: Controller): void;
	setupAdminPageRoute(router: Router, path: string, middlewares: unknown[], controller: Controller): void;
	setupApiRoute(router: Router, verb: 'get' | 'post' | 'put' | 'delete', path: string, middlewares: unknown[], controller: Controller): void;
}

export interface ControllerHelpers {
	formatApiResponse(status: number, res: Res, payload?: unknown): Promise<void>;
	notAllowed(req: Req, res: Res, error?: string): Promise<void>;
	redirect(res: Res, url: string, permanent?: boolean): void;
	buildBreadcrumbs(crumbs: { text: string; url?: string }[]): unknown[];
}

export interface Nconf {
	get(key: string): unknown;
}

export interface Winston {
	info(message: string, ...meta: unknown[]): void;
	warn(message: string, ...meta: unknown[]): void;
	error(message: string, ...meta: unknown[]): void;
	verbose(message: string, ...meta: unknown[]): void;
}

export interface Validator {
	escape(text: string): string;
	isEmail(text: string): boolean;
}

export interface Slugify {
	(text: string): string;
}

export interface Emailer {
	send(template: string, uid: number, params: Record<string, unknown>): Promise<void>;
}

export interface Cron {
	/** registers only where NodeBB runs jobs (runJobs: one process of a cluster); rejects a name registered twice */
	addJob(job: { name: string; cronTime: string; onTick: () => Promise<void> | void; runOnAllNodes?: boolean }): Promise<unknown>;
}

export interface Pubsub {
	publish(channel: string, data: unknown): void;
	on(channel: string, handler: (data: unknown) => void): void;
}

/* ---------- rules of engagement: moderation calls (checked against NodeBB 4.11.2) ---------- */

export interface ModerationFlags {
	/** src/flags.js: who may see (and so act on) a flag: admins, global moderators, the post's category moderators */
	canView(flagId: number, uid: number): Promise<boolean>;
	getFlagIdByTarget(type: 'post' | 'user', id: number): Promise<number | string | null>;
	appendNote(flagId: number, uid: number, note: string, datetime?: number): Promise<void>;
	/** forceFlag: an automatic report (the non-commercial guard) is added even when the reporter reported before */
	create(type: 'post' | 'user', id: number, uid: number, reason: string, timestamp?: number, forceFlag?: boolean): Promise<{ flagId: number }>;
	update(flagId: number, uid: number, changeset: Record<string, unknown>): Promise<void>;
	getReports(flagId: number): Promise<{ value: string; timestamp: number }[]>;
}

export interface ModerationUser {
	/** admin, global moderator or moderator of any category */
	isPrivileged(uid: number): Promise<boolean>;
	isModerator(uid: number, cid: number): Promise<boolean>;
	isAdminOrGlobalMod(uid: number): Promise<boolean>;
	isAdministrator(uid: number): Promise<boolean>;
	/** src/user/info.js: the notes moderators see on a member's info page */
	appendModerationNote(data: { uid: number; noteData: { uid: number; note: string; timestamp: number } }): Promise<void>;
	getSettings(uid: number): Promise<Record<string, unknown>>;
	exists(uid: number): Promise<boolean>;
	getUserFields(uid: number, fields: string[]): Promise<Record<string, unknown>>;
	getUsersFields(uids: number[], fields: string[]): Promise<Record<string, unknown>[]>;
}

/** src/api/users.js: the mute and ban NodeBB's own moderator tools use (privilege checks, records, events). */
export interface UsersWriteApi {
	mute(caller: { uid: number; ip?: string }, data: { uid: number; until: number; reason: string }): Promise<void>;
	ban(caller: { uid: number; ip?: string }, data: { uid: number; until: number; reason: string }): Promise<void>;
}

export const moderationFlags = lazy<ModerationFlags>('./src/flags');
export const moderationUser = lazy<ModerationUser>('./src/user');
export const usersWriteApi = (): UsersWriteApi => lazy<{ users: UsersWriteApi }>('./src/api')().users;

/* ---------- the accessors ---------- */

export const db = lazy<Database>('./src/database');
export const groups = lazy<Groups>('./src/groups');
export const user = lazy<UserApi>('./src/user');
export const privileges = lazy<Privileges>('./src/privileges');
export const meta = lazy<Meta>('./src/meta');
export const categories = lazy<Categories>('./src/categories');
export const topics = lazy<Topics>('./src/topics');
export const posts = lazy<Posts>('./src/posts');
export const events = lazy<EventsApi>('./src/events');
export const flags = lazy<Flags>('./src/flags');
/** NodeBB's middleware module, for what a plugin's own middleware must do itself (loaded late, like the route helpers). */
export const middleware = lazy<{ buildHeaderAsync(req: Req, res: Res): Promise<void> }>('./src/middleware');
export const notifications = lazy<Notifications>('./src/notifications');
export const hooks = (): Hooks => lazy<{ hooks: Hooks }>('./src/plugins')().hooks;
export const translator = lazy<Translator>('./src/translator');
/** Route helpers must be required late (inside static:app.load / static:api.routes): circular at top level. */
export const routeHelpers = lazy<RouteHelpers>('./src/routes/helpers');
export const controllerHelpers = lazy<ControllerHelpers>('./src/controllers/helpers');
export const nconf = lazy<Nconf>('nconf');
export const winston = lazy<Winston>('winston');
export const validator = lazy<Validator>('validator');
export const slugify = lazy<Slugify>('./src/slugify');
export const cron = lazy<Cron>('./src/cron');

/**
 * Registers a scheduled job with NodeBB's cron (it runs on the one process that runs jobs). A plugin reload
 * registers again: the job is then already there, which is fine.
 */
export async function addJob(job: { name: string; cronTime: string; onTick: () => Promise<void> }): Promise<void> {
	try {
		await cron().addJob(job);
	} catch (err) {
		if (!(err instanceof Error && err.message.includes('already exists'))) {
			throw err;
		}
	}
}
export const pubsub = lazy<Pubsub>('./src/pubsub');

/**
 * NodeBB's per-process cache (src/cache.js, an LRU): `del` reaches every process of a cluster through NodeBB's
 * pubsub, and NodeBB's test harness resets it with the database. For small figures read on every page.
 */
export interface LocalCache {
	get(key: string): unknown;
	set(key: string, value: unknown): void;
	del(keys: string | string[]): void;
}
export const localCache = lazy<LocalCache>('./src/cache');
/** Renders one of the templates NodeBB compiled (a widget's html); the result still holds translation tokens. */
export async function renderTemplate(template: string, data: Record<string, unknown>): Promise<string> {
	const web = lazy<{ app: { renderAsync(template: string, data: Record<string, unknown>): Promise<string> } }>('./src/webserver')();
	return web.app.renderAsync(template, data);
}
export const emailer = lazy<Emailer>('./src/emailer');
export const eventTypes = (): string[] => lazy<{ types: string[] }>('./src/events')().types;
/** NodeBB's admin socket method that saves the custom profile fields (ACP › Manage › Users › Custom fields). */
export const saveCustomProfileFields = (uid: number, fields: Record<string, unknown>[]): Promise<void> =>
	lazy<{ saveCustomFields(socket: { uid: number }, fields: Record<string, unknown>[]): Promise<void> }>('./src/socket.io/admin/user')().saveCustomFields({ uid }, fields);
export const adminRouteMap = (): Record<string, string> => lazy<{ admin: { routeMap: Record<string, string> } }>('./src/privileges')().admin.routeMap;

/* ---------- small conveniences over the host ---------- */

/** NodeBB's own version, e.g. "4.11.2". */
export function hostVersion(): string {
	const version = nconf().get('version');
	return typeof version === 'string' ? version : '';
}

/**
 * NodeBB 4.14+ translates a template with the `_i18n` bundle in its data; `app.renderAsync` (interstitial steps) takes
 * it from the user's settings and ignores `?lang=`, which the page itself honours. This gives a template the request's
 * language the way NodeBB's page renderer picks it. On 4.11 (no bundles: the page's translator runs) it adds nothing.
 */
export function i18nFor(req: Req): { _i18n?: unknown } {
	const langs = lazy<{ getFull?: (lang: string) => unknown }>('./src/languages')();
	if (typeof langs.getFull !== 'function') {
		return {};
	}
	const asked = typeof req.query.lang === 'string' && /^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$/.test(req.query.lang) ? req.query.lang : '';
	const config = req.res?.locals.config as { userLang?: unknown } | undefined;
	const lang = asked || (typeof config?.userLang === 'string' ? config.userLang : '');
	return lang ? { _i18n: langs.getFull(lang) } : {};
}

/** The language a page is rendered in: a valid `?lang=`, else the reader's (NodeBB's `config.userLang`), else the site's. */
export function requestLanguage(req: Req): string {
	const asked = typeof req.query.lang === 'string' && /^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$/.test(req.query.lang) ? req.query.lang : '';
	const config = req.res?.locals.config as { userLang?: unknown } | undefined;
	const site = meta().config.defaultLang;
	return asked || (typeof config?.userLang === 'string' && config.userLang ? config.userLang : (typeof site === 'string' && site ? site : 'en-GB'));
}

/** Benchpress, the template engine NodeBB renders with (its helpers are shared by every template). */
export interface Benchpress {
	helpers: Record<string, unknown>;
	registerHelper(name: string, fn: (...args: unknown[]) => unknown): void;
}
export const benchpress = lazy<Benchpress>('benchpressjs');

/* ---------- NodeBB's own keys that Insight reads (src/groups, src/user/online.js, src/user/create.js) ---------- */

/** A group's members with the time each joined (NodeBB's `group:<name>:members`, uid → join time), oldest first. */
export async function groupMembersWithJoinTimes(name: string, start: number, stop: number): Promise<{ uid: number; joinedAt: number }[]> {
	const rows = await db().getSortedSetRangeWithScores(`group:${name}:members`, start, stop);
	return rows.map(r => ({ uid: Number(r.value), joinedAt: r.score }));
}

/** When a member joined a group (0 when they are not in it). */
export async function groupJoinTime(name: string, uid: number): Promise<number> {
	return (await db().sortedSetScore(`group:${name}:members`, String(uid))) ?? 0;
}

/** How many joined a group in [min, max] (times in ms, or '-inf'/'+inf'). */
export async function groupJoinsBetween(name: string, min: number | string, max: number | string): Promise<number> {
	return db().sortedSetCount(`group:${name}:members`, min, max);
}

/** When each account was last online (NodeBB's `users:online`, updated at most every 5 minutes); 0 when never. */
export async function lastOnline(uids: number[]): Promise<number[]> {
	if (!uids.length) {
		return [];
	}
	return (await db().sortedSetScores('users:online', uids.map(String))).map(s => s ?? 0);
}

/** The number of accounts (NodeBB's `global.userCount`). */
export async function userCount(): Promise<number> {
	const n = Number(await db().getObjectField('global', 'userCount'));
	return Number.isFinite(n) ? n : 0;
}

export const log = {
	info(message: string): void {
		winston().info(`[leden-voor-leden] ${message}`);
	},
	warn(message: string): void {
		winston().warn(`[leden-voor-leden] ${message}`);
	},
	error(message: string): void {
		winston().error(`[leden-voor-leden] ${message}`);
	},
};

/**
 * NodeBB's PostgreSQL adapter asks for sorted-set ranges with `_key = ANY(array)` (and lex ranges with
 * `COLLATE "C"`), so the `(_key, score)` and `(_key, value)` indexes cannot deliver the order and every range reads
 * and sorts the whole key: 80–90 ms for the first 20 of 27,000 entries. Asked for one key, the index is walked and the
 * same page costs under a millisecond. The reads below do that on PostgreSQL, on NodeBB's own tables and its view of
 * live keys; anywhere else, or should those tables ever differ (the query fails), NodeBB's own call answers.
 */
async function onOneKey<T>(name: string, text: string, values: unknown[], read: (row: Record<string, unknown>) => T, nodebbCall: () => Promise<T[]>, usable = true): Promise<T[]> {
	const database = db();
	if (!usable || nconf().get('database') !== 'postgres' || !database.pool) {
		return nodebbCall();
	}
	try {
		return (await database.pool.query({ name, text, values })).rows.map(read);
	} catch (err) {
		log.warn(`${name} fell back to NodeBB's own read: ${String(err)}`);
		return nodebbCall();
	}
}

const LIVE_ZSET = 'EXISTS (SELECT 1 FROM "legacy_object_live" o WHERE o."_key" = $1::TEXT AND o."type" = \'zset\')';

let byteOrder: Promise<boolean> | null = null;

/** Whether PostgreSQL compares text as bytes here (collation C, POSIX or C.UTF-8), as NodeBB's lex ranges do. */
function pgByteOrder(): Promise<boolean> {
	const pool = db().pool;
	if (!pool) {
		return Promise.resolve(false);
	}
	byteOrder ??= pool.query({ text: 'SELECT datcollate FROM pg_database WHERE datname = current_database()', values: [] })
		.then((res) => {
			const collation = res.rows[0]?.datcollate;
			return typeof collation === 'string' && /^(C|POSIX|C\.UTF-?8)$/i.test(collation);
		})
		.catch(() => false);
	return byteOrder;
}

/**
 * Values of a sorted set of equal scores that start with `prefix`, in byte order, at most `limit`: NodeBB's
 * `getSortedSetRangeByLex(key, '[prefix', '[prefix\xff', 0, limit)`. Without `COLLATE "C"` the order is the
 * database's own, so this reads on one key only where the database already sorts text as bytes.
 */
export async function sortedSetLexPrefix(key: string, prefix: string, limit: number): Promise<string[]> {
	const pg = nconf().get('database') === 'postgres' && await pgByteOrder();
	return onOneKey('lvlSortedSetLexPrefix', `
SELECT z."value" FROM "legacy_zset" z
 WHERE z."_key" = $1::TEXT AND z."value" >= $2::TEXT AND z."value" <= $3::TEXT AND ${LIVE_ZSET}
 ORDER BY z."value" ASC
 LIMIT $4::INTEGER`, [key, prefix, `${prefix}\xff`, limit], r => String(r.value),
	() => db().getSortedSetRangeByLex(key, `[${prefix}`, `[${prefix}\xff`, 0, limit), pg);
}

/** One page of a sorted set, highest score first: NodeBB's `getSortedSetRevRange(key, start, stop)`. */
export async function sortedSetRevPage(key: string, start: number, stop: number): Promise<string[]> {
	return onOneKey('lvlSortedSetRevPage', `
SELECT z."value" FROM "legacy_zset" z
 WHERE z."_key" = $1::TEXT AND ${LIVE_ZSET}
 ORDER BY z."score" DESC
 LIMIT $3::INTEGER OFFSET $2::INTEGER`, [key, start, stop - start + 1], r => String(r.value),
	() => db().getSortedSetRevRange(key, start, stop), start >= 0 && stop >= start);
}

/** The top of a sorted set at or above `min`, at most `count`, with scores: `getSortedSetRevRangeByScoreWithScores`. */
export async function sortedSetTop(key: string, min: number, count: number): Promise<{ value: string; score: number }[]> {
	return onOneKey('lvlSortedSetTop', `
SELECT z."value", z."score" FROM "legacy_zset" z
 WHERE z."_key" = $1::TEXT AND z."score" >= $2::NUMERIC AND ${LIVE_ZSET}
 ORDER BY z."score" DESC
 LIMIT $3::INTEGER`, [key, min, count], r => ({ value: String(r.value), score: Number(r.score) }),
	() => db().getSortedSetRevRangeByScoreWithScores(key, 0, count, '+inf', min));
}
