/**
 * Members' competence profiles: read for a viewer, save (with a check against two tabs overwriting each other),
 * re-index, export and delete.
 */
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import { foldText } from '../membership/rules';
import * as settings from '../settings';
import { NS } from '../settings';
import {
	completeness, type ContactWay, type DirectoryTier, domainsOf, effectiveTier, type KeyState, type Profile, readProfile, searchable,
	visibleTo, words,
} from './profile-rules';
import * as store from './store';
import * as taxonomy from './taxonomy';

export const MAX_COMPETENCES = 30;

async function keyStates(): Promise<(key: string) => KeyState> {
	const t = await taxonomy.get();
	return (key: string): KeyState => {
		const c = taxonomy.competence(t, key);
		if (!c) {
			return 'unknown';
		}
		return c.retired || c.mergedInto ? 'retired' : 'ok';
	};
}

/**
 * The words a member is found by: only what every other member may see. The full name only as NodeBB shows it to
 * other members (the forum does not hide full names and the member's own setting shows theirs).
 */
async function nameWords(uid: number, p: Profile, onlyName = false): Promise<string[]> {
	const [u, userSettings] = await Promise.all([nodebb.user().getUserFields(uid, ['username', 'fullname']), nodebb.user().getSettings(uid)]);
	const fullnameShown = !Number(nodebb.meta().config.hideFullname) && userSettings.showfullname === true;
	// the names tier: the name is all that is shown, so all it is found by
	const hide = new Set(onlyName ? ['profession', 'sector', 'help', 'notes'] : p.hidden);
	return words([
		asString(u.username), fullnameShown ? asString(u.fullname) : '',
		hide.has('profession') ? '' : p.profession,
		hide.has('sector') ? '' : p.sector,
		hide.has('help') ? '' : p.help,
		...(hide.has('notes') ? [] : p.competences.map(c => c.note)),
	], foldText);
}

/** The tier settings as the indexes are built for them. */
async function tierDefaults(): Promise<{ directoryTier: DirectoryTier; directoryTierLocked: boolean }> {
	const s = await settings.get();
	return { directoryTier: s.directoryTier, directoryTierLocked: s.directoryTierLocked };
}

/** Each member's tier now (their choice, or the admin's default when they chose none or it is locked). */
export async function tiersOf(profiles: Profile[]): Promise<DirectoryTier[]> {
	const d = await tierDefaults();
	return profiles.map(p => effectiveTier(p, d));
}

export async function tierOf(uid: number): Promise<DirectoryTier> {
	const [tier = 'hidden'] = await tiersOf([await store.getProfile(uid)]);
	return tier;
}

/** Ways of contact as another member sees them at the contact tier. */
export interface ContactView {
	email: string;
	chat: boolean;
	note: string;
}

export interface ProfileView extends Profile {
	uid: number;
	completeness: number;
	self: boolean;
	/** the member's tier now (what others see follows it) */
	effectiveTier: DirectoryTier;
	/** whether the admin fixed the tier for everyone (the owner's choice is then not used) */
	tierLocked: boolean;
	/** at the names tier, the domains of the competences: all that is shown besides the name */
	domains: string[];
	/** at the contact tier, for other members: how to reach the member (null otherwise) */
	reach: ContactView | null;
}

async function reachOf(uid: number, ways: ContactWay[], note: string): Promise<ContactView> {
	const u = ways.includes('email') ? await nodebb.user().getUserFields(uid, ['email']) : {};
	return { email: asString(u.email), chat: ways.includes('chat'), note };
}

/**
 * What `viewer` may see of `uid`'s profile, by the member's tier: nothing at the hidden tier, the domains of their
 * competences at the names tier, the profile (without hidden fields), and with the ways of contact they chose.
 */
export async function view(uid: number, viewer: number): Promise<ProfileView | null> {
	const [p, d] = await Promise.all([store.getProfile(uid), tierDefaults()]);
	const self = uid === viewer;
	const tier = effectiveTier(p, d);
	if (!self && tier === 'hidden') {
		return null;
	}
	const t = await taxonomy.get();
	const domains = domainsOf(p, key => {
		const c = taxonomy.resolve(t, key);
		return t.domains.find(dm => dm.key === c?.domain && !dm.retired);
	});
	const shown = visibleTo(p, self, tier);
	const reach = !self && tier === 'contact' && (p.contact.length || p.contactNote) ? await reachOf(uid, p.contact, p.contactNote) : null;
	return {
		...shown, uid, completeness: self || searchable(tier) ? completeness(p) : 0, self, effectiveTier: tier, tierLocked: d.directoryTierLocked,
		domains: self || tier === 'names' ? domains : [], reach,
	};
}

/** Saves a member's own profile. Fails, changing nothing, if the profile changed since the member loaded it. */
export async function save(uid: number, input: Record<string, unknown>): Promise<ProfileView> {
	const previous = await store.getProfile(uid);
	const next = readProfile(input, await keyStates(), { max: MAX_COMPETENCES, previous });
	if (next.revision !== previous.revision) {
		throw new Error(`[[${NS}:error.profile-changed]]`);
	}
	if (!await store.claimRevision(uid, previous.revision)) {
		throw new Error(`[[${NS}:error.profile-changed]]`);
	}
	next.updatedAt = Date.now();
	next.revision = previous.revision + 1;
	await store.writeProfile(uid, next);
	await reindex(uid, previous, next);
	const saved = await view(uid, uid);
	if (!saved) {
		throw new Error('[[error:invalid-data]]');
	}
	return saved;
}

/**
 * The member's index entries, by tier: profile and contact in every index; names in the list and by name only;
 * hidden in none. Hidden and names holders stay reachable by routing (routing-only index), never by a search.
 */
