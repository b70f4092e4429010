/**
 * NodeBB upgrade script (name is global: prefixed). Competences now keep their own count of accepted answers per
 * competence (`lvl:c:accepted:<uid>`, told by Q&A on accept and undo) instead of reading Q&A's counters; this
 * copies the figures Q&A kept so far (its `c:<key>` fields). It sets, never adds: running it twice is harmless.
 */
import { asCount } from '../lib/coerce';
import * as nodebb from '../lib/nodebb';
import { K } from '../lib/competences/store';
import { K as QA } from '../lib/qa/store';

export = {
	name: 'Leden voor Leden: accepted answers per competence, kept by the competences',
	timestamp: Date.UTC(2026, 11, 3, 20),
	method: async function (): Promise<void> {
		const db = nodebb.db();
		let members = 0;
		for (let start = 0; ; start += 500) {
			const uids = (await db.getSortedSetRange('users:joindate', start, start + 499)).map(Number);
			if (!uids.length) {
				break;
			}
			const rows = await db.getObjects(uids.map(QA.counts));
			for (const [i, row] of rows.entries()) {
				const fields = Object.fromEntries(Object.entries(row ?? {})
					.filter(([f, v]) => f.startsWith('c:') && asCount(v) > 0)
					.map(([f, v]) => [f.slice(2), asCount(v)]));
				const uid = uids[i] ?? 0;
				if (uid > 0 && Object.keys(fields).length) {
					await db.setObject(K.accepted(uid), fields);
					members += 1;
				}
			}
		}
		nodebb.log.info(`[lvl] accepted answers per competence copied for ${String(members)} members`);
	},
};
