/**
 * NodeBB upgrade script (name is global: prefixed). Similar questions are found through an index of every
 * question's terms (`lvl:qa:sim:t:<term>`); this indexes the questions asked before it existed, 500 at a time.
 */
import * as nodebb from '../lib/nodebb';
import * as similar from '../lib/qa/similar';
import { questionPage } from '../lib/qa/similar-store';

export = {
	name: 'Leden voor Leden: index the questions for "similar questions while asking"',
	timestamp: Date.UTC(2026, 11, 3, 17),
	method: async function (): Promise<void> {
		let done = 0;
		for (let start = 0; ; start += 500) {
			const tids = await questionPage(start, 500);
			if (!tids.length) {
				break;
			}
			for (const tid of tids) {
				await similar.index(tid);
			}
			done += tids.length;
		}
		nodebb.log.info(`[lvl] ${String(done)} questions indexed for similar questions`);
	},
};
