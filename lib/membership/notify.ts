/**
 * Telling a person what happened to their membership: a NodeBB notification of our own type (each member
 * chooses notification, e-mail or both in their settings) and, where the issue demands it, an e-mail as well.
 */
import { memberLanguage } from '../kernel/lang';
import * as nodebb from '../nodebb';
import { NS } from '../settings';

export const NOTIFICATION_TYPE = 'notificationType_lvl-membership';

export type MembershipNotice = 'verified' | 'approved' | 'refused' | 'grace' | 'revoked' | 'restored' | 'reinstated';

export async function notify(uid: number, notice: MembershipNotice, args: string[] = [], opts: { from?: number; email?: boolean } = {}): Promise<void> {
	const token = `[[${NS}:notification.${notice}${args.length ? `, ${args.join(', ')}` : ''}]]`;
	try {
		const n = await nodebb.notifications().create({
			type: 'lvl-membership',
			nid: `lvl:membership:${String(uid)}:${notice}:${String(Date.now())}`,
			bodyShort: token,
			path: '/leden-voor-leden',
			from: opts.from,
			importance: 6,
		});
		await nodebb.notifications().push(n, [uid]);
	} catch (err) {
		nodebb.log.error(`notification ${notice} to ${String(uid)} failed: ${String(err)}`);
	}
	if (opts.email) {
		try {
			const lang = await memberLanguage(uid);
			const body = await nodebb.translator().translate(token, lang);
			await nodebb.emailer().send('notification', uid, {
				path: '/leden-voor-leden',
				notification_url: `${String(nodebb.nconf().get('url'))}/leden-voor-leden`,
				subject: await nodebb.translator().translate(`[[${NS}:email.subject]]`, lang),
				intro: body,
				body,
				notification: { bodyShort: body, path: '/leden-voor-leden' },
				showUnsubscribe: false,
			});
		} catch (err) {
			// a forum without a working mail setup still gets the notification
			nodebb.log.warn(`e-mail ${notice} to ${String(uid)} not sent: ${String(err)}`);
		}
	}
}
