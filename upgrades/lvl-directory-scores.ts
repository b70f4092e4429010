/**
 * NodeBB upgrade script (name is global: prefixed). The directory's competence indexes now carry the roles,
 * languages, region and availability in each member's score; the per-competence role sets are no longer used.
 * Scores of the earlier encoding are all below 2^16, so a forum without them (a new one) skips the re-index.
 */
import * as nodebb from '../lib/nodebb';
import { reindexListed } from '../lib/competences/profiles';
import * as store from '../lib/competences/store';

export = {
	name: 'Leden voor Leden: re-index the "Wie weet wat?" directory with filters in the competence scores',
	timestamp: Date.UTC(2026, 10, 25, 12),
	method: async function (): Promise<void> {
		const db = nodebb.db();
		const keys = await db.getSortedSetRange(store.K.competences, 0, -1);
		const old = await Promise.all(keys.map(k => db.sortedSetCount(store.K.byCompetence(k), '-inf', 2 ** 16 - 1)));
		const n = old.some(c => c > 0) ? await reindexListed() : 0;
		const stale = await db.scan({ match: 'lvl:dir:c:*:r:*' });
		if (stale.length) {
			await db.deleteAll(stale);
		}
		nodebb.log.info(`[lvl] re-indexed ${String(n)} directory profiles; removed ${String(stale.length)} role sets`);
	},
};
