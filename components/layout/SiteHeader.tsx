// Plain links: the header is also rendered by the public pages' own renderer (lib/render), where
// Next.js's client components do not exist. `selection` is the "Ma sélection" link, counted in the
// browser by a client component (App Router pages) or by the public pages' script. `languages` is
// the language switch, on the pages translated (see lib/i18n); a link to a page not yet translated
// says it leads to French (hreflang).
// On a phone (issue #23) the header is one line: the brand and a menu button, a <details>
// disclosure (MenuToggle) that opens the navigation and the language switch below it. It works
// without JavaScript, its summary is a button with its expanded state for screen readers, and on
// wider screens the button is hidden and everything shows (app/styles/menu.css).
import type { ReactNode } from 'react';
import { translator, type Translator } from '@/lib/i18n';
import { MenuToggle } from './MenuToggle';

function NavLink({ t, href, children }: { t: Translator; href: string; children: ReactNode }) {
  const target = t.path(href);
  return (
    <a href={target} hrefLang={t.locale !== 'fr' && target === href ? 'fr' : undefined}>
      {children}
    </a>
  );
}

export function SiteHeader({ selection, t = translator(), languages }: { selection: ReactNode; t?: Translator; languages?: ReactNode }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <a href={t.path('/')} className="brand" aria-label={t('shell.home')}>
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
            <circle cx="16" cy="13" r="9" fill="#1d4e89" />
            <path d="M16 30 9 19h14z" fill="#1d4e89" />
            <circle cx="16" cy="13" r="4" fill="#fff" />
          </svg>
          <span>Repères</span>
        </a>
        <MenuToggle label={t('menu.open')} controls="site-menu" />
        <div className="menu-panel" id="site-menu">
          <nav aria-label={t('shell.nav')}>
            <ul className="nav-list">
              <li>
                <NavLink t={t} href="/recherche">
                  {t('nav.search')}
                </NavLink>
              </li>
              <li>
                <NavLink t={t} href="/ateliers">
                  {t('nav.ateliers')}
                </NavLink>
              </li>
              <li>
                <NavLink t={t} href="/orienter">
                  {t('nav.orienter')}
                </NavLink>
              </li>
              <li>{selection}</li>
              <li>
                <NavLink t={t} href="/donnees">
                  {t('nav.data')}
                </NavLink>
              </li>
              <li>
                <NavLink t={t} href="/reseaux">
                  {t('nav.networks')}
                </NavLink>
              </li>
            </ul>
          </nav>
          {languages}
        </div>
      </div>
    </header>
  );
}
