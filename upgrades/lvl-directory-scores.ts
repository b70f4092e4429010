/**
 * NodeBB upgrade script (name is global: prefixed). The directory's competence indexes now carry the roles,
 * languages, region and availability in each member's score; the per-competence role sets are no longer used.
 */
import * as nodebb from '../lib/nodebb';
import { reindexListed } from '../lib/competences/profiles';

export = {
	name: 'Leden voor Leden: re-index the "Wie weet wat?" directory with filters in the competence scores',
	timestamp: Date.UTC(2026, 10, 25, 12),
	method: async function (): Promise<void> {
		const n = await reindexListed();
		const stale = await nodebb.db().scan({ match: 'lvl:dir:c:*:r:*' });
		if (stale.length) {
			await nodebb.db().deleteAll(stale);
		}
		nodebb.log.info(`[lvl] re-indexed ${String(n)} directory profiles; removed ${String(stale.length)} role sets`);
	},
};
