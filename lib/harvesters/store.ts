// Harvesters registered by admins (issue #22): a URL where the change feed is pushed, signed with
// a secret shown once to the admin who registers it, and a contact told by mail when deliveries
// are given up. The secret is kept as is in the database: it signs every delivery (HMAC-SHA256),
// so it must be readable by the worker; a database dump reveals it (docs/security.md). A URL whose
// host is or resolves to a private, loopback or link-local address is refused (destination.ts;
// the worker checks again at each delivery).
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { canManageHarvesters, type SessionUser } from '../auth/permissions';
import { db as sharedDb } from '../db';
import { presentPosition } from '../export/changes';
import { isEmail } from '../mail';
import { hostRefusal } from './destination';

type Db = PrismaClient;

export type HarvesterValues = { name: string; url: string; contactEmail: string };
export type HarvesterState = {
  status: 'idle' | 'done' | 'error';
  message?: string;
  errors?: Partial<Record<keyof HarvesterValues, string>>;
  values?: HarvesterValues;
  /** the new harvester's secret: shown once, right after registering */
  secret?: string;
};

/** The URL a harvester gives: http(s), no credentials, at most 500 characters; null when refused. */
export function harvesterUrl(text: string): URL | null {
  if (text.length > 500) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password) return null;
    return url;
  } catch {
    return null;
  }
}

function validate(values: HarvesterValues): HarvesterState['errors'] {
  const errors: HarvesterState['errors'] = {};
  if (!values.name.trim() || values.name.length > 100) errors.name = 'Donnez un nom (100 caractères au plus).';
  if (!harvesterUrl(values.url.trim())) errors.url = 'Adresse invalide : une URL http:// ou https:// sans identifiant ni mot de passe, 500 caractères au plus.';
  if (!isEmail(values.contactEmail.trim())) errors.contactEmail = 'Adresse électronique invalide.';
  return Object.keys(errors).length ? errors : undefined;
}

/** The form's checks, then where the URL leads: never into this server's own network. */
async function validateWithHost(values: HarvesterValues): Promise<HarvesterState['errors']> {
  const errors = validate(values);
  const url = harvesterUrl(values.url.trim());
  const refused = url && (await hostRefusal(url.hostname));
  if (!refused) return errors;
  return {
    ...errors,
    url: `Adresse refusée : ${refused}. Repères n’envoie les changements qu’à une adresse publique d’Internet, jamais vers son propre réseau (réseau privé, boucle locale, métadonnées du nuage).`,
  };
}

/** Registers a harvester from now on (it starts where the export it has just read ends). */
export async function registerHarvester(db: Db, user: SessionUser, values: HarvesterValues): Promise<HarvesterState> {
  if (!canManageHarvesters(user)) return { status: 'error', message: 'Seule l’administration enregistre des moissonneurs.', values };
  const errors = await validateWithHost(values);
  if (errors) return { status: 'error', message: 'Corrigez les champs signalés.', errors, values };
  const secret = randomBytes(32).toString('base64url');
  const start = await presentPosition(db);
  await db.harvester.create({
    data: { name: values.name.trim(), url: values.url.trim(), contactEmail: values.contactEmail.trim(), secret, cursorTxid: start.txid, cursorId: start.id },
  });
  return { status: 'done', message: `Moissonneur « ${values.name.trim()} » enregistré. Copiez son secret maintenant : il ne sera plus affiché.`, secret };
}

/** The registered harvesters and their delivery state (never their secrets), for admins. */
export async function listHarvesters(user: SessionUser, db: Db = sharedDb) {
  if (!canManageHarvesters(user)) return [];
  return db.harvester.findMany({
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      name: true,
      url: true,
      contactEmail: true,
      active: true,
      attempts: true,
      failingSince: true,
      nextAttemptAt: true,
      lastError: true,
      lastDeliveredAt: true,
      gaveUpAt: true,
      feedResetAt: true,
    },
  });
}

/** Pause, resume (which also lifts a give-up and retries at once) or remove a harvester. */
export async function setHarvester(db: Db, user: SessionUser, id: string, action: 'pause' | 'resume' | 'remove'): Promise<'done' | 'forbidden' | 'gone'> {
  if (!canManageHarvesters(user)) return 'forbidden';
  if (!/^[0-9a-f-]{36}$/i.test(id)) return 'gone';
  if (action === 'remove') return (await db.harvester.deleteMany({ where: { id } })).count ? 'done' : 'gone';
  const data =
    action === 'pause' ? { active: false } : { active: true, gaveUpAt: null, failingSince: null, attempts: 0, nextAttemptAt: new Date(), lastError: null };
  return (await db.harvester.updateMany({ where: { id }, data })).count ? 'done' : 'gone';
}
