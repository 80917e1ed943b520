'use client';
// Prints the page (the browser's own print works too, without JavaScript).

export function PrintButton({ label = 'Imprimer' }: { label?: string }) {
  return (
    <button type="button" className="button button--small no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
