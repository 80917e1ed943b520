// "Ajouter à ma sélection" on result cards, the count in the header's "Ma sélection" link, and the
// shared fiche's "Imprimer" and "Ajouter ces lieux à ma sélection" (sent hidden, shown here).
// The selection lives in this browser only (components/orientation/selection-store.ts), so these
// controls exist only with JavaScript: the server sends empty placeholders.
import { text as say } from './messages';
import { addAll, getSelection, getSessionSelection, MAX_SELECTION, printFiche, subscribe, toggle } from '../orientation/selection-store';

export function enhanceSelection(root: ParentNode) {
  const buttons = [...root.querySelectorAll<HTMLElement>('[data-selection-place]')].map(mountButton);
  const links = [...root.querySelectorAll<HTMLElement>('[data-selection-link]')];
  const refresh = () => {
    const selected = new Set(getSelection().map((p) => p.id));
    for (const button of buttons) button(selected);
    for (const link of links) showCount(link, selected.size + getSessionSelection().length);
  };
  refresh();
  subscribe(refresh);
  enhanceFicheButtons(root);
}

function enhanceFicheButtons(root: ParentNode) {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-print-fiche]')) {
    button.hidden = false;
    button.addEventListener('click', printFiche);
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-add-all]')) {
    const places = JSON.parse(button.dataset.addAll ?? '[]') as Array<{ id: string; slug: string; name: string }>;
    const status = button.parentElement?.querySelector<HTMLElement>('[data-add-all-status]');
    button.hidden = false;
    button.addEventListener('click', () => {
      const added = addAll(places);
      if (status) status.textContent = `${added} lieu(x) ajouté(s) à votre sélection.`;
    });
  }
}

function mountButton(slot: HTMLElement) {
  const place = { id: slot.dataset.id ?? '', slug: slot.dataset.slug ?? '', name: slot.dataset.name ?? '' };
  const button = document.createElement('button');
  button.type = 'button';
  const text = document.createTextNode('');
  const hiddenName = document.createElement('span');
  hiddenName.className = 'visually-hidden';
  hiddenName.textContent = ` : ${place.name}`;
  button.append(text, hiddenName);
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  slot.replaceChildren(button, status);
  button.addEventListener('click', () => {
    const result = toggle(place);
    status.textContent =
      result === 'full'
        ? say('island.selectionFull', { max: MAX_SELECTION })
        : result === 'added'
          ? say('island.selectionAdded')
          : say('island.selectionRemoved');
  });
  return (selected: Set<string>) => {
    const isSelected = selected.has(place.id);
    button.className = `button button--small${isSelected ? ' button--selected' : ''}`;
    button.setAttribute('aria-pressed', String(isSelected));
    text.data = isSelected ? say('island.inSelection') : say('island.addToSelection');
  };
}

function showCount(link: HTMLElement, count: number) {
  let badge = link.querySelector<HTMLElement>('.count-badge');
  if (count === 0) return badge?.remove();
  if (!badge) {
    badge = document.createElement('span');
    badge.className = 'count-badge';
    link.append(badge);
  }
  badge.textContent = ` (${count})`;
}
