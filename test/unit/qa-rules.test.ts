import assert from 'assert';
import { acceptProblem, median, normaliseCategory, type QaTopic, readTopicInput, titleArg } from '../../lib/qa/rules';

const question: QaTopic = { tid: 7, cid: 2, uid: 3, mainPid: 70, type: 'question', status: 'open', competences: ['law.family'], accepted: [], timestamp: 1, firstReplyAt: 0, acceptedAt: 0, expiresAt: 0, deleted: false };

describe('Q&A rules', () => {
	it('a topic title in a notification keeps NodeBB\'s escaping once and cannot split the token', () => {
		assert.strictEqual(titleArg('Q&amp;A, 50% [dringend]'), 'Q&amp;A&#44; 50&#37; &#91;dringend&#93;');
	});

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

	it('the median of durations', () => {
		assert.strictEqual(median([]), null);
		assert.strictEqual(median([5, 1, 3]), 3);
		assert.strictEqual(median([4, 1, 3, 2]), 2.5);
	});
});
