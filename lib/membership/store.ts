/**
 * Membership data: the roster (versioned, so an import switches over in one write), the links between roster
 * entries and accounts, imports, manual verification requests and attempt counters. Keys are listed in README.md.
 */
import { randomBytes } from 'crypto';
import { asString } from '../coerce';
import * as nodebb from '../nodebb';
import * as lock from '../kernel/lock';
import type { ColumnMapping, RosterEntry } from './rules';
import { foldText, normaliseMemberNumber, withoutGroupTitle } from './rules';
import { fingerprint } from './standing';

const CHUNK = 1000;

export const K = {
	/**
	 * hash: version, revision, count, updatedAt, mapping (JSON), activeStatuses and inactiveStatuses (JSON: the
	 * status values the admin decided on before, remembered for the next import), applying, applyingSince
	 */
	meta: 'lvl:roster',
	entry: (v: number, num: string): string => `lvl:roster:${String(v)}:entry:${num}`,
	/** sorted set, score 0: member numbers of version v, in lexical order */
	numbers: (v: number): string => `lvl:roster:${String(v)}:numbers`,
	/** sorted set, score 0: "folded last name folded first name\tnumber" for prefix search */
	names: (v: number): string => `lvl:roster:${String(v)}:names`,
	/** hash: member number → fingerprint of the entry (active flag first), for cheap previews */
	fingerprints: (v: number): string => `lvl:roster:${String(v)}:fp`,
	/** hash: member number → uid of the linked account */
	links: 'lvl:links',
	/** hash per account: memberNumber, verifiedAt, method, graceUntil, revokedAt, override, overrideAt */
	member: (uid: number): string => `lvl:member:${String(uid)}`,
	/** sorted set: linked uids by time of verification */
	members: 'lvl:members',
	/** sorted set: uids in their grace period, by its end */
	grace: 'lvl:grace',
	/** sorted set: import ids by time */
	imports: 'lvl:imports',
	import: (id: number): string => `lvl:import:${String(id)}`,
	/** hash: the uploaded file (base64) and the compact preview, while an import is in preview */
	importPayload: (id: number): string => `lvl:import:${String(id)}:payload`,
	/** sorted set: every manual verification request id by time; pending ones in their own set */
	requests: 'lvl:requests',
	pending: 'lvl:requests:pending',
	request: (id: number): string => `lvl:request:${String(id)}`,
	/** hash per counter: hour window → attempts in it (expires two hours after the last attempt) */
	attempts: (kind: AttemptKind, id: string): string => `lvl:attempts:${kind}:${id}`,
	/** hash: what the registration's verification step proved (kind, memberNumber, note), until the account exists */
	registration: (token: string): string => `lvl:registration:${token}`,
};

/** Verification attempts are counted per account, per IP address and per member number. */
export type AttemptKind = 'uid' | 'ip' | 'num';

/* ---------- roster entries ---------- */

export function entryToHash(e: RosterEntry): Record<string, string> {
	return {
		memberNumber: e.memberNumber,
		lastName: e.lastName,
		firstName: e.firstName,
		emails: JSON.stringify(e.emails),
		birthDate: e.birthDate,
		status: e.status,
		active: e.active ? '1' : '0',
		endDate: e.endDate,
	};
}

const str = (v: unknown): string => asString(v);

export function hashToEntry(h: Record<string, unknown> | null): RosterEntry | null {
	if (!h?.memberNumber) {
		return null;
	}
	let emails: string[] = [];
	const raw = h.emails;
	if (Array.isArray(raw)) {
		emails = raw.map(String);
	} else if (typeof raw === 'string' && raw) {
		try {
			const parsed: unknown = JSON.parse(raw);
			emails = Array.isArray(parsed) ? parsed.map(String) : [];
		} catch {
			emails = [];
		}
	}
	return {
		memberNumber: str(h.memberNumber),
		lastName: str(h.lastName),
		firstName: str(h.firstName),
		emails,
		birthDate: str(h.birthDate),
		status: str(h.status),
		active: ['1', 'true'].includes(String(h.active)),
		endDate: str(h.endDate),
	};
}

