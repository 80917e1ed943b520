import type { PrismaClient } from '@prisma/client';
import type { SessionUser } from '../../lib/auth/permissions';
import { createPrismaClient } from '../../lib/db/client';
import { slotsOfWeek } from '../../lib/hours/week';

let client: PrismaClient | undefined;

/** A Prisma client on the test database prepared by the global setup. */
export function testDb(): PrismaClient {
  if (!process.env.DATABASE_URL) throw new Error('The vitest global setup did not provide DATABASE_URL.');
  client ??= createPrismaClient(process.env.DATABASE_URL, { max: 4 });
  return client;
}

/** Empties every table (keeps the schema), for tests that need a known state. */
export async function resetDatabase(db: PrismaClient = testDb()) {
  const tables = await db.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}

/** The demo accounts as the permission checks see them (after the demo seed). */
export async function demoUsers(db: PrismaClient = testDb()) {
  const load = async (email: string): Promise<SessionUser> => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { networks: true, places: true } });
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      networkIds: user.networks.map((n) => n.networkId),
      placeIds: user.places.map((p) => p.placeId),
    };
  };
  const [admin, coordinator, editor, hubCoordinator] = await Promise.all(
    ['admin@reperes.example', 'coordination@cybanjou.example.org', 'editeur@tilleuls.example.org', 'coordination@hub-pdl.example.org'].map(load),
  );
  return { admin, coordinator, editor, hubCoordinator };
}

/** A place's own weekly hours as slots (its `hoursWeek`, one slot per day and stretch; lib/hours/week.ts). */
export async function ownWeekSlots(db: PrismaClient, placeId: string) {
  const [row] = await db.$queryRaw<Array<{ week: string | null }>>`SELECT "hoursWeek"::text AS week FROM "Place" WHERE id = ${placeId}::uuid`;
  return slotsOfWeek(row?.week);
}
