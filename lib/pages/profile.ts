/**
 * The "Competenties" tab of a member's profile: their competence profile as the viewer may see it, with the Q&A's
 * reciprocity (questions asked, answers given and accepted, accepted answers per competence shown).
 */
import { neutral, neutralFromHost } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import * as profiles from '../competences/profiles';
import { domainsForPage, forViewer, labelOf, viewerLang, vocabulary } from '../competences/routes';
import * as taxonomy from '../competences/taxonomy';
import { canUsePlatform } from '../platform/permissions';
import * as qa from '../qa';

export async function profileTab(req: nodebb.Req, res: nodebb.Res, next: nodebb.Next): Promise<void> {
	const userData = res.locals.userData as Record<string, unknown> | undefined;
	const uid = asCount(userData?.uid);
	if (!userData || !uid) {
		next();
		return;
	}
	const self = uid === req.uid;
	// a member who left is gone from the platform: the page and its /api twin alike (as the profile API answers)
	if (!self && !await canUsePlatform(uid)) {
		next();
		return;
	}
	const [view, t, lang, counts] = await Promise.all([profiles.view(uid, req.uid), taxonomy.get(), viewerLang(req), qa.counts(uid)]);
	// what the template hides is not in the data either: the data is the /api twin's answer
	res.render('account/lvl-competences', {
		...userData,
		title: `[[${NS}:profile.title]]`,
		...vocabulary(),
		self,
		hidden: !view,
		profile: view ? {
			...view,
			profession: neutral(view.profession),
			sector: neutral(view.sector),
			help: neutral(view.help),
			competences: view.competences.map(c => ({ ...c, note: neutral(c.note), label: neutral(labelOf(t, c.key, lang)), accepted: counts[`c:${c.key}`] ?? 0 })),
		} : null,
		// reciprocity: questions asked, answers given, answers accepted (kept by the Q&A as things happen)
		reciprocity: view ? { asked: counts.asked ?? 0, answered: counts.answered ?? 0, accepted: counts.accepted ?? 0 } : { asked: 0, answered: 0, accepted: 0 },
		// the editor works on the raw values (client code inserts them as text)
		editor: self ? JSON.stringify({ profile: view, domains: forViewer(t, lang), max: profiles.MAX_COMPETENCES }) : '',
		domains: self ? domainsForPage(t, lang) : [],
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: neutralFromHost(userData.username), url: `/user/${asString(userData.userslug)}` }, { text: `[[${NS}:profile.title]]` }]),
	});
}
