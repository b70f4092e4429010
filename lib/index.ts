/**
 * The hook table NodeBB calls into (plugin.json names these methods). Assembly only: no logic here.
 */
import * as competences from './competences/hooks';
import * as insight from './insight/hooks';
import * as kernel from './kernel/hooks';
import * as engagement from './engagement/hooks';
import * as membershipHooks from './membership/hooks';
import * as membershipVisibility from './membership/visibility';
import * as platform from './platform/hooks';
import * as privacy from './privacy/hooks';
import * as pages from './pages/hooks';
import { hooks as qa, similarHooks as qaSimilar } from './qa';

export = {
	kernel,
	platform,
	membership: { ...membershipHooks, ...membershipVisibility },
	competences,
	qa,
	qaSimilar,
	insight,
	engagement,
	privacy,
	pages,
};