export async function reindex(uid: number, previous: Profile, next: Profile): Promise<void> {
	await store.unindex(uid, previous);
	if (next.competences.length + next.help.length + next.profession.length === 0) {
		return;
	}
	const [tier = 'hidden'] = await tiersOf([next]);
	if (searchable(tier)) {
		await store.index(uid, next, await nameWords(uid, next));
		return;
	}
	await store.indexForRoutingOnly(uid, next);
	if (tier === 'names') {
		await store.indexName(uid, next, await nameWords(uid, next, true));
	}
}

/** In or out of the directory's indexes, as the member's membership changes (the profile itself stays). */
export async function setIndexed(uid: number, indexed: boolean): Promise<void> {
	const p = await store.getProfile(uid);
	if (!p.updatedAt) {
		return;
	}
	await store.unindex(uid, p);
	if (indexed) {
		await reindex(uid, p, p);
	}
}

/**
 * Rebuilds the index entries of every member now in the directory (after the index's encoding changed), 200 at a
 * time; members out of the directory stay out. Returns how many were re-indexed.
 */
export async function reindexListed(): Promise<number> {
	let done = 0;
	const total = (await store.listedRange(0, 0)).total;
	for (let start = 0; start < total; start += 200) {
		const { uids } = await store.listedRange(start, start + 199);
		const profiles = await store.getProfiles(uids);
		// 20 at a time: fast enough for 50,000 members without flooding the database
		for (let i = 0; i < uids.length; i += 20) {
			await Promise.all(uids.slice(i, i + 20).map((uid, j) => {
				const p = profiles[i + j] ?? store.emptyProfile();
				return reindex(uid, p, p);
			}));
		}
		done += uids.length;
	}
	return done;
}

/**
 * Rebuilds every profile's index entries (200 at a time), in or out of the directory: after the admin changed the
 * default tier or its lock. Members who left the members group stay out. Returns how many were re-indexed.
 */
export async function reindexAll(): Promise<number> {
	const { membersGroup } = await settings.get();
	let done = 0;
	for (let start = 0; ; start += 200) {
		const uids = await store.profilesRange(start, start + 199);
		if (!uids.length) {
			break;
		}
		const [rows, members] = await Promise.all([store.getProfiles(uids), nodebb.groups().isMembers(uids, membersGroup)]);
		for (let i = 0; i < uids.length; i += 20) {
			await Promise.all(uids.slice(i, i + 20).map(async (uid, j) => {
				const p = rows[i + j] ?? store.emptyProfile();
				if (members[i + j]) {
					await reindex(uid, p, p);
				} else {
					await store.unindex(uid, p);
				}
			}));
		}
		done += uids.length;
	}
	return done;
}

/** After a settings save: when the tier default or its lock changed since the indexes were built, rebuild them. */
export async function followTierSettings(): Promise<number> {
	const d = await tierDefaults();
	const state = `${d.directoryTier}:${d.directoryTierLocked ? 1 : 0}`;
	const built = await store.tierState();
	if (built === state || (!built && state === 'profile:0')) {
		return 0;
	}
	await store.setTierState(state);
	return reindexAll();
}

/** Username or full name changed: the free-text index follows. */
export async function reindexNames(uid: number): Promise<void> {
	const p = await store.getProfile(uid);
	if (p.updatedAt) {
		await reindex(uid, p, p);
	}
}

/** Everything the plugin keeps about the member's competences, for their own download. */
export async function exportOwn(uid: number): Promise<Record<string, unknown>> {
	const [p, t] = await Promise.all([store.getProfile(uid), taxonomy.get()]);
	return {
		exportedAt: new Date().toISOString(),
		uid,
		profile: p,
		competences: p.competences.map(c => ({ ...c, labels: taxonomy.competence(t, c.key)?.labels ?? null })),
	};
}

/** Deleting an account: the profile and every index entry go. */
export async function remove(uid: number): Promise<void> {
	const p = await store.getProfile(uid);
	await store.unindex(uid, p);
	await store.deleteProfile(uid);
	await store.deleteAccepted(uid);
}

/** A merge in the taxonomy: every member's entry on `from` moves to `into` (keeping the higher level). */
export async function moveEntries(from: string, into: string): Promise<number> {
	const holders = await store.competenceMembers(from, 0);
	for (const { uid } of holders) {
		const p = await store.getProfile(uid);
		const source = p.competences.find(c => c.key === from);
		const target = p.competences.find(c => c.key === into);
		let competences = p.competences.filter(c => c.key !== from);
		if (source && !target) {
			competences = p.competences.map(c => (c.key === from ? { ...c, key: into } : c));
		} else if (source && target && (['basic', 'experienced', 'expert'].indexOf(source.level) > ['basic', 'experienced', 'expert'].indexOf(target.level))) {
			competences = competences.map(c => (c.key === into ? { ...c, level: source.level, roles: [...new Set([...c.roles, ...source.roles])] } : c));
		}
		const next = { ...p, competences, updatedAt: Date.now() };
		await store.writeProfile(uid, next);
		await reindex(uid, p, next);
	}
	return holders.length;
}

/** A verified member whose profile is less than half complete, and who has not dismissed the reminder. */
export async function needsReminder(uid: number): Promise<{ show: boolean; completeness: number }> {
	const [p, dismissed] = await Promise.all([store.getProfile(uid), store.reminderDismissed(uid)]);
	const { membersGroup } = await settings.get();
	const score = completeness(p);
	return { show: score < 50 && !dismissed && await nodebb.groups().isMember(uid, membersGroup), completeness: score };
}

export async function dismissReminder(uid: number): Promise<void> {
	await store.dismissReminder(uid);
}
