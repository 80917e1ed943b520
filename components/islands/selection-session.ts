// "Ajouter à ma sélection" on atelier sessions (the atelier page, session cards): the session is
// kept with the selected places in this browser (components/orientation/selection-store.ts) and
// appears on the fiche d'orientation. Exists only with JavaScript: the server sends empty slots
// (components/ateliers/SessionSelectionSlot.tsx).
import { getSessionSelection, MAX_SELECTION, subscribe, toggleSession } from '../orientation/selection-store';

export function enhanceSessionSelection(root: ParentNode) {
  const buttons = [...root.querySelectorAll<HTMLElement>('[data-selection-session]')].map(mountButton);
  if (buttons.length === 0) return;
  const refresh = () => {
    const selected = new Set(getSessionSelection().map((s) => s.id));
    for (const button of buttons) button(selected);
  };
  refresh();
  subscribe(refresh);
}

function mountButton(slot: HTMLElement) {
  const d = slot.dataset;
  const session = { id: d.id ?? '', slug: d.slug ?? '', title: d.title ?? '', place: d.place ?? '', startsAt: d.startsAt ?? '' };
  const button = document.createElement('button');
  button.type = 'button';
  const text = document.createTextNode('');
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = ` : ${session.title}, ${d.when ?? ''}`;
  button.append(text, hidden);
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  slot.replaceChildren(button, status);
  button.addEventListener('click', () => {
    const result = toggleSession(session);
    status.textContent =
      result === 'full'
        ? `Votre sélection compte déjà ${MAX_SELECTION} séances.`
        : result === 'added'
          ? 'Séance ajoutée à votre sélection.'
          : 'Séance retirée de votre sélection.';
  });
  return (selected: Set<string>) => {
    const isSelected = selected.has(session.id);
    button.className = `button button--small${isSelected ? ' button--selected' : ''}`;
    button.setAttribute('aria-pressed', String(isSelected));
    text.data = isSelected ? 'Séance dans ma sélection ✓' : 'Ajouter la séance à ma sélection';
  };
}
