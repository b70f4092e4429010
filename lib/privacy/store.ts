/**
 * The privacy check's keys, and the host's keys it reads (NodeBB's custom profile fields, the raw settings hash).
 */
import * as nodebb from '../nodebb';
import { NS } from '../settings';

export const K = {
	/** results (JSON of the last run), failing (count), at (ms) */
	state: 'lvl:privacy',
} as const;

export interface StoredState { failing: number; at: number; results: string }

export async function saveState(state: StoredState): Promise<void> {
	await nodebb.db().setObject(K.state, { failing: state.failing, at: state.at, results: state.results });
}

export async function failingCount(): Promise<number> {
	const n = Number(await nodebb.db().getObjectField(K.state, 'failing'));
	return Number.isFinite(n) ? n : 0;
}

/** NodeBB's custom profile fields (ACP › Manage › Users › Custom fields), as NodeBB stores them. */
export async function customFields(): Promise<Record<string, unknown>[]> {
	const db = nodebb.db();
	const keys = await db.getSortedSetRange('user-custom-fields', 0, -1);
	return (await db.getObjects(keys.map(k => `user-custom-field:${k}`))).filter((f): f is Record<string, unknown> => !!f);
}

/** The plugin's settings exactly as stored, before normalisation hides what is wrong in them. */
export async function rawSettings(): Promise<Record<string, unknown>> {
	return (await nodebb.db().getObject(`settings:${NS}`)) ?? {};
}
