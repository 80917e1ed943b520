'use client';
import { printFiche } from './selection-store';

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button" onClick={printFiche}>
      {label}
    </button>
  );
}
