// The "where" field: suggestions as you type (communes offline, addresses when the national
// address API is configured) and "Autour de moi" with the browser's geolocation. Without
// JavaScript it is a plain text field, the button stays hidden and the form still works.
import { text } from './messages';

type Suggestion = { label: string; value: string };

export function enhanceLocationFields(root: ParentNode) {
  for (const field of root.querySelectorAll<HTMLElement>('[data-location-field]')) enhance(field);
}

function enhance(field: HTMLElement) {
  const input = field.querySelector<HTMLInputElement>('input[name="ou"]');
  const list = field.querySelector<HTMLDataListElement>('datalist');
  const button = field.querySelector<HTMLButtonElement>('[data-around-me]');
  const status = field.querySelector<HTMLElement>('[role="status"]');
  if (!input) return;
  let timer: number | undefined;
  let last = '';

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const value = input.value.trim();
    if (value.length < 2 || !list) {
      list?.replaceChildren();
      return;
    }
    timer = window.setTimeout(async () => {
      if (value === last) return;
      last = value;
      try {
        const response = await fetch(`/api/geo/suggest?q=${encodeURIComponent(value)}`);
        if (!response.ok) return;
        const { suggestions } = (await response.json()) as { suggestions: Suggestion[] };
        list.replaceChildren(
          ...suggestions.map((s) => {
            const option = document.createElement('option');
            option.value = s.value;
            option.textContent = s.label;
            return option;
          }),
        );
      } catch {
        // suggestions are a convenience: typing still works
      }
    }, 200);
  });

  // Typing a new place replaces a previous "Autour de moi" position.
  input.addEventListener('change', () => {
    for (const name of ['lat', 'lng']) (input.form?.elements.namedItem(name) as HTMLInputElement | null)?.remove();
  });

  if (!button) return;
  button.hidden = false;
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  button.addEventListener('click', () => searchAroundMe(input, say));
}

/**
 * "Autour de moi": asks the browser for its position, puts it in the form (lat, lng) and sends
 * the form; `say` tells the person what happens.
 */
export function searchAroundMe(input: HTMLInputElement, say: (text: string) => void) {
  if (!navigator.geolocation) return say(text('island.locateUnsupported'));
  say(text('island.locating'));
  navigator.geolocation.getCurrentPosition(
    (position) => {
      const form = input.form;
      if (!form) return;
      const set = (name: string, value: string) => {
        let hidden = form.elements.namedItem(name) as HTMLInputElement | null;
        if (!hidden) {
          hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = name;
          form.appendChild(hidden);
        }
        hidden.value = value;
      };
      set('lat', position.coords.latitude.toFixed(5));
      set('lng', position.coords.longitude.toFixed(5));
      input.value = text('island.aroundMe');
      form.requestSubmit();
    },
    () => say(text('island.locateFailed')),
    { timeout: 10_000, maximumAge: 300_000 },
  );
}
