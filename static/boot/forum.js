'use strict';

// NodeBB concatenates "scripts" into its global bundle, where only plain scripts fit: the typed modules
// (static/lib/*.ts, built into build/client) are pulled in here, synchronously, by their module name.
require('lvl/forum');
