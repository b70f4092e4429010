/**
 * The platform's use cases: the members group exists, and it alone holds the platform's categories.
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { asString } from '../coerce';
import { canUsePlatform } from '../membership';
import { type CategoryHolders, membersGroupSpec, platformLeftovers, privilegePlan } from './rules';

/**
 * Creates the members group when it is missing. A group of that name that existed before the plugin was ever used
 * (no member verified yet, never created by us) is not adopted as it is: it is closed like ours, owners outside the
 * administrators lose ownership and members who are not administrators leave it, because membership of this group is
 * what opens the platform and none of them was verified against the roster. Safe to repeat.
 */
export async function ensureMembersGroup(name?: string): Promise<void> {
	const groupName = name ?? (await settings.get()).membersGroup;
	const g = nodebb.groups();
	if (await g.exists(groupName)) {
		if (asString(await nodebb.db().getObjectField(PLATFORM_KEY, 'membersGroup')) !== groupName) {
			await adoptGroup(groupName);
		}
		return;
	}
	try {
		await g.create(membersGroupSpec(groupName));
		await nodebb.db().setObjectField(PLATFORM_KEY, 'membersGroup', groupName);
		nodebb.log.info(`created the members group "${groupName}"`);
	} catch (err) {
		// Two processes starting at once may both try: the loser finds the group there.
		if (!(err instanceof Error && err.message === '[[error:group-already-exists]]')) {
			throw err;
		}
	}
}

/** `lvl:platform`: `membersGroup`, the group the plugin created or adopted (so adoption happens once). */
export const PLATFORM_KEY = 'lvl:platform';

async function adoptGroup(groupName: string): Promise<void> {
	const db = nodebb.db();
	const usedBefore = await db.sortedSetCard('lvl:members') > 0;
	if (!usedBefore) {
		const g = nodebb.groups();
		const spec = membersGroupSpec(groupName);
		delete spec.name;
		delete spec.description;
		await g.update(groupName, spec);
		const owners = (await g.getOwners(groupName)).map(Number);
		const members = await g.getMembers(groupName, 0, -1);
		const everyone = [...new Set([...owners, ...members.map(Number)])];
		const admins = await Promise.all(everyone.map(uid => nodebb.user().isAdministrator(uid)));
		const outside = everyone.filter((_, i) => !admins[i]);
		const foreignOwners = owners.filter(uid => outside.includes(uid));
		if (foreignOwners.length && foreignOwners.length === owners.length) {
			// NodeBB keeps at least one owner once a group has one: the first administrator takes over
			const [firstAdmin] = await g.getMembers('administrators', 0, 0);
			if (firstAdmin) {
				await g.ownership.grant(firstAdmin, groupName);
			}
		}
		for (const uid of foreignOwners) {
			await g.ownership.rescind(uid, groupName);
		}
		for (const uid of members.map(Number).filter(uid => outside.includes(uid))) {
			await g.leave(groupName, uid);
		}
		await nodebb.events().log({ type: 'lvl-members-group-adopted', uid: 0, group: groupName, removed: outside.length });
		nodebb.log.warn(`the existing group "${groupName}" became the members group: closed, ${String(outside.length)} owners or members who are not administrators removed`);
	}
	await db.setObjectField(PLATFORM_KEY, 'membersGroup', groupName);
}

/** The admin renamed the members group: rename the NodeBB group, so its members and privileges move along. */
export async function renameMembersGroup(from: string, to: string): Promise<void> {
	if (from === to) {
		return;
	}
	const g = nodebb.groups();
	if (await g.exists(to)) {
		throw new Error(`[[${settings.NS}:error.group-exists, ${to}]]`);
	}
	if (await g.exists(from)) {
		await g.update(from, { name: to });
		await nodebb.db().setObjectField(PLATFORM_KEY, 'membersGroup', to);
	} else {
		await ensureMembersGroup(to);
	}
}

/** The platform's categories that exist, and every subcategory below them (the plan covers both). */
export async function platformCategoryTree(current?: settings.Settings): Promise<number[]> {
	const s = current ?? await settings.get();
	const c = nodebb.categories();
	const existing = (await Promise.all(s.platformCids.map(async cid => (await c.exists(cid) ? cid : 0)))).filter(Boolean);
	const children = await Promise.all(existing.map(cid => c.getChildrenCids(cid)));
	return [...new Set([...existing, ...children.flat().map(Number)])];
}

/** Who holds which privilege on each category of the platform tree: groups and single users. */
export async function platformHolders(current?: settings.Settings): Promise<CategoryHolders[]> {
	const s = current ?? await settings.get();
	const cids = await platformCategoryTree(s);
	const p = nodebb.privileges().categories;
	const groupPrivs = p.getGroupPrivilegeList();
	const userPrivs = p.getUserPrivilegeList();
	const names = await nodebb.categories().getCategoriesFields(cids, ['cid', 'name']);
	const out: CategoryHolders[] = [];
	for (const [i, cid] of cids.entries()) {
		const [groupSets, userSets] = await Promise.all([
			nodebb.groups().getMembersOfGroups(groupPrivs.map(priv => `cid:${String(cid)}:privileges:${priv}`)),
			nodebb.groups().getMembersOfGroups(userPrivs.map(priv => `cid:${String(cid)}:privileges:${priv}`)),
		]);
		const groups: Record<string, string[]> = {};
		for (const [j, holders] of groupSets.entries()) {
			for (const name of holders) {
				(groups[name] ??= []).push(groupPrivs[j] ?? '');
			}
		}
		const byUid = new Map<number, string[]>();
		for (const [j, holders] of userSets.entries()) {
			for (const uid of holders) {
				byUid.set(Number(uid), [...byUid.get(Number(uid)) ?? [], userPrivs[j] ?? '']);
			}
		}
		const uids = [...byUid.keys()];
		const [members, users] = await Promise.all([
			Promise.all(uids.map(uid => canUsePlatform(uid))),
			nodebb.user().getUsersFields(uids, ['uid', 'username']),
		]);
		out.push({
			cid,
			name: asString(names[i]?.name),
			groups,
			users: uids.map((uid, k) => ({ uid, username: asString(users[k]?.username) || String(uid), member: !!members[k], privileges: byUid.get(uid) ?? [] })),
		});
	}
	return out;
}

/**
 * Grants the platform's categories, and every subcategory below them, to the members group only: the outsiders
 * (guests, spiders, fediverse, registered users) lose every privilege there, and so does any custom group other
 * than the exempt ones and any single user who is not a member. Idempotent.
 */
export async function applyPlatformPrivileges(current?: settings.Settings): Promise<void> {
	const s = current ?? await settings.get();
	const p = nodebb.privileges().categories;
	const holders = await platformHolders(s);
	const leftovers = platformLeftovers({ platform: holders, membersGroup: s.membersGroup, exemptGroups: s.exemptGroups });
	const plans = privilegePlan(holders.map(h => h.cid), s.membersGroup, p.getGroupPrivilegeList(), leftovers);
	for (const plan of plans) {
		// Rescind first: a crash in between leaves the category closed, never open.
		for (const r of plan.rescind) {
			for (const holder of r.groups) {
				await p.rescind(r.privileges, plan.cid, holder as string);
			}
		}
		for (const g of plan.give) {
			await p.give(g.privileges, plan.cid, g.group);
		}
	}
}

/** Runs on start-up, activation and upgrade: everything the platform needs exists. */
export async function ensureGround(): Promise<void> {
	const s = await settings.get();
	await ensureMembersGroup(s.membersGroup);
	await applyPlatformPrivileges(s);
}
