// Shared by the report form (client) and its server handling.
export const SUGGESTION_PARTS = {
  HOURS: 'Les horaires',
  ADDRESS: 'L’adresse',
  CONTACT: 'Le téléphone, le courriel ou le site',
  SERVICES: 'Les services proposés',
  CLOSED: 'Le lieu a fermé définitivement',
  OTHER: 'Autre chose',
} as const;

export const SUGGESTION_MESSAGE_MAX = 2000;

export type SuggestionFormState = {
  status: 'idle' | 'invalid' | 'refused' | 'sent';
  message?: string;
  errors?: Partial<Record<'part' | 'message' | 'email', string>>;
  values?: { part?: string; message?: string; email?: string };
};
