'use client';
// How the fiche leaves the selection page: as a PDF, printed or in the person's own mail app
// (HandOver), as a share link to copy or send by SMS (ShareLink), or sent by Repères to an address
// typed once (SendByMail, signed-in professionals only). Used by SelectionSheet, in its words; the
// PDF and the mail are asked for in the page's language (?lang=), and the mail route answers in it.
import { useState } from 'react';
import { PrintButton } from './PrintButton';
import type { Words } from './words';

/** The fiche as a PDF, printed, or in the person's own mail app (a mailto: link with the share link). */
export function HandOver({ request, mailto, t }: { request: unknown; mailto: string; t: Words }) {
  return (
    <>
      <div className="selection-actions">
        <form method="post" action={`/api/orientation/pdf?lang=${t.locale}`}>
          <input type="hidden" name="fiche" value={JSON.stringify(request)} />
          <button type="submit" className="button button--primary">
            {t('orient.sheet.pdf')}
          </button>
        </form>
        <PrintButton label={t('island.print')} />
        {mailto && (
          <a className="button" href={mailto}>
            {t('orient.sheet.mailApp')}
          </a>
        )}
      </div>
      {mailto && <p className="hint">{t('orient.sheet.mailAppHint', { mailApp: t('orient.sheet.mailApp') })}</p>}
    </>
  );
}

/** The share link (places only, nothing about the person), to copy or send by SMS. */
export function ShareLink({ shareUrl, copied, setCopied, t }: { shareUrl: string; copied: string; setCopied: (message: string) => void; t: Words }) {
  return (
    <div className="field">
      <label htmlFor="share">{t('orient.sheet.share')}</label>
      <div className="location-field__row">
        <input id="share" readOnly dir="ltr" value={shareUrl} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button"
          onClick={() =>
            navigator.clipboard?.writeText(shareUrl).then(
              () => setCopied(t('island.linkCopied')),
              () => setCopied(t('orient.sheet.copyByHand')),
            )
          }
        >
          {t('orient.sheet.copy')}
        </button>
        <a className="button" href={`sms:?&body=${encodeURIComponent(t('orient.sheet.smsBody', { url: shareUrl }))}`}>
          {t('orient.sheet.sms')}
        </a>
      </div>
      <span role="status" className="hint">
        {copied}
      </span>
    </div>
  );
}

/** Repères sends the fiche as a PDF to the address typed (signed-in professionals only); the address is then forgotten. */
export function SendByMail({ request, t }: { request: unknown; t: Words }) {
  const [email, setEmail] = useState('');
  const [sendState, setSendState] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const [sending, setSending] = useState(false);
  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    setSendState(null);
    try {
      const response = await fetch(`/api/orientation/envoi?lang=${t.locale}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fiche: request, email }),
      });
      const body = (await response.json()) as { message: string };
      setSendState({ tone: response.ok ? 'success' : 'error', message: body.message });
      if (response.ok) setEmail('');
    } catch {
      setSendState({ tone: 'error', message: t('orient.sheet.sendFailed') });
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <form onSubmit={send} className="selection-actions" aria-describedby="envoi-aide">
        <p id="envoi-aide" className="hint">
          {t('orient.sheet.sendHelp')}
        </p>
        <div className="field">
          <label htmlFor="email">{t('orient.sheet.email')}</label>
          <input id="email" type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={sending}>
          {t('orient.sheet.send')}
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
