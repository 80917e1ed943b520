'use client';
// "Ma sélection" and the fiche built from it: reorder, annotate, say who it is for, then print,
// download the PDF, write to the person with one's own mail app (a mailto: link carrying the
// share link) or share the link. Signed-in professionals may also have Repères send the PDF
// (lib/orientation/send.ts). Everything stays in this browser until a PDF or an email is asked
// for, and the server forgets it once done.
import { useEffect, useMemo, useState } from 'react';
import type { FichePlace } from '@/lib/orientation/fiche';
import { ficheMailto } from '@/lib/orientation/mailto';
import type { FicheSession } from '@/lib/orientation/sessions';
import { FicheView } from './FicheView';
import { SelectedSessions } from './SelectedSessions';
import { HandOver, SendByMail, ShareLink } from './SelectionHandOver';
import { getBeneficiary, getProfessional, saveBeneficiary, saveProfessional, setSelection, type Professional, type SelectedPlace } from './selection-store';
import { useSelection } from './use-selection';
import { useSessionSelection } from './use-session-selection';

function move(list: SelectedPlace[], index: number, by: number) {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item);
  return next;
}

export function SelectionSheet({ canSendByMail = false }: { canSendByMail?: boolean }) {
  const selection = useSelection();
  const chosenSessions = useSessionSelection();
  const [mounted, setMounted] = useState(false);
  const [beneficiary, setBeneficiary] = useState({ firstName: '', need: '' });
  const [professional, setProfessional] = useState<Professional>({ structure: '', contact: '' });
  const [copied, setCopied] = useState('');

  useEffect(() => {
    // The browser's storage is only readable once mounted.
    /* eslint-disable react-hooks/set-state-in-effect -- read once after mounting: the server render has no storage */
    setMounted(true);
    setBeneficiary(getBeneficiary());
    setProfessional(getProfessional());
    /* eslint-enable react-hooks/set-state-in-effect */
  }, []);

  const { details, sessionDetails, loaded, loadError } = usePlaceDetails(selection.map((p) => p.id).join(','), chosenSessions.map((s) => s.id).join(','));
  const sessions = useMemo(
    () =>
      chosenSessions.flatMap((c) => {
        const d = sessionDetails.find((x) => x.id === c.id);
        return d ? [{ ...d, note: c.note }] : [];
      }),
    [chosenSessions, sessionDetails],
  );

  const places = useMemo(
    () =>
      selection
        .map((s) => details.find((d) => d.id === s.id))
        .filter((d): d is FichePlace => !!d)
        .map((d) => ({ ...d, note: selection.find((s) => s.id === d.id)?.note ?? '' })),
    [selection, details],
  );
  const request = {
    places: selection.map((p) => ({ id: p.id, note: p.note })),
    sessions: chosenSessions.map((s) => ({ id: s.id, note: s.note })),
    firstName: beneficiary.firstName,
    need: beneficiary.need,
    professional,
  };
  const shareUrl =
    mounted && places.length + sessions.length
      ? `${window.location.origin}/orienter/fiche?lieux=${places.map((p) => p.slug).join(',')}${sessions.length ? `&seances=${sessions.map((s) => s.id).join(',')}` : ''}`
      : '';
  const missing = selection.length - places.length;
  const mailto = shareUrl ? ficheMailto({ shareUrl, firstName: beneficiary.firstName, structure: professional.structure, contact: professional.contact }) : '';

  if (!mounted) return <p>Chargement de votre sélection…</p>;
  if (selection.length === 0 && chosenSessions.length === 0) return <EmptySelection />;

  const updateBeneficiary = (change: Partial<typeof beneficiary>) => {
    const next = { ...beneficiary, ...change };
    setBeneficiary(next);
    saveBeneficiary(next);
  };
  const updateProfessional = (change: Partial<Professional>) => {
    const next = { ...professional, ...change };
    setProfessional(next);
    saveProfessional(next);
  };

  return (
    <div className="selection">
      <section aria-labelledby="lieux-choisis" className="no-print">
        <h2 id="lieux-choisis">Lieux choisis ({selection.length})</h2>
        <SelectedPlaces selection={selection} missing={missing} loadError={loadError} detailsLoaded={details.length > 0} />
      </section>
      <SelectedSessions sessions={chosenSessions} details={sessionDetails} detailsLoaded={loaded && !loadError} />

      <WhoFor beneficiary={beneficiary} professional={professional} updateBeneficiary={updateBeneficiary} updateProfessional={updateProfessional} />

      <HandOverSection request={request} mailto={mailto} canSendByMail={canSendByMail} shareUrl={shareUrl} copied={copied} setCopied={setCopied} />

      <Preview places={places} sessions={sessions} beneficiary={beneficiary} professional={professional} loadError={loadError} />
    </div>
  );
}

