/**
 * "Wie weet wat?": the directory page and a page per competence (its members, and the newest questions about it
 * the member may read).
 */
import { neutral, neutralFromHost } from '../kernel/text';
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import { viewerLanguage } from '../kernel/lang';
import { NS } from '../settings';
import * as directory from '../competences/directory';
import { clampPage, readQuery } from '../competences/profile-rules';
import { DIRECTORY_PATH, domainsForPage, labelOf, vocabulary } from '../competences/routes';
import * as taxonomy from '../competences/taxonomy';
import { label } from '../competences/taxonomy-rules';
import * as qa from '../qa';
import { type Taxonomy } from '../competences/taxonomy-rules';

/** Text from the taxonomy or the query on a server-rendered page: escaped once, on every NodeBB version. */
const t4p = (s: string): string => neutral(s);

/** A result at the names tier: the labels of its domains (all a card shows besides the name). */
function namesOnly(t: Taxonomy, tier: string, domains: string[], lang: string): { namesOnly: boolean; domains: { key: string; label: string }[] } {
	return {
		namesOnly: tier === 'names',
		domains: domains.map((key) => {
			const d = t.domains.find(x => x.key === key);
			return { key, label: t4p(d ? label(d, lang) : key) };
		}),
	};
}

export async function directoryPage(req: nodebb.Req, res: nodebb.Res): Promise<void> {
	const q = readQuery(req.query);
	const lang = await viewerLanguage(req);
	const [t, page] = await Promise.all([taxonomy.get(), directory.search(q, req.uid)]);
	// `c` comes from the address bar: whatever it holds is shown as text
	const asked = q.competences.map(k => ({ key: t4p(k), label: t4p(labelOf(t, k, lang)) }));
	res.render(`${NS}/directory`, {
		title: `[[${NS}:directory.title]]`,
		...vocabulary(),
		domains: domainsForPage(t, lang),
		query: { ...q, text: t4p(q.text) },
		asked,
		searched: q.competences.length > 0 || q.text !== '' || !!(q.role || q.language || q.region || q.availability || q.minLevel),
		results: page.results.map(r => ({
			...r,
			displayname: neutralFromHost(r.displayname),
			profession: neutral(r.profession),
			matched: r.matched.map(m => ({ ...m, label: t4p(labelOf(t, m.key, lang)) })),
			...namesOnly(t, r.tier, r.domains, lang),
		})),
		total: page.total,
		pagination: { page: page.page, pageCount: page.pageCount, prev: page.page > 1 ? page.page - 1 : 0, next: page.page < page.pageCount ? page.page + 1 : 0 },
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:platform.name]]`, url: '/leden-voor-leden' }, { text: `[[${NS}:directory.title]]` }]),
	});
}

export async function competencePage(req: nodebb.Req, res: nodebb.Res, next: nodebb.Next): Promise<void> {
	const t = await taxonomy.get();
	const c = taxonomy.resolve(t, asString(req.params.key));
	if (!c) {
		next();
		return;
	}
	const lang = await viewerLanguage(req);
	const [page, questions] = await Promise.all([
		directory.byCompetence(c.key, req.uid, clampPage(req.query.page)),
		qa.latestQuestions(c.key, req.uid, 10),
	]);
	const domain = t.domains.find(d => d.key === c.domain);
	res.render(`${NS}/competence`, {
		title: neutral(label(c, lang)),
		competence: { key: c.key, label: t4p(label(c, lang)), domain: domain ? t4p(label(domain, lang)) : '', synonyms: t4p(c.synonyms.join(', ')), retired: c.retired },
		results: page.results.map(r => ({
			...r, displayname: neutralFromHost(r.displayname), profession: t4p(r.profession),
			matched: r.matched.filter(m => m.key === c.key).map(m => ({ ...m, label: t4p(label(c, lang)) })), ...namesOnly(t, r.tier, r.domains, lang),
		})),
		questions: questions.map(q => ({ ...q, title: neutralFromHost(q.title) })),
		total: page.total,
		pagination: { page: page.page, pageCount: page.pageCount, prev: page.page > 1 ? page.page - 1 : 0, next: page.page < page.pageCount ? page.page + 1 : 0 },
		breadcrumbs: nodebb.controllerHelpers().buildBreadcrumbs([{ text: `[[${NS}:directory.title]]`, url: DIRECTORY_PATH }, { text: neutral(label(c, lang)) }]),
	});
}
