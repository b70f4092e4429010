/**
 * NodeBB upgrade script (name is global: prefixed). The "unsolved" Q&A list now reads a key of its own
 * (`lvl:qa:questions:open`) instead of intersecting the open status with the question type on every page; this
 * fills it from the existing questions. A forum without questions does nothing.
 */
import * as nodebb from '../lib/nodebb';
import { K } from '../lib/qa/store';

export = {
	name: 'Leden voor Leden: a list of its own for the open questions',
	timestamp: Date.UTC(2026, 10, 25, 13),
	method: async function (): Promise<void> {
		const db = nodebb.db();
		const tids = await db.getSortedSetRevIntersect({ sets: [K.status('open'), K.type('question')], start: 0, stop: -1, weights: [1, 0] });
		for (let i = 0; i < tids.length; i += 1000) {
			const chunk = tids.slice(i, i + 1000);
			const times = await db.sortedSetScores(K.type('question'), chunk);
			await db.sortedSetAddBulk(chunk.map((tid, j): [string, number, string] => [K.openQuestions, times[j] ?? Date.now(), tid]));
		}
		nodebb.log.info(`[lvl] ${String(tids.length)} open questions listed`);
	},
};
