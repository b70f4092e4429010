/**
 * Q&A's public face: what other capabilities (Insight) may use. They import this file only, never Q&A's other files.
 */
export { availabilityOf } from './claims';
export { figures as demandFigures } from './demand';
export { page as listPage } from './lists';
export { routable } from './promise-rules';
export { median, readTopic } from './rules';
export {
	answerCounts, countCreated, countUnanswered, firstReplyDelays, openQuestions, questionsCreated, type StatSet, statScores,
} from './store';
