import { publicUrl } from '@/lib/config/env';
import type { MetadataRoute } from 'next';
import { readDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicUrl();
  const places = await readDb.place.findMany({
    where: { status: 'PUBLISHED', demo: false },
    select: { slug: true, updatedAt: true },
    orderBy: { slug: 'asc' },
  });
  return [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${base}/recherche`, changeFrequency: 'daily', priority: 0.8 },
    { url: `${base}/donnees`, changeFrequency: 'weekly', priority: 0.5 },
    ...places.map((p) => ({ url: `${base}/lieux/${p.slug}`, lastModified: p.updatedAt, changeFrequency: 'weekly' as const, priority: 0.7 })),
  ];
}
