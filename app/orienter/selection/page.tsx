import type { Metadata } from 'next';
import { SelectionSheet } from '@/components/orientation/SelectionSheet';

export const metadata: Metadata = { title: 'Ma sélection et la fiche d’orientation', robots: { index: false } };

export default function SelectionPage() {
  return (
    <div className="container">
      <h1 className="no-print">Ma sélection</h1>
      <noscript>
        <p className="notice notice--warning">La sélection est gardée par votre navigateur : cette page a besoin de JavaScript. Les pages des lieux restent imprimables une à une.</p>
      </noscript>
      <SelectionSheet />
    </div>
  );
}
