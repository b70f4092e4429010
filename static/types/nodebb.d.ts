/**
 * What the plugin's client modules use of NodeBB's browser side (checked in NodeBB 4.11.2 and 4.15.1,
 * public/src/modules/*.js and public/src/app.js): the page globals and the modules NodeBB's webpack resolves.
 * Only what is called is declared.
 */

interface NodebbConfig {
	relative_path: string;
	userLang: string;
	csrf_token: string;
	[key: string]: unknown;
}

interface NodebbAjaxify {
	/** The page's data, as the server rendered it; every field our modules read is checked before use. */
	data: Record<string, unknown>;
	currentPage: string;
	refresh(callback?: () => void): void;
	go(url: string, callback?: () => void, quiet?: boolean): void;
}

interface NodebbApp {
	user: { uid: number; [key: string]: unknown };
	require<T = unknown>(name: string): Promise<T>;
	newChat?(touid: number): void;
}

declare const config: NodebbConfig;
declare const ajaxify: NodebbAjaxify;
declare const app: NodebbApp;

declare module 'api' {
	export function get<T = unknown>(route: string, data?: object): Promise<T>;
	export function post<T = unknown>(route: string, data?: object): Promise<T>;
	export function put<T = unknown>(route: string, data?: object): Promise<T>;
	export function patch<T = unknown>(route: string, data?: object): Promise<T>;
	export function del<T = unknown>(route: string, data?: object): Promise<T>;
}

declare module 'alerts' {
	export function success(message: string, timeout?: number): void;
	export function error(message: unknown, timeout?: number): void;
	export function info(message: string, timeout?: number): void;
	export function alert(params: { title?: string; message: string; type?: string; timeout?: number }): void;
}

declare module 'translator' {
	export interface Translator {
		translate(text: string, lang?: string): Promise<string>;
		translate(text: string, lang: string, callback: (translated: string) => void): void;
		escape(text: string): string;
		/** `[[name, arg…]]`, with commas and percent signs in the arguments escaped */
		compile(name: string, ...args: (string | number)[]): string;
	}
	const translator: Translator;
	export default translator;
}

declare module 'bootbox' {
	interface DialogButton { label: string; className?: string; callback?: () => boolean | undefined }
	export interface DialogOptions {
		title?: string;
		message: string | JQuery | HTMLElement;
		size?: string;
		onEscape?: boolean | (() => void);
		backdrop?: boolean;
		buttons?: Record<string, DialogButton>;
	}
	export interface Bootbox {
		confirm(message: string, callback: (ok: boolean) => void): JQuery;
		alert(message: string, callback?: () => void): JQuery;
		dialog: (options: DialogOptions) => JQuery;
		prompt(options: {
			title: string; message?: string; inputType?: string; required?: boolean; maxlength?: number;
			callback: (value: string | null) => boolean | undefined;
		}): JQuery;
	}
	const bootbox: Bootbox;
	export default bootbox;
}

declare module 'benchpress' {
	export interface Benchpress {
		registerHelper(name: string, fn: (...args: unknown[]) => string): void;
		helpers: Record<string, unknown>;
		render(template: string, data: object): Promise<string>;
	}
	const benchpress: Benchpress;
	export default benchpress;
}

declare module 'hooks' {
	interface Hooks {
		on(name: string, fn: (data: unknown) => unknown): void;
	}
	const hooks: Hooks;
	export default hooks;
}
