/**
 * The community pulse as members see it: in NodeBB's widget areas and on the Q&A page, from one partial.
 */
import * as nodebb from '../nodebb';
import { display } from './tables';
import * as service from './service';

export const NAME = 'lvl-pulse';

/** The pulse's values for the partial `partials/lvl/pulse.tpl`. */
export async function view(uid: number): Promise<Record<string, unknown>> {
	const p = await service.pulse(uid);
	return {
		questions: p.questions,
		answered: p.answered,
		answerRate: display(p.answerRate, 'percent'),
		medianFirstReply: display(p.medianFirstReplyMs, 'hours'),
		forYou: p.forYou,
		hasForYou: p.forYou > 0,
	};
}

export async function render(uid: number): Promise<string> {
	const relativePath = nodebb.nconf().get('relative_path');
	return nodebb.renderTemplate('partials/lvl/pulse', { pulse: await view(uid), config: { relative_path: typeof relativePath === 'string' ? relativePath : '' } });
}
