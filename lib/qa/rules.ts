/**
 * Q&A rules, pure: topic types and statuses, what a category allows, what a member submits with a new topic, who
 * may accept which post, and how a question is routed to the members who know. No NodeBB here.
 */
import { asCount, asString } from '../coerce';
import { rankingOf, levelOfScore, scoreMatches, type Language } from '../competences/profile-rules';
import { NS } from '../settings';

export const TYPES = ['question', 'offer', 'wanted', 'discussion'] as const;
export type TopicType = typeof TYPES[number];

/** question: open → solved; offer and wanted: open → fulfilled | closed | expired; discussion: none. */
export const STATUSES = ['open', 'solved', 'fulfilled', 'closed', 'expired'] as const;
export type Status = typeof STATUSES[number];

export const MAX_COMPETENCES = 3;

export interface CategoryQa {
	/** the types a member may choose in this category (at least one) */
	types: TopicType[];
	/** the type the composer starts with */
	default: TopicType;
}

export const CATEGORY_DEFAULT: Readonly<CategoryQa> = Object.freeze({ types: [...TYPES], default: 'question' });

const isType = (v: unknown): v is TopicType => (TYPES as readonly string[]).includes(asString(v));

/** Whatever is stored for a category becomes a valid setting: unknown types dropped, a default among them. */
export function normaliseCategory(raw: unknown): CategoryQa {
	const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const types = Array.isArray(r.types) ? [...new Set(r.types.filter(isType))] : [];
	const allowed = types.length ? TYPES.filter(t => types.includes(t)) : [...CATEGORY_DEFAULT.types];
	const def = isType(r.default) && allowed.includes(r.default) ? r.default : allowed[0] ?? 'discussion';
	return { types: allowed, default: def };
}

/** Checks what an admin submits for a category; a translation token for the first problem, or null. */
export function validateCategory(raw: Record<string, unknown>): string | null {
	const types = Array.isArray(raw.types) ? raw.types : [];
	if (!types.length || !types.every(isType)) {
		return `[[${NS}:qa.error.category-types]]`;
	}
	if (!isType(raw.default) || !types.includes(raw.default)) {
		return `[[${NS}:qa.error.category-default]]`;
	}
	return null;
}

export interface TopicInput {
	type: TopicType;
	competences: string[];
}

/**
 * Reads the type and competences of a new topic (or a type change). `known` tells whether a competence key can be
 * chosen now (exists, not retired). Throws a translated error.
 */
export function readTopicInput(data: Record<string, unknown>, category: CategoryQa, known: (key: string) => boolean): TopicInput {
	const rawType = asString(data.lvlType);
	if (rawType && !isType(rawType)) {
		throw new Error(`[[${NS}:qa.error.unknown-type]]`);
	}
	const hasKeys = Array.isArray(data.lvlCompetences) ? data.lvlCompetences.length > 0 : Boolean(data.lvlCompetences);
	// a topic posted without a type (another client, the API): the category's default, or a discussion where a
	// question would lack its competences and discussions are allowed
	const fallback = category.default === 'question' && !hasKeys && category.types.includes('discussion') ? 'discussion' : category.default;
	const type: TopicType = rawType ? rawType as TopicType : fallback;
	if (!category.types.includes(type)) {
		throw new Error(`[[${NS}:qa.error.type-not-allowed, [[${NS}:qa.type.${type}]]]]`);
	}
	const raw = Array.isArray(data.lvlCompetences) ? data.lvlCompetences
		: typeof data.lvlCompetences === 'string' && data.lvlCompetences ? data.lvlCompetences.split(',') : [];
	const keys = [...new Set(raw.map(k => asString(k, 80)).filter(Boolean))];
	if (type === 'discussion') {
		return { type, competences: [] };
	}
	if (keys.length > MAX_COMPETENCES) {
		throw new Error(`[[${NS}:qa.error.too-many-competences, ${String(MAX_COMPETENCES)}]]`);
	}
	const unknown = keys.find(k => !known(k));
	if (unknown) {
		throw new Error(`[[${NS}:qa.error.unknown-competence, ${unknown.replace(/[,[\]%]/g, ' ')}]]`);
	}
	if (type === 'question' && !keys.length) {
		throw new Error(`[[${NS}:qa.error.competence-required]]`);
	}
	return { type, competences: keys };
}

