/**
 * Kernel: the plugin's constants. One short namespace for database keys, routes, translation files, settings and
 * topic fields (`lvl`), and the package's id as NodeBB knows it.
 */
export const NS = 'lvl';
export const PLUGIN_ID = 'nodebb-plugin-leden-voor-leden';
