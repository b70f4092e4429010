/** Started once from NodeBB's ACP bundle (static/boot/acp.js): the template helpers for pages rendered in the browser. */
import Benchpress from 'benchpress';
import * as text from './text';

text.register(Benchpress);
