// Property-based test of the public report form ("Signaler une erreur") on the real database:
// whatever a browser or a bot posts — wrong types, huge or odd text, unknown parts, bogus place
// ids — the handler never throws, stores a report only when every field is valid, and stores it
// exactly as validated.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed';
import { formText, SUGGESTION_PARTS, submitSuggestion, suggestionSchema } from '../../lib/places/suggestions';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();
let placeId: string;
let run = 0;

const anything = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', minLength: 0, maxLength: 3000 }),
  fc.constantFrom(...Object.keys(SUGGESTION_PARTS), 'hours', 'HOURS ', '__proto__', ''),
  fc.emailAddress(),
  fc.constantFrom('Fermé le lundi désormais', '<script>alert(1)</script> le lieu a déménagé', "'; DROP TABLE \"Suggestion\"; --", 'x'.repeat(2000), 'x'.repeat(2001), ' a@b.fr ', 'pas une adresse', `${'a'.repeat(250)}@exemple.fr`, 'nul \u0000 au milieu du message', 'contr\u0001ôle\u001f'),
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.object({ maxDepth: 1 }),
  // An object whose toString is not a function: String() of it throws.
  fc.constant({ toString: {} }),
  fc.constant(new Blob(['fichier'])),
);

describe('the public report form, with hostile input (property)', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db);
    placeId = (await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } })).id;
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('never throws, and stores exactly the valid reports', async () => {
    resetMemoryLimits();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ part: anything, message: anything, email: anything, honeypot: fc.oneof(fc.constant(''), fc.constant(null), anything), target: fc.constantFrom('place', 'bogus', 'unknown-uuid') }),
        async (input) => {
          const before = await db.suggestion.count();
          const id = input.target === 'place' ? placeId : input.target === 'bogus' ? "1' OR '1'='1" : '00000000-0000-4000-8000-00000000dead';
          // A fresh client each time (and fresh per-place counters): this test is about validation, not the rate limits.
          resetMemoryLimits();
          const state = await submitSuggestion(db, { placeId: id, part: input.part, message: input.message, email: input.email, honeypot: input.honeypot, clientKey: `property-${run++}` });
          const after = await db.suggestion.count();
          expect(['sent', 'invalid', 'refused']).toContain(state.status);
          if (state.values) {
            expect(state.values.message!.length).toBeLessThanOrEqual(5000);
            expect(state.values.email!.length).toBeLessThanOrEqual(300);
          }
          const isBot = typeof input.honeypot === 'string' && input.honeypot.trim() !== '';
          const valid = suggestionSchema.safeParse({ part: formText(input.part), message: formText(input.message).slice(0, 5000), email: formText(input.email).slice(0, 300) });
          if (isBot || !valid.success || input.target !== 'place') {
            expect(after).toBe(before);
            if (!isBot && !valid.success) expect(state.status).toBe('invalid');
            return;
          }
          expect(state.status).toBe('sent');
          expect(after).toBe(before + 1);
          const stored = await db.suggestion.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
          expect(stored).toMatchObject({ placeId, part: valid.data.part, message: valid.data.message, email: valid.data.email ?? null, state: 'PENDING' });
        },
      ),
      {
        numRuns: 150,
        examples: [
          [{ part: 'HOURS', message: 'nul \u0000 au milieu du message', email: '', honeypot: '', target: 'place' }],
          [{ part: 'OTHER', message: '<script>alert(1)</script> a déménagé', email: ' a@b.fr ', honeypot: null, target: 'place' }],
          [{ part: 'HOURS', message: 'Fermé le lundi', email: '', honeypot: '', target: 'bogus' }],
        ],
      },
    );
  });
});
