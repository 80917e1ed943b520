// Every public page, one address each (on the end-to-end fixture data), in one list: the weight
// budget (tests/e2e/page-weight.spec.ts) and the page benchmark (bench/page-weight.ts) walk it.
// `route` names the file under app/ that answers it: a public route under app/ missing from this
// list, and not set aside in NOT_RESIDENT_PAGES with its reason, fails the spec.

export type PublicRoute = { path: string; route: string; label: string };

export const PUBLIC_ROUTES: PublicRoute[] = [
  { label: 'accueil', route: 'app/route.ts', path: '/' },
  { label: 'recherche', route: 'app/recherche/route.ts', path: '/recherche?ou=Angers' },
  { label: 'lieu', route: 'app/lieux/[slug]/route.ts', path: '/lieux/espace-numerique-des-tilleuls-angers' },
  { label: 'embed', route: 'app/embed/route.ts', path: '/embed?reseau=cybanjou' },
  { label: 'orienter', route: 'app/orienter/route.ts', path: '/orienter' },
  { label: 'orienter étape 2', route: 'app/orienter/route.ts', path: '/orienter?etape=2&besoin=AideAuxDemarchesAdministratives' },
  { label: 'orienter étape 3', route: 'app/orienter/route.ts', path: '/orienter?etape=3&ou=Angers' },
  { label: 'orienter étape 4', route: 'app/orienter/route.ts', path: '/orienter?etape=4&ou=Angers' },
  { label: 'sélection', route: 'app/orienter/selection/route.ts', path: '/orienter/selection' },
  { label: 'fiche partagée', route: 'app/orienter/fiche/route.ts', path: '/orienter/fiche?lieux=espace-numerique-des-tilleuls-angers' },
  // The professional's journey in another language (issue #20): the sheet's words come with the page, not with its script.
  { label: 'orienter (arabe)', route: 'app/orienter/route.ts', path: '/ar/orienter?etape=3&ou=Angers' },
  { label: 'sélection (arabe)', route: 'app/orienter/selection/route.ts', path: '/ar/orienter/selection' },
  { label: 'fiche partagée (ukrainien)', route: 'app/orienter/fiche/route.ts', path: '/uk/orienter/fiche?lieux=espace-numerique-des-tilleuls-angers' },
  { label: 'données', route: 'app/donnees/route.ts', path: '/donnees' },
  { label: 'réseaux', route: 'app/reseaux/route.ts', path: '/reseaux' },
  { label: 'réseau', route: 'app/reseaux/[slug]/route.ts', path: '/reseaux/cybanjou' },
  { label: 'territoire', route: 'app/territoires/[departement]/route.ts', path: '/territoires/49' },
  { label: 'commune', route: 'app/communes/[slug]/route.ts', path: '/communes/49007-angers' },
  { label: 'département', route: 'app/departements/[code]/route.ts', path: '/departements/49' },
  { label: 'ateliers', route: 'app/ateliers/route.ts', path: '/ateliers' },
  { label: 'atelier', route: 'app/ateliers/[slug]/route.ts', path: '/ateliers/prendre-en-main-son-smartphone-cholet' },
  { label: 'accessibilité', route: 'app/accessibilite/route.ts', path: '/accessibilite' },
  { label: 'mentions légales', route: 'app/mentions-legales/route.ts', path: '/mentions-legales' },
  { label: 'facile', route: 'app/facile/route.ts', path: '/facile' },
  { label: 'facile recherche', route: 'app/facile/recherche/route.ts', path: '/facile/recherche?ou=Angers' },
  { label: 'facile lieu', route: 'app/facile/lieux/[slug]/route.ts', path: '/facile/lieux/espace-numerique-des-tilleuls-angers' },
  { label: 'hors ligne', route: 'app/hors-ligne/route.ts', path: '/hors-ligne' },
  // The same pages in other languages (lib/i18n): a prefix, the same routes, the same budget.
  { label: 'accueil (ar)', route: 'app/route.ts', path: '/ar' },
  { label: 'données (uk)', route: 'app/donnees/route.ts', path: '/uk/donnees' },
  { label: 'réseaux (en)', route: 'app/reseaux/route.ts', path: '/en/reseaux' },
  { label: 'réseau (ar)', route: 'app/reseaux/[slug]/route.ts', path: '/ar/reseaux/cybanjou' },
  { label: 'embed (uk)', route: 'app/embed/route.ts', path: '/uk/embed?reseau=cybanjou' },
  { label: 'agenda embed (en)', route: 'app/embed/route.ts', path: '/en/embed?reseau=cybanjou&vue=ateliers' },
  { label: 'ateliers (ar)', route: 'app/ateliers/route.ts', path: '/ar/ateliers?ou=Cholet' },
  { label: 'atelier (fa)', route: 'app/ateliers/[slug]/route.ts', path: '/fa/ateliers/prendre-en-main-son-smartphone-cholet' },
];

/** Routes under app/ that answer HTML but are not residents' pages, and why they may keep Next.js's client runtime. */
export const NOT_RESIDENT_PAGES: Record<string, string> = {
  'app/connexion': 'sign-in of the back-office: professionals with an account, not residents',
  'app/mise-a-jour': 'a place contact answering an update campaign through a personal link, not a resident page',
  'app/ateliers/annulation/[token]': 'a registrant cancelling through a personal link (plain HTML route, already light)',
  'app/resume-hebdomadaire': 'a coordinator stopping the weekly digest through a signed personal link (plain HTML route, no script)',
  'app/[...unknown]': 'the 404 of an address no route answers (plain HTML with the site’s script only, in the prefix’s language): pages-languages.spec.ts',
};

/** Folders under app/ that hold no public HTML page. */
export const NOT_PAGES = ['app/admin', 'app/api', 'app/donnees/export', 'app/donnees/ateliers', 'app/ateliers.ics', 'app/sw.js', 'app/styles'];
