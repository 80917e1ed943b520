// The menu button of the phone-sized navigation (issue #23), public header and back-office alike:
// a <details> with nothing inside but its <summary>, followed by the panel it shows
// (`.menu-toggle:not([open]) ~ .menu-panel` is hidden on phones, app/styles/menu.css). A
// disclosure rather than a link to a menu page: it opens at once, with no page load (a round trip
// of 0.4 to 2 s on a slow phone), and without JavaScript; the browser makes the summary a button
// that Enter and Space toggle and that tells screen readers whether it is expanded. The panel stays
// after it in the document, so the focus goes from the button into the menu.
import type { Ref } from 'react';

export function MenuToggle({ label, controls, ref }: { label: string; controls: string; ref?: Ref<HTMLDetailsElement> }) {
  return (
    <details className="menu-toggle" ref={ref}>
      <summary aria-controls={controls}>
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" focusable="false">
          <path d="M2 4h16M2 10h16M2 16h16" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
        <span>{label}</span>
      </summary>
    </details>
  );
}
