// Synthetic ateliers for the ateliers benchmark, on top of the synthetic places (bench/synthetic.ts):
//
// - who holds them: one network of NETWORK places (the published places nearest to Lyon, all of them
//   holding ateliers: the worst case for the network's .ics feed), then places drawn at random until
//   the wanted number of upcoming sessions is reached (~10 % of 100,000 places for 200,000 sessions);
//   a place holds 1 series (70 %), 2 (25 %) or 3 (5 %);
// - what: a title and summary from a catalogue of real-looking ateliers, each under one of the
//   standard's services, preferring the place's own services; fee Gratuit 75 %, sous condition 10 %,
//   payant 15 %; 5 % online; level and language as the back-office sets them;
// - when: weekday (Saturday 10 %) mornings, afternoons or early evenings, 1.5 to 2 h, in the place's
//   zone (overseas places included); open weekly series (40 %) that began 8 weeks ago (their past
//   sessions are kept, as in production), weekly cycles of 6 to 10 sessions starting within two
//   months (25 %), every two weeks (25 %), monthly (10 %), up to the 183-day horizon;
// - changes: 1 % of series cancelled, 3 % of sessions cancelled one by one; registration on Repères
//   for 25 % of series (capacity 6 to 12, seats taken: the next three weeks fuller than later ones).
//
// Written straight in SQL (unnest of arrays, 5,000 rows a statement), then vacuumed and analysed.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { instantAt, wallTimeIn } from '../lib/hours/zone';
import { random } from './synthetic';

const CATALOGUE: Array<{ theme: string; title: string; summary: string }> = [
  {
    theme: 'Maîtrise des outils numériques du quotidien',
    title: 'Prendre en main son smartphone',
    summary: 'Allumer, appeler, envoyer un message, prendre une photo : les gestes de base, à votre rythme. Apportez votre téléphone.',
  },
  {
    theme: 'Maîtrise des outils numériques du quotidien',
    title: 'Premiers pas sur l’ordinateur',
    summary: 'Souris, clavier, fenêtres et dossiers : découvrir l’ordinateur sans crainte, en petit groupe.',
  },
  {
    theme: 'Maîtrise des outils numériques du quotidien',
    title: 'Créer et utiliser son adresse e-mail',
    summary: 'Créer une adresse, écrire, répondre, joindre un document et trier ses messages.',
  },
  {
    theme: 'Maîtrise des outils numériques du quotidien',
    title: 'Tablette : les bases',
    summary: 'Installer une application, régler son écran, faire une visio avec ses proches.',
  },
  {
    theme: 'Aide aux démarches administratives',
    title: 'Faire ses démarches CAF en ligne',
    summary: 'Créer son compte, déclarer ses ressources, suivre ses paiements sur caf.fr, avec une conseillère.',
  },
  {
    theme: 'Aide aux démarches administratives',
    title: 'FranceConnect et l’identité numérique',
    summary: 'Se connecter aux services publics avec FranceConnect et l’application France Identité.',
  },
  {
    theme: 'Aide aux démarches administratives',
    title: 'Déclarer ses impôts en ligne',
    summary: 'Accéder à son espace particulier sur impots.gouv.fr, vérifier et signer sa déclaration.',
  },
  {
    theme: 'Aide aux démarches administratives',
    title: 'Mon espace santé et ameli',
    summary: 'Télécharger une attestation, suivre ses remboursements, ouvrir Mon espace santé.',
  },
  {
    theme: 'Utilisation sécurisée du numérique',
    title: 'Reconnaître les arnaques en ligne',
    summary: 'Faux SMS, faux conseillers, hameçonnage : les signes qui doivent alerter et que faire.',
  },
  {
    theme: 'Utilisation sécurisée du numérique',
    title: 'Protéger ses mots de passe',
    summary: 'Des mots de passe solides, un gestionnaire, la double authentification, pas à pas.',
  },
  {
    theme: 'Insertion professionnelle via le numérique',
    title: 'CV et candidature en ligne',
    summary: 'Rédiger son CV avec un modèle, postuler sur France Travail et suivre ses candidatures.',
  },
  {
    theme: 'Insertion professionnelle via le numérique',
    title: 'Préparer un entretien en visio',
    summary: 'Installer l’application, tester le son et l’image, s’entraîner à un entretien à distance.',
  },
  {
    theme: 'Parentalité et éducation avec le numérique',
    title: 'Pronote et l’ENT pour les parents',
    summary: 'Suivre les notes, les devoirs et les messages de l’école de ses enfants.',
  },
  {
    theme: 'Parentalité et éducation avec le numérique',
    title: 'Les écrans en famille',
    summary: 'Contrôle parental, temps d’écran, jeux adaptés à l’âge : échanges et réglages concrets.',
  },
  {
    theme: 'Loisirs et créations numériques',
    title: 'Retoucher et partager ses photos',
    summary: 'Trier, retoucher et partager ses photos avec sa famille depuis son téléphone.',
  },
  {
    theme: 'Loisirs et créations numériques',
    title: 'Soirée fablab : découverte de l’impression 3D',
    summary: 'Modéliser un objet simple et le voir sortir de l’imprimante, ouvert à tous.',
  },
  {
    theme: 'Compréhension du monde numérique',
    title: 'Intelligence artificielle : comprendre et essayer',
    summary: 'Ce que font les assistants conversationnels, leurs limites et leurs usages utiles.',
  },
  {
    theme: 'Compréhension du monde numérique',
    title: 'Démêler le vrai du faux en ligne',
    summary: 'Vérifier une information, une image ou une vidéo avant de la partager.',
  },
  {
    theme: 'Accès internet et matériel informatique',
    title: 'Café numérique : vos questions',
    summary: 'Venez avec votre appareil et vos questions : un médiateur vous aide, sans rendez-vous.',
  },
  {
    theme: 'Acquisition de matériel informatique à prix solidaire',
    title: 'Choisir un ordinateur reconditionné',
    summary: 'Quel appareil pour quels usages, où l’acheter à prix solidaire, comment le démarrer.',
  },
];
const START_HOURS: Array<[number, number]> = [
  [9, 0],
  [9, 30],
  [10, 0],
  [14, 0],
  [14, 0],
  [14, 30],
  [17, 30],
  [18, 0],
];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAY_MS = 86_400_000;

