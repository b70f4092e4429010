/**
 * Everything the plugin does on every forum page, started once from NodeBB's global bundle (static/boot/forum.js):
 * each concern is its own module.
 */
import Benchpress from 'benchpress';
import bootbox from 'bootbox';
import translator from 'translator';
import { translateDialogs } from './dialogs';
import * as text from './text';
import * as demand from './demand';
import * as ownData from './own-data';
import * as similar from './similar';

text.register(Benchpress);
translateDialogs(bootbox, translator);
demand.start();
ownData.start();
similar.start();
