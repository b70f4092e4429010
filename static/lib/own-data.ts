/**
 * "Mijn platformgegevens wissen": on the members-only page, an account that no longer uses the platform (a member
 * who left) erases what the plugin keeps about it, after a confirmation; the account stays. NodeBB's api module
 * sends the session's CSRF token. On NodeBB's own consent page, the plugin's export joins NodeBB's export buttons.
 */
import * as api from 'api';
import * as alerts from 'alerts';
import bootbox from 'bootbox';
import { alertError, tr } from './ui';

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

	// NodeBB's own account page for consent and exports: the plugin's export joins NodeBB's export buttons there.
	// The server offers it (ajaxify.data.lvlOwnData) only on the account owner's own page.
	$(window).on('action:ajaxify.end', () => {
		const own = ajaxify.data.lvlOwnData as { exportUrl?: string } | undefined;
		const template = ajaxify.data.template as { name?: string } | undefined;
		if (!own?.exportUrl || template?.name !== 'account/consent' || $('[component="lvl/own-data/consent-export"]').length) {
			return;
		}
		const exportUrl = own.exportUrl;
		tr('[[lvl-privacy:own-data.consent-export]]').then((label) => {
			const link = $('<a class="btn btn-outline-secondary" download data-ajaxify="false" component="lvl/own-data/consent-export"><i class="fa fa-download"></i> </a>');
			link.attr('href', exportUrl).append(document.createTextNode(label));
			const buttons = $('[data-action="export-profile"]').parent();
			if (buttons.length) {
				buttons.append(link);
			} else {
				// NodeBB 4.15 shows its own export buttons only to who may export; the owner always may
				$('<div class="d-grid mb-3"></div>').append(link).appendTo($('.account-content, #content').first());
			}
		}, alertError);
	});
}
