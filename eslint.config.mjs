import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';


/*
 * The walls between the layers (README, "Design"): kernel → capabilities → pages → index.
 * - a capability reaches another only through its index.ts (`../qa`, never `../qa/store`), and never lib/pages;
 * - the kernel imports only the seam (lib/nodebb.ts) and lib/coerce.ts;
 * - a rules file (pure) imports only the kernel, lib/coerce.ts and other rules files;
 * - only a store (store.ts, *-store.ts), the kernel and the seam call the database.
 * WALL_DEBT lists the files that still cross a wall (issue #14): each entry is a debt to pay, never a place to add to.
 */
const CAPABILITIES = ['competences', 'engagement', 'insight', 'membership', 'platform', 'privacy', 'qa'];
const WALL_DEBT = {
	capabilities: [
		'lib/competences/directory.ts', 'lib/competences/keys.ts', 'lib/insight/service.ts', 'lib/insight/promise.ts',
		'lib/insight/engagement.ts', 'lib/privacy/own-data.ts', 'lib/privacy/service.ts', 'lib/privacy/routes.ts',
		'lib/qa/topics.ts', 'lib/qa/similar.ts', 'lib/qa/lists.ts', 'lib/qa/coordinator.ts', 'lib/qa/routes.ts',
		'lib/qa/requests.ts', 'lib/qa/routing.ts', 'lib/competences/routes.ts', 'lib/engagement/routes.ts', 'lib/insight/routes.ts',
	],
	rules: ['lib/competences/profile-rules.ts', 'lib/membership/rules.ts', 'lib/privacy/rules.ts', 'lib/qa/rules.ts', 'lib/qa/similar-rules.ts'],
	database: [
		'lib/platform/service.ts', 'lib/qa/routing.ts', 'lib/competences/taxonomy.ts', 'lib/competences/proposals.ts',
		'lib/engagement/warnings.ts', 'lib/engagement/hooks.ts', 'lib/engagement/guard.ts', 'lib/engagement/permissions.ts',
		'lib/engagement/charter.ts', 'lib/engagement/reports.ts', 'lib/insight/service.ts',
	],
};
const capabilityWalls = CAPABILITIES.map(cap => ({
	files: [`lib/${cap}/**/*.ts`],
	ignores: [...WALL_DEBT.capabilities, ...WALL_DEBT.rules],
	rules: {
		'no-restricted-imports': ['error', { patterns: [
			{ group: CAPABILITIES.filter(c => c !== cap).map(c => `../${c}/*`), message: 'Another capability only through its index.ts (../<capability>).' },
			{ group: ['../pages', '../pages/*'], message: 'Capabilities never import the pages layer.' },
		] }],
	},
}));

export default tseslint.config(
	{ ignores: ['build/', 'node_modules/', '.cache/', 'test-artifacts/'] },
	js.configs.recommended,
	{
		files: ['**/*.ts'],
		extends: [...tseslint.configs.strictTypeChecked],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			'@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
			'@typescript-eslint/no-floating-promises': 'error',
		},
	},
	...capabilityWalls,
	{
		files: ['lib/kernel/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [
				{ group: ['../*', '!../nodebb', '!../coerce'], message: 'The kernel imports only the seam (lib/nodebb.ts) and lib/coerce.ts.' },
			] }],
		},
	},
	{
		files: ['lib/**/*rules.ts'],
		ignores: WALL_DEBT.rules,
		rules: {
			'no-restricted-imports': ['error', { patterns: [
				{ group: ['../*', '../*/*', './*', '!../kernel', '!../kernel/*', '!../coerce', '!./*rules', '!./keys', '!./*.json'], message: 'A rules file is pure: it imports only the kernel, lib/coerce.ts and other rules files.' },
			] }],
		},
	},
	{
		files: ['lib/**/*.ts'],
		ignores: ['lib/nodebb.ts', 'lib/kernel/**', 'lib/**/store.ts', 'lib/**/*-store.ts', ...WALL_DEBT.database],
		rules: {
			'no-restricted-syntax': ['error', {
				selector: "CallExpression[callee.object.name='nodebb'][callee.property.name='db']",
				message: "Only a capability's store (store.ts, *-store.ts) calls the database.",
			}],
		},
	},
	{
		// NodeBB awaits every hook handler; they are async by contract even when a body has nothing to await.
		files: ['lib/**/hooks.ts'],
		rules: { '@typescript-eslint/require-await': 'off' },
	},
	{
		files: ['test/**/*.ts'],
		rules: {
			// mocha's describe/it callbacks are async functions by design
			'@typescript-eslint/no-misused-promises': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
	},
	{
		files: ['eslint.config.mjs'],
		languageOptions: { sourceType: 'module' },
	},
	{
		files: ['static/**/*.js'],
		languageOptions: { globals: { ...globals.browser, define: 'readonly', $: 'readonly', app: 'readonly', ajaxify: 'readonly', config: 'readonly', socket: 'readonly', bootbox: 'readonly' } },
	},
	{
		// ES modules bundled by NodeBB's webpack (they import NodeBB's own Chart.js)
		files: ['static/lib/admin/insight.js'],
		languageOptions: { sourceType: 'module' },
	},
	{
		rules: {
			indent: ['error', 'tab', { SwitchCase: 1 }],
			quotes: ['error', 'single', { avoidEscape: true }],
			semi: ['error', 'always'],
			'comma-dangle': ['error', 'always-multiline'],
		},
	},
);
