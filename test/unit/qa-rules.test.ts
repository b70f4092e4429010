import assert from 'assert';
import {
	acceptProblem, escalationStep, expiryReminderAt, normaliseCategory, type QaTopic, readRequest, readTopicInput, requestProblem,
} from '../../lib/qa/rules';
import { median } from '../../lib/kernel/text';

const question: QaTopic = { tid: 7, cid: 2, uid: 3, mainPid: 70, type: 'question', status: 'open', competences: ['law.family'], accepted: [], timestamp: 1, firstReplyAt: 0, acceptedAt: 0, expiresAt: 0, escalation: 0, deleted: false };

describe('Q&A rules', () => {
	it('a category setting always has a default among its allowed types', () => {
		assert.deepStrictEqual(normaliseCategory({ types: ['offer', 'bogus'], default: 'question' }), { types: ['offer'], default: 'offer' });
		assert.deepStrictEqual(normaliseCategory(null).default, 'question');
	});

	it('a topic without a type is a discussion where a question would lack competences', () => {
		const known = (): boolean => true;
		assert.strictEqual(readTopicInput({}, normaliseCategory(null), known).type, 'discussion');
		assert.throws(() => readTopicInput({}, { types: ['question'], default: 'question' }, known), /competence-required/);
		assert.throws(() => readTopicInput({ lvlType: 'question', lvlCompetences: ['a', 'b', 'c', 'd'] }, normaliseCategory(null), known), /too-many-competences/);
	});

	it('refuses to accept the question itself, a post elsewhere, a deleted post, or a second answer', () => {
		assert.match(acceptProblem(question, { pid: 70, tid: 7, uid: 3, deleted: false }, false) ?? '', /accept-question-itself/);
		assert.match(acceptProblem(question, { pid: 71, tid: 8, uid: 4, deleted: false }, false) ?? '', /post-not-in-topic/);
		assert.match(acceptProblem(question, { pid: 71, tid: 7, uid: 4, deleted: true }, false) ?? '', /post-deleted/);
		assert.match(acceptProblem({ ...question, accepted: [72] }, { pid: 71, tid: 7, uid: 4, deleted: false }, false) ?? '', /one-accepted/);
		assert.strictEqual(acceptProblem({ ...question, accepted: [72] }, { pid: 71, tid: 7, uid: 4, deleted: false }, true), null);
	});

	it('refuses the asker\'s own reply as the accepted answer, whoever accepts it (security #12)', () => {
		assert.strictEqual(question.uid, 3);
		assert.match(acceptProblem(question, { pid: 73, tid: 7, uid: 3, deleted: false }, true) ?? '', /accept-own-reply/);
		assert.strictEqual(acceptProblem(question, { pid: 74, tid: 7, uid: 4, deleted: false }, true), null);
	});

	it('the median of durations', () => {
		assert.strictEqual(median([]), null);
		assert.strictEqual(median([5, 1, 3]), 3);
		assert.strictEqual(median([4, 1, 3, 2]), 2.5);
	});

	describe('escalation', () => {
		const H = 60 * 60 * 1000;
		const times = { nextMatchesMs: 48 * H, moderatorsMs: 7 * 24 * H, reminderMs: 7 * 24 * H };
		const asked = { ...question, timestamp: 1000 };

		it('waits until 48 hours without a reply, then asks the next matches and looks again at 7 days', () => {
			assert.deepStrictEqual(escalationStep(asked, 1000 + 47 * H, times), { action: 'none', stage: 0, next: 1000 + 48 * H });
			assert.deepStrictEqual(escalationStep(asked, 1000 + 48 * H, times), { action: 'next-matches', stage: 1, next: 1000 + 7 * 24 * H });
		});

		it('tells the moderators after 7 days without a reply, once', () => {
			const routedAgain = { ...asked, escalation: 1 };
			assert.strictEqual(escalationStep(routedAgain, 1000 + 6 * 24 * H, times).action, 'none');
			assert.deepStrictEqual(escalationStep(routedAgain, 1000 + 7 * 24 * H, times), { action: 'moderators', stage: 2, next: null });
			assert.deepStrictEqual(escalationStep({ ...asked, escalation: 2 }, 1000 + 30 * 24 * H, times), { action: 'none', stage: 2, next: null });
		});

		it('a question with replies but none accepted reminds the asker 7 days after the first reply, once', () => {
			const replied = { ...asked, firstReplyAt: 1000 + 10 * H };
			assert.deepStrictEqual(escalationStep(replied, 1000 + 11 * H, times), { action: 'none', stage: 0, next: 1000 + 10 * H + 7 * 24 * H });
			assert.deepStrictEqual(escalationStep(replied, 1000 + 10 * H + 7 * 24 * H, times), { action: 'remind-asker', stage: 3, next: null });
			assert.strictEqual(escalationStep({ ...replied, escalation: 3 }, 1000 + 60 * 24 * H, times).action, 'none');
		});

		it('solved, deleted and non-question topics never escalate', () => {
			for (const t of [{ ...asked, status: 'solved' as const }, { ...asked, deleted: true }, { ...asked, type: 'offer' as const }]) {
				assert.deepStrictEqual(escalationStep(t, 1000 + 90 * 24 * H, times), { action: 'none', stage: 0, next: null });
			}
		});

		it('when moderators come before the next matches (odd settings), the next run still does both in order', () => {
			const odd = { nextMatchesMs: 10 * H, moderatorsMs: 5 * H, reminderMs: H };
			const first = escalationStep(asked, 1000 + 20 * H, odd);
			assert.strictEqual(first.action, 'next-matches');
			assert.ok(first.next !== null && first.next > 1000 + 20 * H, 'looked at again on a later run');
			assert.strictEqual(escalationStep({ ...asked, escalation: 1 }, first.next, odd).action, 'moderators');
		});
	});

	it('an offer\'s expiry reminder comes the set number of days before it expires; 0 days means no reminder', () => {
		const day = 24 * 60 * 60 * 1000;
		assert.strictEqual(expiryReminderAt(60 * day, 5), 55 * day);
		assert.strictEqual(expiryReminderAt(60 * day, 0), 0);
	});

	describe('direct requests', () => {
		const facts = { from: 3, to: 9, topic: question, openFromAsker: 0, limit: 3, alreadyAsked: false, reachable: true };

		it('an asker may point an open question of their own at a reachable member', () => {
			assert.strictEqual(requestProblem(facts), null);
		});

		it('refuses each wrong request with its own message', () => {
			assert.strictEqual(requestProblem({ ...facts, to: 3 }), '[[lvl:qa.error.request-self]]');
			assert.strictEqual(requestProblem({ ...facts, topic: null }), '[[lvl:qa.error.request-not-question]]');
			assert.strictEqual(requestProblem({ ...facts, topic: { ...question, type: 'offer' } }), '[[lvl:qa.error.request-not-question]]');
			assert.strictEqual(requestProblem({ ...facts, topic: { ...question, deleted: true } }), '[[lvl:qa.error.request-not-question]]');
			assert.strictEqual(requestProblem({ ...facts, topic: { ...question, uid: 4 } }), '[[lvl:qa.error.request-not-yours]]');
			assert.strictEqual(requestProblem({ ...facts, topic: { ...question, status: 'solved' } }), '[[lvl:qa.error.request-closed-question]]');
			assert.strictEqual(requestProblem({ ...facts, reachable: false }), '[[lvl:qa.error.request-unreachable]]');
			assert.strictEqual(requestProblem({ ...facts, alreadyAsked: true }), '[[lvl:qa.error.request-duplicate]]');
		});

		it('an asker has at most the set number of open requests', () => {
			assert.strictEqual(requestProblem({ ...facts, openFromAsker: 2 }), null);
			assert.strictEqual(requestProblem({ ...facts, openFromAsker: 3 }), '[[lvl:qa.error.request-limit, 3]]');
		});

		it('withdrawing and asking again reaches at most twice the limit of members per question (security #12)', () => {
			assert.strictEqual(requestProblem({ ...facts, openFromAsker: 0, askedForQuestion: 5 }), null);
			assert.strictEqual(requestProblem({ ...facts, openFromAsker: 0, askedForQuestion: 6 }), '[[lvl:qa.error.request-question-limit, 6]]');
		});

		it('a stored request reads back the same from either database, an unknown state as closed', () => {
			assert.deepStrictEqual(readRequest({ id: '4', from: '3', to: '9', tid: '7', state: 'open', createdAt: '100', answeredAt: '0' }),
				{ id: 4, from: 3, to: 9, tid: 7, state: 'open', createdAt: 100, answeredAt: 0 });
			assert.strictEqual(readRequest({ id: 5, state: 'weird' })?.state, 'closed');
			assert.strictEqual(readRequest(null), null);
		});
	});
});