export type AtelierDataset = {
  placesWithAteliers: number;
  series: number;
  upcomingSessions: number;
  pastSessions: number;
  cancelledSessions: number;
  cancelledSeries: number;
  seriesWithRegistrationOnReperes: number;
  sessionsWithSeatsTaken: number;
  onlineSeries: number;
  network: { slug: string; places: number; upcomingSessions: number };
  kinds: Record<string, number>;
};

type PlaceRow = { id: string; slug: string; time_zone: string; services: string[] };

const slugOf = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Seeds ateliers until `sessions` upcoming sessions exist (from `now`); returns the data set's description. */
// eslint-disable-next-line max-lines-per-function -- a seed read top to bottom: the draws in the order the header describes
export async function seedAteliers(
  url: string,
  { sessions: wanted, networkPlaces, now, seed = 19 }: { sessions: number; networkPlaces: number; now: Date; seed?: number },
) {
  const rand = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const base = `SELECT id, slug, "timeZone" AS time_zone, services::text[] AS services FROM "Place" WHERE status = 'published' AND "archivedAt" IS NULL`;
  // Lyon (45.76, 4.84): the network is the published places nearest to it.
  const near = (
    await client.query<PlaceRow>(`${base} AND latitude IS NOT NULL ORDER BY (latitude - 45.76)^2 + ((longitude - 4.84) * 0.7)^2 LIMIT $1`, [networkPlaces])
  ).rows;
  const rest = (await client.query<PlaceRow>(`${base} ORDER BY md5(id::text || $1)`, [String(seed)])).rows;
  const inNetwork = new Set(near.map((p) => p.id));
  const order = [...near, ...rest.filter((p) => !inNetwork.has(p.id))];
  const horizonEnd = now.getTime() + 183 * DAY_MS;
  const ateliers: unknown[][] = [];
  const rows: unknown[][] = [];
  const stats: AtelierDataset = {
    placesWithAteliers: 0,
    series: 0,
    upcomingSessions: 0,
    pastSessions: 0,
    cancelledSessions: 0,
    cancelledSeries: 0,
    seriesWithRegistrationOnReperes: 0,
    sessionsWithSeatsTaken: 0,
    onlineSeries: 0,
    network: { slug: 'reseau-bench-lyon', places: near.length, upcomingSessions: 0 },
    kinds: {},
  };
  const slugs = new Set<string>();
  for (const place of order) {
    if (stats.upcomingSessions >= wanted) break;
    stats.placesWithAteliers++;
    const count = rand() < 0.7 ? 1 : rand() < 0.83 ? 2 : 3;
    for (let k = 0; k < count; k++) {
      const own = CATALOGUE.filter((c) => place.services.includes(c.theme));
      const item = own.length && rand() < 0.8 ? pick(own) : pick(CATALOGUE);
      const themes = [item.theme, ...(rand() < 0.25 ? [pick(CATALOGUE).theme] : [])].filter((t, i, all) => all.indexOf(t) === i);
      const x = rand();
      const kind = x < 0.4 ? 'weekly' : x < 0.65 ? 'cycle' : x < 0.9 ? 'biweekly' : 'monthly';
      stats.kinds[kind] = (stats.kinds[kind] ?? 0) + 1;
      const day = rand() < 0.1 ? 5 : Math.floor(rand() * 5);
      const [hour, minute] = pick(START_HOURS);
      const minutes = rand() < 0.5 ? 90 : 120;
      // The first day: open series began 8 weeks ago; the others start within two months.
      const startOffset = kind === 'weekly' ? -56 : Math.floor(rand() * 60);
      const w = wallTimeIn(place.time_zone, new Date(now.getTime() + startOffset * DAY_MS));
      const first = new Date(Date.UTC(w.year, w.month - 1, w.day));
      first.setUTCDate(first.getUTCDate() + ((day + 1 - first.getUTCDay() + 7) % 7));
      const step = kind === 'biweekly' ? 14 : kind === 'monthly' ? 28 : 7;
      const total = kind === 'cycle' ? 6 + Math.floor(rand() * 5) : 1000;
      const online = rand() < 0.05;
      const registration = rand() < 0.25 ? 'REPERES' : pick(['NONE', 'NONE', 'PHONE', 'PHONE', 'EMAIL', 'EXTERNAL']);
      const capacity = registration === 'REPERES' ? 6 + Math.floor(rand() * 7) : null;
      const cancelled = rand() < 0.01;
      const id = randomUUID();
      let slug = slugOf(`${item.title} ${place.slug}`).slice(0, 100);
      while (slugs.has(slug)) slug = `${slug.slice(0, 96)}-${Math.floor(rand() * 1000)}`;
      slugs.add(slug);
      const starts: Date[] = [];
      for (let n = 0; n < total; n++) {
        const d = new Date(first.getTime() + n * step * DAY_MS);
        const at = instantAt(place.time_zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
        if (at.getTime() > horizonEnd) break;
        starts.push(at);
      }
      if (starts.length === 0) continue;
      const rule = `FREQ=${kind === 'monthly' ? 'WEEKLY;INTERVAL=4' : kind === 'biweekly' ? 'WEEKLY;INTERVAL=2' : 'WEEKLY'};BYDAY=${DAYS[day]}${kind === 'cycle' ? `;COUNT=${total}` : ''}`;
      stats.series++;
      if (cancelled) stats.cancelledSeries++;
      if (online) stats.onlineSeries++;
      if (capacity) stats.seriesWithRegistrationOnReperes++;
      const contact =
        registration === 'PHONE'
          ? '02 41 00 00 00'
          : registration === 'EMAIL'
            ? 'ateliers@example.org'
            : registration === 'EXTERNAL'
              ? 'https://example.org/inscription'
              : null;
      ateliers.push([
        id,
        slug,
        place.id,
        item.title,
        item.summary,
        themes.join('|'),
        pick(['Debutant', 'Debutant', 'Intermediaire', null]),
        rand() < 0.75 ? 'Gratuit' : rand() < 0.4 ? 'Gratuit sous condition' : 'Payant',
        place.time_zone,
        starts[0],
        new Date(starts[0].getTime() + minutes * 60_000),
        rule,
        capacity,
        registration,
        contact,
        online,
        cancelled ? now : null,
      ]);
      for (const at of starts) {
        const upcoming = at.getTime() + minutes * 60_000 > now.getTime();
        if (upcoming) {
          stats.upcomingSessions++;
          if (inNetwork.has(place.id)) stats.network.upcomingSessions++;
        } else stats.pastSessions++;
        const soon = at.getTime() - now.getTime() < 21 * DAY_MS;
        const taken = capacity ? Math.min(capacity, Math.floor(rand() * (soon ? capacity + 3 : capacity / 2))) : 0;
        if (taken) stats.sessionsWithSeatsTaken++;
        const off = rand() < 0.03;
        if (off) stats.cancelledSessions++;
        rows.push([randomUUID(), id, at, new Date(at.getTime() + minutes * 60_000), capacity, taken, off ? now : null]);
      }
    }
  }
  const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  // Timestamps as UTC wall times (Prisma's TIMESTAMP(3) columns hold UTC), whatever the machine's zone.
  const column = (chunk: unknown[][], i: number) => chunk.map((r) => (r[i] instanceof Date ? r[i].toISOString().slice(0, 23) : r[i]));
  for (const chunk of chunks(ateliers, 5000)) {
    await client.query(
      `INSERT INTO "Atelier" (id, slug, "placeId", title, summary, themes, level, fee, "timeZone", "startsAt", "endsAt", rrule, capacity, "registrationMode",
        "registrationContact", online, "cancelledAt", "updatedAt")
       SELECT id, slug, place, title, summary, string_to_array(themes, '|')::"Service"[], level::"AtelierLevel", fee::"FraisACharge", zone, starts, ends, rule,
         capacity, mode::"RegistrationMode", contact, online, cancelled, now()
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamp[],
         $11::timestamp[], $12::text[], $13::int[], $14::text[], $15::text[], $16::bool[], $17::timestamp[])
         AS t(id, slug, place, title, summary, themes, level, fee, zone, starts, ends, rule, capacity, mode, contact, online, cancelled)`,
      Array.from({ length: 17 }, (_, i) => column(chunk, i)),
    );
  }
  for (const chunk of chunks(rows, 5000)) {
    await client.query(
      `INSERT INTO "AtelierSession" (id, "atelierId", "startsAt", "endsAt", capacity, "seatsTaken", "cancelledAt")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamp[], $4::timestamp[], $5::int[], $6::int[], $7::timestamp[])`,
      Array.from({ length: 7 }, (_, i) => column(chunk, i)),
    );
  }
  const network = (
    await client.query<{ id: string }>(
      `INSERT INTO "Network" (id, slug, name, territory, "updatedAt") VALUES (gen_random_uuid(), $1, 'Réseau des lieux de médiation numérique (Lyon)', '{69}', now()) RETURNING id`,
      [stats.network.slug],
    )
  ).rows[0];
  await client.query(`INSERT INTO "NetworkMembership" ("placeId", "networkId") SELECT unnest($1::uuid[]), $2`, [near.map((p) => p.id), network.id]);
  await client.query('VACUUM ANALYZE "Atelier"');
  await client.query('VACUUM ANALYZE "AtelierSession"');
  await client.query('ANALYZE "NetworkMembership"');
  await client.end();
  return { dataset: stats, ...(await benchSlugs(url)) };
}

/** The ateliers (not cancelled) in a fixed random order, and the places holding ateliers. */
export async function benchSlugs(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const atelierSlugs = (await client.query<{ slug: string }>(`SELECT slug FROM "Atelier" WHERE "cancelledAt" IS NULL ORDER BY md5(slug)`)).rows.map(
    (r) => r.slug,
  );
  const placeSlugs = (await client.query<{ slug: string }>(`SELECT DISTINCT p.slug FROM "Atelier" a JOIN "Place" p ON p.id = a."placeId" ORDER BY 1`)).rows.map(
    (r) => r.slug,
  );
  await client.end();
  return { atelierSlugs, placeSlugs };
}
