// Text as names are compared and slugs are made (the file keeps its old name: lib/import imports
// `slugify` from here).

/** Lower-case, accent-free, punctuation as spaces, St/Ste as Saint/Sainte: how names are compared. */
export function comparableName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[''’\-_.,;:/]+/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\s+/g, ' ')
    .trim();
}

export function slugify(value: string): string {
  return comparableName(value)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
