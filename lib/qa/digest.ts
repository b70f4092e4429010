/**
 * NodeBB's weekly (daily, monthly) e-mail digest gets a section "Vragen die u kunt beantwoorden": up to five open
 * questions in the member's competences that they may read, did not ask and have not answered. NodeBB 4.11 has no
 * hook inside the digest's build, so the section is added to the rendered e-mail (`filter:email.modify`, template
 * `digest`), translated into the member's language. Only for members of the platform.
 */
import { asCount, asString } from '../coerce';
import { neutralFromHost, plain } from '../kernel/text';
import * as nodebb from '../nodebb';
import { canUsePlatform } from '../membership';
import { NS } from '../settings';
import * as lists from './lists';

export const DIGEST_COUNT = 5;

export interface DigestQuestion {
	tid: number;
	/** HTML-escaped, as NodeBB gives titles */
	title: string;
	slug: string;
}

/** The open questions a member could answer, newest first, at most five; none for someone outside the platform. */
export async function questionsFor(uid: number): Promise<DigestQuestion[]> {
	if (!(uid > 0) || !await canUsePlatform(uid)) {
		return [];
	}
	const page = await lists.page('for-you', uid, 1);
	const tids = page.tids.slice(0, DIGEST_COUNT);
	const rows = await nodebb.topics().getTopicsFields(tids, ['tid', 'title', 'slug', 'deleted']);
	return rows.filter(r => asCount(r.tid) && asCount(r.deleted) !== 1)
		.map(r => ({ tid: asCount(r.tid), title: asString(r.title), slug: asString(r.slug) }));
}

const CELL = 'padding: 0px 40px; font-family: -apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,sans-serif; font-size: 15px; line-height: 20px; color: #555555;';
const HEAD = 'margin: 16px 0 16px 0; font-family: -apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,sans-serif; font-size: 18px; line-height: 21px; color: #aaaaaa; font-weight: normal;';

/** The section as a row of the digest's table (the digest's own look), still with translation tokens. */
export function sectionHtml(questions: DigestQuestion[], url: string): string {
	const items = questions.map(q => `<li style="padding-bottom: 0.5em;"><a style="color: #333333;" href="${url}/topic/${encodeURI(q.slug)}"><strong>${neutralFromHost(q.title)}</strong></a></li>`).join('');
	return `<tr><td style="${CELL}" data-lvl="digest-questions"><h1 style="${HEAD}">[[${NS}:qa.digest.title]]</h1>` +
		`<ul style="margin: 0; padding: 0 0 0 1em;">${items}</ul>` +
		`<p style="margin: 8px 0 0 0;"><a style="color: #555555;" href="${url}/vragen?list=for-you">[[${NS}:qa.digest.more]]</a></p></td></tr>`;
}

/** Where the section goes: before the row of the digest's button, or at the end of its body. */
export function insertSection(html: string, section: string): string {
	const button = html.indexOf('<!-- Button : BEGIN -->');
	const row = button >= 0 ? html.lastIndexOf('<tr>', button) : -1;
	if (row >= 0) {
		return html.slice(0, row) + section + html.slice(row);
	}
	const end = html.indexOf('<!-- Email Body : END -->');
	return end >= 0 ? html.slice(0, end) + `<table role="presentation" width="100%">${section}</table>` + html.slice(end) : html + section;
}

export interface EmailPayload {
	template?: string;
	uid?: unknown;
	html?: string;
	plaintext?: string;
	[key: string]: unknown;
}

/** `filter:email.modify` for the digest: the section, in the member's language, in the HTML and the plain text. */
export async function addToDigest(data: EmailPayload): Promise<EmailPayload> {
	const uid = asCount(data.uid);
	if (data.template !== 'digest' || !uid || typeof data.html !== 'string') {
		return data;
	}
	const questions = await questionsFor(uid);
	if (!questions.length) {
		return data;
	}
	const lang = asString((await nodebb.user().getSettings(uid)).userLang) || 'en-GB';
	const url = asString(nodebb.nconf().get('url'));
	const section = await nodebb.translator().translate(sectionHtml(questions, url), lang);
	data.html = insertSection(data.html, section);
	const [heading, more] = await Promise.all([
		nodebb.translator().translate(`[[${NS}:qa.digest.title]]`, lang),
		nodebb.translator().translate(`[[${NS}:qa.digest.more]]`, lang),
	]);
	const lines = questions.map(q => `- ${plain(q.title)} (${url}/topic/${q.slug})`);
	data.plaintext = `${data.plaintext ?? ''}\n\n${heading}\n${lines.join('\n')}\n${more}: ${url}/vragen?list=for-you\n`;
	return data;
}
