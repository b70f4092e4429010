/**
 * A small HTTP client that behaves like a browser session: cookies, NodeBB's CSRF token, JSON envelopes.
 * Used by the in-forum tests, the browser tests' fixtures and the demo seeder.
 */

export interface Envelope<T = Record<string, unknown>> {
	status: { code: string; message: string };
	response: T;
}

export interface HttpResult<T = unknown> {
	status: number;
	body: T;
	text: string;
	headers: Headers;
}

export class Session {
	private readonly cookies = new Map<string, string>();
	private csrf = '';

	constructor(readonly base: string) {}

	private cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	private keepCookies(headers: Headers): void {
		for (const line of headers.getSetCookie()) {
			const [pair = ''] = line.split(';');
			const eq = pair.indexOf('=');
			if (eq > 0) {
				this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
			}
		}
	}

	async request<T = unknown>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<HttpResult<T>> {
		const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
		if (this.cookies.size) {
			headers.cookie = this.cookieHeader();
		}
		if (method !== 'GET' && method !== 'HEAD') {
			if (!this.csrf) {
				await this.refreshCsrf();
			}
			// a test may send a token of its own (a forged one)
			headers['x-csrf-token'] = extraHeaders['x-csrf-token'] ?? this.csrf;
			if (this.cookies.size) {
				headers.cookie = this.cookieHeader();
			}
		}
		let payload: string | FormData | undefined;
		if (body instanceof FormData) {
			payload = body;
		} else if (body !== undefined) {
			headers['content-type'] = 'application/json';
			payload = JSON.stringify(body);
		}
		const res = await fetch(this.base + path, { method, headers, body: payload, redirect: 'manual' });
		this.keepCookies(res.headers);
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: res.status, body: parsed as T, text, headers: res.headers };
	}

	async refreshCsrf(): Promise<void> {
		const res = await fetch(`${this.base}/api/config`, { headers: this.cookies.size ? { cookie: this.cookieHeader() } : {} });
		this.keepCookies(res.headers);
		const config = await res.json() as { csrf_token?: string };
		this.csrf = config.csrf_token ?? '';
	}

	get<T = unknown>(path: string, headers?: Record<string, string>): Promise<HttpResult<T>> {
		return this.request<T>('GET', path, undefined, headers);
	}

	post<T = unknown>(path: string, body?: unknown): Promise<HttpResult<T>> {
		return this.request<T>('POST', path, body);
	}

	put<T = unknown>(path: string, body?: unknown): Promise<HttpResult<T>> {
		return this.request<T>('PUT', path, body);
	}

	del<T = unknown>(path: string, body?: unknown): Promise<HttpResult<T>> {
		return this.request<T>('DELETE', path, body);
	}

	/** Logs in through NodeBB's own /login, as the login form does. */
	async login(username: string, password: string): Promise<void> {
		await this.refreshCsrf();
		const res = await this.post('/login', { username, password });
		if (res.status !== 200) {
			throw new Error(`login of ${username} failed: ${res.status} ${res.text.slice(0, 200)}`);
		}
		// the session id changes at login: the token goes with the new session
		await this.refreshCsrf();
	}
}
