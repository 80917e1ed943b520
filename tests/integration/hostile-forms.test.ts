// Property-based test of the public report form ("Signaler une erreur") on the real database:
// whatever a browser or a bot posts — wrong types, huge or odd text, unknown parts, bogus place
// ids — the handler never throws, stores a report only when every field is valid, and stores it
// exactly as expected. The oracle is independent of the handler: every generated value carries
// its own literal expected outcome (valid and what is stored, or invalid).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed';
import { submitSuggestion } from '../../lib/places/suggestions';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();
let placeId: string;
let run = 0;

type Case = { value: unknown; ok: true; stored: string | null } | { value: unknown; ok: false };
const valid = (value: unknown, stored: string | null = value as string): Case => ({ value, ok: true, stored });
const invalid = (value: unknown): Case => ({ value, ok: false });
// Values a form field cannot hold as text: the handler reads them as an empty field.
const NOT_TEXT: unknown[] = [null, undefined, { a: 1 }, { toString: {} }, new Blob(['fichier']), ['HOURS']];

const PARTS = ['HOURS', 'ADDRESS', 'CONTACT', 'SERVICES', 'CLOSED', 'OTHER'];
const part = fc.oneof(
  fc.constantFrom(...PARTS).map((p) => valid(p)),
  fc.constantFrom('hours', 'HOURS ', ' OTHER', '__proto__', 'toString', '', 'Les horaires', ...NOT_TEXT).map(invalid),
  fc.integer().map(invalid),
  fc
    .string({ maxLength: 30 })
    .filter((s) => !PARTS.includes(s))
    .map(invalid),
);

const message = fc.oneof(
  fc.constantFrom(
    valid('Fermé le lundi désormais'),
    valid('  Le lieu a déménagé \n', 'Le lieu a déménagé'),
    valid('<script>alert(1)</script> le lieu a déménagé'),
    valid('\'; DROP TABLE "Suggestion"; --'),
    // Control characters are dropped (PostgreSQL refuses NUL in text); line breaks stay.
    valid('nul \u0000 au milieu du message', 'nul  au milieu du message'),
    valid('contr\u0001ôle\u001f fait\nligne 2', 'contrôle fait\nligne 2'),
    valid('x'.repeat(2000)),
    valid(123456, '123456'),
    invalid('x'.repeat(2001)),
    invalid('x'.repeat(6000)),
    invalid('abcd'),
    invalid('   ab\t  '),
    invalid('\u0000\u0001abc\u0002'),
    invalid(''),
    invalid(1234),
    ...NOT_TEXT.map(invalid),
  ),
  fc.stringMatching(/^[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 .,'!?]{3,200}[A-Za-zÀ-ÿ0-9]$/).map((s) => valid(s)),
);

const email = fc.constantFrom(
  valid('', null),
  valid(' a@b.fr ', 'a@b.fr'),
  valid('camille.martin@exemple.fr'),
  ...NOT_TEXT.map((v) => valid(v, null)),
  invalid('pas une adresse'),
  invalid('camille@'),
  invalid('@exemple.fr'),
  invalid('camille martin@exemple.fr'),
  invalid(`${'a'.repeat(250)}@exemple.fr`),
  invalid(42),
);

const honeypot = fc.oneof(
  fc.constantFrom(
    { value: '', bot: false },
    { value: '   ', bot: false },
    { value: null, bot: false },
    { value: undefined, bot: false },
    { value: 7, bot: false },
  ),
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((s) => s.trim() !== '')
    .map((value) => ({ value, bot: true })),
);

describe('the public report form, with hostile input (property)', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    placeId = (await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } })).id;
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('never throws, and stores exactly the valid reports', async () => {
    resetMemoryLimits();
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(fc.record({ part, message, email, honeypot, target: fc.constantFrom('place', 'bogus', 'unknown-uuid') }), async (input) => {
        const before = await db.suggestion.count();
        const id = input.target === 'place' ? placeId : input.target === 'bogus' ? "1' OR '1'='1" : '00000000-0000-4000-8000-00000000dead';
        // A fresh client each time (and fresh per-place counters): this test is about validation, not the rate limits.
        resetMemoryLimits();
        const state = await submitSuggestion(db, {
          placeId: id,
          part: input.part.value,
          message: input.message.value,
          email: input.email.value,
          honeypot: input.honeypot.value,
          clientKey: `property-${run++}`,
        });
        const after = await db.suggestion.count();
        const wrong = (['part', 'message', 'email'] as const).filter((field) => !input[field].ok);
        if (input.honeypot.bot) {
          // Bots are told it worked, and nothing is kept.
          expect(state.status).toBe('sent');
          expect(after).toBe(before);
          return;
        }
        if (wrong.length) {
          expect(state.status).toBe('invalid');
          expect(Object.keys(state.errors ?? {}).sort()).toEqual([...wrong].sort());
          expect(after).toBe(before);
          return;
        }
        if (input.target !== 'place') {
          expect(state).toMatchObject({ status: 'invalid', message: 'Ce lieu n’est plus publié.' });
          expect(after).toBe(before);
          return;
        }
        expect(state.status).toBe('sent');
        expect(after).toBe(before + 1);
        stored++;
        const row = await db.suggestion.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
        const expected = (c: Case) => (c.ok ? c.stored : undefined);
        expect(row).toMatchObject({ placeId, part: expected(input.part), message: expected(input.message), email: expected(input.email), state: 'PENDING' });
      }),
      {
        numRuns: 200,
        examples: [
          [
            {
              part: valid('HOURS'),
              message: valid('nul \u0000 au milieu du message', 'nul  au milieu du message'),
              email: valid('', null),
              honeypot: { value: '', bot: false },
              target: 'place',
            },
          ],
          [
            {
              part: valid('OTHER'),
              message: valid('<script>alert(1)</script> a déménagé'),
              email: valid(' a@b.fr ', 'a@b.fr'),
              honeypot: { value: null, bot: false },
              target: 'place',
            },
          ],
          [{ part: valid('HOURS'), message: valid('Fermé le lundi'), email: valid('', null), honeypot: { value: '', bot: false }, target: 'bogus' }],
        ],
      },
    );
    // The property reached the storing branch, not only the refusals.
    expect(stored).toBeGreaterThan(0);
  });
});
