/**
 * The in-forum suite: runs inside NodeBB's test harness (real web server, real database), on Redis and PostgreSQL.
 */
import './platform.test';
import './membership.test';
import './access.test';
import './competences.test';
import './qa.test';
import './qa-followup.test';
import './insight.test';
import './engagement.test';
