/** Lower-case, accent-free, punctuation as spaces: how names are compared. */
export function fold(value: string): string {
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
  return fold(value).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
