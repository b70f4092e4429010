/**
 * The "Competenties" tab of a member's profile: their competence profile as the viewer may see it, with the Q&A's
 * reciprocity (questions asked, answers given and accepted, accepted answers per competence shown).
 */
import { neutral, neutralFromHost } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { viewerLanguage } from '../kernel/lang';
import { NS } from '../settings';
import * as profiles from '../competences/profiles';
import { domainsForPage, forViewer, labelOf, vocabulary } from '../competences/routes';
import * as taxonomy from '../competences/taxonomy';
import { canUsePlatform } from '../membership';
import * as competences from '../competences';
import * as settings from '../settings';
import { label } from '../competences/taxonomy-rules';
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
	const [view, t, lang, s] = await Promise.all([profiles.view(uid, req.uid), taxonomy.get(), viewerLanguage(req), settings.get()]);
	// the names tier shows the name and the competences' domains, nothing else: not even the Q&A's figures
	const full = view && (self || competences.searchable(view.effectiveTier)) ? view : null;
	const shownFully = full !== null;
	const [counts, [accepted = {}]] = await Promise.all([
		full ? qa.counts(uid) : Promise.resolve({} as Record<string, number>),
		competences.acceptedIn([uid], full ? full.competences.map(c => c.key) : []),
	]);
	const domainLabel = (key: string): string => {
		const d = t.domains.find(x => x.key === key);
		return neutral(d ? label(d, lang) : key);
	};
	// what the template hides is not in the data either: the data is the /api twin's answer
	res.render('account/lvl-competences', {
		...userData,
		title: `[[${NS}:profile.title]]`,
		...vocabulary(),
		self,
		hidden: !view,
		shownFully,
		namesOnly: !!view && !self && view.effectiveTier === 'names',
		domainsShown: view && !self && view.effectiveTier === 'names' ? view.domains.map(key => ({ key, label: domainLabel(key) })) : [],
		reach: view?.reach ? { email: neutralFromHost(view.reach.email), chat: view.reach.chat, note: neutral(view.reach.note) } : null,
		tierLocked: s.directoryTierLocked,
		tierDefaultLabel: `[[${NS}:tier.${s.directoryTier}]]`,
		profile: view && shownFully ? {
			...view,
			profession: neutral(view.profession),
			sector: neutral(view.sector),
			help: neutral(view.help),
			contactNote: neutral(view.contactNote),
			competences: view.competences.map(c => ({ ...c, note: neutral(c.note), label: neutral(labelOf(t, c.key, lang)), accepted: accepted[c.key] ?? 0 })),
		} : view ? { uid: view.uid, domains: view.domains, effectiveTier: view.effectiveTier } : null,
		// reciprocity: questions asked, answers given, answers accepted (kept by the Q&A as things happen)
		reciprocity: shownFully ? { asked: counts.asked ?? 0, answered: counts.answered ?? 0, accepted: counts.accepted ?? 0 } : { asked: 0, answered: 0, accepted: 0 },
		// the editor works on the raw values (client code inserts them as text)
		editor: self ? JSON.stringify({ profile: view, domains: forViewer(t, lang), max: profiles.MAX_COMPETENCES }) : '',
		domains: self ? domainsForPage(t, lang) : [],
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: neutralFromHost(userData.username), url: `/user/${asString(userData.userslug)}` }, { text: `[[${NS}:profile.title]]` }]),
	});
}
