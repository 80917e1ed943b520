// What the open-data page (/donnees) says of the files: how many places they hold and when one
// last changed. Fictional demonstration places are never exported, so never counted.
import 'server-only';
import { readDb } from '@/lib/db';

export async function openDataSummary(): Promise<{ count: number; lastUpdated: Date | null }> {
  const where = { status: 'PUBLISHED' as const, demo: false };
  const [count, latest] = await Promise.all([readDb.place.count({ where }), readDb.place.aggregate({ where, _max: { updatedAt: true } })]);
  return { count, lastUpdated: latest._max.updatedAt };
}
