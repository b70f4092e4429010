/**
 * Q&A's public face: the only file of lib/qa that other capabilities, the pages layer and lib/index.ts import.
 * Q&A's keys stay its own: what others need to read is a function here, never a key.
 */
export * as hooks from './hooks';
export * as similarHooks from './similar-hooks';

/* the promise, as the directory and Insight see it */
export { availabilityOf, awayAndFull } from './claims';
export { isTimeZone, routable } from './promise-rules';

/* the lists and figures (the pulse, Insight, the Q&A page) */
export { figures, type Figures, type ListPage, page as listPage } from './lists';
export { figures as demandFigures } from './demand';
export { LISTS, readList, readTopic } from './rules';

/* members' counters and Q&A figures read by key-free functions */
export {
	counts, countsOf, createdBetween, type FigureKind, figureRows, figureScores, latestQuestions, openQuestionIds, unansweredBetween,
} from './store';

/* the Q&A page's parts, for the pages layer */
export * as requests from './requests';
export * as routing from './routing';
export { QA_PATH } from './routes';

/* Insight's promise figures (read through here, never by key) */
export { median } from '../kernel/text';
export {
	answerCounts, countCreated, countUnanswered, firstReplyDelays, openQuestions, questionsCreated, type StatSet, statScores,
} from './store';
