'use client';
import { useState } from 'react';
import { getSelection, MAX_SELECTION, setSelection } from './selection-store';

/** On a shared fiche: put its places into this browser's selection, to adjust and resend. */
export function AddAllButton({ places }: { places: Array<{ id: string; slug: string; name: string }> }) {
  const [message, setMessage] = useState('');
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          const current = getSelection();
          const added = places.filter((p) => !current.some((c) => c.id === p.id)).map((p) => ({ ...p, note: '' }));
          setSelection([...current, ...added].slice(0, MAX_SELECTION));
          setMessage(`${added.length} lieu(x) ajouté(s) à votre sélection.`);
        }}
      >
        Ajouter ces lieux à ma sélection
      </button>
      <span role="status" className="hint">
        {message}
      </span>
    </>
  );
}
