/**
 * The privacy health check: pure decisions. The service gathers facts from NodeBB; these rules say what fails,
 * what it means for members, and which fixes may repair it. No NodeBB here.
 */

import { type CategoryHolders, platformLeftovers } from '../platform/rules';

export const CHECK_IDS = ['activitypub', 'guests', 'outsiders', 'platform', 'fields', 'members-group', 'exempt', 'email'] as const;
export type CheckId = typeof CHECK_IDS[number];

/** The fixes an admin may apply, per check (the first one is the default button). */
export const FIXES: Readonly<Record<CheckId, readonly string[]>> = {
	'activitypub': ['rescind-fediverse', 'disable-activitypub'],
	'guests': ['rescind-guests'],
	'outsiders': ['rescind-outsiders'],
	'platform': ['apply-plan'],
	'fields': ['fields-loggedin'],
	'members-group': ['close-members-group'],
	'exempt': ['drop-system-exempt'],
	'email': ['verified-emails-only'],
};

/** What the fediverse pseudo-group must not hold while ActivityPub is on. */
export const FEDIVERSE_PRIVILEGES = ['groups:view:users', 'groups:view:users:info', 'groups:search:users', 'groups:chat'];
/** What a visitor who is not logged in (and a crawler) must not hold. */
export const GUEST_GROUPS = ['guests', 'spiders'];
export const GUEST_PRIVILEGES = ['groups:view:users', 'groups:view:users:info', 'groups:search:users', 'groups:view:groups'];
/** Accounts that are not members by themselves: they must not read or search member profiles. */
export const ACCOUNT_GROUPS = ['registered-users', 'verified-users', 'unverified-users'];
export const ACCOUNT_PRIVILEGES = ['groups:view:users', 'groups:view:users:info', 'groups:search:users'];
/** What the members group (and each exempt group) gets instead, so members keep reading each other's profiles. */
export const MEMBER_GLOBAL_PRIVILEGES = ['groups:view:users', 'groups:search:users'];

export interface Facts {
	activitypubEnabled: boolean;
	/** whether this NodeBB gates `GET /uid/<uid>` for remote servers with `view:users` (4.15 does, 4.11 does not) */
	activitypubGated: boolean;
	/** group → global group privileges held (only those listed above matter) */
	globalPrivileges: Record<string, string[]>;
	membersGroup: string;
	exemptGroups: string[];
	/** platform categories and their subcategories, with who holds what there */
	platform: CategoryHolders[];
	fields: { key: string; name: string; visibility: string }[];
	group: { exists: boolean; private: boolean; hidden: boolean; foreignOwners: string[] };
	/** exempt groups as stored (before normalisation), and NodeBB's reserved names */
	storedExemptGroups: string[];
	reservedGroups: string[];
	includeUnverifiedEmails: boolean;
}

export interface CheckResult {
	id: CheckId;
	ok: boolean;
	/** short facts for the admin (names of groups, fields, categories): translation arguments, never member text */
	details: string[];
	fixes: string[];
}

function held(facts: Facts, group: string, wanted: string[]): string[] {
	const have = facts.globalPrivileges[group] ?? [];
	return wanted.filter(p => have.includes(p));
}

function bare(privilege: string): string {
	return privilege.replace(/^groups:/, '');
}

/** Pure: every check, in the order the page shows them. */
export function evaluate(facts: Facts): CheckResult[] {
	return CHECK_IDS.map((id) => {
		const details = detailsOf(id, facts);
		const ok = details === null;
		return { id, ok, details: details ?? [], fixes: ok ? [] : fixesOf(id, facts) };
	});
}

function fixesOf(id: CheckId, facts: Facts): string[] {
	if (id === 'activitypub' && !facts.activitypubGated) {
		// taking the fediverse's privileges does not close this NodeBB's actor endpoint: only turning it off does
		return held(facts, 'fediverse', FEDIVERSE_PRIVILEGES).length ? [...FIXES.activitypub] : ['disable-activitypub'];
	}
	if (id === 'activitypub' && !held(facts, 'fediverse', FEDIVERSE_PRIVILEGES).length) {
		return ['disable-activitypub'];
	}
	return [...FIXES[id]];
}

/** null when the check passes, else the facts that make it fail. */
function detailsOf(id: CheckId, facts: Facts): string[] | null {
	switch (id) {
		case 'activitypub': {
			if (!facts.activitypubEnabled) {
				return null;
			}
			const privs = held(facts, 'fediverse', FEDIVERSE_PRIVILEGES).map(bare);
			if (privs.length) {
				return privs;
			}
			return facts.activitypubGated ? null : ['ungated'];
		}
		case 'guests': {
			const out = GUEST_GROUPS.flatMap(g => held(facts, g, GUEST_PRIVILEGES).map(p => `${g}: ${bare(p)}`));
			return out.length ? out : null;
		}
		case 'outsiders': {
			const out = ACCOUNT_GROUPS.flatMap(g => held(facts, g, ACCOUNT_PRIVILEGES).map(p => `${g}: ${bare(p)}`));
			return out.length ? out : null;
		}
		case 'platform': {
			const out = platformLeftovers(facts).map(l => `${l.category}: ${l.holder} (${l.privileges.map(bare).join(', ')})`);
			return out.length ? out : null;
		}
		case 'fields': {
			const out = facts.fields.filter(f => isOpenVisibility(f.visibility)).map(f => `${f.name || f.key}: ${f.visibility || 'all'}`);
			return out.length ? out : null;
		}
		case 'members-group': {
			const g = facts.group;
			const out = [
				...(!g.exists ? ['missing'] : []),
				...(g.exists && !g.private ? ['not-private'] : []),
				...(g.exists && !g.hidden ? ['not-hidden'] : []),
				...g.foreignOwners.map(o => `owner: ${o}`),
			];
			return out.length ? out : null;
		}
		case 'exempt': {
			const out = systemExemptGroups(facts.storedExemptGroups, facts.reservedGroups);
			return out.length ? out : null;
		}
		case 'email':
			return facts.includeUnverifiedEmails ? ['includeUnverifiedEmails'] : null;
	}
}

/** "all" (the default when unset) shows a field to anyone who may view users; "privileged" to any category's moderator. */
export function isOpenVisibility(visibility: string | undefined): boolean {
	return !visibility || visibility === 'all' || visibility === 'privileged';
}

/** Pure: the exempt groups that are NodeBB's own (system, ephemeral, privilege groups): never an exemption. */
export function systemExemptGroups(exempt: string[], reserved: string[]): string[] {
	return exempt.filter(g => reserved.includes(g) || g.startsWith('cid:'));
}

/** Pure: the number of failing checks, for the red dot on the plugin's ACP menu entry. */
export function failing(results: CheckResult[]): number {
	return results.filter(r => !r.ok).length;
}
