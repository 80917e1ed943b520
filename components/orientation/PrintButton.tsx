'use client';
import { printFiche } from './selection-store';

export function PrintButton() {
  return (
    <button type="button" className="button" onClick={printFiche}>
      Imprimer
    </button>
  );
}