function nameIndex(e: RosterEntry): string {
	return `${foldText(`${e.lastName} ${e.firstName}`)}\t${e.memberNumber}`;
}

export interface RosterMeta {
	version: number;
	revision: number;
	count: number;
	updatedAt: number;
	mapping: Partial<ColumnMapping>;
	activeStatuses: string[];
	inactiveStatuses: string[];
}

function json<T>(raw: unknown, fallback: T): T {
	if (typeof raw !== 'string' || !raw) {
		return (raw && typeof raw === 'object' ? raw : fallback) as T;
	}
	try {
		return JSON.parse(raw) as T;
	} catch {
		return fallback;
	}
}

export async function getMeta(): Promise<RosterMeta> {
	const h = await nodebb.db().getObject(K.meta) ?? {};
	return {
		version: parseInt(str(h.version), 10) || 0,
		revision: parseInt(str(h.revision), 10) || 0,
		count: parseInt(str(h.count), 10) || 0,
		updatedAt: parseInt(str(h.updatedAt), 10) || 0,
		mapping: json<Partial<ColumnMapping>>(h.mapping, {}),
		activeStatuses: json<string[]>(h.activeStatuses, []),
		inactiveStatuses: json<string[]>(h.inactiveStatuses, []),
	};
}

export async function saveMapping(mapping: ColumnMapping, activeStatuses: string[], inactiveStatuses: string[]): Promise<void> {
	await nodebb.db().setObject(K.meta, {
		mapping: JSON.stringify(mapping),
		activeStatuses: JSON.stringify(activeStatuses),
		inactiveStatuses: JSON.stringify(inactiveStatuses),
	});
}

export async function getEntry(num: string, version?: number): Promise<RosterEntry | null> {
	const v = version ?? (await getMeta()).version;
	if (!v) {
		return null;
	}
	return hashToEntry(await nodebb.db().getObject(K.entry(v, normaliseMemberNumber(num))));
}

export async function getEntries(nums: string[], version: number): Promise<RosterEntry[]> {
	const out: RosterEntry[] = [];
	for (let i = 0; i < nums.length; i += CHUNK * 5) {
		const keys = nums.slice(i, i + CHUNK * 5).map(n => K.entry(version, n));
		const rows = await nodebb.db().getObjects(keys);
		for (const row of rows) {
			const e = hashToEntry(row);
			if (e) {
				out.push(e);
			}
		}
	}
	return out;
}

/** The whole current roster (for a preview's comparison). */
export async function allEntries(version: number): Promise<RosterEntry[]> {
	if (!version) {
		return [];
	}
	const nums = await nodebb.db().getSortedSetRange(K.numbers(version), 0, -1);
	return getEntries(nums, version);
}

/** Writes a complete roster as version v (not yet in force). */
export async function writeVersion(v: number, entries: RosterEntry[]): Promise<void> {
	const db = nodebb.db();
	for (let i = 0; i < entries.length; i += CHUNK) {
		const part = entries.slice(i, i + CHUNK);
		await db.setObjectBulk(part.map(e => [K.entry(v, e.memberNumber), entryToHash(e)]));
		await db.sortedSetAdd(K.numbers(v), part.map(() => 0), part.map(e => e.memberNumber));
		await db.sortedSetAdd(K.names(v), part.map(() => 0), part.map(nameIndex));
		await db.setObject(K.fingerprints(v), Object.fromEntries(part.map(e => [e.memberNumber, fingerprint(e)])));
	}
}

/** The fingerprints of version v; null for a roster written before they existed. */
export async function fingerprints(v: number): Promise<Map<string, string> | null> {
	const h = await nodebb.db().getObject(K.fingerprints(v));
	if (!h) {
		return null;
	}
	return new Map(Object.entries(h).map(([k, val]) => [k, str(val)]));
}