export const initialStatus = (type: TopicType): Status | '' => (type === 'discussion' ? '' : 'open');

/** Statuses an author or moderator may set by hand, per type. */
export function settableStatuses(type: TopicType): Status[] {
	return type === 'offer' || type === 'wanted' ? ['open', 'fulfilled', 'closed'] : [];
}

/** The topic fields the plugin keeps, as read back from either database. */
export interface QaTopic {
	tid: number;
	cid: number;
	uid: number;
	mainPid: number;
	type: TopicType | '';
	status: Status | '';
	competences: string[];
	accepted: number[];
	timestamp: number;
	firstReplyAt: number;
	acceptedAt: number;
	expiresAt: number;
	/** how far escalation went: 0 routed at posting, 1 routed to the next matches, 2 moderators told, 3 asker reminded */
	escalation: number;
	deleted: boolean;
}

function jsonNumbers(v: unknown): number[] {
	try {
		const parsed: unknown = typeof v === 'string' ? JSON.parse(v || '[]') : v;
		return Array.isArray(parsed) ? parsed.map(Number).filter(n => n > 0) : [];
	} catch {
		return [];
	}
}

function jsonStrings(v: unknown): string[] {
	try {
		const parsed: unknown = typeof v === 'string' ? JSON.parse(v || '[]') : v;
		return Array.isArray(parsed) ? parsed.map(String) : [];
	} catch {
		return [];
	}
}

export function readTopic(h: Record<string, unknown> | null | undefined): QaTopic | null {
	if (!h || !asCount(h.tid)) {
		return null;
	}
	const type = asString(h.lvlType);
	const status = asString(h.lvlStatus);
	return {
		tid: asCount(h.tid),
		cid: asCount(h.cid),
		uid: asCount(h.uid),
		mainPid: asCount(h.mainPid),
		type: isType(type) ? type : '',
		status: (STATUSES as readonly string[]).includes(status) ? status as Status : '',
		competences: jsonStrings(h.lvlCompetences),
		accepted: jsonNumbers(h.lvlAccepted),
		timestamp: asCount(h.timestamp),
		firstReplyAt: asCount(h.lvlFirstReplyAt),
		acceptedAt: asCount(h.lvlAcceptedAt),
		expiresAt: asCount(h.lvlExpiresAt),
		escalation: asCount(h.lvlEscalation),
		deleted: asCount(h.deleted) === 1,
	};
}

export const TOPIC_FIELDS = ['tid', 'cid', 'uid', 'mainPid', 'timestamp', 'deleted', 'lvlType', 'lvlStatus', 'lvlCompetences',
	'lvlAccepted', 'lvlFirstReplyAt', 'lvlAcceptedAt', 'lvlExpiresAt', 'lvlEscalation'];

export interface PostFacts {
	pid: number;
	tid: number;
	uid: number;
	deleted: boolean;
}

/**
 * Why a post cannot be accepted (a translation token), or null. The caller has already checked that the acting
 * member is the asker or a moderator.
 */
export function acceptProblem(topic: QaTopic, post: PostFacts | null, severalAllowed: boolean): string | null {
	if (topic.type !== 'question') {
		return `[[${NS}:qa.error.not-a-question]]`;
	}
	if (!post || post.tid !== topic.tid) {
		return `[[${NS}:qa.error.post-not-in-topic]]`;
	}
	if (post.pid === topic.mainPid) {
		return `[[${NS}:qa.error.accept-question-itself]]`;
	}
	// an answer is another member's: the asker's own reply (a follow-up, "solved it myself") is never accepted
	if (post.uid === topic.uid) {
		return `[[${NS}:qa.error.accept-own-reply]]`;
	}
	if (post.deleted) {
		return `[[${NS}:qa.error.post-deleted]]`;
	}
	if (topic.accepted.includes(post.pid)) {
		return `[[${NS}:qa.error.already-accepted]]`;
	}
	if (!severalAllowed && topic.accepted.length) {
		return `[[${NS}:qa.error.one-accepted]]`;
	}
	return null;
}

