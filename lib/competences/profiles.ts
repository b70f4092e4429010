/**
 * Members' competence profiles: read for a viewer, save (with a check against two tabs overwriting each other),
 * re-index, export and delete.
 */
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import { foldText } from '../kernel/text';
import * as settings from '../settings';
import { NS } from '../settings';
import { completeness, type KeyState, type Profile, readProfile, visibleTo, words } from './profile-rules';
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
async function nameWords(uid: number, p: Profile): Promise<string[]> {
	const [u, userSettings] = await Promise.all([nodebb.user().getUserFields(uid, ['username', 'fullname']), nodebb.user().getSettings(uid)]);
	const fullnameShown = !Number(nodebb.meta().config.hideFullname) && userSettings.showfullname === true;
	const hide = new Set(p.hidden);
	return words([
		asString(u.username), fullnameShown ? asString(u.fullname) : '',
		hide.has('profession') ? '' : p.profession,
		hide.has('sector') ? '' : p.sector,
		hide.has('help') ? '' : p.help,
		...(hide.has('notes') ? [] : p.competences.map(c => c.note)),
	], foldText);
}

export interface ProfileView extends Profile {
	uid: number;
	completeness: number;
	self: boolean;
}

/** What `viewer` may see of `uid`'s profile. Other members see nothing of an unlisted profile. */
export async function view(uid: number, viewer: number): Promise<ProfileView | null> {
	const p = await store.getProfile(uid);
	const self = uid === viewer;
	if (!self && !p.listed) {
		return null;
	}
	return { ...visibleTo(p, self), uid, completeness: completeness(p), self };
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

export async function reindex(uid: number, previous: Profile, next: Profile): Promise<void> {
	await store.unindex(uid, previous);
	if (next.listed && next.competences.length + next.help.length + next.profession.length > 0) {
		await store.index(uid, next, await nameWords(uid, next));
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
