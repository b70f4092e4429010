/**
 * The in-forum suite: runs inside NodeBB's test harness (real web server, real database), on Redis and PostgreSQL.
 */
import './platform.test';
import './membership.test';
import './access.test';
import './competences.test';
import './qa.test';
import './qa-followup.test';
import './engagement.test';
// last: it publishes a charter version of its own
import './insight.test';
