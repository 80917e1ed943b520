// One sitemap per language: /sitemap.xml (French: every public page) and /<lang>/sitemap.xml (the
// pages translated, lib/i18n), which the proxy rewrites here with the language in its header. Each
// translated page lists its versions in every language (hreflang alternates).
import { publicUrl } from '@/lib/config/env';
import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { DEFAULT_LOCALE, LOCALES, localizedHref, requestLocale } from '@/lib/i18n/locales';
import { sitemapPlaces } from '@/lib/places/list';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicUrl();
  const locale = requestLocale(await headers());
  const places = await sitemapPlaces();
  const translated = (path: string) => ({
    url: `${base}${localizedHref(locale, path)}`,
    alternates: { languages: Object.fromEntries(LOCALES.map((other) => [other, `${base}${localizedHref(other, path)}`])) },
  });
  const pages: MetadataRoute.Sitemap = [
    { ...translated('/recherche'), changeFrequency: 'daily', priority: 0.8 },
    ...places.map((p) => ({ ...translated(`/lieux/${p.slug}`), lastModified: p.updatedAt, changeFrequency: 'weekly' as const, priority: 0.7 })),
  ];
  if (locale !== DEFAULT_LOCALE) return pages;
  return [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    ...pages.slice(0, 1),
    { url: `${base}/donnees`, changeFrequency: 'weekly', priority: 0.5 },
    ...pages.slice(1),
  ];
}
