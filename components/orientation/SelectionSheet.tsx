'use client';
// "Ma sélection" and the fiche built from it: reorder, annotate, say who it is for, then print,
// download the PDF, write to the person with one's own mail app (a mailto: link carrying the
// share link) or share the link. Signed-in professionals may also have Repères send the PDF
// (lib/orientation/send.ts). Everything stays in this browser until a PDF or an email is asked
// for, and the server forgets it once done. Its words are the page's (`t`, words.tsx); the PDF and
// the places' details are asked for in that language.
import { useEffect, useMemo, useState } from 'react';
import type { FichePlace } from '@/lib/orientation/fiche';
import { ficheMailto } from '@/lib/orientation/mailto';
import type { FicheSession } from '@/lib/orientation/sessions';
import { FicheView } from './FicheView';
import { SelectedSessions } from './SelectedSessions';
import { EmptySelection, WhoFor } from './SelectionForms';
import { HandOver, SendByMail, ShareLink } from './SelectionHandOver';
import { getBeneficiary, getProfessional, saveBeneficiary, saveProfessional, setSelection, type Professional, type SelectedPlace } from './selection-store';
import { useSelection } from './use-selection';
import { useSessionSelection } from './use-session-selection';
import { rich, type Words } from './words';

function move(list: SelectedPlace[], index: number, by: number) {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item);
  return next;
}

export function SelectionSheet({ canSendByMail = false, t }: { canSendByMail?: boolean; t: Words }) {
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

  const { details, sessionDetails, loaded, loadError } = usePlaceDetails(selection.map((p) => p.id).join(','), chosenSessions.map((s) => s.id).join(','), t);
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
  const shareUrl = mounted ? shareLinkOf(places, sessions, t) : '';
  const missing = selection.length - places.length;
  const mailto = shareUrl
    ? ficheMailto({ shareUrl, firstName: beneficiary.firstName, structure: professional.structure, contact: professional.contact }, t)
    : '';

  if (!mounted) return <p>{t('orient.sheet.loading')}</p>;
  if (selection.length === 0 && chosenSessions.length === 0) return <EmptySelection t={t} />;

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
        <h2 id="lieux-choisis">{t('orient.sheet.places', { count: selection.length })}</h2>
        <SelectedPlaces selection={selection} missing={missing} loadError={loadError} detailsLoaded={details.length > 0} t={t} />
      </section>
      <SelectedSessions sessions={chosenSessions} details={sessionDetails} detailsLoaded={loaded && !loadError} t={t} />

      <WhoFor beneficiary={beneficiary} professional={professional} updateBeneficiary={updateBeneficiary} updateProfessional={updateProfessional} t={t} />

      <HandOverSection request={request} mailto={mailto} canSendByMail={canSendByMail} shareUrl={shareUrl} copied={copied} setCopied={setCopied} t={t} />

      <Preview places={places} sessions={sessions} beneficiary={beneficiary} professional={professional} loadError={loadError} t={t} />
    </div>
  );
}

/** The link to the fiche in the page's language (the places and sessions, nothing about the person), or '' before anything is shown. */
function shareLinkOf(places: FichePlace[], sessions: FicheSession[], t: Words): string {
  if (places.length + sessions.length === 0) return '';
  const seances = sessions.length ? `&seances=${sessions.map((s) => s.id).join(',')}` : '';
  return `${window.location.origin}${t.path(`/orienter/fiche?lieux=${places.map((p) => p.slug).join(',')}${seances}`)}`;
}

