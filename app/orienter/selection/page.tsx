import type { Metadata } from 'next';
import { SelectionSheet } from '@/components/orientation/SelectionSheet';
import { canSendFicheByMail } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Ma sélection et la fiche d’orientation', robots: { index: false } };

// Server-sent fiches are offered to signed-in professionals only (lib/orientation/send.ts).
export default async function SelectionPage() {
  const canSendByMail = canSendFicheByMail(await getCurrentUser());
  return (
    <div className="container">
      <h1 className="no-print">Ma sélection</h1>
      <noscript>
        <p className="notice notice--warning">
          La sélection est gardée par votre navigateur : cette page a besoin de JavaScript. Les pages des lieux restent imprimables une à une.
        </p>
      </noscript>
      <SelectionSheet canSendByMail={canSendByMail} />
    </div>
  );
}