/** Removes every key of version v. */
export async function dropVersion(v: number): Promise<void> {
	if (!v) {
		return;
	}
	const db = nodebb.db();
	const nums = await db.getSortedSetRange(K.numbers(v), 0, -1);
	for (let i = 0; i < nums.length; i += CHUNK * 5) {
		await db.deleteAll(nums.slice(i, i + CHUNK * 5).map(n => K.entry(v, n)));
	}
	await db.deleteAll([K.numbers(v), K.names(v), K.fingerprints(v)]);
}

/** The single write that puts version v in force. */
export async function switchTo(v: number, count: number): Promise<void> {
	await nodebb.db().setObject(K.meta, { version: v, count, updatedAt: Date.now() });
	await nodebb.db().incrObjectField(K.meta, 'revision');
}

/** In-place edit of one entry of the version in force (the secretariat's row-by-row corrections). */
export async function putEntry(v: number, entry: RosterEntry, previous: RosterEntry | null): Promise<void> {
	const db = nodebb.db();
	await db.setObject(K.entry(v, entry.memberNumber), entryToHash(entry));
	await db.sortedSetAdd(K.numbers(v), 0, entry.memberNumber);
	if (previous) {
		await db.sortedSetRemove(K.names(v), nameIndex(previous));
	}
	await db.sortedSetAdd(K.names(v), 0, nameIndex(entry));
	await db.setObjectField(K.fingerprints(v), entry.memberNumber, fingerprint(entry));
	if (!previous) {
		await db.incrObjectField(K.meta, 'count');
	}
	await db.incrObjectField(K.meta, 'revision');
}

/** Member numbers whose number or folded name starts with the query, in order. */
export async function search(v: number, query: string, start: number, count: number): Promise<{ nums: string[]; total: number }> {
	const db = nodebb.db();
	if (!query) {
		const [nums, total] = await Promise.all([db.getSortedSetRange(K.numbers(v), start, start + count - 1), db.sortedSetCard(K.numbers(v))]);
		return { nums, total };
	}
	const byNumber = await db.getSortedSetRangeByLex(K.numbers(v), `[${normaliseMemberNumber(query)}`, `[${normaliseMemberNumber(query)}\xff`, 0, 200);
	const folded = foldText(query);
	const byName = (await db.getSortedSetRangeByLex(K.names(v), `[${folded}`, `[${folded}\xff`, 0, 200)).map(x => x.split('\t')[1] ?? '');
	const all = [...new Set([...byNumber, ...byName].filter(Boolean))];
	return { nums: all.slice(start, start + count), total: all.length };
}

/** One import at a time: a counter in the meta hash works as a lock on every database. Stale after 10 minutes. */
const APPLY_LOCK = { key: K.meta, field: 'applying', atField: 'applyingSince', ttlMs: 10 * 60 * 1000 };

/** One roster apply at a time across processes (the kernel's lock; a crashed apply frees it after ten minutes). */
export async function lockApply(): Promise<boolean> {
	return lock.take(APPLY_LOCK);
}

export async function unlockApply(): Promise<void> {
	await lock.release(APPLY_LOCK);
}

/* ---------- links between entries and accounts ---------- */

export interface MemberState {
	uid: number;
	memberNumber: string;
	verifiedAt: number;
	method: string;
	graceUntil: number;
	revokedAt: number;
	override: boolean;
	/** when an administrator restored access (0 when not, or before this was recorded) */
	overrideAt: number;
}

function toMemberState(uid: number, h: Record<string, unknown> | null): MemberState | null {
	if (!h?.memberNumber) {
		return null;
	}
	return {
		uid,
		memberNumber: str(h.memberNumber),
		verifiedAt: parseInt(str(h.verifiedAt), 10) || 0,
		method: str(h.method),
		graceUntil: parseInt(str(h.graceUntil), 10) || 0,
		revokedAt: parseInt(str(h.revokedAt), 10) || 0,
		override: ['1', 'true'].includes(String(h.override)),
		overrideAt: parseInt(str(h.overrideAt), 10) || 0,
	};
}

