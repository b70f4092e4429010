/**
 * The landing page `/leden-voor-leden`: the platform's categories the member may read, the reminder to complete
 * their competence profile, and for an account that is not (yet) a member why not.
 */
import { neutralFromHost } from '../kernel/text';
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as settings from '../settings';
import { NS } from '../settings';
import { needsReminder } from '../competences/profiles';
import { canUsePlatform, statusOf } from '../membership';

export async function landingPage(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const member = await canUsePlatform(req.uid);
	const s = await settings.get();
	let categories: Record<string, unknown>[] = [];
	if (member && s.platformCids.length) {
		const rows = await nodebb.categories().getCategoriesFields(s.platformCids, ['cid', 'name', 'slug', 'description', 'icon', 'disabled']);
		const readable = await Promise.all(rows.map(c => nodebb.privileges().categories.can('topics:read', Number(c.cid), req.uid)));
		categories = rows.filter((c, i) => readable[i] && c.cid && !Number(c.disabled));
	}
	const standing = !member && req.uid > 0 ? await statusOf(req.uid) : null;
	const reminder = member ? await needsReminder(req.uid) : { show: false, completeness: 0 };
	const userslug = member ? asString(await nodebb.user().getUserField(req.uid, 'userslug')) : '';
	if (!member) {
		res.status(req.uid > 0 ? 403 : 401);
	}
	res.render(`${NS}/home`, {
		title: `[[${NS}:platform.name]]`,
		member,
		loggedIn: req.uid > 0,
		pendingRequest: !!standing?.pendingRequest,
		reminder: reminder.show,
		completeness: reminder.completeness,
		profileUrl: userslug ? `/user/${userslug}/competenties` : '',
		uid: req.uid,
		revoked: !!standing?.revoked,
		categories: categories.map(c => ({ ...c, name: neutralFromHost(c.name) })),
		hasCategories: categories.length > 0,
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:platform.name]]` }]),
	});
}