/** The published details of the selected places and sessions (by id), fetched again when the selection changes. */
function usePlaceDetails(ids: string, sessionIds: string) {
  const [details, setDetails] = useState<FichePlace[]>([]);
  const [sessionDetails, setSessionDetails] = useState<FicheSession[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    if (!ids && !sessionIds) return;
    const controller = new AbortController();
    fetch(`/api/orientation/lieux?ids=${ids}&seances=${sessionIds}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { places: FichePlace[]; sessions?: FicheSession[] }) => {
        setDetails(body.places);
        setSessionDetails(body.sessions ?? []);
        setLoaded(true);
        setLoadError('');
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setLoadError('Les détails des lieux n’ont pas pu être chargés : vérifiez la connexion et rechargez la page.');
      });
    return () => controller.abort();
  }, [ids, sessionIds]);
  return { details, sessionDetails, loaded, loadError };
}

/** What an empty selection says: how to fill it. */
function EmptySelection() {
  return (
    <div className="notice" data-testid="empty-selection">
      <p>
        <strong>Votre sélection est vide.</strong>
      </p>
      <p>
        Pour préparer une fiche d’orientation : <a href="/orienter">répondez aux quatre questions</a> ou <a href="/recherche">cherchez un lieu</a>, puis appuyez
        sur « Ajouter à ma sélection » sur chaque lieu qui convient. Votre sélection reste dans ce navigateur, même si vous fermez la page.
      </p>
    </div>
  );
}

/** The chosen places in order, to move, remove and annotate; and what could not be shown. */
function SelectedPlaces({
  selection,
  missing,
  loadError,
  detailsLoaded,
}: {
  selection: SelectedPlace[];
  missing: number;
  loadError: string;
  detailsLoaded: boolean;
}) {
  return (
    <>
      <ol className="selection-list">
        {selection.map((place, index) => (
          <li key={place.id} className="selection-item" data-testid="selection-item">
            <div className="selection-item__head">
              <h3>
                <a href={`/lieux/${place.slug}`}>{place.name}</a>
              </h3>
              <span className="admin-actions">
                <button type="button" className="button button--small" disabled={index === 0} onClick={() => setSelection(move(selection, index, -1))}>
                  Monter<span className="visually-hidden"> {place.name}</span>
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={index === selection.length - 1}
                  onClick={() => setSelection(move(selection, index, 1))}
                >
                  Descendre<span className="visually-hidden"> {place.name}</span>
                </button>
                <button type="button" className="button button--small button--danger" onClick={() => setSelection(selection.filter((p) => p.id !== place.id))}>
                  Retirer<span className="visually-hidden"> {place.name}</span>
                </button>
              </span>
            </div>
            <div className="field">
              <label htmlFor={`note-${place.id}`}>Note pour la personne (facultatif)</label>
              <textarea
                id={`note-${place.id}`}
                maxLength={300}
                rows={2}
                placeholder="Ex. : demander Julie, le mardi"
                value={place.note}
                onChange={(e) => setSelection(selection.map((p) => (p.id === place.id ? { ...p, note: e.target.value } : p)))}
              />
            </div>
          </li>
        ))}
      </ol>
      {missing > 0 && !loadError && detailsLoaded && (
        <p className="notice notice--warning">{missing} lieu(x) de la sélection ne sont plus publiés : ils ne figurent pas sur la fiche.</p>
      )}
      {loadError && (
        <p className="notice notice--error" role="alert">
          {loadError}
        </p>
      )}
    </>
  );
}

/** Who the fiche is for (kept in this tab only) and the professional's structure (kept for their next fiches). */
function WhoFor({
  beneficiary,
  professional,
  updateBeneficiary,
  updateProfessional,
}: {
  beneficiary: { firstName: string; need: string };
  professional: Professional;
  updateBeneficiary: (change: Partial<{ firstName: string; need: string }>) => void;
  updateProfessional: (change: Partial<Professional>) => void;
}) {
  return (
    <section aria-labelledby="pour-qui" className="no-print">
      <h2 id="pour-qui">Pour qui ?</h2>
      <div className="field">
        <label htmlFor="firstName">Prénom de la personne (facultatif)</label>
        <input
          id="firstName"
          maxLength={60}
          autoComplete="off"
          value={beneficiary.firstName}
          onChange={(e) => updateBeneficiary({ firstName: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="need">Son besoin, en une phrase (facultatif)</label>
        <input
          id="need"
          maxLength={300}
          autoComplete="off"
          placeholder="Ex. : faire sa demande de prime d’activité en ligne"
          value={beneficiary.need}
          onChange={(e) => updateBeneficiary({ need: e.target.value })}
        />
      </div>
      <h3>Votre structure</h3>
      <p className="hint">Retenue dans ce navigateur pour vos prochaines fiches.</p>
      <div className="field">
        <label htmlFor="structure">Structure</label>
        <input
          id="structure"
          maxLength={150}
          autoComplete="organization"
          value={professional.structure}
          onChange={(e) => updateProfessional({ structure: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="contact">Votre nom et contact</label>
        <input id="contact" maxLength={200} value={professional.contact} onChange={(e) => updateProfessional({ contact: e.target.value })} />
      </div>
    </section>
  );
}

/** How the fiche reaches the person: PDF, print, mail app, Repères' own email, or the share link. */
function HandOverSection({
  request,
  mailto,
  canSendByMail,
  shareUrl,
  copied,
  setCopied,
}: {
  request: unknown;
  mailto: string;
  canSendByMail: boolean;
  shareUrl: string;
  copied: string;
  setCopied: (message: string) => void;
}) {
  return (
    <section aria-labelledby="remettre" className="no-print">
      <h2 id="remettre">Remettre la fiche</h2>
      <p className="privacy-note">Repères ne conserve rien de ce qui concerne la personne : le prénom et le besoin restent dans cet onglet.</p>
      <HandOver request={request} mailto={mailto} />
      {canSendByMail ? (
        <SendByMail request={request} />
      ) : (
        <p className="hint">
          Vous êtes un professionnel avec un compte Repères ? <a href="/connexion">Connectez-vous</a> pour que Repères envoie la fiche en PDF à la personne.
        </p>
      )}
      {shareUrl && <ShareLink shareUrl={shareUrl} copied={copied} setCopied={setCopied} />}
    </section>
  );
}

/** The fiche as it will be printed, once the places' details are in. */
function Preview({
  places,
  sessions,
  beneficiary,
  professional,
  loadError,
}: {
  places: FichePlace[];
  sessions: FicheSession[];
  beneficiary: { firstName: string; need: string };
  professional: Professional;
  loadError: string;
}) {
  return (
    <section aria-labelledby="apercu">
      <h2 id="apercu" className="no-print">
        Aperçu
      </h2>
      {places.length + sessions.length > 0 ? (
        <FicheView places={places} sessions={sessions} firstName={beneficiary.firstName} need={beneficiary.need} professional={professional} />
      ) : (
        !loadError && <p>Chargement de l’aperçu…</p>
      )}
    </section>
  );
}
