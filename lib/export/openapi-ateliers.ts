// The OpenAPI description of GET /ateliers (lib/export/ateliers-api.ts): its parameters and the
// record, whose properties are the columns of data/ateliers/schema.json (the Table Schema of the
// files: tests/integration/ateliers-open-data.test.ts checks both say the same).
import { SERVICE_LABELS } from '@/lib/standard/enums';

export function atelierPath() {
  const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
  });
  return {
    get: {
      summary: 'Séances à venir des ateliers des lieux publiés (filtrées, paginées par curseur)',
      description:
        'Une séance par enregistrement, triées par début. Jamais d’inscription ni de donnée personnelle : « places_restantes » est un nombre. Mêmes colonnes que /donnees/ateliers/csv, décrites par le Table Schema /donnees/ateliers/schema.json.',
      parameters: [
        q('format', 'json (par défaut) ou csv.', { type: 'string', enum: ['json', 'csv'], default: 'json' }),
        q('limite', 'Séances par page (1 à 500, 100 par défaut).', { type: 'integer', minimum: 1, maximum: 500 }),
        q('apres', 'Curseur opaque : la valeur de « suivant » (ou de l’en-tête Link) de la page précédente.'),
        q('lieu', 'Identifiant (slug) d’un lieu.'),
        q('reseau', 'Identifiant (slug) d’un réseau.'),
        q('ou', 'Commune, code postal ou adresse : les séances sur place dans le rayon.'),
        q('lat', 'Latitude WGS84 (avec lng, au lieu de « ou »).', { type: 'number' }),
        q('lng', 'Longitude WGS84.', { type: 'number' }),
        q('rayon', 'Rayon en km autour de « ou » ou de lat/lng (2 à 100, 20 par défaut).', { type: 'integer', minimum: 2, maximum: 100 }),
        {
          ...q('theme', 'Thèmes (services du standard, clés) ; répétable.', { type: 'array', items: { type: 'string', enum: Object.keys(SERVICE_LABELS) } }),
          style: 'form',
          explode: true,
        },
        q('du', 'Premier jour (AAAA-MM-JJ, heure de Paris).', { type: 'string', format: 'date' }),
        q('au', 'Dernier jour inclus (AAAA-MM-JJ).', { type: 'string', format: 'date' }),
        q('quand', 'semaine, weekend ou une date AAAA-MM-JJ, comme /ateliers.'),
        q('gratuit', '1 : seulement les ateliers gratuits.', { type: 'string', enum: ['1'] }),
        q('enligne', '1 : seulement les ateliers en ligne.', { type: 'string', enum: ['1'] }),
      ],
      responses: {
        '200': {
          description: 'Une page de séances.',
          headers: { ETag: { schema: { type: 'string' } }, Link: { schema: { type: 'string' } } },
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['seances', 'suivant', 'avertissements'],
                properties: {
                  seances: { type: 'array', items: { $ref: '#/components/schemas/Seance' } },
                  suivant: { type: ['string', 'null'] },
                  avertissements: { type: 'array', items: { type: 'string' } },
                },
              },
            },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        '304': { description: 'Inchangé depuis l’ETag envoyé (If-None-Match).' },
        '400': { description: 'Paramètre invalide (problem+json, message en français).' },
        '429': { description: 'Trop de requêtes (Retry-After).' },
      },
    },
  };
}

const text = (description: string, nullable = false) => ({ type: nullable ? ['string', 'null'] : 'string', description });

export function atelierSchema() {
  const properties = atelierProperties();
  return {
    type: 'object',
    description: 'Une séance à venir d’un atelier (colonnes du Table Schema /donnees/ateliers/schema.json, dans son ordre).',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  };
}

function atelierProperties() {
  return {
    id_seance: { type: 'string', format: 'uuid' },
    id_atelier: { type: 'string', format: 'uuid' },
    titre: text('Titre.'),
    description: text('Courte description.'),
    debut: { type: 'string', format: 'date-time', description: 'Début, UTC.' },
    fin: { type: 'string', format: 'date-time', description: 'Fin, UTC.' },
    fuseau_horaire: text('Fuseau IANA du lieu.'),
    annulee: { type: 'boolean' },
    thematiques: { type: 'array', items: { type: 'string' }, description: 'Services du standard (libellés).' },
    publics: { type: 'array', items: { type: 'string' } },
    niveau: { type: ['string', 'null'], enum: ['debutant', 'intermediaire', 'avance', null] },
    langue: text('Code ISO 639.'),
    frais: text('Frais à charge (libellé du standard).'),
    en_ligne: { type: 'boolean' },
    inscription: { type: 'string', enum: ['aucune', 'telephone', 'courriel', 'lien', 'reperes'] },
    contact_inscription: text('Numéro, adresse électronique ou lien du lieu pour s’inscrire.', true),
    capacite: { type: ['integer', 'null'] },
    places_restantes: { type: ['integer', 'null'] },
    id_lieu: { type: 'string', format: 'uuid' },
    nom_lieu: text('Nom du lieu.'),
    adresse: text('Adresse.', true),
    code_postal: text('Code postal.', true),
    commune: text('Commune.'),
    code_insee: text('Code INSEE.', true),
    latitude: { type: ['number', 'null'] },
    longitude: { type: ['number', 'null'] },
    url: { type: 'string', format: 'uri' },
    date_maj: { type: 'string', format: 'date-time' },
  };
}
