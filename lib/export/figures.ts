// The figures of the open data page (/donnees): what the files hold (published places, no
// fictional demonstration place) and when it last changed.
import 'server-only';
import { readDb } from '@/lib/db';

export async function openDataFigures(): Promise<{ places: number; lastUpdated: Date | null }> {
  const where = { status: 'PUBLISHED' as const, demo: false };
  const [places, latest] = await Promise.all([readDb.place.count({ where }), readDb.place.aggregate({ where, _max: { updatedAt: true } })]);
  return { places, lastUpdated: latest._max.updatedAt };
}
