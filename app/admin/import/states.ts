export const STATE_LABELS: Record<string, string> = {
  mapping: 'Colonnes à choisir',
  checking: 'Vérification en cours',
  pending: 'Vérifié, à confirmer',
  running: 'Import en cours',
  done: 'Terminé',
  failed: 'Échec',
};
