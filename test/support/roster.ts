/**
 * Roster files as a secretariat exports them, generated in the tests (no binary fixtures).
 */
import type { Envelope, Session } from './http';

export interface Person {
	nr: string;
	last: string;
	first: string;
	email: string;
	born: string;
	status?: string;
	end?: string;
}

/** Belgian Excel: `;`-separated, Windows-1252 (Latin-1 covers the accents used here), dd/mm/yyyy dates. */
export function belgianCsv(people: Person[], extra = ''): Buffer {
	const lines = ['Lidnummer;Naam;Voornaam;E-mail;Geboortedatum;Status;Einddatum'];
	for (const p of people) {
		const [y, m, d] = p.born.split('-');
		lines.push([p.nr, p.last, p.first, p.email, p.born ? `${d ?? ''}/${m ?? ''}/${y ?? ''}` : '', p.status ?? 'Actief', p.end ?? ''].join(';'));
	}
	return Buffer.from(lines.join('\r\n') + extra + '\r\n', 'latin1');
}

export async function upload(s: Session, file: Buffer, name = 'ledenlijst.csv', fields: Record<string, string> = {}): Promise<{ status: number; body: Envelope<RosterPreview> }> {
	const form = new FormData();
	form.append('file', new Blob([new Uint8Array(file)]), name);
	for (const [k, v] of Object.entries(fields)) {
		form.append(k, v);
	}
	const res = await s.request<Envelope<RosterPreview>>('POST', '/api/v3/plugins/lvl/roster/imports', form);
	return { status: res.status, body: res.body };
}

export interface RosterPreview {
	import: { id: number; status: string };
	headers: string[];
	mapping: Record<string, unknown>;
	statusValues: string[];
	counts: { rows: number; added: number; changed: number; unchanged: number; leaving: number; invalid: number; active: number; currentActive: number };
	removesEveryone: boolean;
	lists: {
		added: { memberNumber: string; lastName: string; firstName: string; emails: string[]; active: boolean }[];
		changed: { fields: string[]; after: { memberNumber: string } }[];
		leaving: { memberNumber: string }[];
		invalid: { line: number; reason: string; memberNumber: string }[];
	};
}

/** Upload, then apply at once (the secretariat's usual path when the preview looks right). */
export async function importRoster(s: Session, people: Person[], opts: { confirmRemoveAll?: boolean } = {}): Promise<RosterPreview> {
	const up = await upload(s, belgianCsv(people));
	if (up.status !== 200) {
		throw new Error(`upload failed: ${JSON.stringify(up.body)}`);
	}
	const preview = up.body.response;
	// the test files' statuses are decided here as the admin would tick them ("Actief" counts as active)
	const applied = await s.post(`/api/v3/plugins/lvl/roster/imports/${String(preview.import.id)}/apply`, {
		confirmStatuses: true, ...(opts.confirmRemoveAll ? { confirmRemoveAll: true } : {}),
	});
	if (applied.status !== 200) {
		throw new Error(`apply failed: ${applied.text}`);
	}
	return preview;
}
