'use client';
// Replaces the whole document when even the root layout fails.
import { ServiceUnavailable } from '@/components/layout/ServiceUnavailable';
import './globals.css';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body>
        <main id="contenu">
          <ServiceUnavailable digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
