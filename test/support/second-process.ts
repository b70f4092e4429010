/**
 * A second NodeBB process on the test database, for the two-process (cluster) tests.
 *
 * NodeBB's test harness is one process. A cluster is NodeBB's loader forking `app.js` once per port with
 * `isCluster`, `isPrimary` and `port` in the environment (loader.js, forkWorker); only the primary runs the cron jobs
 * and the upgrades (src/prestart.js: runJobs = isPrimary && !jobsDisabled). Here the harness plays the second worker
 * (it never runs jobs: test/mocks/databasemock.js sets runJobs false) and this process is started as the primary, the
 * way the loader starts it: `node app.js` with its own config file pointing at the same database, another port and
 * the same session secret, so a member's session is valid on both.
 */
import { type ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import * as nodebb from '../../lib/nodebb';

export interface SecondProcess {
	url: string;
	port: number;
	logFile: string;
	stop(): Promise<void>;
}

function config(port: number, uploads: string): Record<string, unknown> {
	const conf = nodebb.nconf();
	const database = String(conf.get('database'));
	return {
		url: `http://127.0.0.1:${String(port)}`,
		port,
		bind_address: '127.0.0.1',
		secret: conf.get('secret'),
		database,
		// the harness replaced the forum's database entry with test_database: the same database as the harness
		[database]: conf.get('test_database'),
		registry: 'http://127.0.0.1:9',
		upload_path: uploads,
		// as loader.js passes them to a worker (here through the config file rather than the environment)
		isCluster: true,
		isPrimary: true,
		// NodeBB's pubsub between processes (its caches cleared in every process on a write) needs Redis; on
		// PostgreSQL alone the loader's workers of one host talk through the loader (singleHostCluster). Started
		// without the loader, this process then publishes to itself (see joinClusterPubsub).
		...(database === 'postgres' ? { singleHostCluster: true } : {}),
	};
}

/** The Redis NodeBB's pubsub uses in a Redis cluster: the test database's. */
function pubsubRedis(): { host: string; port: number; password: string; database: number } {
	const t = nodebb.nconf().get('test_database') as { host: string; port: number | string; password?: string; database: number | string };
	return { host: t.host, port: Number(t.port), password: t.password ?? '', database: Number(t.database) };
}

interface RedisClient {
	connect(): Promise<unknown>;
	publish(channel: string, message: string): Promise<unknown>;
	subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
	quit(): Promise<unknown>;
}

/**
 * NodeBB's harness is not a cluster member: its pubsub stays in the process, so the second process would never hear
 * that the harness changed a hash it caches (and the other way round). This joins the harness to the cluster's
 * pubsub channel (NodeBB's format: src/database/redis/pubsub.js) for the test's duration: what the harness publishes
 * also goes to the channel, what the other process publishes is delivered in the harness. Returns the undo.
 */
export async function joinClusterPubsub(): Promise<() => Promise<void>> {
	if (nodebb.nconf().get('database') !== 'redis') {
		// PostgreSQL without Redis: no channel to join (the test reads around the harness's own cache instead)
		return () => Promise.resolve();
	}
	const r = pubsubRedis();
	const channel = `db:${String(r.database)}:pubsub_channel`;
	const redis = (require.main as NodeJS.Module).require('redis') as { createClient(o: Record<string, unknown>): RedisClient };
	const options = { socket: { host: r.host, port: r.port }, ...(r.password ? { password: r.password } : {}), database: r.database };
	const [pub, sub] = [redis.createClient(options), redis.createClient(options)];
	await Promise.all([pub.connect(), sub.connect()]);
	const pubsub = (require.main as NodeJS.Module).require('./src/pubsub') as { publish(event: string, data: unknown): void };
	const local = pubsub.publish.bind(pubsub);
	const origin = `harness-${String(process.pid)}`;
	await sub.subscribe(channel, (message) => {
		const msg = JSON.parse(message) as { event: string; data: unknown; lvlOrigin?: string };
		if (msg.lvlOrigin !== origin) {
			local(msg.event, msg.data);
		}
	});
	pubsub.publish = (event: string, data: unknown): void => {
		local(event, data);
		void pub.publish(channel, JSON.stringify({ event, data, lvlOrigin: origin }));
	};
	return async () => {
		pubsub.publish = local;
		await Promise.all([pub.quit(), sub.quit()]);
	};
}

async function ready(url: string, child: ChildProcess, ms: number): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (child.exitCode !== null) {
			throw new Error(`the second NodeBB process exited (code ${String(child.exitCode)}) before it listened`);
		}
		try {
			const res = await fetch(`${url}/api/config`);
			if (res.ok) {
				return;
			}
		} catch {
			// not listening yet
		}
		await new Promise(r => setTimeout(r, 250));
	}
	throw new Error(`the second NodeBB process did not answer at ${url} within ${String(ms / 1000)} s`);
}

function tail(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
	} catch {
		return '';
	}
}

/**
 * Starts `node app.js` in NodeBB's folder on `port`, the same database as the harness; resolves once it answers. On a
 * saturated machine a start can fail on a connection timeout (NodeBB exits then): it is tried up to three times.
 */
export async function startSecondProcess(port: number): Promise<SecondProcess> {
	for (let attempt = 1; ; attempt += 1) {
		try {
			return await startOnce(port);
		} catch (err) {
			if (attempt >= 3 || !(err as Error).message.includes('exited')) {
				throw err;
			}
		}
	}
}

async function startOnce(port: number): Promise<SecondProcess> {
	const base = String(nodebb.nconf().get('base_dir'));
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvl-cluster-'));
	const configFile = path.join(dir, 'config.json');
	fs.mkdirSync(path.join(dir, 'uploads'), { recursive: true });
	fs.writeFileSync(configFile, JSON.stringify(config(port, path.join(dir, 'uploads')), null, 2));
	// the plugin's test-artifacts folder (this file runs from build/test/support)
	const logFile = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', `second-process-${String(nodebb.nconf().get('database'))}.log`);
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.openSync(logFile, 'w');
	// the harness's own settings must not leak into the second process's nconf (it reads the environment first)
	const leak = new Set(['isPrimary', 'isCluster', 'port', 'url', 'database', 'runJobs']);
	const env: NodeJS.ProcessEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !leak.has(k))), NODE_ENV: 'production' };
	const child = spawn(process.execPath, ['app.js', `--config=${configFile}`], { cwd: base, env, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	const url = `http://127.0.0.1:${String(port)}`;
	const stop = async (): Promise<void> => {
		if (child.exitCode === null && child.signalCode === null) {
			const gone = new Promise<void>((resolve) => {
				child.once('exit', () => {
					resolve();
				});
			});
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
			await gone;
			clearTimeout(timer);
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await ready(url, child, 120000);
	} catch (err) {
		await stop();
		throw new Error(`${(err as Error).message}\n--- ${logFile} ---\n${tail(logFile)}`);
	}
	return { url, port, logFile, stop };
}
