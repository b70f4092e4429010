/**
 * Thin adapters between NodeBB's hooks and the membership services.
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import { asString } from '../coerce';
import * as access from './access';
import { NOTIFICATION_TYPE } from './notify';
import { registrationAccount, ROSTER_PRIVILEGE } from './permissions';
import * as registration from './registration';
import type { RegistrationData } from './registration';
import { apiRoutes, pageRoutes } from './routes';
import * as retention from './retention';
import * as roster from './roster';
import * as store from './store';

interface Interstitial {
	template: string;
	data: Record<string, unknown>;
	callback: (userData: RegistrationData, formData: Record<string, unknown>) => Promise<void>;
}
interface InterstitialPayload { req: nodebb.Req; userData: RegistrationData; interstitials: Interstitial[] }
interface UserCreatePayload { user: { uid: number | string }; data: RegistrationData }
interface PagePayload { req: nodebb.Req & { path?: string }; res: nodebb.Res }
interface PrivilegeMap { set(key: string, value: { label: string; type: string }): void }

const EVENT_TYPES = ['lvl-member-verified', 'lvl-member-revoked', 'lvl-member-reinstated', 'lvl-member-restored',
	'lvl-member-override-ended', 'lvl-member-unlinked', 'lvl-request-refused', 'lvl-roster-imported', 'lvl-roster-edited', 'lvl-roster-retention'];

export async function staticAppLoad(payload: { router: nodebb.Router; middleware: nodebb.HostMiddleware }): Promise<void> {
	pageRoutes(payload.router, payload.middleware);
	for (const type of EVENT_TYPES) {
		if (!nodebb.eventTypes().includes(type)) {
			nodebb.eventTypes().push(type);
		}
	}
	// the roster's ACP page needs the roster privilege, not the general settings one (the page checks it too)
	nodebb.adminRouteMap()[`plugins/${NS}/roster`] = ROSTER_PRIVILEGE;
	await access.startJobs();
	await nodebb.addJob({
		name: 'lvl:membership-previews',
		cronTime: '0 23 * * * *',
		onTick: async () => {
			const removed = await roster.expirePreviews();
			if (removed) {
				nodebb.log.info(`roster: ${String(removed)} unapplied preview(s) deleted`);
			}
		},
	});
	await nodebb.addJob({
		name: 'lvl:membership-retention',
		cronTime: '0 41 * * * *',
		onTick: async () => {
			const removed = await retention.expireLeft();
			if (removed) {
				nodebb.log.info(`roster: ${String(removed)} entr(y/ies) of people who left removed after the retention period`);
			}
		},
	});
}

export async function staticApiRoutes(payload: { router: nodebb.Router; middleware: nodebb.HostMiddleware }): Promise<void> {
	apiRoutes(payload.router, payload.middleware);
}

export async function staticPrivilegesAdminInit(payload: { privileges: PrivilegeMap }): Promise<void> {
	payload.privileges.set(ROSTER_PRIVILEGE, { label: `[[${NS}:privilege.roster]]`, type: 'admin' });
}

export async function filterUserNotificationTypes(payload: { types: string[] }): Promise<{ types: string[] }> {
	if (!payload.types.includes(NOTIFICATION_TYPE)) {
		payload.types.push(NOTIFICATION_TYPE);
	}
	return payload;
}

/** Keys of the registration state that belong to the plugin's steps (and `uid`, which names the account they act on). */
const OWNED = /^lvl/i;

/**
 * `filter:register.check`: NodeBB keeps the POST /register body as the registration state every step reads, and
 * hands it to `action:user.create`. Nothing the plugin's steps read may come from there: every `lvl…` key and `uid`
 * go before NodeBB stores the body.
 */
export async function filterRegisterCheck<T extends { userData: Record<string, unknown> }>(payload: T): Promise<T> {
	const kept = Object.entries(payload.userData).filter(([key]) => !OWNED.test(key) && key !== 'uid');
	// the same object (it is req.body, which NodeBB stores), emptied and refilled with what may stay
	for (const key of Object.keys(payload.userData)) {
		Reflect.deleteProperty(payload.userData, key);
	}
	Object.assign(payload.userData, Object.fromEntries(kept));
	return payload;
}

/**
 * The verification step of registration, also shown to an existing account that is not yet a verified member.
 * At registration the account does not exist yet: what the step proved is kept in the database under a token the
 * registration state carries, and linked once the account is created.
 */
export async function filterRegisterInterstitial(payload: InterstitialPayload): Promise<InterstitialPayload> {
	const { req, userData } = payload;
	const uid = registrationAccount(req.uid, userData);
	if (uid === null || !await registration.needsStep(uid, userData, req.originalUrl ?? '')) {
		return payload;
	}
	const s = await settings.get();
	payload.interstitials.push({
		template: 'partials/lvl/verify-step',
		data: { refuse: s.verificationMode === 'refuse' && !uid, registering: !uid, attemptsPerHour: s.attemptsPerHour, ...nodebb.i18nFor(req) },
		callback: (data, form) => registration.takeStep(uid, req.ip ?? '', form, data),
	});
	return payload;
}

/**
 * Links being made for accounts created in this process. NodeBB does not await action hooks, so the registration's
 * last step (filter:register.complete, same request, same process) waits for the link before the member lands.
 */
const pendingLinks = new Map<number, Promise<void>>();

/** The account now exists: link what the verification step proved, or file the manual request. */
export async function actionUserCreate(payload: UserCreatePayload): Promise<void> {
	const uid = Number(payload.user.uid);
	const work = registration.linkNewAccount(uid, payload.data);
	pendingLinks.set(uid, work);
	try {
		await work;
	} finally {
		pendingLinks.delete(uid);
	}
}

/** After registering, a new member lands on the platform's home (verified: invited to fill in their competences). */
export async function filterRegisterComplete(payload: { uid: number | string; next: string }): Promise<{ uid: number | string; next: string }> {
	await pendingLinks.get(Number(payload.uid));
	payload.next = `${asString(nodebb.nconf().get('relative_path'))}/leden-voor-leden`;
	return payload;
}

/**
 * An existing, logged-in account that is not yet a verified member is sent through the verification step once
 * per session (NodeBB shows interstitials only while `session.registration` exists, so we put it in place).
 */
export async function responseRouterPage(payload: PagePayload): Promise<void> {
	const { req, res } = payload;
	const session = req.session;
	// full page loads only: API calls (and ajaxify's /api/<page> twins) are never redirected
	const url = (req.originalUrl ?? '').replace(asString(nodebb.nconf().get('relative_path')), '');
	if (url.startsWith('/api/') || req.method !== 'GET') {
		return;
	}
	if (!(req.uid > 0) || !session || session.registration || session.lvlPrompted || res.headersSent) {
		return;
	}
	session.lvlPrompted = true;
	if (!await registration.shouldPrompt(req.uid)) {
		return;
	}
	session.registration = { uid: req.uid, lvlVerify: true };
	session.returnTo = req.originalUrl?.replace(/^\/api/, '') ?? '/';
	nodebb.controllerHelpers().redirect(res, '/register/complete');
}

/** Deleting an account removes its links, requests and counters. */
export async function staticUserDelete(payload: { uid: number }): Promise<void> {
	await store.forgetAccount(payload.uid);
}
