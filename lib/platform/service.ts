/**
 * The platform's use cases: the members group exists, and it alone holds the platform's categories.
 */
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { membersGroupSpec, privilegePlan } from './rules';

/** Creates the members group when it is missing; leaves an existing one exactly as it is. Safe to repeat. */
export async function ensureMembersGroup(name?: string): Promise<void> {
	const groupName = name ?? (await settings.get()).membersGroup;
	if (await nodebb.groups().exists(groupName)) {
		return;
	}
	try {
		await nodebb.groups().create(membersGroupSpec(groupName));
		nodebb.log.info(`created the members group "${groupName}"`);
	} catch (err) {
		// Two processes starting at once may both try: the loser finds the group there.
		if (!(err instanceof Error && err.message === '[[error:group-already-exists]]')) {
			throw err;
		}
	}
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
	} else {
		await ensureMembersGroup(to);
	}
}

/** Grants the platform's categories to the members group only. Idempotent. */
export async function applyPlatformPrivileges(current?: settings.Settings): Promise<void> {
	const s = current ?? await settings.get();
	const p = nodebb.privileges().categories;
	const existing = await Promise.all(s.platformCids.map(async cid => (await nodebb.categories().exists(cid) ? cid : 0)));
	const plans = privilegePlan(existing.filter(Boolean), s.membersGroup, p.getGroupPrivilegeList());
	for (const plan of plans) {
		// Rescind first: a crash in between leaves the category closed, never open.
		for (const r of plan.rescind) {
			await p.rescind(r.privileges, plan.cid, r.groups);
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
