'use client';
import { useState, useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** "Copier le lien", "Partager" (Web Share API when the phone has it), "Imprimer". Only shown once JavaScript runs: without it they could do nothing. */
export function ShareButtons({ url, title }: { url: string; title: string }) {
  const ready = useSyncExternalStore(subscribe, () => true, () => false);
  const canShare = useSyncExternalStore(subscribe, () => typeof navigator.share === 'function', () => false);
  const [message, setMessage] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage('Lien copié.');
    } catch {
      setMessage(`Copiez ce lien : ${url}`);
    }
  };
  const share = async () => {
    try {
      await navigator.share({ title, url });
    } catch {
      // The person cancelled, or sharing failed: nothing to say.
    }
  };
  return (
    <div className="share no-print">
      {ready && (
        <>
          <button type="button" className="button button--small" onClick={copy}>
            Copier le lien
          </button>
          {canShare && (
            <button type="button" className="button button--small" onClick={share}>
              Partager
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => window.print()}>
            Imprimer
          </button>
        </>
      )}
      <span role="status" aria-live="polite" className="muted">
        {message}
      </span>
    </div>
  );
}
