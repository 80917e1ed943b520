// /hors-ligne: the page the service worker shows when the network fails and this phone kept no
// copy of the page asked for (issue #21). It says so in plain French and points to what works
// offline: the pages kept on this phone (listed by the worker in place of the comment below) and
// the places of a kept département. For /lieux/… asked offline, the offline search shows that place.
import { PublicDocument } from '@/components/layout/PublicDocument';
import { OfflinePanel } from './OfflinePanel';

export function OfflinePage({ nonce }: { nonce: string }) {
  return (
    <PublicDocument
      title="Hors ligne"
      description="Ce que Repères garde sur ce téléphone pour le consulter sans connexion."
      robots="noindex, follow"
      nonce={nonce}
      scripts={['site.js']}
    >
      <div className="container" data-offline-page="">
        <h1>Vous êtes hors ligne</h1>
        <p>Cette page n’a pas pu être chargée : ce téléphone n’a pas de connexion, ou elle est trop faible. Voici ce que vous pouvez consulter sans réseau.</p>
        <div data-offline-place=""></div>
        <h2>Pages déjà consultées sur ce téléphone</h2>
        {/* The service worker writes the list of kept pages in place of this comment. */}
        <div
          data-kept-pages=""
          dangerouslySetInnerHTML={{ __html: '<!--kept-pages--><p>Quand vous êtes hors ligne, la liste des pages gardées s’affiche ici.</p>' }}
        />
        <p>
          <a href="/recherche">Revenir à la recherche</a> (elle fonctionne sans réseau pour les lieux d’un département gardé).
        </p>
      </div>
      <OfflinePanel headingLevel={2} />
    </PublicDocument>
  );
}
