'use strict';

// A competence's page uses the directory's behaviour (member cards, chat buttons).
define('forum/lvl/competence', ['forum/lvl/directory'], function (directory) {
	return directory;
});