export async function getMemberState(uid: number): Promise<MemberState | null> {
	return toMemberState(uid, await nodebb.db().getObject(K.member(uid)));
}

/** The states of many accounts in a few reads (null for an account that is not linked). */
export async function getMemberStates(uids: number[]): Promise<(MemberState | null)[]> {
	const out: (MemberState | null)[] = [];
	for (let i = 0; i < uids.length; i += CHUNK) {
		const part = uids.slice(i, i + CHUNK);
		const rows = await nodebb.db().getObjects(part.map(K.member));
		rows.forEach((h, j) => out.push(toMemberState(part[j] ?? 0, h)));
	}
	return out;
}

/** Every linked account, in order of verification. */
export async function allLinkedUids(): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange(K.members, 0, -1)).map(Number).filter(uid => uid > 0);
}

/** Every member number of version v, in lexical order. */
export async function allNumbers(v: number): Promise<string[]> {
	return v ? nodebb.db().getSortedSetRange(K.numbers(v), 0, -1) : [];
}

/** The accounts linked to these member numbers, in one read (an import touches thousands at once). */
export async function linkedUids(nums: string[]): Promise<Map<string, number>> {
	const out = new Map<string, number>();
	for (let i = 0; i < nums.length; i += CHUNK * 5) {
		const part = nums.slice(i, i + CHUNK * 5);
		const row = await nodebb.db().getObjectFields(K.links, part);
		for (const num of part) {
			const uid = parseInt(str(row[num]), 10) || 0;
			if (uid) {
				out.set(num, uid);
			}
		}
	}
	return out;
}

export async function linkedUid(num: string): Promise<number> {
	return parseInt(str(await nodebb.db().getObjectField(K.links, normaliseMemberNumber(num))), 10) || 0;
}

export async function link(uid: number, num: string, method: string): Promise<void> {
	const db = nodebb.db();
	const now = Date.now();
	await db.setObjectField(K.links, num, uid);
	await db.setObject(K.member(uid), { memberNumber: num, verifiedAt: now, method, graceUntil: 0, revokedAt: 0, override: 0 });
	await db.sortedSetAdd(K.members, now, String(uid));
	await db.sortedSetRemove(K.grace, String(uid));
}

export async function unlink(uid: number): Promise<void> {
	const state = await getMemberState(uid);
	const db = nodebb.db();
	if (state && await linkedUid(state.memberNumber) === uid) {
		await db.deleteObjectField(K.links, state.memberNumber);
	}
	await db.delete(K.member(uid));
	await db.sortedSetRemove(K.members, String(uid));
	await db.sortedSetRemove(K.grace, String(uid));
}

export async function setMemberFields(uid: number, fields: Partial<Record<'graceUntil' | 'revokedAt' | 'override' | 'overrideAt', number>>): Promise<void> {
	await nodebb.db().setObject(K.member(uid), fields);
	if (fields.graceUntil !== undefined) {
		if (fields.graceUntil) {
			await nodebb.db().sortedSetAdd(K.grace, fields.graceUntil, String(uid));
		} else {
			await nodebb.db().sortedSetRemove(K.grace, String(uid));
		}
	}
}

export async function linkedUidRange(start: number, stop: number): Promise<number[]> {
	return (await nodebb.db().getSortedSetRange(K.members, start, stop)).map(Number);
}

/* ---------- what NodeBB keeps about members (their title, their platform activity) ---------- */

/** Takes the members group out of the account's `groupTitle`; true when it was there. */
export async function dropGroupTitle(uid: number, group: string): Promise<boolean> {
	const db = nodebb.db();
	const raw = str(await db.getObjectField(`user:${String(uid)}`, 'groupTitle'));
	if (!raw) {
		return false;
	}
	const kept = withoutGroupTitle(raw, group);
	if (kept === raw) {
		return false;
	}
	// an empty value, not a missing field: NodeBB would otherwise give the next group joined as title again
	await db.setObjectField(`user:${String(uid)}`, 'groupTitle', kept);
	return true;
}

