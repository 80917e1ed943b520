// Shared by the report form and its server handling.
export const SUGGESTION_PARTS = {
  HOURS: 'Les horaires',
  ADDRESS: 'L’adresse',
  CONTACT: 'Le téléphone, le courriel ou le site',
  SERVICES: 'Les services proposés',
  CLOSED: 'Le lieu a fermé définitivement',
  OTHER: 'Autre chose',
} as const;

export const SUGGESTION_MESSAGE_MAX = 2000;

export const SUGGESTION_SENT = 'Merci, votre signalement a bien été transmis. L’équipe qui tient cette fiche à jour va le vérifier.';

export type SuggestionFormState = {
  status: 'idle' | 'invalid' | 'refused' | 'sent';
  message?: string;
  errors?: Partial<Record<'part' | 'message' | 'email', string>>;
  values?: { part?: string; message?: string; email?: string };
};
