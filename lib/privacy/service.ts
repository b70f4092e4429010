/**
 * The privacy health check: gathers what NodeBB is configured to show to whom, judges it (rules.ts), applies the
 * one-click fixes through NodeBB's own APIs and records each fix in NodeBB's event log.
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS, RESERVED_GROUPS } from '../settings';
import { asString } from '../coerce';
import * as platform from '../platform/service';
import {
	ACCOUNT_GROUPS, ACCOUNT_PRIVILEGES, type CheckId, type CheckResult, CHECK_IDS, evaluate, type Facts, failing, FEDIVERSE_PRIVILEGES,
	FIXES, GUEST_GROUPS, GUEST_PRIVILEGES, isOpenVisibility, MEMBER_GLOBAL_PRIVILEGES, systemExemptGroups,
} from './rules';
import * as store from './store';

export const FIX_EVENT = 'lvl-privacy-fix';

function on(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'on' || value === 'true';
}

/** NodeBB 4.15 gates its ActivityPub actor (`GET /uid/<uid>`) with `view:users`; 4.11 serves it to anyone. */
function activitypubGated(): boolean {
	const [major = 0, minor = 0] = nodebb.hostVersion().split('.').map(n => parseInt(n, 10) || 0);
	return major > 4 || (major === 4 && minor >= 15);
}

export async function gatherFacts(): Promise<Facts> {
	const s = await settings.get();
	const config = nodebb.meta().config;
	const watched = ['fediverse', ...GUEST_GROUPS, ...ACCOUNT_GROUPS];
	const privs = await Promise.all(watched.map(g => nodebb.privileges().global.groupPrivileges(g)));
	const globalPrivileges: Record<string, string[]> = {};
	watched.forEach((g, i) => {
		globalPrivileges[g] = Object.entries(privs[i] ?? {}).filter(([, v]) => v).map(([k]) => k);
	});
	const [holders, fields, group, raw] = await Promise.all([
		platform.platformHolders(s),
		store.customFields(),
		membersGroupFacts(s.membersGroup),
		store.rawSettings(),
	]);
	return {
		activitypubEnabled: on(config.activitypubEnabled),
		activitypubGated: activitypubGated(),
		globalPrivileges,
		membersGroup: s.membersGroup,
		exemptGroups: s.exemptGroups,
		platform: holders,
		fields: fields.map(f => ({ key: asString(f.key), name: asString(f.name), visibility: asString(f.visibility) })),
		group,
		storedExemptGroups: settings.list(raw.exemptGroups),
		reservedGroups: RESERVED_GROUPS,
		includeUnverifiedEmails: on(config.includeUnverifiedEmails),
	};
}

async function membersGroupFacts(name: string): Promise<Facts['group']> {
	const g = nodebb.groups();
	const data = await g.getGroupData(name);
	if (!data) {
		return { exists: false, private: false, hidden: false, foreignOwners: [] };
	}
	const owners = (await g.getOwners(name)).map(Number).filter(uid => uid > 0);
	const admins = await Promise.all(owners.map(uid => nodebb.user().isAdministrator(uid)));
	const foreign = owners.filter((_, i) => !admins[i]);
	const users = await nodebb.user().getUsersFields(foreign, ['uid', 'username']);
	return {
		exists: true,
		private: on(data.private),
		hidden: on(data.hidden),
		foreignOwners: foreign.map((uid, i) => asString(users[i]?.username) || String(uid)),
	};
}

/** Runs every check and remembers the outcome (the red dot on the ACP menu reads it). */
export async function run(): Promise<CheckResult[]> {
	const results = evaluate(await gatherFacts());
	await store.saveState({ failing: failing(results), at: Date.now(), results: JSON.stringify(results) });
	return results;
}

/** Runs the checks where nobody is waiting on them (activation, a settings save): failures go to NodeBB's log. */
export async function runAndLog(when: string): Promise<void> {
	try {
		const bad = (await run()).filter(r => !r.ok).map(r => r.id);
		if (bad.length) {
			nodebb.log.warn(`privacy check after ${when}: ${String(bad.length)} failing (${bad.join(', ')}); see ACP › Plugins › Leden voor Leden › Privacy`);
		}
	} catch (err) {
		nodebb.log.error(`privacy check after ${when} failed: ${err instanceof Error ? err.message : String(err)}`);
	}
}

export async function failingCount(): Promise<number> {
	return store.failingCount();
}

export function isFix(check: string, fix: string): check is CheckId {
	return (CHECK_IDS as readonly string[]).includes(check) && (FIXES[check as CheckId]).includes(fix);
}

/** Applies one fix through NodeBB's own calls, records it in the event log, and runs the checks again. */
export async function applyFix(check: CheckId, fix: string, uid: number, ip?: string): Promise<CheckResult[]> {
	const s = await settings.get();
	const global = nodebb.privileges().global;
	switch (fix) {
		case 'rescind-fediverse':
			await global.rescind(FEDIVERSE_PRIVILEGES, 'fediverse');
			break;
		case 'disable-activitypub':
			await nodebb.meta().configs.setMultiple({ activitypubEnabled: 0 });
			break;
		case 'rescind-guests':
			for (const g of GUEST_GROUPS) {
				await global.rescind(GUEST_PRIVILEGES, g);
			}
			break;
		case 'rescind-outsiders':
			// members (and who the admin exempted, and the global moderators) keep reading each other's profiles
			for (const g of [s.membersGroup, ...s.exemptGroups, 'Global Moderators']) {
				await global.give(MEMBER_GLOBAL_PRIVILEGES, g);
			}
			for (const g of ACCOUNT_GROUPS) {
				await global.rescind(ACCOUNT_PRIVILEGES, g);
			}
			break;
		case 'apply-plan':
			await platform.applyPlatformPrivileges(s);
			break;
		case 'fields-loggedin': {
			const fields = await store.customFields();
			const changed = fields.map(f => (isOpenVisibility(asString(f.visibility)) ? { ...f, visibility: 'loggedin' } : f));
			await nodebb.saveCustomProfileFields(uid, changed);
			break;
		}
		case 'close-members-group': {
			const g = nodebb.groups();
			await platform.ensureMembersGroup(s.membersGroup);
			await g.update(s.membersGroup, { private: 1, hidden: 1 });
			const owners = (await g.getOwners(s.membersGroup)).map(Number).filter(o => o > 0);
			const admins = await Promise.all(owners.map(o => nodebb.user().isAdministrator(o)));
			const foreign = owners.filter((_, i) => !admins[i]);
			if (foreign.length && !admins.some(Boolean)) {
				// NodeBB keeps at least one owner once a group has one: the administrator applying the fix takes over
				await g.ownership.grant(uid, s.membersGroup);
			}
			for (const owner of foreign) {
				await g.ownership.rescind(owner, s.membersGroup);
			}
			break;
		}
		case 'drop-system-exempt': {
			const raw = settings.list((await store.rawSettings()).exemptGroups);
			const bad = systemExemptGroups(raw, RESERVED_GROUPS);
			await settings.save({ exemptGroups: raw.filter(g => !bad.includes(g)) });
			break;
		}
		case 'verified-emails-only':
			await nodebb.meta().configs.setMultiple({ includeUnverifiedEmails: 0 });
			break;
		default:
			throw new Error(`[[${NS}-privacy:error.unknown-fix]]`);
	}
	await nodebb.events().log({ type: FIX_EVENT, uid, ip, check, fix });
	return run();
}