/** Posts and topics of an account in these categories (NodeBB's `cid:<cid>:uid:<uid>:pids|tids` sorted sets). */
export async function platformActivity(uid: number, cids: number[]): Promise<{ posts: number; topics: number }> {
	if (!(uid > 0) || !cids.length) {
		return { posts: 0, topics: 0 };
	}
	const u = String(uid);
	const cards = await nodebb.db().sortedSetsCard([
		...cids.map(c => `cid:${String(c)}:uid:${u}:pids`), ...cids.map(c => `cid:${String(c)}:uid:${u}:tids`),
	]);
	const sum = (part: number[]) => part.reduce((a, b) => a + (b || 0), 0);
	return { posts: sum(cards.slice(0, cids.length)), topics: sum(cards.slice(cids.length)) };
}

/* ---------- attempts ---------- */

const HOUR = 60 * 60 * 1000;

/**
 * Counts an attempt atomically (one increment of this hour's field: parallel requests each get their own number)
 * and tells how many count against the limit: this hour's, plus the previous hour's in proportion to the part of
 * it still inside the last sixty minutes (a sliding hour, without a read-then-write).
 */
export async function countAttempt(kind: AttemptKind, id: string, now = Date.now()): Promise<number> {
	const db = nodebb.db();
	const key = K.attempts(kind, id);
	const window = Math.floor(now / HOUR);
	const [current, previous] = await Promise.all([
		db.incrObjectField(key, String(window)),
		db.getObjectField(key, String(window - 1)),
	]);
	await Promise.all([db.pexpireAt(key, (window + 2) * HOUR), db.deleteObjectField(key, String(window - 2))]);
	const weight = 1 - ((now % HOUR) / HOUR);
	return current + Math.floor((parseInt(str(previous), 10) || 0) * weight);
}

export async function clearAttempts(kind: AttemptKind, id: string): Promise<void> {
	await nodebb.db().delete(K.attempts(kind, id));
}

/* ---------- what the registration step proved ---------- */

export interface RegistrationProof { kind: 'verified' | 'manual' | 'later'; memberNumber: string; note: string }

const TOKEN = /^[0-9a-f]{32}$/;
const PROOF_TTL = 24 * HOUR;

/** Written by the step's own callback; the registration state only carries the token (never a client's key). */
export async function saveRegistrationProof(proof: RegistrationProof): Promise<string> {
	const token = randomBytes(16).toString('hex');
	const db = nodebb.db();
	await db.setObject(K.registration(token), { ...proof, createdAt: Date.now() });
	await db.pexpireAt(K.registration(token), Date.now() + PROOF_TTL);
	return token;
}

export async function getRegistrationProof(token: unknown): Promise<RegistrationProof | null> {
	if (typeof token !== 'string' || !TOKEN.test(token)) {
		return null;
	}
	const h = await nodebb.db().getObject(K.registration(token));
	const kind = str(h?.kind);
	if (!h || !['verified', 'manual', 'later'].includes(kind)) {
		return null;
	}
	return { kind: kind as RegistrationProof['kind'], memberNumber: str(h.memberNumber), note: str(h.note) };
}

/** Read once: the account it was for now exists. */
export async function takeRegistrationProof(token: unknown): Promise<RegistrationProof | null> {
	const proof = await getRegistrationProof(token);
	if (proof) {
		await nodebb.db().delete(K.registration(String(token)));
	}
	return proof;
}

/* ---------- imports ---------- */

export interface ImportRecord {
	id: number;
	uid: number;
	filename: string;
	createdAt: number;
	status: 'preview' | 'applied' | 'discarded' | 'failed';
	appliedAt: number;
	baseRevision: number;
	counts: Record<string, number>;
	mapping: Partial<ColumnMapping>;
	activeStatuses: string[];
	/** the admin has seen and confirmed the status decision (or every value was decided before) */
	statusesReviewed: boolean;
	headers: string[];
}

export async function nextImportId(): Promise<number> {
	return nodebb.db().incrObjectField('global', 'nextLvlImportId');
}

