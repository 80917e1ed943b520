import Link from 'next/link';
import { notFound } from 'next/navigation';
import { canManageImportSources } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { importSourcesForAdmin } from '@/lib/import/run-reads';
import { allNetworks } from '@/lib/networks/dashboard';
import { updateSourceAction } from '../actions';

export const metadata = { title: 'Sources d’import' };
export const dynamic = 'force-dynamic';

const MESSAGES: Record<string, string> = {
  'invalid-priority': 'La priorité doit être un nombre entier entre -1000 et 1000.',
  'unknown-network': 'Réseau inconnu.',
  'unknown-source': 'Cette source n’existe plus.',
};

type Props = { searchParams: Promise<{ ok?: string; erreur?: string }> };

export default async function SourcesPage({ searchParams }: Props) {
  const user = await requireUser('/admin/import/sources');
  if (!canManageImportSources(user)) notFound();
  const { ok, erreur } = await searchParams;
  const [sources, networks] = await Promise.all([importSourcesForAdmin(user), allNetworks()]);
  return (
    <>
      <p>
        <Link href="/admin/import">← Imports</Link>
      </p>
      <h1>Sources d’import</h1>
      <p>
        Chaque nom de source appartient au réseau de son premier import (ou à l’administration) : seules les coordinations de ce réseau peuvent importer sous ce
        nom. Quand deux sources décrivent le même lieu, chaque information vient de la ligne la plus récente ; à date égale, de la source de plus haute
        priorité.
      </p>
      {ok && (
        <p className="notice notice--success" role="status">
          Source « {ok} » enregistrée.
        </p>
      )}
      {erreur && MESSAGES[erreur] && (
        <p className="notice notice--error" role="alert">
          {MESSAGES[erreur]}
        </p>
      )}
      {sources.length === 0 ? (
        <p>Aucune source encore : elles apparaissent ici après leur premier import.</p>
      ) : (
        <SourcesTable sources={sources} networks={networks} />
      )}
    </>
  );
}

type Source = Awaited<ReturnType<typeof importSourcesForAdmin>>[number];
type Network = Awaited<ReturnType<typeof allNetworks>>[number];

function SourcesTable({ sources, networks }: { sources: Source[]; networks: Network[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Lieux</th>
          <th scope="col">Appartient à</th>
          <th scope="col">Priorité</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source, i) => (
          <tr key={source.name}>
            <th scope="row">{source.name}</th>
            <td>{source.places}</td>
            <td>
              <label htmlFor={`reseau-${i}`} className="visually-hidden">
                Propriétaire de la source {source.name}
              </label>
              <select id={`reseau-${i}`} name="reseau" form={`source-${i}`} defaultValue={source.network?.slug ?? ''}>
                <option value="">Administration</option>
                {networks.map((network) => (
                  <option key={network.slug} value={network.slug}>
                    {network.name}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <label htmlFor={`priorite-${i}`} className="visually-hidden">
                Priorité de la source {source.name}
              </label>
              <input
                id={`priorite-${i}`}
                name="priorite"
                form={`source-${i}`}
                type="number"
                step={1}
                min={-1000}
                max={1000}
                defaultValue={source.priority}
                inputMode="numeric"
              />
            </td>
            <td>
              <form id={`source-${i}`} action={updateSourceAction.bind(null, source.name)}>
                <button type="submit" className="button button--small">
                  Enregistrer<span className="visually-hidden"> la source {source.name}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
