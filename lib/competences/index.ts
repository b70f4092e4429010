/**
 * The competences capability's public face: what other capabilities may use. Its keys stay its own; Q&A tells it
 * when an answer is accepted or no longer is (acceptedChanged) instead of competences reading Q&A's counters.
 */
import * as store from './store';

export { topHolders } from './directory';
export { needsReminder, tierOf, view as profileView, type ProfileView } from './profiles';
export { effectiveTier, searchable, type DirectoryTier } from './profile-rules';

/**
 * An answer of `uid` was accepted (delta 1) or no longer is (-1) in a question about these competences: the
 * directory ranks by it, the profile tab shows it.
 */
export async function acceptedChanged(uid: number, competences: string[], delta: 1 | -1): Promise<void> {
	await store.bumpAccepted(uid, competences, delta);
}

/** Per member, the answers accepted in each of `keys`. */
export async function acceptedIn(uids: number[], keys: string[]): Promise<Record<string, number>[]> {
	return store.acceptedIn(uids, keys);
}
