import Link from 'next/link';
import { AdminTable } from '@/components/admin/AdminTable';
import { canManageImportSources, canStartImports, importNeedsNetwork } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { managedNetworks } from '@/lib/networks/dashboard';
import { FORMATS, FORMAT_LABELS } from '@/lib/import/readers';
import { recentImportRuns, type RecentImportRun } from '@/lib/import/run-reads';
import { START_ERRORS, type RunSummary, type StartError } from '@/lib/import/runs';
import { STATE_LABELS } from './states';

export const metadata = { title: 'Importer un fichier' };

type Props = { searchParams: Promise<{ erreur?: string }> };

const EXAMPLE = `{
  "delimiter": ";",
  "listSeparator": ",",
  "columns": { "id": "Code", "nom": "Structure", "adresse": ["N°", "Voie"],
               "code_postal": "CP", "commune": "Ville", "horaires": "Horaires",
               "date_maj": "Mise à jour", "services": "Services" },
  "values": { "services": { "Démarches en ligne": "Aide aux démarches administratives" } },
  "defaults": { "frais_a_charge": "Gratuit", "source": "Mon département" }
}`;

export default async function ImportPage({ searchParams }: Props) {
  const user = await requireUser('/admin/import');
  if (!canStartImports(user)) return <p>Les imports de fichiers sont réservés aux administrateurs et aux coordinations de réseau.</p>;
  const { erreur } = await searchParams;
  const error = erreur && erreur in START_ERRORS ? START_ERRORS[erreur as StartError] : null;
  const [networks, runs] = await Promise.all([managedNetworks(user), recentImportRuns(user)]);
  const networkRequired = importNeedsNetwork(user);
  return (
    <>
      <h1>Importer un fichier</h1>
      <p>
        Chargez un fichier de lieux : Repères le vérifie d’abord <strong>sans rien écrire</strong> et vous montre ce qu’il ferait (lieux créés, mis à jour,
        lignes rejetées, doublons possibles). Vous confirmez ensuite l’import. Réimporter le même fichier met à jour les lieux qu’il a créés.
      </p>
      {canManageImportSources(user) && (
        <p>
          <Link href="/admin/import/sources">Sources d’import : à qui elles appartiennent, leur priorité →</Link>
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <ImportForm networks={networks} networkRequired={networkRequired} />
      <RecentRuns runs={runs} />
    </>
  );
}

/** The upload form: the file, its format, its network, its source name and options. */
function ImportForm({ networks, networkRequired }: { networks: Array<{ slug: string; name: string }>; networkRequired: boolean }) {
  return (
    <form method="post" action="/admin/import/envoi" encType="multipart/form-data" className="import-form">
      <p>
        <label htmlFor="fichier">Fichier (CSV ou JSON, 20 Mo au plus)</label>
        <input id="fichier" name="fichier" type="file" accept=".csv,.txt,.json,text/csv,application/json" required />
      </p>
      <p>
        <label htmlFor="format">Format</label>
        <select id="format" name="format" required defaultValue="standard">
          {FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="reseau">Réseau auquel rattacher les lieux{networkRequired ? '' : ' (facultatif)'}</label>
        <select id="reseau" name="reseau" required={networkRequired} defaultValue={networkRequired && networks.length === 1 ? networks[0].slug : ''}>
          {!networkRequired && <option value="">Aucun</option>}
          {networks.map((network) => (
            <option key={network.slug} value={network.slug}>
              {network.name}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="source">Nom de la source (facultatif : le nom du fichier sinon)</label>
        <input id="source" name="source" type="text" maxLength={80} aria-describedby="source-aide" />
        <span id="source-aide" className="muted">
          Une source réimportée sous le même nom met à jour ses lieux au lieu d’en créer de nouveaux.
        </span>
      </p>
      <p>
        <input id="archiver" name="archiver" type="checkbox" value="oui" />{' '}
        <label htmlFor="archiver">Archiver les lieux de cette source absents du fichier</label>
      </p>
      <details>
        <summary>Correspondance de colonnes (format « Autre CSV »)</summary>
        <p>
          Laissez vide pour choisir les colonnes à l’étape suivante, ou collez une correspondance au format JSON : chaque champ du standard (« nom », « adresse
          », « code_postal »…) reçoit le nom d’une colonne de votre fichier.
        </p>
        <label htmlFor="correspondance">Correspondance (JSON)</label>
        <textarea id="correspondance" name="correspondance" rows={8} placeholder={EXAMPLE} spellCheck={false} />
      </details>
      <p>
        <button type="submit" className="button button--primary">
          Vérifier le fichier
        </button>
      </p>
    </form>
  );
}

/** The last imports the user may see, linking to each run's page. */
function RecentRuns({ runs }: { runs: RecentImportRun[] }) {
  if (runs.length === 0) return null;
  return (
    <>
      <h2>Derniers imports</h2>
      <AdminTable
        className="table"
        rows={runs}
        rowKey={(run) => run.id}
        columns={[
          { header: 'Date', cell: (run) => run.startedAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) },
          { header: 'Fichier', cell: (run) => <Link href={`/admin/import/${run.id}`}>{run.fileName ?? run.sourceName}</Link> },
          { header: 'Source', cell: (run) => run.sourceName },
          { header: 'État', cell: (run) => STATE_LABELS[run.state] ?? run.state },
          { header: 'Lignes', cell: (run) => (run.summary as Partial<RunSummary> | null)?.total ?? '—' },
        ]}
      />
    </>
  );
}
