import assert from 'assert';
import * as nodebb from '../../lib/nodebb';
import * as settings from '../../lib/settings';
import * as access from '../../lib/membership/access';
import * as store from '../../lib/membership/store';
import { canUsePlatform } from '../../lib/membership';
import { createUser, eventually, guest, loginAs, notificationArrives, type TestUser, unique } from '../support/forum';
import type { Envelope, Session } from '../support/http';
import { belgianCsv, importRoster, type Person, type RosterPreview, upload } from '../support/roster';

const API = '/api/v3/plugins/lvl';

function person(nr: string, last: string, first: string, over: Partial<Person> = {}): Person {
	return { nr, last, first, email: `${first}.${last}@example.org`.toLowerCase().replace(/[^a-z0-9.@]/g, ''), born: '1970-05-17', ...over };
}

async function inMembers(uid: number): Promise<boolean> {
	return nodebb.groups().isMember(uid, (await settings.get()).membersGroup);
}

describe('Membership: roster, verification and revocation', () => {
	let admin: TestUser;
	let adminS: Session;
	const kring = [
		person('1001', 'Peeters', 'An'),
		person('1002', 'Dubois', 'Luc'),
		person('1003', 'Hénin', 'Désiré'),
		person('1004', 'D\'Hondt', 'Pieter', { born: '1955-12-01' }),
		person('1005', 'Van den Broeck', 'Els'),
	];

	// every request here comes from 127.0.0.1: the per-IP limit is tested on its own
	beforeEach(async () => {
		await store.clearAttempts('ip', '127.0.0.1');
	});

	before(async () => {
		admin = await createUser('secr', { admin: true });
		adminS = await loginAs(admin);
		await settings.save({ graceDays: 30, attemptsPerHour: 5 });
	});

	describe('roster import with preview', () => {
		let preview: RosterPreview;

		it('reads a Belgian Excel CSV (";" and Windows-1252) and shows what would change, changing nothing yet', async () => {
			const res = await upload(adminS, belgianCsv(kring, '\r\n;Geen;Nummer;;;;\r\n1099;Dubbel;Een;;;;\r\n1099;Dubbel;Twee;;;;'));
			assert.strictEqual(res.status, 200, JSON.stringify(res.body));
			preview = res.body.response;
			assert.deepStrictEqual(preview.headers, ['Lidnummer', 'Naam', 'Voornaam', 'E-mail', 'Geboortedatum', 'Status', 'Einddatum']);
			assert.strictEqual(preview.mapping.memberNumber, 'Lidnummer', 'columns guessed from Dutch headers');
			assert.strictEqual(preview.counts.added, 5);
			assert.strictEqual(preview.counts.invalid, 3);
			assert.ok(preview.lists.added.some(e => e.lastName === 'Hénin' && e.firstName === 'Désiré'), 'accents decoded');
			const lines = preview.lists.invalid.map(i => [i.line, i.reason]);
			assert.deepStrictEqual(lines, [[7, '[[lvl:roster.invalid.missing-member-number]]'], [8, '[[lvl:roster.invalid.duplicate-member-number, 9]]'],
				[9, '[[lvl:roster.invalid.duplicate-member-number, 8]]']], 'a member number on two different rows: neither imported');
			assert.strictEqual((await store.getMeta()).count, 0, 'nothing applied before confirmation');
			assert.strictEqual(await store.getEntry('1001'), null);
		});

		it('recomputes the preview when the admin picks the active statuses, and remembers the mapping', async () => {
			const res = await adminS.put<Envelope<RosterPreview>>(`${API}/roster/imports/${String(preview.import.id)}`, { mapping: preview.mapping, activeStatuses: ['Actief'] });
			assert.strictEqual(res.status, 200, res.text);
			assert.strictEqual(res.body.response.counts.active, 5);
			assert.deepStrictEqual(res.body.response.statusValues, ['Actief']);
		});

		it('applies the previewed roster on confirmation and records it in the history', async () => {
			const res = await adminS.post<Envelope>(`${API}/roster/imports/${String(preview.import.id)}/apply`, {});
			assert.strictEqual(res.status, 200, res.text);
			const entry = await store.getEntry('1003');
			assert.strictEqual(entry?.lastName, 'Hénin');
			assert.deepStrictEqual(entry.emails, [kring[2]!.email]);
			assert.strictEqual((await store.getMeta()).count, 5);
			const history = await adminS.get<Envelope<{ imports: { id: number; status: string; uid: number; filename: string; counts: { added: number } }[] }>>(`${API}/roster/imports`);
			const rec = history.body.response.imports.find(i => i.id === preview.import.id);
			assert.strictEqual(rec?.status, 'applied');
			assert.strictEqual(rec.uid, admin.uid);
			assert.strictEqual(rec.filename, 'ledenlijst.csv');
			assert.strictEqual(rec.counts.added, 5);
			const again = await adminS.post<Envelope>(`${API}/roster/imports/${String(preview.import.id)}/apply`, {});
			assert.strictEqual(again.status, 400, 'an applied import cannot be applied twice');
		});

		it('shows changed, unchanged and leaving members in the next preview', async () => {
			const next = [kring[0]!, { ...kring[1]!, email: 'luc@nieuw.example.org' }, kring[2]!, kring[3]!, person('1006', 'Claes', 'Marie')];
			const res = await upload(adminS, belgianCsv(next));
			const p = res.body.response;
			assert.deepStrictEqual([p.counts.added, p.counts.changed, p.counts.unchanged, p.counts.leaving], [1, 1, 3, 1]);
			assert.deepStrictEqual(p.lists.changed[0]?.fields, ['emails']);
			assert.deepStrictEqual(p.lists.leaving.map(e => e.memberNumber), ['1005']);
			const discard = await adminS.del(`${API}/roster/imports/${String(p.import.id)}`);
			assert.strictEqual(discard.status, 200);
			assert.ok(await store.getEntry('1005'), 'a discarded preview changes nothing');
		});

		it('asks for explicit confirmation before a roster removes every active member', async () => {
			const res = await upload(adminS, belgianCsv(kring.map(p => ({ ...p, status: 'Uitgetreden' }))));
			const p = res.body.response;
			assert.strictEqual(p.removesEveryone, true);
			const refused = await adminS.post<Envelope>(`${API}/roster/imports/${String(p.import.id)}/apply?lang=nl`, {});
			assert.strictEqual(refused.status, 400);
			assert.match(refused.body.status.message, /alle actieve leden/);
			assert.strictEqual((await store.getEntry('1001'))?.active, true, 'nothing changed');
			await adminS.del(`${API}/roster/imports/${String(p.import.id)}`);
		});

		it('refuses an empty file, a header-only file and unknown columns with clear messages', async () => {
			const empty = await upload(adminS, Buffer.alloc(0));
			assert.strictEqual(empty.status, 400);
			assert.match(empty.body.status.message, /no members/);
			const headerOnly = await upload(adminS, Buffer.from('Lidnummer;Naam\r\n'));
			assert.strictEqual(headerOnly.status, 400);
			const unknown = await upload(adminS, belgianCsv(kring), 'x.csv', { mapping: JSON.stringify({ memberNumber: 'Bestaat niet' }) });
			assert.strictEqual(unknown.status, 400);
			assert.match(unknown.body.status.message, /Bestaat niet/);
			const garbage = await upload(adminS, Buffer.from('%PDF-1.4 binary'), 'lijst.pdf');
			assert.strictEqual(garbage.status, 400);
		});

		it('keeps formulas and =cmd strings as plain text', async () => {
			const evil = [...kring, person('=cmd|\' /C calc\'!A0', '=HYPERLINK("http://x")', '<script>alert(1)</script>')];
			const res = await upload(adminS, belgianCsv(evil));
			const added = res.body.response.lists.added.find(e => e.lastName.startsWith('=HYPERLINK'));
			assert.ok(added, 'the row is there as text');
			assert.strictEqual(added.firstName, '<script>alert(1)</script>');
			await adminS.del(`${API}/roster/imports/${String(res.body.response.import.id)}`);
		});

		it('previews a 5 MB file of 20,000 rows', async function () {
			this.timeout(120000);
			// a secretariat's export with a long remarks column, as Excel writes it
			const lines = ['Lidnummer;Naam;Voornaam;E-mail;Geboortedatum;Status;Opmerkingen'];
			for (let i = 0; i < 20000; i += 1) {
				lines.push(`${String(200000 + i)};Achternaam${String(i)};Voornaam${String(i)};lid${String(i)}@vereniging.example.org;01/02/1960;Actief;${'Lid sinds de oprichting van de afdeling, actief in commissies. '.repeat(3)}`);
			}
			const file = Buffer.from(lines.join('\r\n'), 'latin1');
			assert.ok(file.length > 5_000_000, `file is ${String(file.length)} bytes`);
			// NodeBB 4.15 caps every API upload at its "maximum file size" (2 MB by default): a secretariat that imports
			// a 5 MB roster raises it, as the README says
			const cap = nodebb.meta().config.maximumFileSize;
			await nodebb.meta().configs.setMultiple({ maximumFileSize: 12288 });
			const res = await upload(adminS, file, 'groot.csv');
			await nodebb.meta().configs.setMultiple({ maximumFileSize: cap ?? 2048 });
			assert.strictEqual(res.status, 200, JSON.stringify(res.body).slice(0, 300));
			assert.strictEqual(res.body.response.counts.added, 20000);
			assert.strictEqual(res.body.response.lists.added.length, 100, 'the preview carries one page; the rest is paged');
			const page2 = await adminS.get<Envelope<{ items: unknown[]; total: number }>>(`${API}/roster/imports/${String(res.body.response.import.id)}?list=added&start=100`);
			assert.strictEqual(page2.body.response.total, 20000);
			assert.strictEqual(page2.body.response.items.length, 100);
			await adminS.del(`${API}/roster/imports/${String(res.body.response.import.id)}`);
		});

		it('shows a file with mixed encodings in the preview instead of failing', async () => {
			// a UTF-8 export someone edited in a Windows-1252 editor: both byte forms of "é" in one file
			const utf8 = Buffer.from('Lidnummer;Naam;Voornaam;E-mail\r\n3001;Hénin;Désiré;d@example.org\r\n', 'utf8');
			const cp1252 = Buffer.from('3002;Lefèvre;Étienne;e@example.org\r\n', 'latin1');
			const res = await upload(adminS, Buffer.concat([utf8, cp1252]), 'gemengd.csv');
			assert.strictEqual(res.status, 200, JSON.stringify(res.body));
			assert.deepStrictEqual(res.body.response.lists.added.map(e => e.memberNumber), ['3001', '3002']);
			assert.ok(res.body.response.lists.added.some(e => e.lastName === 'Lefèvre'), 'the Windows-1252 row reads right');
			await adminS.del(`${API}/roster/imports/${String(res.body.response.import.id)}`);
		});

		it('leaves the previous roster in force when applying fails midway', async () => {
			const res = await upload(adminS, belgianCsv([...kring, person('1099', 'Laatste', 'Nieuw')]));
			const p = res.body.response;
			const db = nodebb.db();
			const original = db.setObjectBulk.bind(db);
			db.setObjectBulk = () => Promise.reject(new Error('disk full'));
			try {
				const failed = await adminS.post<Envelope>(`${API}/roster/imports/${String(p.import.id)}/apply`, {});
				assert.strictEqual(failed.status, 400);
			} finally {
				db.setObjectBulk = original;
			}
			const meta = await store.getMeta();
			assert.strictEqual(meta.count, 5);
			assert.strictEqual(await store.getEntry('1099'), null);
			assert.ok(await store.getEntry('1005'));
			assert.deepStrictEqual(await db.scan({ match: `lvl:roster:${String(meta.version + 1)}:*` }), [], 'no half-written version left');
			const retry = await adminS.post(`${API}/roster/imports/${String(p.import.id)}/apply`, {});
			assert.strictEqual(retry.status, 200, 'the same preview can be applied once the fault is gone');
			assert.ok(await store.getEntry('1099'));
		});

		it('refuses a preview made before the roster was edited', async () => {
			const res = await upload(adminS, belgianCsv(kring));
			const edit = await adminS.put(`${API}/roster/entries/1002`, { status: 'Actief', emails: 'luc.dubois@example.org; luc@werk.example.org' });
			assert.strictEqual(edit.status, 200, edit.text);
			const stale = await adminS.post<Envelope>(`${API}/roster/imports/${String(res.body.response.import.id)}/apply`, {});
			assert.strictEqual(stale.status, 400);
			assert.match(stale.body.status.message, /changed since this preview/);
		});
	});

	describe('the roster is for administrators and the secretariat only', () => {
		it('refuses members, unverified accounts and guests', async () => {
			const member = await createUser('lidx', { member: true });
			for (const s of [await loginAs(member), await loginAs(await createUser('nobody')), guest()]) {
				const res = await s.get(`${API}/roster`);
				assert.ok([401, 403].includes(res.status), `got ${String(res.status)}`);
				assert.ok(!res.text.includes('Peeters'));
			}
		});

		it('lets a secretariat group with the roster privilege in, without the plugin\'s general settings', async () => {
			const secretariat = unique('Secretariaat');
			await nodebb.groups().create({ name: secretariat });
			const clerk = await createUser('klerk');
			await nodebb.groups().join(secretariat, clerk.uid);
			await (nodebb.privileges() as unknown as { admin: { give(p: string[], g: string): Promise<void> } }).admin.give(['groups:admin:lvl-roster'], secretariat);
			const s = await loginAs(clerk);
			const list = await s.get<Envelope<{ rows: { memberNumber: string }[]; total: number }>>(`${API}/roster?q=peet`);
			assert.strictEqual(list.status, 200, list.text);
			assert.deepStrictEqual(list.body.response.rows.map(r => r.memberNumber), ['1001']);
			assert.strictEqual((await s.get('/api/admin/plugins/lvl/roster')).status, 200);
			assert.strictEqual((await s.get(`${API}/settings`)).status, 403);
		});
	});

	describe('verification of an existing account', () => {
		it('links the account with member number and e-mail, lets it in and logs the event', async () => {
			const u = await createUser('an');
			const s = await loginAs(u);
			assert.strictEqual(await canUsePlatform(u.uid), false);
			const res = await s.post<Envelope<{ outcome: string }>>(`${API}/verification`, { memberNumber: ' 1001 ', email: 'AN.PEETERS@example.org' });
			assert.strictEqual(res.status, 200, res.text);
			assert.strictEqual(res.body.response.outcome, 'verified');
			assert.strictEqual(await inMembers(u.uid), true);
			assert.strictEqual((await store.getMemberState(u.uid))?.memberNumber, '1001');
			const events = await nodebb.db().getSortedSetRevRange('events:time:lvl-member-verified', 0, 0);
			const event = await nodebb.db().getObject(`event:${events[0] ?? ''}`);
			assert.strictEqual(Number(event?.targetUid), u.uid);
		});

		it('accepts last name and date of birth, whatever the accents, case and spacing', async () => {
			const u = await createUser('pieter');
			const res = await (await loginAs(u)).post<Envelope<{ outcome: string }>>(`${API}/verification`, { memberNumber: '1004', lastName: 'dhondt', birthDate: '1955-12-01' });
			assert.strictEqual(res.body.response.outcome, 'verified', res.text);
		});

		it('gives the same message for a wrong proof and an unknown member number, in the member\'s language', async () => {
			const s = await loginAs(await createUser('raden'));
			const wrong = await s.post<Envelope>(`${API}/verification?lang=nl`, { memberNumber: '1002', email: 'iemand@example.org' });
			const unknownNr = await s.post<Envelope>(`${API}/verification?lang=nl`, { memberNumber: '999999', email: 'iemand@example.org' });
			assert.strictEqual(wrong.status, 400);
			assert.strictEqual(unknownNr.status, 400);
			assert.strictEqual(wrong.body.status.message, unknownNr.body.status.message);
			assert.match(wrong.body.status.message, /konden je niet bevestigen/);
		});

		it('limits attempts per account to the setting, with a clear message', async () => {
			const u = await createUser('gokker');
			const s = await loginAs(u);
			for (let i = 0; i < 5; i += 1) {
				await s.post(`${API}/verification`, { memberNumber: `x${String(i)}`, email: 'nee@example.org' });
			}
			const blocked = await s.post<Envelope>(`${API}/verification?lang=fr`, { memberNumber: '1002', email: 'luc.dubois@example.org' });
			assert.strictEqual(blocked.status, 429);
			assert.match(blocked.body.status.message, /Trop de tentatives/);
			assert.strictEqual(await inMembers(u.uid), false, 'even a right answer waits for the limit');
			await store.clearAttempts('ip', '127.0.0.1');
		});

		it('answers a second claim on a linked member number exactly like a wrong proof, and files nothing', async () => {
			const u = await createUser('dubbel');
			const s = await loginAs(u);
			const claim = await s.post<Envelope>(`${API}/verification?lang=nl`, { memberNumber: '1001', email: 'an.peeters@example.org' });
			const wrong = await s.post<Envelope>(`${API}/verification?lang=nl`, { memberNumber: '1001', email: 'niet.an@example.org' });
			assert.strictEqual(claim.status, wrong.status);
			assert.strictEqual(claim.body.status.message, wrong.body.status.message);
			assert.strictEqual(await inMembers(u.uid), false);
			assert.strictEqual(await store.pendingRequestOf(u.uid), 0, 'no request that the status would give away');
		});
	});

	describe('manual verification queue', () => {
		it('an admin links a request to a roster entry; the person is notified', async () => {
			const u = await createUser('els');
			const s = await loginAs(u);
			const asked = await s.post<Envelope<{ id: number }>>(`${API}/verification/request`, { memberNumber: '', note: 'Nieuw e-mailadres' });
			assert.strictEqual(asked.status, 200, asked.text);
			const noReason = await adminS.post<Envelope>(`${API}/verification/requests/${String(asked.body.response.id)}/refuse`, { reason: ' ' });
			assert.strictEqual(noReason.status, 400);
			const approved = await adminS.post(`${API}/verification/requests/${String(asked.body.response.id)}/approve`, { memberNumber: '1005' });
			assert.strictEqual(approved.status, 200, approved.text);
			assert.strictEqual(await inMembers(u.uid), true);
			const n = await notificationArrives(u.uid, ':approved:');
			assert.strictEqual(n.bodyShort, '[[lvl:notification.approved]]');
		});

		it('a refusal carries the reason to the person', async () => {
			const u = await createUser('onbekend');
			const s = await loginAs(u);
			const asked = await s.post<Envelope<{ id: number }>>(`${API}/verification/request`, { memberNumber: '77', note: 'Ik ben lid' });
			const refused = await adminS.post(`${API}/verification/requests/${String(asked.body.response.id)}/refuse`, { reason: 'Niet gekend <b>bij ons</b>' });
			assert.strictEqual(refused.status, 200, refused.text);
			const n = await notificationArrives(u.uid, ':refused:');
			assert.match(String(n.bodyShort), /Niet gekend &lt;b&gt;bij ons&lt;(\/|&#x2F;)b&gt;/, 'escaped once, shown as text');
			assert.strictEqual(await inMembers(u.uid), false);
		});
	});

	describe('registration with verification', () => {
		async function register(username: string, form: Record<string, string>): Promise<{ s: Session; location: string; page: string }> {
			const s = guest();
			await s.refreshCsrf();
			const reg = await s.post<{ next?: string }>('/register', { username, password: 'Wachtwoord-123!', 'password-confirm': 'Wachtwoord-123!', email: `${username}@example.org`, gdpr_agree_data: 'on', gdpr_agree_email: 'on' });
			assert.strictEqual(reg.body.next, '/register/complete', reg.text);
			const step = await s.get('/register/complete?lang=nl', { accept: 'text/html' });
			assert.match(step.text, /Bevestig dat je lid bent/);
			const done = await s.post('/register/complete', { gdpr_agree_data: 'on', gdpr_agree_email: 'on', ...form });
			return { s, location: String(done.headers.get('location')), page: step.text };
		}

		it('creates the account and links it when the proof matches', async () => {
			const name = unique('luc');
			const { location } = await register(name, { lvlAction: 'verify', lvlMemberNumber: '1002', lvlEmail: 'luc@werk.example.org' });
			assert.ok(!location.includes('/register/complete'), `redirected to ${location}`);
			const uid = await nodebb.user().getUidByUsername(name);
			assert.ok(uid);
			// action:user.create is not awaited by NodeBB
			await eventually(() => inMembers(uid), 'the new account in the members group');
			assert.strictEqual((await store.getMemberState(uid))?.method, 'registration');
		});

		it('shows the step again with a message when the proof does not match, and creates nothing', async () => {
			const name = unique('fout');
			const { s, location } = await register(name, { lvlAction: 'verify', lvlMemberNumber: '1003', lvlEmail: 'wrong@example.org' });
			assert.match(location, /\/register\/complete/);
			const again = await s.get('/register/complete?lang=nl', { accept: 'text/html' });
			assert.match(again.text, /konden je niet bevestigen/);
			assert.strictEqual(await nodebb.user().getUidByUsername(name), null);
		});

		it('creates an account that sees nothing when the person chooses "later" (default mode)', async () => {
			const name = unique('later');
			await register(name, { lvlAction: 'later' });
			const uid = await nodebb.user().getUidByUsername(name);
			assert.ok(uid);
			assert.strictEqual(await canUsePlatform(uid), false);
		});

		it('refuses to create an account without a match when the admin chose "refuse"', async () => {
			await settings.save({ verificationMode: 'refuse' });
			try {
				const name = unique('weiger');
				const { page, location } = await register(name, { lvlAction: 'later' });
				assert.doesNotMatch(page, /lvl-action-later/, 'no "later" choice offered');
				assert.match(location, /\/register\/complete/);
				assert.strictEqual(await nodebb.user().getUidByUsername(name), null);
			} finally {
				await settings.save({ verificationMode: 'account-first' });
			}
		});

		it('files a manual request for the new account when asked', async () => {
			const name = unique('manueel');
			await register(name, { lvlAction: 'manual', lvlMemberNumber: '1003', lvlNote: 'Mijn e-mail is veranderd' });
			const uid = await nodebb.user().getUidByUsername(name);
			assert.ok(uid);
			await eventually(() => store.pendingRequestOf(uid), 'the manual request of the new account');
		});
	});

	describe('revocation when members leave', () => {
		let an: TestUser;
		let anS: Session;

		before(async () => {
			an = await createUser('vertrek');
			anS = await loginAs(an);
			await importRoster(adminS, [...kring, person('2001', 'Vertrekker', 'Jan')]);
			const v = await anS.post<Envelope<{ outcome: string }>>(`${API}/verification`, { memberNumber: '2001', email: 'jan.vertrekker@example.org' });
			assert.strictEqual(v.body.response.outcome, 'verified', v.text);
		});

		it('starts the grace period when an import shows the member leaving, and tells them', async () => {
			await importRoster(adminS, kring);
			const state = await store.getMemberState(an.uid);
			assert.ok(state && state.graceUntil > Date.now() + 29 * 86400000, 'grace of 30 days');
			assert.strictEqual(await inMembers(an.uid), true, 'access kept during the grace period');
			const n = await notificationArrives(an.uid, ':grace:');
			assert.match(String(n.bodyShort), /^\[\[lvl:notification\.grace, \d{4}-\d\d-\d\d\]\]$/);
		});

		it('revokes access and sessions when the grace period is over (scheduled job)', async () => {
			await store.setMemberFields(an.uid, { graceUntil: Date.now() - 1000 });
			const { changed } = await access.reconcileAll();
			assert.ok(changed >= 1);
			assert.strictEqual(await inMembers(an.uid), false);
			assert.ok((await store.getMemberState(an.uid))?.revokedAt);
			const res = await anS.get<Envelope>(`${API}/platform`);
			assert.strictEqual(res.status, 401, 'the old session no longer works');
		});

		it('verifies again without paperwork when the member reappears as active', async () => {
			await importRoster(adminS, [...kring, person('2001', 'Vertrekker', 'Jan')]);
			assert.strictEqual(await inMembers(an.uid), true);
			assert.strictEqual((await store.getMemberState(an.uid))?.revokedAt, 0);
		});

		it('revokes at once with a grace period of 0, and an admin can restore access', async () => {
			await settings.save({ graceDays: 0 });
			try {
				const left = await adminS.post(`${API}/roster/entries/2001/leave`);
				assert.strictEqual(left.status, 200, left.text);
				assert.strictEqual(await inMembers(an.uid), false);
				const restored = await adminS.post(`${API}/members/${String(an.uid)}/restore`);
				assert.strictEqual(restored.status, 200, restored.text);
				assert.strictEqual(await inMembers(an.uid), true);
				await access.reconcileAll();
				assert.strictEqual(await inMembers(an.uid), true, 'the restoration holds against the roster');
			} finally {
				await settings.save({ graceDays: 30 });
			}
		});

		it('removes every membership trace when the account is deleted', async () => {
			const u = await createUser('weg');
			await (await loginAs(u)).post(`${API}/verification/request`, { memberNumber: '1', note: 'x' });
			await nodebb.user().delete(admin.uid, an.uid);
			await nodebb.user().delete(admin.uid, u.uid);
			assert.strictEqual(await store.getMemberState(an.uid), null);
			assert.strictEqual(await store.linkedUid('2001'), 0);
			assert.deepStrictEqual(await nodebb.db().scan({ match: `lvl:member:${String(an.uid)}*` }), []);
			assert.strictEqual(await store.pendingRequestOf(u.uid), 0);
			const { items } = await store.listRequests(false, 0, -1);
			assert.ok(!items.some(r => r.uid === u.uid || r.uid === an.uid));
		});
	});
});
