// The script of "Ma sélection" (/orienter/selection): the sheet (components/orientation/
// SelectionSheet.tsx, React code) rendered in the browser by Preact, which scripts/build-assets.js
// puts in React's place for the public pages' scripts — a few kilobytes instead of the React and
// Next.js client runtime. The page sends a placeholder and the sheet's words in its language
// (components/orientation/words.tsx); the selection lives in this browser.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { SelectionSheet } from '../orientation/SelectionSheet';
import { pageWords } from '../orientation/words';

const root = document.querySelector<HTMLElement>('[data-selection-sheet]');
if (root) {
  const canSendByMail = root.dataset.canSendByMail === 'true';
  root.textContent = '';
  createRoot(root).render(createElement(SelectionSheet, { canSendByMail, t: pageWords() }));
}
