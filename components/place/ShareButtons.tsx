'use client';
import { useState } from 'react';

export function ShareButtons({ url, title }: { url: string; title: string }) {
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
    if (navigator.share) {
      try {
        await navigator.share({ title, url });
      } catch {
        // the person cancelled
      }
    } else await copy();
  };
  return (
    <div className="share no-print">
      <button type="button" className="button button--small" onClick={copy}>
        Copier le lien
      </button>
      <button type="button" className="button button--small" onClick={share}>
        Partager
      </button>
      <button type="button" className="button button--small" onClick={() => window.print()}>
        Imprimer
      </button>
      <span role="status" aria-live="polite" className="muted">
        {message}
      </span>
    </div>
  );
}
