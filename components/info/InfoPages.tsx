// The site's information pages (footer links): accessibility statement and legal notice. Plain
// markup (rendered by lib/render: app/accessibilite/route.ts, app/mentions-legales/route.ts).

export function AccessibilityView() {
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

export function LegalView() {
  return (
    <div className="container prose">
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>Repères est un logiciel libre, publié par ses contributeurs. L’instance que vous consultez est éditée par la structure qui l’héberge.</p>
      <h2>Données personnelles</h2>
      <p>
        La consultation de l’annuaire ne demande aucun compte et ne dépose aucun cookie de suivi. Les contributeurs connectés disposent d’un cookie de session,
        strictement nécessaire. Les adresses électroniques laissées dans un signalement servent uniquement à vous répondre.
      </p>
      <h2 id="recherches">Ce que Repères garde de vos recherches</h2>
      <p>
        Pour montrer où l’aide au numérique manque, Repères compte les recherches faites autour d’une commune, sans rien garder qui permette de savoir qui a
        cherché. Quand une recherche trouve une commune ou une adresse, seul un total est augmenté de un, sur une ligne qui contient exactement :
      </p>
      <ul data-testid="demand-kept">
        <li>la semaine (son lundi), jamais le jour ni l’heure ;</li>
        <li>le code INSEE de la commune cherchée (pour une adresse, celui de sa commune), jamais l’adresse ;</li>
        <li>
          les besoins et les filtres choisis dans les listes proposées (par exemple « Aide pour mes papiers en ligne », « Gratuit »), jamais un texte tapé ;
        </li>
        <li>la tranche du rayon de recherche (2 à 4 km, 5 à 9, 10 à 19, 20 km et plus) ;</li>
        <li>combien de lieux ont répondu à moins de 5, 10 et 20 km : aucun, 1 ou 2, 3 ou plus.</li>
      </ul>
      <p>
        Ne sont jamais gardés avec ces totaux : l’adresse ou le texte tapé, le nom d’un lieu cherché, votre position (« autour de moi » n’est pas compté), votre
        adresse IP, un cookie ou un identifiant. Les totaux sont effacés après deux ans. Ils sont publiés sur les pages des territoires et en données ouvertes (
        <a href="/donnees/export/recherches-sans-lieu.csv">recherches-sans-lieu.csv</a>) ; une commune ou un besoin n’y est nommé qu’à partir de 5 recherches,
        les plus petits nombres sont regroupés.
      </p>
      <p id="recherches-repetees">
        Pour qu’une même recherche répétée ne compte qu’une fois par jour (sans quoi un programme pourrait faire paraître une commune moins bien servie qu’elle
        ne l’est), Repères retient pendant la journée une empreinte de votre adresse IP et de la recherche, brouillée par un secret tiré au hasard chaque jour.
        Sans ce secret, l’empreinte ne permet pas de retrouver l’adresse ; elle reste dans la mémoire du serveur (ou de son cache partagé), n’est jamais écrite
        avec les totaux, et elle est effacée avec le secret à la fin de la journée.
      </p>
      <h2>Données des lieux</h2>
      <p>
        Les informations sur les lieux sont publiées sous Licence Ouverte / Open Licence 2.0 (etalab-2.0) au format du standard national des lieux de médiation
        numérique.
      </p>
    </div>
  );
}
