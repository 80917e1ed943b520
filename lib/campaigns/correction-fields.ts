// The campaign correction form's own field names, without imports: the form (a client component)
// and its reading (correction.ts) share them.

/** The empty week's question: "sur rendez-vous" or "fermé". */
export const EMPTY_WEEK = 'semaine-vide';
export const EMPTY_WEEK_ANSWERS = { 'rendez-vous': 'Sur rendez-vous uniquement (pas d’horaires fixes)', ferme: 'Le lieu est fermé en ce moment' } as const;
/** Set by the form: the lists were shown (their absence is no answer, not "none"). */
export const LISTS_SHOWN = 'listes';
/** The text fields, in the form's order. */
export const CORRECTION_TEXT_FIELDS = ['phone', 'emails', 'websites', 'appointmentUrl', 'message'] as const;
