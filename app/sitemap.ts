import { publicUrl } from '@/lib/config/env';
import type { MetadataRoute } from 'next';
import { sitemapPlaces } from '@/lib/places/list';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicUrl();
  const places = await sitemapPlaces();
  return [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${base}/recherche`, changeFrequency: 'daily', priority: 0.8 },
    { url: `${base}/donnees`, changeFrequency: 'weekly', priority: 0.5 },
    ...places.map((p) => ({ url: `${base}/lieux/${p.slug}`, lastModified: p.updatedAt, changeFrequency: 'weekly' as const, priority: 0.7 })),
  ];
}
