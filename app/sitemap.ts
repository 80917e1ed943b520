// One sitemap per language: /sitemap.xml (French: every public page) and /<lang>/sitemap.xml (the
// pages translated, lib/i18n), which the proxy rewrites here with the language in its header. Each
// translated page lists its versions in every language (hreflang alternates). Demonstration places
// (and the network that only holds them) stay out.
import { publicUrl } from '@/lib/config/env';
import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { sitemapAteliers } from '@/lib/ateliers/page';
import { LOCALES, localizedHref, requestLocale } from '@/lib/i18n/locales';
import { sitemapNetworks } from '@/lib/networks/public';
import { sitemapPlaces } from '@/lib/places/list';

export const dynamic = 'force-dynamic';

type Entry = MetadataRoute.Sitemap[number];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicUrl();
  const locale = requestLocale(await headers());
  const [places, networks, ateliers] = await Promise.all([sitemapPlaces(), sitemapNetworks(), sitemapAteliers()]);
  const translated = (path: string) => ({
    url: `${base}${localizedHref(locale, path)}`,
    alternates: { languages: Object.fromEntries(LOCALES.map((other) => [other, `${base}${localizedHref(other, path)}`])) },
  });
  const weekly = (path: string, updatedAt: Date, priority: number): Entry => ({
    ...translated(path),
    lastModified: updatedAt,
    changeFrequency: 'weekly',
    priority,
  });
  return [
    { ...translated('/'), changeFrequency: 'daily', priority: 1 },
    { ...translated('/recherche'), changeFrequency: 'daily', priority: 0.8 },
    { ...translated('/donnees'), changeFrequency: 'weekly', priority: 0.5 },
    { ...translated('/reseaux'), changeFrequency: 'weekly', priority: 0.5 },
    ...networks.map((n) => weekly(`/reseaux/${n.slug}`, n.updatedAt, 0.5)),
    ...places.map((p) => weekly(`/lieux/${p.slug}`, p.updatedAt, 0.7)),
    ...ateliers.map((a) => weekly(`/ateliers/${a.slug}`, a.updatedAt, 0.4)),
  ];
}
