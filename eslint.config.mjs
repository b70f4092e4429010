import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
