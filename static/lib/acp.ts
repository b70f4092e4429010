/** Started once from NodeBB's ACP bundle (static/boot/acp.js): the template helpers and our dialogs translated. */
import Benchpress from 'benchpress';
import bootbox from 'bootbox';
import translator from 'translator';
import { translateDialogs } from './dialogs';
import * as text from './text';

text.register(Benchpress);
translateDialogs(bootbox, translator);
