// "Copier le lien", "Partager" (the phone's share sheet, when there is one) and "Imprimer" on a
// place page. The server sends an empty box (components/place/ShareButtons.tsx).
import { text } from './messages';

export function enhanceShareButtons(root: ParentNode) {
  for (const box of root.querySelectorAll<HTMLElement>('[data-share]')) {
    const url = box.dataset.url ?? window.location.href;
    const title = box.dataset.title ?? document.title;
    const status = box.querySelector<HTMLElement>('[role="status"]');
    const say = (text: string) => {
      if (status) status.textContent = text;
    };
    const button = (label: string, action: () => void) => {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = 'button button--small';
      element.textContent = label;
      element.addEventListener('click', action);
      return element;
    };
    const buttons = [
      button(text('island.copyLink'), () => {
        Promise.resolve()
          .then(() => navigator.clipboard.writeText(url))
          .then(
            () => say(text('island.linkCopied')),
            () => say(text('island.copyThisLink', { url })),
          );
      }),
    ];
    if (typeof navigator.share === 'function') {
      buttons.push(
        button(text('island.share'), () => {
          // The person may cancel: nothing to say then.
          navigator.share({ title, url }).catch(() => undefined);
        }),
      );
    }
    buttons.push(button(text('island.print'), () => window.print()));
    box.prepend(...buttons);
  }
}
