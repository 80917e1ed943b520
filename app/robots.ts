import { publicUrl } from '@/lib/config/env';
import { LOCALES, localizedHref } from '@/lib/i18n/locales';
import type { MetadataRoute } from 'next';

export default function robots(): MetadataRoute.Robots {
  const base = publicUrl();
  // One sitemap per language (app/sitemap.ts): /sitemap.xml, /en/sitemap.xml, /ar/sitemap.xml…
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/campagne/'] }],
    sitemap: LOCALES.map((locale) => `${base}${localizedHref(locale, '/sitemap.xml')}`),
  };
}