export async function saveImport(rec: ImportRecord, payload?: { file?: string; preview: string }): Promise<void> {
	const db = nodebb.db();
	await db.setObject(K.import(rec.id), {
		id: rec.id, uid: rec.uid, filename: rec.filename, createdAt: rec.createdAt, status: rec.status, appliedAt: rec.appliedAt,
		baseRevision: rec.baseRevision, counts: JSON.stringify(rec.counts), mapping: JSON.stringify(rec.mapping),
		activeStatuses: JSON.stringify(rec.activeStatuses), headers: JSON.stringify(rec.headers),
		statusesReviewed: rec.statusesReviewed ? 1 : 0,
	});
	if (payload) {
		// kept apart from the record, so listing the history never reads several megabytes per import
		await db.setObject(K.importPayload(rec.id), payload);
	}
	await db.sortedSetAdd(K.imports, rec.createdAt, String(rec.id));
}

export async function getImport(id: number): Promise<ImportRecord | null> {
	const h = await nodebb.db().getObject(K.import(id), ['id', 'uid', 'filename', 'createdAt', 'status', 'appliedAt', 'baseRevision', 'counts', 'mapping', 'activeStatuses', 'headers', 'statusesReviewed']);
	if (!h?.id) {
		return null;
	}
	return {
		id, uid: parseInt(str(h.uid), 10) || 0, filename: str(h.filename), createdAt: parseInt(str(h.createdAt), 10) || 0,
		status: str(h.status) as ImportRecord['status'], appliedAt: parseInt(str(h.appliedAt), 10) || 0,
		baseRevision: parseInt(str(h.baseRevision), 10) || 0,
		counts: json<Record<string, number>>(h.counts, {}), mapping: json<Partial<ColumnMapping>>(h.mapping, {}),
		activeStatuses: json<string[]>(h.activeStatuses, []), headers: json<string[]>(h.headers, []),
		statusesReviewed: ['1', 'true'].includes(String(h.statusesReviewed)),
	};
}

export async function getImportPayload(id: number, field: 'file' | 'preview'): Promise<string> {
	return str(await nodebb.db().getObjectField(K.importPayload(id), field));
}

/** Once applied or discarded, the file's content is no longer kept: only the record and its counts. */
export async function dropImportPayload(id: number): Promise<void> {
	await nodebb.db().delete(K.importPayload(id));
}

/** Imports created before `before` (oldest first, at most `count`). */
export async function importIdsBefore(before: number, count: number): Promise<number[]> {
	const ids = await nodebb.db().getSortedSetRangeByScore(K.imports, 0, count, '-inf', before);
	return ids.map(Number).filter(id => id > 0);
}

/** Every key of one import: its record, its file and preview, its place in the history. */
export async function deleteImport(id: number): Promise<void> {
	const db = nodebb.db();
	await db.deleteAll([K.import(id), K.importPayload(id)]);
	await db.sortedSetRemove(K.imports, String(id));
}

export async function listImports(start: number, stop: number): Promise<ImportRecord[]> {
	const ids = await nodebb.db().getSortedSetRevRange(K.imports, start, stop);
	const recs = await Promise.all(ids.map(id => getImport(Number(id))));
	return recs.filter((r): r is ImportRecord => r !== null);
}

/* ---------- manual verification requests ---------- */

export interface VerificationRequest {
	id: number;
	uid: number;
	memberNumber: string;
	note: string;
	reason: 'no-match' | 'already-linked' | 'asked';
	createdAt: number;
	status: 'pending' | 'approved' | 'refused';
	decidedBy: number;
	decidedAt: number;
	decision: string;
}

export async function createRequest(r: Omit<VerificationRequest, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'decision'>): Promise<number> {
	const db = nodebb.db();
	const id = await db.incrObjectField('global', 'nextLvlRequestId');
	await db.setObject(K.request(id), { ...r, id, status: 'pending', decidedBy: 0, decidedAt: 0, decision: '' });
	await db.sortedSetAdd(K.requests, r.createdAt, String(id));
	await db.sortedSetAdd(K.pending, r.createdAt, String(id));
	await db.setObjectField(K.member(r.uid), 'pendingRequest', id);
	return id;
}

