import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Accessibilité' };

export default function AccessibilityPage() {
  return (
    <div className="container prose">
      <h1>Accessibilité</h1>
      <p>
        Repères s’engage à rendre son service accessible conformément au Référentiel général d’amélioration de l’accessibilité (RGAA 4.1) et aux règles WCAG 2.1
        niveau AA.
      </p>
      <h2>État de conformité</h2>
      <p>
        Les pages publiques sont testées automatiquement (axe-core) à chaque modification et utilisables au clavier. La liste des résultats de recherche
        fonctionne sans JavaScript ; la carte est un complément, jamais le seul moyen d’accéder à l’information.
      </p>
      <h2>Signaler un problème</h2>
      <p>
        Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez-nous à{' '}
        <a href="mailto:accessibilite@reperes.example">accessibilite@reperes.example</a> : nous vous répondrons et vous fournirons l’information sous une autre
        forme.
      </p>
      <h2>Voies de recours</h2>
      <p>Si vous n’obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des droits (defenseurdesdroits.fr).</p>
    </div>
  );
}
