/** A competence's page uses the directory's behaviour (member cards, chat and "ask" buttons). */
export { init } from './directory';