export async function getRequest(id: number): Promise<VerificationRequest | null> {
	const h = await nodebb.db().getObject(K.request(id));
	if (!h?.id) {
		return null;
	}
	return {
		id, uid: parseInt(str(h.uid), 10) || 0, memberNumber: str(h.memberNumber), note: str(h.note),
		reason: str(h.reason) as VerificationRequest['reason'], createdAt: parseInt(str(h.createdAt), 10) || 0,
		status: str(h.status) as VerificationRequest['status'], decidedBy: parseInt(str(h.decidedBy), 10) || 0,
		decidedAt: parseInt(str(h.decidedAt), 10) || 0, decision: str(h.decision),
	};
}

export async function pendingRequestOf(uid: number): Promise<number> {
	return parseInt(str(await nodebb.db().getObjectField(K.member(uid), 'pendingRequest')), 10) || 0;
}

export async function decideRequest(r: VerificationRequest, status: 'approved' | 'refused', by: number, decision: string): Promise<void> {
	const db = nodebb.db();
	await db.setObject(K.request(r.id), { status, decidedBy: by, decidedAt: Date.now(), decision });
	await db.sortedSetRemove(K.pending, String(r.id));
	await db.deleteObjectField(K.member(r.uid), 'pendingRequest');
}

export async function listRequests(pendingOnly: boolean, start: number, stop: number): Promise<{ items: VerificationRequest[]; total: number }> {
	const set = pendingOnly ? K.pending : K.requests;
	const db = nodebb.db();
	const [ids, total] = await Promise.all([db.getSortedSetRange(set, start, stop), db.sortedSetCard(set)]);
	const items = (await Promise.all(ids.map(id => getRequest(Number(id))))).filter((r): r is VerificationRequest => r !== null);
	return { items, total };
}

/* ---------- account deletion ---------- */

export async function forgetAccount(uid: number): Promise<void> {
	const db = nodebb.db();
	const ids = await db.getSortedSetRange(K.requests, 0, -1);
	const reqs = await Promise.all(ids.map(id => getRequest(Number(id))));
	const mine = reqs.filter((r): r is VerificationRequest => r?.uid === uid).map(r => r.id);
	await db.deleteAll(mine.map(K.request));
	await db.sortedSetRemove(K.requests, mine.map(String));
	await db.sortedSetRemove(K.pending, mine.map(String));
	await unlink(uid);
	await clearAttempts('uid', String(uid));
}

/* ---------- retention of the entries of people who left ---------- */

/** sorted set: member numbers inactive on the roster in force → when their retention period started */
const LEFT = 'lvl:roster:left';

export async function leftSince(): Promise<Map<string, number>> {
	const rows = await nodebb.db().getSortedSetRangeWithScores(LEFT, 0, -1);
	return new Map(rows.map(r => [r.value, r.score]));
}

export async function setLeftSince(entries: [string, number][]): Promise<void> {
	if (entries.length) {
		await nodebb.db().sortedSetAdd(LEFT, entries.map(e => e[1]), entries.map(e => e[0]));
	}
}

export async function forgetLeft(nums: string[]): Promise<void> {
	if (nums.length) {
		await nodebb.db().sortedSetRemove(LEFT, nums);
	}
}

/** Removes one entry from version v with every index that names it; the roster's revision moves (previews are redone). */
export async function removeEntry(v: number, entry: RosterEntry): Promise<void> {
	const db = nodebb.db();
	await db.delete(K.entry(v, entry.memberNumber));
	await db.sortedSetRemove(K.numbers(v), entry.memberNumber);
	await db.sortedSetRemove(K.names(v), nameIndex(entry));
	await db.deleteObjectField(K.fingerprints(v), entry.memberNumber);
	await db.delete(K.attempts('num', entry.memberNumber));
	await db.incrObjectFieldBy(K.meta, 'count', -1);
	await db.incrObjectField(K.meta, 'revision');
}