/** The Q&A lists. */
export const LISTS = ['unanswered', 'unsolved', 'solved', 'for-you', 'mine', 'offers', 'wanted'] as const;
export type ListName = typeof LISTS[number];
export const LIST_PAGE_SIZE = 20;

export function readList(v: unknown): ListName {
	const s = asString(v);
	return (LISTS as readonly string[]).includes(s) ? s as ListName : 'unsolved';
}

/* ---------- routing ---------- */

export interface RoutingCandidate {
	uid: number;
	/** best index score over the question's competences (profile-rules.indexScore) */
	score: number;
	/** how many of the question's competences the member has */
	matches: number;
	/** questions routed to the member in the last 7 days */
	weekCount: number;
	/** direct requests and routed questions still waiting on the member */
	openRequests: number;
	/** the member paused routing on their profile */
	paused: boolean;
}

export interface RoutingInput {
	asker: number;
	askerLanguages: Language[];
	weeklyCap: number;
	count: number;
	/** members already asked for this question (escalation picks the next ones) */
	exclude: Set<number>;
}

/**
 * Who gets a question: members with its competences, never the asker, nobody paused, nobody at the weekly cap, nobody
 * "not now"; ranked by how many competences match, level, the advice role, a language the asker speaks and
 * availability, then spread fairly (members asked recently or with open requests rank lower).
 */
export function pickRecipients(cands: RoutingCandidate[], input: RoutingInput): number[] {
	const speaksAsker = (score: number): boolean => !input.askerLanguages.length
		|| input.askerLanguages.some(language => scoreMatches(score, { role: '', language, region: '', availability: '' }));
	const eligible = cands.filter(c => c.uid !== input.asker && !c.paused && !input.exclude.has(c.uid) && c.weekCount < input.weeklyCap
		&& !scoreMatches(c.score, { role: '', language: '', region: '', availability: 'not-now' }));
	const value = (c: RoutingCandidate): number => {
		const ranking = rankingOf(c.score);
		const level = levelOfScore(c.score);
		const availabilityAndAdvice = ranking - level * 100;
		return c.matches * 1000 + level * 100 + availabilityAndAdvice + (speaksAsker(c.score) ? 40 : 0)
			- c.weekCount * 30 - c.openRequests * 20;
	};
	return eligible.map(c => ({ c, v: value(c) }))
		.sort((a, b) => (b.v - a.v) || (a.c.uid - b.c.uid))
		.slice(0, Math.max(0, input.count))
		.map(x => x.c.uid);
}


/* ---------- escalation ---------- */

export interface EscalationTimes {
	/** no reply after this long: route to the next matches */
	nextMatchesMs: number;
	/** still no reply after this long: tell the moderators (or the chosen group) */
	moderatorsMs: number;
	/** replies but none accepted this long after the first one: remind the asker */
	reminderMs: number;
}

export type EscalationAction = 'next-matches' | 'moderators' | 'remind-asker' | 'none';

export interface EscalationStep {
	action: EscalationAction;
	/** the stage the topic reaches (QaTopic.escalation) */
	stage: number;
	/** when to look at the topic again; null: never (until a reply or an undo schedules it) */
	next: number | null;
}

/**
 * What the escalation job does with a question it looks at `now`. Only open, undeleted questions escalate; a
 * question nobody answered goes to the next matches, then to the moderators; one with replies but no accepted answer
 * reminds the asker once.
 */
