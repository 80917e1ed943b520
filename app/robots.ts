import { publicUrl } from '@/lib/config/env';
import type { MetadataRoute } from 'next';

export default function robots(): MetadataRoute.Robots {
  const base = publicUrl();
  return { rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/campagne/'] }], sitemap: `${base}/sitemap.xml` };
}
