import type { Prisma } from '@prisma/client';
import Link from 'next/link';
import { BulkForm } from '@/components/admin/BulkForm';
import { isAdmin, placeScopeWhere } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { completeness } from '@/lib/places/completeness';
import { bulkAction } from '../actions';

export const metadata = { title: 'Lieux' };
const PAGE = 25;
const STATUS = { PUBLISHED: 'Publié', DRAFT: 'Brouillon', ARCHIVED: 'Archivé' } as const;

type Props = { searchParams: Promise<{ q?: string; statut?: string; tri?: string; page?: string; reseau?: string; maj?: string; completude?: string }> };
const COMPLETENESS = { '': 'Toutes', faible: 'Moins de 50 %', moyenne: 'De 50 à 79 %', bonne: '80 % et plus' } as const;
const COMPLETENESS_RANGE = { faible: [0, 50], moyenne: [50, 80], bonne: [80, 101] } as const;
const SELECT_FOR_SCORE = { id: true, phone: true, emails: true, websites: true, openingHours: true, summary: true, presentation: true, latitude: true, longitude: true, services: true, fees: true, accessModes: true, supportModes: true, publics: true, typologies: true, accesLibreUrl: true, pivot: true } as const;
const SORTS = { '': 'Par commune', nom: 'Par nom', fraicheur: 'Les moins récemment confirmés d’abord', modifies: 'Les derniers modifiés d’abord' } as const;
const STALE = { '': 'Toutes', '6': 'Non confirmés depuis 6 mois', '12': 'Non confirmés depuis 12 mois' } as const;

export default async function AdminPlaces({ searchParams }: Props) {
  const user = await requireUser('/admin/lieux');
  const params = await searchParams;
  const q = (params.q ?? '').slice(0, 100);
  const status = params.statut && params.statut in STATUS ? (params.statut as keyof typeof STATUS) : undefined;
  const page = Math.max(1, Math.min(1000, Number(params.page) || 1));
  const networks = user.role === 'EDITOR' ? [] : await db.network.findMany({ where: isAdmin(user) ? {} : { id: { in: user.networkIds } }, orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true } });
  const network = networks.find((n) => n.slug === params.reseau);
  const stale = params.maj === '6' || params.maj === '12' ? Number(params.maj) : undefined;
  const staleBefore = stale ? monthsAgo(stale) : undefined;
  const where: Prisma.PlaceWhereInput = {
    AND: [placeScopeWhere(user), network ? { networks: { some: { networkId: network.id } } } : {}],
    ...(status ? { status } : {}),
    ...(staleBefore ? { dateMaj: { lt: staleBefore } } : {}),
    ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { commune: { contains: q, mode: 'insensitive' } }] } : {}),
  };
  const orderBy: Prisma.PlaceOrderByWithRelationInput[] =
    params.tri === 'fraicheur' ? [{ dateMaj: 'asc' }, { name: 'asc' }] : params.tri === 'modifies' ? [{ updatedAt: 'desc' }] : params.tri === 'nom' ? [{ name: 'asc' }] : [{ commune: 'asc' }, { name: 'asc' }];
  const band = params.completude && params.completude in COMPLETENESS_RANGE ? (params.completude as keyof typeof COMPLETENESS_RANGE) : undefined;
  if (band) {
    // The score is computed, not stored: narrow the list to the ids in that band first.
    const [min, max] = COMPLETENESS_RANGE[band];
    const scored = await db.place.findMany({ where, select: SELECT_FOR_SCORE, take: 20_000 });
    where.id = { in: scored.filter((p) => { const { score } = completeness(p); return score >= min && score < max; }).map((p) => p.id) };
  }
  const [total, places] = await Promise.all([db.place.count({ where }), db.place.findMany({ where, orderBy, skip: (page - 1) * PAGE, take: PAGE })]);
  const query = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ q, statut: status, tri: params.tri, reseau: network?.slug, maj: stale, completude: band, page, ...changes })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) next.set(k, String(v));
    return `/admin/lieux?${next}`;
  };
  return (
    <>
      <div className="admin-title">
        <h1>Lieux ({total})</h1>
        {user.role !== 'EDITOR' && (
          <Link className="button button--primary" href="/admin/lieux/nouveau">
            Créer un lieu
          </Link>
        )}
      </div>
      <form method="get" className="admin-filters" role="search">
        <div className="field">
          <label htmlFor="q">Nom ou commune</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <div className="field">
          <label htmlFor="statut">Statut</label>
          <select id="statut" name="statut" defaultValue={status ?? ''}>
            <option value="">Tous</option>
            {Object.entries(STATUS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {networks.length > 1 && (
          <div className="field">
            <label htmlFor="reseau">Réseau</label>
            <select id="reseau" name="reseau" defaultValue={network?.slug ?? ''}>
              <option value="">Tous</option>
              {networks.map((n) => (
                <option key={n.slug} value={n.slug}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <SelectFilter name="maj" label="Fraîcheur" options={STALE} value={stale ? String(stale) : ''} />
        <SelectFilter name="completude" label="Complétude" options={COMPLETENESS} value={band ?? ''} />
        <SelectFilter name="tri" label="Ordre" options={SORTS} value={params.tri && params.tri in SORTS ? params.tri : ''} />
        <button type="submit" className="button">
          Filtrer
        </button>
      </form>
      <BulkForm action={bulkAction} canPublish={user.role !== 'EDITOR'}>
      <table className="admin-table">
        <caption className="visually-hidden">Lieux de votre périmètre</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Choisir</span>
            </th>
            <th scope="col">Lieu</th>
            <th scope="col">Commune</th>
            <th scope="col">Statut</th>
            <th scope="col">Confirmé le</th>
            <th scope="col">Complétude</th>
          </tr>
        </thead>
        <tbody>
          {places.map((place) => (
            <tr key={place.id}>
              <td>
                <input type="checkbox" name="ids" value={place.id} aria-label={`Choisir ${place.name}`} />
              </td>
              <td>
                <Link href={`/admin/lieux/${place.id}`}>{place.name}</Link>
              </td>
              <td>{place.commune}</td>
              <td>{STATUS[place.status]}</td>
              <td>{place.dateMaj.toLocaleDateString('fr-FR', { timeZone: 'UTC' })}</td>
              <td>{completeness(place).score} %</td>
            </tr>
          ))}
        </tbody>
      </table>
      </BulkForm>
      <nav className="pagination" aria-label="Pages">
        {page > 1 && <Link href={query({ page: page - 1 })}>← Précédente</Link>}
        <span>
          Page {page} sur {Math.max(1, Math.ceil(total / PAGE))}
        </span>
        {page * PAGE < total && <Link href={query({ page: page + 1 })}>Suivante →</Link>}
      </nav>
    </>
  );
}

function monthsAgo(months: number) {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

function SelectFilter({ name, label, options, value }: { name: string; label: string; options: Record<string, string>; value: string }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value}>
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