export function escalationStep(t: QaTopic, now: number, times: EscalationTimes): EscalationStep {
	if (t.type !== 'question' || t.status !== 'open' || t.deleted) {
		return { action: 'none', stage: t.escalation, next: null };
	}
	if (t.firstReplyAt) {
		if (t.escalation >= 3) {
			return { action: 'none', stage: t.escalation, next: null };
		}
		const due = t.firstReplyAt + times.reminderMs;
		return now >= due ? { action: 'remind-asker', stage: 3, next: null } : { action: 'none', stage: t.escalation, next: due };
	}
	if (t.escalation === 0) {
		const due = t.timestamp + times.nextMatchesMs;
		return now >= due
			? { action: 'next-matches', stage: 1, next: Math.max(now + 1, t.timestamp + times.moderatorsMs) }
			: { action: 'none', stage: 0, next: due };
	}
	if (t.escalation === 1) {
		const due = t.timestamp + times.moderatorsMs;
		return now >= due ? { action: 'moderators', stage: 2, next: null } : { action: 'none', stage: 1, next: due };
	}
	return { action: 'none', stage: t.escalation, next: null };
}

/* ---------- offers and wanted posts: expiry ---------- */

/** When the author of an open offer or wanted post is reminded that it will expire. */
export function expiryReminderAt(expiresAt: number, reminderDays: number): number {
	return reminderDays > 0 ? expiresAt - reminderDays * 24 * 60 * 60 * 1000 : 0;
}

/* ---------- direct requests ("ask this member") ---------- */

export const REQUEST_STATES = ['open', 'accepted', 'declined', 'closed'] as const;
export type RequestState = typeof REQUEST_STATES[number];

export interface DirectRequest {
	id: number;
	from: number;
	to: number;
	tid: number;
	state: RequestState;
	createdAt: number;
	answeredAt: number;
}

export function readRequest(h: Record<string, unknown> | null | undefined): DirectRequest | null {
	if (!h || !asCount(h.id)) {
		return null;
	}
	const state = asString(h.state);
	return {
		id: asCount(h.id),
		from: asCount(h.from),
		to: asCount(h.to),
		tid: asCount(h.tid),
		state: (REQUEST_STATES as readonly string[]).includes(state) ? state as RequestState : 'closed',
		createdAt: asCount(h.createdAt),
		answeredAt: asCount(h.answeredAt),
	};
}

export interface RequestFacts {
	from: number;
	to: number;
	/** the question, or null when the topic does not exist */
	topic: QaTopic | null;
	/** the asker's direct requests still waiting */
	openFromAsker: number;
	limit: number;
	/** the member is already asked (or was asked) for this question */
	alreadyAsked: boolean;
	/** the member is a verified member, listed in the directory and can read the topic */
	reachable: boolean;
	/** members this question was ever put to directly (withdrawn and declined requests included) */
	askedForQuestion?: number;
}

/**
 * How many members one question may ever be put to directly: twice the open limit, so each request can be replaced
 * once (withdrawn or declined), but withdrawing and asking again cannot walk through the whole membership.
 */
export const questionRequestBudget = (limit: number): number => 2 * limit;

/** Why a direct request cannot be sent (a translation token), or null. */
export function requestProblem(f: RequestFacts): string | null {
	if (f.to === f.from) {
		return `[[${NS}:qa.error.request-self]]`;
	}
	if (!f.topic || f.topic.deleted || f.topic.type !== 'question') {
		return `[[${NS}:qa.error.request-not-question]]`;
	}
	if (f.topic.uid !== f.from) {
		return `[[${NS}:qa.error.request-not-yours]]`;
	}
	if (f.topic.status !== 'open') {
		return `[[${NS}:qa.error.request-closed-question]]`;
	}
	if (!f.reachable) {
		return `[[${NS}:qa.error.request-unreachable]]`;
	}
	if (f.alreadyAsked) {
		return `[[${NS}:qa.error.request-duplicate]]`;
	}
	if (f.openFromAsker >= f.limit) {
		return `[[${NS}:qa.error.request-limit, ${String(f.limit)}]]`;
	}
	if ((f.askedForQuestion ?? 0) >= questionRequestBudget(f.limit)) {
		return `[[${NS}:qa.error.request-question-limit, ${String(questionRequestBudget(f.limit))}]]`;
	}
	return null;
}
