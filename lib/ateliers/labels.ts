// Words of the ateliers' closed lists, for pages and forms (safe in the browser: no server code).
import type { AtelierLevel, RegistrationMode } from '@prisma/client';

export const LEVEL_LABELS: Record<AtelierLevel, string> = { Debutant: 'Débutant', Intermediaire: 'Intermédiaire', Avance: 'Avancé' };
export const REGISTRATION_LABELS: Record<RegistrationMode, string> = {
  NONE: 'Sans inscription',
  PHONE: 'Par téléphone',
  EMAIL: 'Par courriel',
  EXTERNAL: 'Sur un autre site',
  REPERES: 'Sur Repères',
};
