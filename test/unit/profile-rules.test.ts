import assert from 'assert';
import {
	AVAILABILITY, type Candidate, type CompetenceEntry, completeness, countIn, EMPTY_PROFILE, histogramOf,
	indexScore, LANGUAGES, LEVELS, levelOfScore, minScoreFor, rank, rankingOf, readProfile, readQuery, REGIONS, ROLES,
	scoreMatches, type ScoreFilter, type Shown, visibleTo,
} from '../../lib/competences/profile-rules';

const entry = (over: Partial<CompetenceEntry> = {}): CompetenceEntry => ({ key: 'law.labour', level: 'experienced', roles: [], years: null, note: '', ...over });
const shown = (over: Partial<Shown> = {}): Shown => ({ languages: [], region: '', availability: 'available', ...over });
const none = { role: '', language: '', region: '', availability: '' } as const;

describe('profile rules', () => {
	describe('the competence index score', () => {
		it('ranks by level first, then availability, then the offer of advice', () => {
			const expertNotNow = indexScore(entry({ level: 'expert' }), shown({ availability: 'not-now' }));
			const experiencedAdvice = indexScore(entry({ roles: ['advice'] }), shown());
			const experienced = indexScore(entry(), shown());
			const experiencedLimited = indexScore(entry({ roles: ['advice', 'lending', 'talk', 'mentoring', 'introductions'] }), shown({ availability: 'limited', languages: [...LANGUAGES], region: 'abroad' }));
			assert.ok(expertNotNow > experiencedAdvice, 'an expert outranks an experienced member whatever else they show');
			assert.ok(experiencedAdvice > experienced, 'advice offered ranks higher at the same level');
			assert.ok(experienced > experiencedLimited, 'available ranks above limited at the same level, whatever the attributes');
			assert.strictEqual(levelOfScore(expertNotNow), 3);
			assert.strictEqual(levelOfScore(experiencedLimited), 2);
			assert.strictEqual(rankingOf(experiencedAdvice), 225);
		});

		it('is an exact integer that Redis and PostgreSQL both keep', () => {
			const max = indexScore(entry({ level: 'expert', roles: [...ROLES] }), shown({ languages: [...LANGUAGES], region: 'abroad', availability: 'available' }));
			assert.ok(Number.isSafeInteger(max) && max < 2 ** 25);
		});

		it('a minimum level is a score range', () => {
			const basic = indexScore(entry({ level: 'basic', roles: [...ROLES] }), shown({ languages: [...LANGUAGES], region: 'abroad' }));
			const experienced = indexScore(entry({ level: 'experienced' }), shown({ availability: 'not-now' }));
			assert.ok(basic < minScoreFor('experienced') && experienced >= minScoreFor('experienced'));
			assert.strictEqual(minScoreFor(''), 0);
		});

		it('answers every filter from the score alone, for every value', () => {
			for (const role of ROLES) {
				const s = indexScore(entry({ roles: [role] }), shown());
				for (const other of ROLES) {
					assert.strictEqual(scoreMatches(s, { ...none, role: other }), other === role, `${role} vs ${other}`);
				}
			}
			const langs = indexScore(entry(), shown({ languages: ['fr', 'de'] }));
			for (const l of LANGUAGES) {
				assert.strictEqual(scoreMatches(langs, { ...none, language: l }), l === 'fr' || l === 'de', l);
			}
			for (const region of REGIONS) {
				const s = indexScore(entry(), shown({ region }));
				assert.deepStrictEqual(REGIONS.filter(r => scoreMatches(s, { ...none, region: r })), [region]);
			}
			for (const availability of AVAILABILITY) {
				const s = indexScore(entry(), shown({ availability }));
				assert.deepStrictEqual(AVAILABILITY.filter(a => scoreMatches(s, { ...none, availability: a })), [availability]);
			}
			const all = indexScore(entry({ roles: ['talk', 'lending'] }), shown({ languages: ['nl'], region: 'namur', availability: 'limited' }));
			assert.ok(scoreMatches(all, { role: 'lending', language: 'nl', region: 'namur', availability: 'limited' }));
			assert.ok(!scoreMatches(all, { role: 'lending', language: 'nl', region: 'namur', availability: 'available' }));
			assert.ok(scoreMatches(all, none));
		});

		it('a hidden field never matches its filter, and hidden availability ranks as available', () => {
			const hidden = indexScore(entry(), shown({ availability: '' }));
			assert.strictEqual(rankingOf(hidden), rankingOf(indexScore(entry(), shown())));
			for (const a of AVAILABILITY) {
				assert.ok(!scoreMatches(hidden, { ...none, availability: a }));
			}
			assert.ok(!scoreMatches(hidden, { ...none, region: 'brussels' }));
			assert.ok(!scoreMatches(hidden, { ...none, language: 'nl' }));
		});
	});

	describe('counting from a histogram of the index', () => {
		it('counts what reading the whole index would, for every level and filter', () => {
			// a deterministic spread of members over levels, roles, languages, regions and availability (some hidden)
			let seed = 7;
			const next = (n: number): number => {
				seed = (seed * 1103515245 + 12345) % 2 ** 31;
				return seed % n;
			};
			const scores = Array.from({ length: 3000 }, () => indexScore(
				entry({ level: LEVELS[next(3)], roles: ROLES.filter(() => next(3) === 0) }),
				shown({
					languages: LANGUAGES.filter(() => next(2) === 0), region: next(8) === 0 ? '' : REGIONS[next(REGIONS.length)] ?? '',
					availability: next(10) === 0 ? '' : AVAILABILITY[next(3)] ?? 'available',
				}),
			));
			const h = histogramOf(scores);
			assert.ok(h.keys.length < scores.length, 'members sharing a level and attributes share a row');
			const filters: ScoreFilter[] = [none];
			for (const role of ['', ...ROLES] as const) {
				for (const language of ['', ...LANGUAGES] as const) {
					filters.push({ ...none, role, language }, { ...none, role, region: 'namur' }, { ...none, language, availability: 'limited' });
				}
			}
			for (const minLevel of ['', ...LEVELS] as const) {
				for (const f of filters) {
					const min = minScoreFor(minLevel);
					const want = { holders: scores.filter(x => x >= min).length, matching: scores.filter(x => x >= min && scoreMatches(x, f)).length };
					assert.deepStrictEqual(countIn(h, minLevel, f), want, `${minLevel} ${JSON.stringify(f)}`);
				}
			}
		});

		it('counts nothing in an empty index', () => {
			assert.deepStrictEqual(countIn(histogramOf([]), '', none), { holders: 0, matching: 0 });
		});
	});

	describe('relevance', () => {
		const now = Date.UTC(2026, 10, 25);
		const c = (uid: number, score: number, matches: number, daysAgo: number): Candidate => ({ uid, score, matches, lastonline: now - daysAgo * 86400000 });

		it('puts more matches first, then the ranking score, then recent activity', () => {
			const order = rank([c(1, 325, 1, 1), c(2, 115, 2, 400), c(3, 325, 1, 400), c(4, 324, 1, 1)], now).map(x => x.uid);
			assert.deepStrictEqual(order, [2, 1, 4, 3]);
		});

		it('ranks a member whose answers in the competence were accepted higher within the same level and availability, never above a higher tier', () => {
			const proven = { ...c(5, 325, 1, 1), accepted: 2 };
			const order = rank([c(1, 325, 1, 1), proven, c(6, 335, 1, 1), { ...c(7, 315, 1, 1), accepted: 40 }], now).map(x => x.uid);
			assert.deepStrictEqual(order, [6, 5, 1, 7], 'three accepted answers count at most: a lower tier stays below');
		});
	});

	describe('reading a directory query', () => {
		it('keeps at most three competences and ignores values outside the vocabulary', () => {
			const q = readQuery({ c: 'a,b,a,c,d', level: 'guru', role: 'advice', language: 'fr', region: 'mars', availability: 'limited', page: '-3' });
			assert.deepStrictEqual(q.competences, ['a', 'b', 'c']);
			assert.strictEqual(q.minLevel, '');
			assert.strictEqual(q.role, 'advice');
			assert.strictEqual(q.language, 'fr');
			assert.strictEqual(q.region, '');
			assert.strictEqual(q.availability, 'limited');
			assert.strictEqual(q.page, 1);
		});
	});

	describe('reading a profile', () => {
		const known = (key: string): 'ok' | 'unknown' | 'retired' => (key === 'old.one' ? 'retired' : key.startsWith('x.') ? 'unknown' : 'ok');

		it('refuses an unknown competence, a new retired one, a missing level and too many', () => {
			assert.throws(() => readProfile({ competences: [{ key: 'x.y', level: 'basic' }] }, known, { max: 30 }), /error.unknown-competence/);
			assert.throws(() => readProfile({ competences: [{ key: 'old.one', level: 'basic' }] }, known, { max: 30 }), /error.retired-competence/);
			assert.throws(() => readProfile({ competences: [{ key: 'a.b' }] }, known, { max: 30 }), /error.level-required/);
			assert.throws(() => readProfile({ competences: [{ key: 'a.b', level: 'basic' }, { key: 'a.c', level: 'basic' }] }, known, { max: 1 }), /error.too-many-competences, 1/);
			assert.throws(() => readProfile({ help: 'x'.repeat(601) }, known, { max: 30 }), /error.too-long/);
		});

		it('keeps a retired competence the member already had, and HTML as plain text', () => {
			const previous = { ...EMPTY_PROFILE, competences: [entry({ key: 'old.one' })] };
			const p = readProfile({ competences: [{ key: 'old.one', level: 'expert', roles: ['advice', 'bogus'] }], help: '<script>alert(1)</script>' }, known, { max: 30, previous });
			assert.deepStrictEqual(p.competences.map(x => [x.key, x.level, x.roles]), [['old.one', 'expert', ['advice']]]);
			assert.strictEqual(p.help, '<script>alert(1)</script>');
		});

		it('completeness grows with what helps another member decide to ask; hidden fields stay with the owner', () => {
			assert.strictEqual(completeness({ ...EMPTY_PROFILE }), 0);
			const full = { ...EMPTY_PROFILE, competences: [entry({ roles: ['advice'] }), entry({ key: 'b' }), entry({ key: 'c' })], languages: ['nl' as const], region: 'namur' as const, profession: 'Notaris', help: 'Vraag maar', hidden: ['region' as const] };
			assert.strictEqual(completeness(full), 100);
			assert.strictEqual(visibleTo(full, false).region, '');
			assert.strictEqual(visibleTo(full, true).region, 'namur');
		});
	});
});
