// A field's value as a revision records it, and whether two values are the same change-wise:
// dates by their day, undefined as null. Shared by the editor's saves (update.ts) and the
// campaigns' corrections (lib/campaigns), which write the same PlaceRevision changes.

/** The value a revision records: a date as its day (YYYY-MM-DD), undefined as null. */
export const revisionValue = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null));

/** True when two values record the same in a revision (no change to write). */
export const sameRevisionValue = (a: unknown, b: unknown) => JSON.stringify(revisionValue(a)) === JSON.stringify(revisionValue(b));
