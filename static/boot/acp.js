'use strict';

// NodeBB concatenates "acpScripts" into the ACP bundle: the typed module (static/lib/acp.ts) is pulled in by name.
require('lvl/acp');
