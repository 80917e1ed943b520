'use client';
// How the fiche leaves the selection page: as a PDF, printed or in the person's own mail app
// (HandOver), as a share link to copy or send by SMS (ShareLink), or sent by Repères to an address
// typed once (SendByMail, signed-in professionals only). Used by SelectionSheet.
import { useState } from 'react';
import { PrintButton } from './PrintButton';

/** The fiche as a PDF, printed, or in the person's own mail app (a mailto: link with the share link). */
export function HandOver({ request, mailto }: { request: unknown; mailto: string }) {
  return (
    <>
      <div className="selection-actions">
        <form method="post" action="/api/orientation/pdf">
          <input type="hidden" name="fiche" value={JSON.stringify(request)} />
          <button type="submit" className="button button--primary">
            Télécharger la fiche (PDF)
          </button>
        </form>
        <PrintButton />
        {mailto && (
          <a className="button" href={mailto}>
            Écrire avec ma messagerie
          </a>
        )}
      </div>
      {mailto && (
        <p className="hint">
          « Écrire avec ma messagerie » ouvre votre logiciel de courriel avec le lien vers les lieux ; vous choisissez le destinataire et pouvez joindre le PDF.
        </p>
      )}
    </>
  );
}

/** The share link (places only, nothing about the person), to copy or send by SMS. */
export function ShareLink({ shareUrl, copied, setCopied }: { shareUrl: string; copied: string; setCopied: (message: string) => void }) {
  return (
    <div className="field">
      <label htmlFor="share">Lien à envoyer par SMS (il contient les lieux, rien sur la personne)</label>
      <div className="location-field__row">
        <input id="share" readOnly value={shareUrl} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button"
          onClick={() =>
            navigator.clipboard?.writeText(shareUrl).then(
              () => setCopied('Lien copié.'),
              () => setCopied('Copiez le lien à la main.'),
            )
          }
        >
          Copier
        </button>
        <a className="button" href={`sms:?&body=${encodeURIComponent(`Les lieux pour vous aider : ${shareUrl}`)}`}>
          Envoyer par SMS
        </a>
      </div>
      <span role="status" className="hint">
        {copied}
      </span>
    </div>
  );
}

/** Repères sends the fiche as a PDF to the address typed (signed-in professionals only); the address is then forgotten. */
export function SendByMail({ request }: { request: unknown }) {
  const [email, setEmail] = useState('');
  const [sendState, setSendState] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const [sending, setSending] = useState(false);
  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    setSendState(null);
    try {
      const response = await fetch('/api/orientation/envoi', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fiche: request, email }),
      });
      const body = (await response.json()) as { message: string };
      setSendState({ tone: response.ok ? 'success' : 'error', message: body.message });
      if (response.ok) setEmail('');
    } catch {
      setSendState({ tone: 'error', message: 'L’envoi n’a pas abouti : vérifiez la connexion et réessayez.' });
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <form onSubmit={send} className="selection-actions" aria-describedby="envoi-aide">
        <p id="envoi-aide" className="hint">
          Envoi par Repères, le PDF joint, à votre nom (la réponse vous parviendra). L’adresse sert à cet envoi puis est oubliée. Pas d’adresse web dans les
          notes : les liens vers les lieux sont ajoutés d’office.
        </p>
        <div className="field">
          <label htmlFor="email">Adresse électronique de la personne</label>
          <input id="email" type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={sending}>
          Envoyer la fiche par Repères
        </button>
      </form>
      {sendState && (
        <p className={`notice ${sendState.tone === 'error' ? 'notice--error' : 'notice--success'}`} role={sendState.tone === 'error' ? 'alert' : 'status'}>
          {sendState.message}
        </p>
      )}
    </>
  );
}
