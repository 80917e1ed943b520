import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminTable } from '@/components/admin/AdminTable';
import { ColumnChooser } from '@/components/admin/ColumnChooser';
import type { SessionUser } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import type { ColumnMapping } from '@/lib/import/generic';
import { FORMAT_LABELS, type SourceFormat } from '@/lib/import/readers';
import type { ImportReport } from '@/lib/import/run';
import { importRunFileColumns, importRunForPage, type ImportRunView } from '@/lib/import/run-reads';
import { CHOOSABLE, guessMapping, isStalled, type RunSummary } from '@/lib/import/runs';
import { chooseColumnsAction, confirmImportAction } from '../actions';
import { STATE_LABELS } from '../states';

export const metadata = { title: 'Import' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };
type Summary = RunSummary & { archiveMissing?: boolean };
const SHOWN = 100;
const ACTIONS = { update: 'Lieu existant complété (même lieu)', merge: 'Créé et signalé pour fusion', create: 'Créé (ressemblance faible)' } as const;

export default async function ImportRunPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/import/${id}`);
  const run = await importRunForPage(user, id);
  if (!run) notFound();
  const summary = run.summary as Summary | null;
  const report = run.report as unknown as ImportReport | null;
  // No progress for ten minutes: the server stopped during the import (each batch is written whole or not at all).
  const stalled = isStalled(run);
  const refresh = (run.state === 'running' && !stalled) || run.state === 'checking';

  return (
    <>
      {refresh && <meta httpEquiv="refresh" content="2" />}
      <p>
        <Link href="/admin/import">← Imports</Link>
      </p>
      <h1>Import de « {run.fileName ?? run.sourceName} »</h1>
      <p className="muted">
        {FORMAT_LABELS[run.format as SourceFormat] ?? run.format} — source « {run.sourceName} »{run.networkSlug ? ` — réseau ${run.networkSlug}` : ''} —{' '}
        {STATE_LABELS[run.state] ?? run.state}
      </p>

      {run.state === 'mapping' && <Mapping user={user} id={run.id} error={run.error} mapping={run.mapping as ColumnMapping | null} />}

      {run.state === 'checking' && <p role="status">Vérification du fichier en cours…</p>}

      {run.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          L’import n’a pas abouti : {run.error}
        </p>
      )}

      {stalled && (
        <p className="notice notice--error" role="alert">
          Cet import semble interrompu depuis plus de dix minutes (le serveur a peut-être redémarré). Les lots déjà écrits le sont entièrement : importez de
          nouveau le même fichier sous le même nom de source, les lieux déjà créés seront reconnus et seulement mis à jour.{' '}
          <Link href="/admin/import">Importer de nouveau</Link>
        </p>
      )}

      {run.state === 'running' && !stalled && <Progress run={run} />}

      {(run.state === 'pending' || run.state === 'done') && summary && report && <RunReport run={run} summary={summary} report={report} />}
    </>
  );
}

/** A confirmed import on its way: rows done and a progress bar (the page refreshes itself). */
function Progress({ run }: { run: ImportRunView }) {
  return (
    <div role="status" className="import-progress">
      <p>Import en cours : {run.done.toLocaleString('fr-FR')} lignes traitées.</p>
      <progress max={100} value={Math.round(run.fraction * 100)} aria-label="Avancement de l’import">
        {Math.round(run.fraction * 100)} %
      </progress>
      <p className="muted">Cette page se met à jour toute seule. Vous pouvez la quitter : l’import continue.</p>
    </div>
  );
}

/** A dry run's report (nothing written yet, with the confirm button) or a finished import's. */
function RunReport({ run, summary, report }: { run: ImportRunView; summary: Summary; report: ImportReport }) {
  return (
    <>
      {run.state === 'pending' ? (
        <p className="notice notice--warning">
          <strong>Essai : rien n’a encore été écrit.</strong> Voici ce que l’import ferait. Confirmez pour l’appliquer.
        </p>
      ) : (
        <p className="notice notice--success" role="status">
          <strong>Import terminé</strong>
          {run.finishedAt && run.startedAt ? ` en ${Math.max(1, Math.round((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000))} s` : ''}.
        </p>
      )}
      <Stats state={run.state} summary={summary} />
      {run.state === 'pending' && (
        <form action={confirmImportAction.bind(null, run.id)} className="review-actions">
          <button type="submit" className="button button--primary">
            Confirmer l’import
          </button>
          <Link href="/admin/import" className="button">
            Abandonner
          </Link>
        </form>
      )}
      {run.state === 'done' && summary.merges > 0 && (
        <p>
          <Link href="/admin/fusion">{summary.merges} paires de lieux à examiner pour une fusion →</Link>
        </p>
      )}

      <RejectedRows runId={run.id} report={report} foreign={summary.foreign} />

      <PossibleDuplicates runId={run.id} report={report} />

      {report.warnings.length > 0 && (
        <details>
          <summary>Avertissements ({summary.warnings})</summary>
          <ul>
            {report.warnings.slice(0, SHOWN).map((w, i) => (
              <li key={i}>
                Ligne {w.line} {w.name ? `(${w.name})` : ''} : {w.warning}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** The figures of the report, worded for a dry run (“à créer”) or a finished import (“créés”). */
function Stats({ state, summary }: { state: string; summary: Summary }) {
  return (
    <ul className="stats" aria-label="Résumé">
      <li>
        <strong>{summary.total}</strong> lignes lues
      </li>
      <li>
        <strong>{summary.created}</strong> lieux {state === 'pending' ? 'à créer' : 'créés'}
      </li>
      <li>
        <strong>{summary.updated}</strong> lieux {state === 'pending' ? 'à mettre à jour' : 'mis à jour'}
      </li>
      <li>
        <strong>{summary.unchanged}</strong> inchangés
      </li>
      {summary.archiveMissing && (
        <li>
          <strong>{summary.archived}</strong> {state === 'pending' ? 'à archiver' : 'archivés'} (absents du fichier)
        </li>
      )}
      <li>
        <strong>{summary.rejected}</strong> lignes rejetées
      </li>
      {(summary.foreign ?? 0) > 0 && (
        <li>
          <strong>{summary.foreign}</strong> {summary.foreign === 1 ? 'ligne laissée de côté' : 'lignes laissées de côté'} (lieux d’un autre réseau, non
          modifiés)
        </li>
      )}
      <li>
        <strong>{summary.duplicates}</strong> doublons possibles
      </li>
    </ul>
  );
}

/** The rows rejected (or left aside: another network's places), the first hundred, and their CSV. */
function RejectedRows({ runId, report, foreign }: { runId: string; report: ImportReport; foreign: number | undefined }) {
  return (
    <>
      <h2>
        {foreign ? 'Lignes rejetées ou laissées de côté' : 'Lignes rejetées'} ({report.rejected.length})
      </h2>
      {report.rejected.length > 0 && (
        <>
          <p>
            <a href={`/admin/import/${runId}/rejets`} download>
              Télécharger les lignes rejetées (CSV)
            </a>
          </p>
          <AdminTable
            className={null}
            rows={report.rejected.slice(0, SHOWN)}
            rowKey={(_, i) => i}
            columns={[
              { header: 'Ligne', cell: (r) => r.line },
              { header: 'Identifiant', cell: (r) => r.sourceId },
              { header: 'Nom', cell: (r) => r.name },
              { header: 'Motif', cell: (r) => r.reason },
            ]}
          />
          {report.rejected.length > SHOWN && <p className="muted">… et {report.rejected.length - SHOWN} autres dans le fichier à télécharger.</p>}
        </>
      )}
    </>
  );
}

/** The possible duplicates, with other sources or within the file, the first hundred, and their CSV. */
function PossibleDuplicates({ runId, report }: { runId: string; report: ImportReport }) {
  return (
    <>
      <h2>Doublons possibles, avec d’autres sources ou dans le fichier ({report.duplicates.length})</h2>
      {report.duplicates.length > 0 && (
        <>
          <p>
            <a href={`/admin/import/${runId}/doublons`} download>
              Télécharger les doublons possibles (CSV)
            </a>
          </p>
          <AdminTable
            className={null}
            rows={report.duplicates.slice(0, SHOWN)}
            rowKey={(_, i) => i}
            columns={[
              { header: 'Ligne', cell: (d) => d.line },
              { header: 'Lieu du fichier', cell: (d) => d.name },
              {
                header: 'Lieu déjà connu',
                cell: (d) => (
                  <>
                    {d.otherLine !== undefined && <>Ligne {d.otherLine} du fichier : </>}
                    {d.placeId ? <Link href={`/admin/lieux/${d.placeId}`}>{d.placeName}</Link> : d.placeName}
                  </>
                ),
              },
              {
                header: 'Ressemblance',
                cell: (d) =>
                  `${Math.round(d.score * 100)} % (nom ${Math.round(d.nameSimilarity * 100)} %${d.distance !== null ? `, ${d.distance} m` : ''}${d.sameAddress ? ', même adresse' : ''})`,
              },
              { header: 'Action', cell: (d) => ACTIONS[d.action] },
            ]}
          />
        </>
      )}
    </>
  );
}

/** A generic CSV waiting for its columns: the chooser, filled with the mapping given or guessed from the header. */
async function Mapping({ user, id, error, mapping }: { user: SessionUser; id: string; error: string | null; mapping: ColumnMapping | null }) {
  const columns = await importRunFileColumns(user, id);
  const current = mapping?.columns
    ? Object.fromEntries(Object.entries(mapping.columns).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
    : guessMapping(columns);
  return (
    <>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <p>Indiquez, pour chaque information, la colonne de votre fichier qui la contient. Les listes (services…) doivent utiliser les libellés du standard.</p>
      <ColumnChooser action={chooseColumnsAction.bind(null, id)} columns={columns} fields={CHOOSABLE} initial={current as Record<string, string>} />
    </>
  );
}
