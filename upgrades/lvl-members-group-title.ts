/**
 * NodeBB upgrade script (name is global: prefixed). Membership is not public: the members group stops showing as a
 * title, and the accounts NodeBB gave it as their title (on joining) no longer carry it.
 */
import * as nodebb from '../lib/nodebb';
import { hideMembersGroupTitle } from '../lib/membership/visibility';

export = {
	name: 'Leden voor Leden: the members group never shows as a badge or title',
	timestamp: Date.UTC(2026, 11, 3),
	method: async function (): Promise<void> {
		const cleaned = await hideMembersGroupTitle();
		nodebb.log.info(`members group title removed from ${String(cleaned)} accounts`);
	},
};
