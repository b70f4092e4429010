/**
 * Members propose a competence the taxonomy lacks; an admin approves it (it becomes a competence), merges it into
 * an existing one, or refuses it. The proposer is told either way.
 */
import { neutral } from '../kernel/text';
import { asCount, asString } from '../coerce';
import * as nodebb from '../nodebb';
import { NS } from '../settings';
import * as store from './store';
import * as taxonomy from './taxonomy';

export interface Proposal {
	id: number;
	uid: number;
	label: string;
	domain: string;
	note: string;
	createdAt: number;
	status: 'pending' | 'approved' | 'merged' | 'refused';
	result: string;
	decidedBy: number;
}

const MAX_PENDING_PER_MEMBER = 5;

function toProposal(h: Record<string, unknown> | null): Proposal | null {
	if (!h?.id) {
		return null;
	}
	return {
		id: asCount(h.id), uid: asCount(h.uid), label: asString(h.label), domain: asString(h.domain), note: asString(h.note),
		createdAt: asCount(h.createdAt), status: asString(h.status) as Proposal['status'], result: asString(h.result), decidedBy: asCount(h.decidedBy),
	};
}

export async function get(id: number): Promise<Proposal | null> {
	return toProposal(await nodebb.db().getObject(store.K.proposal(id)));
}

export async function propose(uid: number, input: Record<string, unknown>): Promise<Proposal> {
	const label = asString(input.label).replace(/[<>]/g, '');
	if (label.length < 2 || label.length > 80) {
		throw new Error(`[[${NS}:error.proposal-label]]`);
	}
	const domain = asString(input.domain, 80);
	const t = await taxonomy.get();
	if (domain && !t.domains.some(d => d.key === domain)) {
		throw new Error(`[[${NS}:error.taxonomy-unknown-domain, ${domain.replace(/[,[\]%]/g, ' ')}]]`);
	}
	const db = nodebb.db();
	const id = await db.incrObjectField('global', 'nextLvlProposalId');
	const p: Proposal = { id, uid, label, domain, note: asString(input.note, 300), createdAt: Date.now(), status: 'pending', result: '', decidedBy: 0 };
	// the limit, atomically: the id goes into the member's pending set first, then the set is counted; of proposals
	// sent at once, at most the limit find themselves within it (the others take their id out again and are refused)
	await db.sortedSetAdd(store.K.pendingProposalsOf(uid), p.createdAt, String(id));
	if (asCount(await db.sortedSetCard(store.K.pendingProposalsOf(uid))) > MAX_PENDING_PER_MEMBER) {
		await db.sortedSetRemove(store.K.pendingProposalsOf(uid), String(id));
		throw new Error(`[[${NS}:error.too-many-proposals, ${String(MAX_PENDING_PER_MEMBER)}]]`);
	}
	await db.setObject(store.K.proposal(id), { ...p });
	await db.sortedSetAdd(store.K.proposals, p.createdAt, String(id));
	await db.sortedSetAdd(store.K.pendingProposals, p.createdAt, String(id));
	return p;
}

export async function list(pendingOnly: boolean): Promise<Proposal[]> {
	const ids = await nodebb.db().getSortedSetRange(pendingOnly ? store.K.pendingProposals : store.K.proposals, 0, 499);
	return (await Promise.all(ids.map(id => get(Number(id))))).filter((p): p is Proposal => p !== null);
}

async function tell(p: Proposal, notice: 'approved' | 'merged' | 'refused', arg: string, by: number): Promise<void> {
	try {
		const n = await nodebb.notifications().create({
			type: 'lvl-membership',
			nid: `lvl:proposal:${String(p.id)}:${notice}`,
			bodyShort: `[[${NS}:notification.proposal-${notice}, ${neutral(p.label)}, ${neutral(arg)}]]`,
			path: '/wie-weet-wat',
			from: by,
		});
		await nodebb.notifications().push(n, [p.uid]);
	} catch (err) {
		nodebb.log.error(`proposal notification failed: ${String(err)}`);
	}
}

async function decide(id: number, status: Proposal['status'], result: string, by: number): Promise<Proposal> {
	const p = await get(id);
	if (!p || p.status !== 'pending') {
		throw new Error(`[[${NS}:error.no-such-proposal]]`);
	}
	await nodebb.db().setObject(store.K.proposal(id), { status, result, decidedBy: by });
	await nodebb.db().sortedSetRemove(store.K.pendingProposals, String(id));
	await nodebb.db().sortedSetRemove(store.K.pendingProposalsOf(p.uid), String(id));
	return { ...p, status, result, decidedBy: by };
}

/** The admin accepts: the competence (key, labels in three languages) is created from the proposal. */
export async function approve(id: number, competence: Record<string, unknown>, by: number): Promise<Proposal> {
	const p = await get(id);
	if (!p || p.status !== 'pending') {
		throw new Error(`[[${NS}:error.no-such-proposal]]`);
	}
	const created = await taxonomy.saveCompetence({ ...competence, create: true });
	const done = await decide(id, 'approved', created.key, by);
	await tell(done, 'approved', created.labels.nl, by);
	return done;
}

/** The competence already exists under another name. */
export async function mergeInto(id: number, key: string, by: number): Promise<Proposal> {
	const t = await taxonomy.get();
	const c = taxonomy.resolve(t, key);
	if (!c || c.retired) {
		throw new Error(`[[${NS}:error.unknown-competence, ${key.replace(/[,[\]%]/g, ' ')}]]`);
	}
	const done = await decide(id, 'merged', c.key, by);
	await tell(done, 'merged', c.labels.nl, by);
	return done;
}

export async function refuse(id: number, reason: string, by: number): Promise<Proposal> {
	const why = reason.trim().slice(0, 300);
	if (!why) {
		throw new Error(`[[${NS}:error.reason-required]]`);
	}
	const done = await decide(id, 'refused', why, by);
	await tell(done, 'refused', why, by);
	return done;
}

/** Deleting an account removes its proposals. */
export async function forget(uid: number): Promise<void> {
	const all = await list(false);
	const mine = all.filter(p => p.uid === uid).map(p => p.id);
	const db = nodebb.db();
	await db.deleteAll(mine.map(store.K.proposal));
	await db.sortedSetRemove(store.K.proposals, mine.map(String));
	await db.sortedSetRemove(store.K.pendingProposals, mine.map(String));
	await db.delete(store.K.pendingProposalsOf(uid));
}