/** The published details of the selected places and sessions (by id), in the page's language, fetched again when the selection changes. */
function usePlaceDetails(ids: string, sessionIds: string, t: Words) {
  const [details, setDetails] = useState<FichePlace[]>([]);
  const [sessionDetails, setSessionDetails] = useState<FicheSession[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    if (!ids && !sessionIds) return;
    const controller = new AbortController();
    fetch(`/api/orientation/lieux?ids=${ids}&seances=${sessionIds}&lang=${t.locale}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { places: FichePlace[]; sessions?: FicheSession[] }) => {
        setDetails(body.places);
        setSessionDetails(body.sessions ?? []);
        setLoaded(true);
        setLoadError('');
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setLoadError(t('orient.sheet.loadError'));
      });
    return () => controller.abort();
  }, [ids, sessionIds, t]);
  return { details, sessionDetails, loaded, loadError };
}

/** The chosen places in order, to move, remove and annotate; and what could not be shown. */
function SelectedPlaces({
  selection,
  missing,
  loadError,
  detailsLoaded,
  t,
}: {
  selection: SelectedPlace[];
  missing: number;
  loadError: string;
  detailsLoaded: boolean;
  t: Words;
}) {
  return (
    <>
      <ol className="selection-list">
        {selection.map((place, index) => (
          <li key={place.id} className="selection-item" data-testid="selection-item">
            <div className="selection-item__head">
              <h3>
                <a href={t.path(`/lieux/${place.slug}`)} lang="fr">
                  {place.name}
                </a>
              </h3>
              <span className="admin-actions">
                <button type="button" className="button button--small" disabled={index === 0} onClick={() => setSelection(move(selection, index, -1))}>
                  {t('orient.sheet.up')}
                  <span className="visually-hidden" lang="fr">
                    {' '}
                    {place.name}
                  </span>
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={index === selection.length - 1}
                  onClick={() => setSelection(move(selection, index, 1))}
                >
                  {t('orient.sheet.down')}
                  <span className="visually-hidden" lang="fr">
                    {' '}
                    {place.name}
                  </span>
                </button>
                <button type="button" className="button button--small button--danger" onClick={() => setSelection(selection.filter((p) => p.id !== place.id))}>
                  {t('orient.sheet.remove')}
                  <span className="visually-hidden" lang="fr">
                    {' '}
                    {place.name}
                  </span>
                </button>
              </span>
            </div>
            <div className="field">
              <label htmlFor={`note-${place.id}`}>{t('orient.sheet.note')}</label>
              <textarea
                id={`note-${place.id}`}
                maxLength={300}
                rows={2}
                placeholder={t('orient.sheet.notePlaceholder')}
                value={place.note}
                onChange={(e) => setSelection(selection.map((p) => (p.id === place.id ? { ...p, note: e.target.value } : p)))}
              />
            </div>
          </li>
        ))}
      </ol>
      {missing > 0 && !loadError && detailsLoaded && <p className="notice notice--warning">{t('orient.sheet.missing', { count: missing })}</p>}
      {loadError && (
        <p className="notice notice--error" role="alert">
          {loadError}
        </p>
      )}
    </>
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
  t,
}: {
  request: unknown;
  mailto: string;
  canSendByMail: boolean;
  shareUrl: string;
  copied: string;
  setCopied: (message: string) => void;
  t: Words;
}) {
  return (
    <section aria-labelledby="remettre" className="no-print">
      <h2 id="remettre">{t('orient.sheet.handOver')}</h2>
      <p className="privacy-note">{t('orient.sheet.privacy')}</p>
      <HandOver request={request} mailto={mailto} t={t} />
      {canSendByMail ? (
        <SendByMail request={request} t={t} />
      ) : (
        <p className="hint">
          {rich(t, 'orient.sheet.signIn', {
            link: (
              <a href="/connexion" hrefLang={t.locale === 'fr' ? undefined : 'fr'}>
                {t('orient.sheet.signInLink')}
              </a>
            ),
          })}
        </p>
      )}
      {shareUrl && <ShareLink shareUrl={shareUrl} copied={copied} setCopied={setCopied} t={t} />}
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
  t,
}: {
  places: FichePlace[];
  sessions: FicheSession[];
  beneficiary: { firstName: string; need: string };
  professional: Professional;
  loadError: string;
  t: Words;
}) {
  return (
    <section aria-labelledby="apercu">
      <h2 id="apercu" className="no-print">
        {t('orient.sheet.preview')}
      </h2>
      {places.length + sessions.length > 0 ? (
        <FicheView places={places} sessions={sessions} firstName={beneficiary.firstName} need={beneficiary.need} professional={professional} t={t} />
      ) : (
        !loadError && <p>{t('orient.sheet.previewLoading')}</p>
      )}
    </section>
  );
}
