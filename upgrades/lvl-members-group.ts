/**
 * NodeBB upgrade script (name is global: prefixed). Makes sure the members group exists and holds the platform's
 * categories, for forums that had the plugin before the group was introduced.
 */
import { ensureGround } from '../lib/platform/service';

export = {
	name: 'Leden voor Leden: create the members group and grant it the platform categories',
	timestamp: Date.UTC(2026, 10, 25),
	method: async function (): Promise<void> {
		await ensureGround();
	},
};
