import type { Prisma } from '@prisma/client';
import Link from 'next/link';
import { placeScopeWhere } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { completeness } from '@/lib/places/completeness';

export const metadata = { title: 'Lieux' };
const PAGE = 25;
const STATUS = { PUBLISHED: 'Publié', DRAFT: 'Brouillon', ARCHIVED: 'Archivé' } as const;

type Props = { searchParams: Promise<{ q?: string; statut?: string; tri?: string; page?: string }> };

export default async function AdminPlaces({ searchParams }: Props) {
  const user = await requireUser('/admin/lieux');
  const params = await searchParams;
  const q = (params.q ?? '').slice(0, 100);
  const status = params.statut && params.statut in STATUS ? (params.statut as keyof typeof STATUS) : undefined;
  const page = Math.max(1, Math.min(1000, Number(params.page) || 1));
  const where: Prisma.PlaceWhereInput = {
    ...placeScopeWhere(user),
    ...(status ? { status } : {}),
    ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { commune: { contains: q, mode: 'insensitive' } }] } : {}),
  };
  const orderBy: Prisma.PlaceOrderByWithRelationInput[] = params.tri === 'fraicheur' ? [{ dateMaj: 'asc' }] : [{ commune: 'asc' }, { name: 'asc' }];
  const [total, places] = await Promise.all([db.place.count({ where }), db.place.findMany({ where, orderBy, skip: (page - 1) * PAGE, take: PAGE })]);
  const query = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ q, statut: status, tri: params.tri, page, ...changes })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) next.set(k, String(v));
    return `/admin/lieux?${next}`;
  };
  return (
    <>
      <h1>Lieux ({total})</h1>
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
        <div className="field">
          <label htmlFor="tri">Ordre</label>
          <select id="tri" name="tri" defaultValue={params.tri ?? ''}>
            <option value="">Par commune</option>
            <option value="fraicheur">Les moins récemment confirmés d’abord</option>
          </select>
        </div>
        <button type="submit" className="button">
          Filtrer
        </button>
      </form>
      <table className="admin-table">
        <caption className="visually-hidden">Lieux de votre périmètre</caption>
        <thead>
          <tr>
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
