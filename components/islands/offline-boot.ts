// What every public page loads for issue #21, kept small (≤ 5 kB budget, measured in
// tests/e2e/offline.spec.ts): registers the service worker (/sw.js), offers "Installer Repères sur
// ce téléphone" where the browser fires beforeinstallprompt, shows the "Sans connexion" panel, and
// loads the offline search (./offline) only when needed: offline, a département already kept, or
// the person asking to keep one.

import { keptInfo } from './offline-kept';

type InstallPrompt = Event & { prompt(): Promise<void> };

function offerInstall(doc: Document) {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    const main = doc.querySelector('main');
    if (!main || doc.querySelector('[data-install]')) return;
    const aside = doc.createElement('aside');
    aside.className = 'install-hint container';
    aside.setAttribute('aria-label', 'Installer l’application');
    aside.dataset.install = '';
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = 'Installer Repères sur ce téléphone';
    button.addEventListener('click', () => {
      void (event as InstallPrompt).prompt().finally(() => aside.remove());
    });
    aside.append(button);
    main.append(aside);
  });
}

export function bootOffline(doc: Document) {
  // Not inside another site's frame (/embed): its storage is not this site's.
  if (window.top !== window) return;
  if ('serviceWorker' in navigator) {
    const first = !navigator.serviceWorker.controller;
    const register = () =>
      void navigator.serviceWorker
        .register('/sw.js')
        .then(() => navigator.serviceWorker.ready)
        // The first visit came before the worker: it asks to keep this page too.
        .then((registration) => first && registration.active?.postMessage({ keep: location.href }))
        .catch(() => undefined);
    if (doc.readyState === 'complete') register();
    else window.addEventListener('load', register);
  }
  offerInstall(doc);
  const panel = doc.querySelector<HTMLElement>('[data-offline-panel]');
  if (!panel || !('indexedDB' in window)) return;
  panel.hidden = false;
  const load = () => import('./offline');
  if (keptInfo() || !navigator.onLine) void load().then((offline) => offline.mountOffline(panel));
  panel.querySelector('form[data-offline-download]')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = new FormData(event.target as HTMLFormElement).get('departement');
    if (typeof code === 'string' && code) void load().then((offline) => offline.keepDepartement(panel, code));
  });
}
