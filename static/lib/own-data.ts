/**
 * "Mijn platformgegevens wissen": on the members-only page, an account that no longer uses the platform (a member
 * who left) erases what the plugin keeps about it, after a confirmation; the account stays. NodeBB's api module
 * sends the session's CSRF token.
 */
import * as api from 'api';
import * as alerts from 'alerts';
import bootbox from 'bootbox';

export function start(): void {
	$(document).on('click', '[component="lvl/own-data/erase"]', (e) => {
		const button = $(e.currentTarget);
		bootbox.confirm('[[lvl-privacy:own-data.erase-confirm]]', (ok) => {
			if (!ok) {
				return;
			}
			button.prop('disabled', true);
			api.del('/plugins/lvl/me/data', {}).then(() => {
				alerts.success('[[lvl-privacy:own-data.erased]]');
			}).catch((err: unknown) => {
				button.prop('disabled', false);
				alerts.error(err);
			});
		});
	});
}
