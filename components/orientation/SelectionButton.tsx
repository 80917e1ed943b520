'use client';
// "Ajouter à ma sélection" on result cards and place pages. It needs JavaScript (the selection
// lives in the browser), so it is not rendered without it.
import { useEffect, useState } from 'react';
import { MAX_SELECTION, toggle } from './selection-store';
import { useSelection } from './use-selection';

export function SelectionButton({ id, slug, name }: { id: string; slug: string; name: string }) {
  const selection = useSelection();
  const [mounted, setMounted] = useState(false);
  const [message, setMessage] = useState('');
  // eslint-disable-next-line react-hooks/set-state-in-effect -- shown only once the browser's storage is readable
  useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  const selected = selection.some((p) => p.id === id);
  return (
    <span className="selection-button">
      <button
        type="button"
        className={`button button--small${selected ? ' button--selected' : ''}`}
        aria-pressed={selected}
        onClick={() => {
          const result = toggle({ id, slug, name });
          setMessage(
            result === 'full'
              ? `Votre sélection compte déjà ${MAX_SELECTION} lieux.`
              : result === 'added'
                ? 'Ajouté à votre sélection.'
                : 'Retiré de votre sélection.',
          );
        }}
      >
        {selected ? 'Dans ma sélection ✓' : 'Ajouter à ma sélection'}
        <span className="visually-hidden"> : {name}</span>
      </button>
      <span className="visually-hidden" role="status">
        {message}
      </span>
    </span>
  );
}

export function SelectionLink() {
  const selection = useSelection();
  return <a href="/orienter/selection">Ma sélection{selection.length > 0 && <span className="count-badge"> ({selection.length})</span>}</a>;
}
