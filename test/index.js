'use strict';

// Entry NodeBB's harness (test/plugins-installed.js) requires for this plugin: the compiled in-forum suite.
require('../build/test/forum/index.js');
