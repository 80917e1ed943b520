'use client';
// The header's "Ma sélection" link on the pages still rendered by the App Router (back-office,
// sign-in), with the count of places chosen in this browser. The public pages count it with their
// own script (components/islands/selection.ts).
import { useSelection } from './use-selection';

export function SelectionLink() {
  const selection = useSelection();
  return <a href="/orienter/selection">Ma sélection{selection.length > 0 && <span className="count-badge"> ({selection.length})</span>}</a>;
}
