// Plain links: also rendered by the public pages' own renderer (lib/render).
import { translator, type Translator } from '@/lib/i18n';

export function SiteFooter({ t = translator() }: { t?: Translator }) {
  const link = (href: string) => ({ href: t.path(href), hrefLang: t.locale !== 'fr' && t.path(href) === href ? 'fr' : undefined });
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>Repères</strong> — {t('footer.tagline')}
        </p>
        <ul className="footer-links">
          <li>
            <a {...link('/donnees')}>{t('nav.data')}</a>
          </li>
          <li>
            <a {...link('/accessibilite')}>{t('footer.accessibility')}</a>
          </li>
          <li>
            <a {...link('/mentions-legales')}>{t('footer.legal')}</a>
          </li>
          <li>
            <a {...link('/admin')}>{t('footer.contributors')}</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
