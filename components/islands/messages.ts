// The words the public pages' script says, in the page's language: PublicDocument writes them as
// JSON in <script type="application/json" id="site-messages"> (lib/i18n, keys "island.…"); French
// below when the page has none (App Router pages). lib/i18n/messages.test.ts checks this French
// against messages/fr.json. Placeholders are plain {name}: no ICU library in the browser.
export const ISLAND_FRENCH = {
  'island.locateUnsupported': 'Votre navigateur ne permet pas de vous localiser : saisissez une commune.',
  'island.locating': 'Recherche de votre position…',
  'island.aroundMe': 'Autour de moi',
  'island.locateFailed': 'Position indisponible : saisissez une commune ou un code postal.',
  'island.searchArea': 'Rechercher dans cette zone',
  'island.selectionFull': 'Votre sélection compte déjà {max} lieux.',
  'island.selectionAdded': 'Ajouté à votre sélection.',
  'island.selectionRemoved': 'Retiré de votre sélection.',
  'island.inSelection': 'Dans ma sélection ✓',
  'island.addToSelection': 'Ajouter à ma sélection',
  'island.copyLink': 'Copier le lien',
  'island.linkCopied': 'Lien copié.',
  'island.copyThisLink': 'Copiez ce lien : {url}',
  'island.share': 'Partager',
  'island.print': 'Imprimer',
} as const;

export type IslandKey = keyof typeof ISLAND_FRENCH;

let page: Partial<Record<IslandKey, string>> | null = null;

function pageMessages(): Partial<Record<IslandKey, string>> {
  if (page) return page;
  try {
    page = JSON.parse(document.getElementById('site-messages')?.textContent || '{}') as Partial<Record<IslandKey, string>>;
  } catch {
    page = {};
  }
  return page;
}

/** The page's words for `key`, its {placeholders} filled. */
export function text(key: IslandKey, values: Record<string, string | number> = {}): string {
  const message = pageMessages()[key] ?? ISLAND_FRENCH[key];
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
