// The phone-sized menus (issue #23) are <details> disclosures that need no script; this only adds
// what a menu button is expected to do besides: Escape closes the open menu when the focus is in
// it (or on its button) and gives the focus back to the button.
/** Listens on the document; returns the function that stops listening. */
export function enhanceMenus(doc: Document): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    for (const menu of doc.querySelectorAll<HTMLDetailsElement>('details.menu-toggle[open]')) {
      const summary = menu.querySelector('summary');
      const panel = summary && doc.getElementById(summary.getAttribute('aria-controls') ?? '');
      if (!summary || !(summary === doc.activeElement || panel?.contains(doc.activeElement))) continue;
      menu.open = false;
      summary.focus();
    }
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}
