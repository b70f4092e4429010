/**
 * The hook table NodeBB calls into (plugin.json names these methods). Assembly only: no logic here.
 */
import * as competences from './competences/hooks';
import * as insight from './insight/hooks';
import * as engagement from './engagement/hooks';
import * as membership from './membership/hooks';
import * as platform from './platform/hooks';
import * as privacy from './privacy/hooks';
import * as qa from './qa/hooks';

export = {
	platform,
	membership,
	competences,
	qa,
	insight,
	engagement,
	privacy,
};
