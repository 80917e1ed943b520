import Link from 'next/link';
import { AdminTable } from '@/components/admin/AdminTable';
import { BulkForm } from '@/components/admin/BulkForm';
import { canPublishFromList, canStartPlaceCreation } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { managedNetworks } from '@/lib/networks/dashboard';
import { listAdminPlaces, pageLinks, parseAdminPlaceQuery, type AdminPlaceRow, type CompletenessBand, type PlaceSort } from '@/lib/places/admin-list';
import { bulkAction } from '../actions';

export const metadata = { title: 'Lieux' };
const STATUS = { PUBLISHED: 'Publié', DRAFT: 'Brouillon', ARCHIVED: 'Archivé' } as const;

type Props = { searchParams: Promise<{ q?: string; statut?: string; tri?: string; page?: string; reseau?: string; maj?: string; completude?: string }> };
const COMPLETENESS: Record<'' | CompletenessBand, string> = { '': 'Toutes', faible: 'Moins de 50 %', moyenne: 'De 50 à 79 %', bonne: '80 % et plus' };
const SORTS: Record<PlaceSort, string> = {
  '': 'Par commune',
  nom: 'Par nom',
  fraicheur: 'Les moins récemment confirmés d’abord',
  modifies: 'Les derniers modifiés d’abord',
};
const STALE = { '': 'Toutes', '6': 'Non confirmés depuis 6 mois', '12': 'Non confirmés depuis 12 mois' } as const;

export default async function AdminPlaces({ searchParams }: Props) {
  const user = await requireUser('/admin/lieux');
  const params = await searchParams;
  const networks = await managedNetworks(user);
  const network = networks.find((n) => n.slug === params.reseau);
  const filters = parseAdminPlaceQuery(params, network?.id);
  const { q, status, staleMonths: stale, band, page } = filters;
  const { places, total, pageCount } = await listAdminPlaces(user, filters);
  const query = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ q, statut: status, tri: params.tri, reseau: network?.slug, maj: stale, completude: band, page, ...changes }))
      if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) next.set(k, String(v));
    return `/admin/lieux?${next}`;
  };
  return (
    <>
      <div className="admin-title">
        <h1>Lieux ({total})</h1>
        {canStartPlaceCreation(user) && (
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
        <SelectFilter name="tri" label="Ordre" options={SORTS} value={filters.sort} />
        <button type="submit" className="button">
          Filtrer
        </button>
      </form>
      <PlacesTable places={places} canPublish={canPublishFromList(user)} />
      <Pagination page={page} pageCount={pageCount} href={(n) => query({ page: n })} />
    </>
  );
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

function PlacesTable({ places, canPublish }: { places: AdminPlaceRow[]; canPublish: boolean }) {
  return (
    <BulkForm action={bulkAction} canPublish={canPublish}>
      <AdminTable
        caption="Lieux de votre périmètre"
        rows={places}
        rowKey={(place) => place.id}
        columns={[
          {
            header: <span className="visually-hidden">Choisir</span>,
            cell: (place) => <input type="checkbox" name="ids" value={place.id} aria-label={`Choisir ${place.name}`} />,
          },
          { header: 'Lieu', cell: (place) => <Link href={`/admin/lieux/${place.id}`}>{place.name}</Link> },
          { header: 'Commune', cell: (place) => place.commune },
          { header: 'Statut', cell: (place) => STATUS[place.status] },
          { header: 'Confirmé le', cell: (place) => place.dateMaj.toLocaleDateString('fr-FR', { timeZone: 'UTC' }) },
          { header: 'Complétude', cell: (place) => `${place.score} %` },
        ]}
      />
    </BulkForm>
  );
}

/** Previous and next, the page numbers around this one (the first and last always). */
function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && <Link href={href(page - 1)}>← Précédente</Link>}
      <span>
        Page {page} sur {pageCount}
      </span>
      {pageCount > 1 && (
        <ol className="pagination__pages">
          {pageLinks(page, pageCount).map((n, i) =>
            n === null ? (
              <li key={`gap-${i}`} aria-hidden="true">
                …
              </li>
            ) : (
              <li key={n}>
                {n === page ? (
                  <span aria-current="page">{n}</span>
                ) : (
                  <Link href={href(n)} aria-label={`Page ${n}`}>
                    {n}
                  </Link>
                )}
              </li>
            ),
          )}
        </ol>
      )}
      {page < pageCount && <Link href={href(page + 1)}>Suivante →</Link>}
    </nav>
  );
}
