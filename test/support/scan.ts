/**
 * A scan of every `lvl:*` key (and the plugin's settings hash) for what names one person: their uid where uids are
 * kept, their texts anywhere. Used by the privacy suites.
 */
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';

export interface Found { key: string; what: string }

/** Sets and sorted sets whose members are uids (README data model), or `word:uid` (the free-text index). */
const UID_SETS = /^lvl:(members|grace|profiles|dir:|qa:answerers:|qa:routed:|qa:requests:tid:|engagement:(accepted|acceptances:|queue)|insight:returned)/;
/** Hash fields that hold a uid. */
const UID_FIELDS = ['uid', 'from', 'to', 'by', 'dismissedBy', 'publishedBy', 'targetUid', 'decidedBy'];

type Db = nodebb.Database & { type(key: string): Promise<string | null>; get(key: string): Promise<unknown> };

function text(v: unknown): string {
	return typeof v === 'string' ? v : JSON.stringify(v);
}

/** What of the member a key still holds: their texts anywhere, their uid where uids are kept. */
async function traces(key: string, uid: string, texts: string[]): Promise<string[]> {
	const db = nodebb.db() as Db;
	const type = await db.type(key);
	const out: string[] = [];
	const values: string[] = [];
	if (type === 'hash') {
		const h = await db.getObject(key) ?? {};
		for (const [field, v] of Object.entries(h)) {
			values.push(field, text(v));
			if ((UID_FIELDS.includes(field) || key === 'lvl:links') && text(v) === uid) {
				out.push(`${field} = uid`);
			}
			if (text(v).includes(`"uid":${uid},`) || text(v).includes(`"uid":${uid}}`)) {
				out.push(`${field} holds "uid":${uid}`);
			}
		}
	} else if (type === 'zset' || type === 'set') {
		const members = type === 'zset' ? await db.getSortedSetRange(key, 0, -1) : await db.getSetMembers(key);
		values.push(...members);
		if (UID_SETS.test(key) && members.some(m => m === uid || m.endsWith(`:${uid}`))) {
			out.push('uid among the members');
		}
	} else if (type === 'list') {
		values.push(...await db.getListRange(key, 0, -1));
	} else if (type === 'string') {
		values.push(text(await db.get(key)));
	}
	for (const v of values) {
		for (const t of texts) {
			if (v.toLowerCase().includes(t.toLowerCase())) {
				out.push(t);
			}
		}
	}
	return out;
}

export async function scan(needles: { uid: number; texts: string[] }, skip: (key: string) => boolean): Promise<Found[]> {
	const keys = [...await nodebb.db().scan({ match: 'lvl:*' }), `settings:${settings.NS}`].filter(k => !skip(k));
	const uid = String(needles.uid);
	const found: Found[] = [];
	for (const key of keys) {
		if (key.endsWith(`:${uid}`) || key.includes(`:${uid}:`)) {
			if (!/^lvl:(qa|dir|engagement|tax|import|request)[^]*:\d+$/.test(key) || /:(uid|from|to|member|counts|prefs|profile|routedTo|acceptance|warnings:uid|attempts:uid)[^]*\d+$/.test(key)) {
				found.push({ key, what: 'uid in the key' });
			}
		}
		for (const what of await traces(key, uid, needles.texts)) {
			found.push({ key, what });
		}
	}
	return found;
}

