// The OpenAPI 3.1 description of the public API.
import { FEE_LABELS, SERVICE_LABELS } from '@/lib/standard/enums';
import { atelierPath, atelierSchema } from './openapi-ateliers';
import { changeSchema, changesPath } from './openapi-changes';

export function openApiDocument(base: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'API Repères — lieux de médiation numérique',
      version: '1.0.0',
      description:
        'Lecture des lieux publiés et des séances à venir de leurs ateliers, au format du standard national des lieux de médiation numérique (v1.0.2). Données sous Licence Ouverte / etalab-2.0. Limite : 120 requêtes par minute et par adresse. Les lieux fictifs de démonstration n’y figurent jamais.',
      license: { name: 'Licence Ouverte 2.0 (données)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
    },
    servers: [{ url: `${base}/api/v1` }],
    paths: {
      '/lieux': {
        get: {
          summary: 'Lieux publiés (filtrés, paginés par curseur)',
          parameters: placeListParameters(),
          responses: {
            '200': {
              description: 'Une page de lieux. En CSV ou GeoJSON sans « limite », le fichier complet.',
              headers: { ETag: { schema: { type: 'string' } }, Link: { schema: { type: 'string' } } },
            },
            '304': { description: 'Inchangé depuis l’ETag envoyé (If-None-Match).' },
            '400': { description: 'Paramètre invalide (problem+json, message en français).' },
            '429': { description: 'Trop de requêtes (Retry-After).' },
          },
        },
      },
      '/lieux/{id}': {
        get: {
          summary: 'Un lieu publié',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            '200': { description: 'Le lieu, au format JSON du standard.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Lieu' } } } },
            '404': { description: 'Lieu introuvable ou non publié.' },
          },
        },
      },
      '/changements': changesPath(),
      '/ateliers': atelierPath(),
    },
    components: {
      schemas: {
        Seance: atelierSchema(),
        Changement: changeSchema(),
        Refus: refusalSchema(),
        Lieu: {
          type: 'object',
          description: 'Un lieu : les colonnes du standard national (v1.0.2), listes en tableaux, plus position_approximative (hors standard).',
          additionalProperties: true,
          properties: {
            id: { type: 'string', format: 'uuid' },
            nom: { type: 'string' },
            latitude: { type: ['number', 'null'] },
            longitude: { type: ['number', 'null'] },
            verification: {
              type: 'object',
              description: 'Hors standard : qui a vérifié la fiche à date_maj — un réseau (nommé), le lieu lui-même ou l’équipe Repères ; jamais une personne.',
              properties: {
                date: { type: ['string', 'null'], format: 'date' },
                par: { type: ['string', 'null'], enum: ['reseau', 'lieu', 'equipe', null] },
                reseau: { type: ['string', 'null'] },
              },
            },
            position_approximative: {
              type: 'boolean',
              description:
                'Vrai quand la source ne donnait pas de coordonnées : la position est le centre de la commune. Absent des exports CSV (qui suivent le standard) ; présent dans les propriétés GeoJSON.',
            },
          },
        },
      },
    },
  };
}

/** The query parameters of GET /lieux: the search's filters, the page, the format. */
function placeListParameters() {
  const listParam = (name: string, description: string, values?: string[]) => ({
    name,
    in: 'query',
    description,
    required: false,
    schema: values ? { type: 'array', items: { type: 'string', enum: values } } : { type: 'string' },
    style: 'form',
    explode: true,
  });
  return [
    { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv', 'geojson'], default: 'json' } },
    { name: 'limite', in: 'query', description: 'Lieux par page (1 à 1000, 100 par défaut).', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
    {
      name: 'apres',
      in: 'query',
      description: 'Curseur : l’identifiant du dernier lieu de la page précédente (voir « suivant » ou l’en-tête Link).',
      schema: { type: 'string', format: 'uuid' },
    },
    {
      name: 'modifie_depuis',
      in: 'query',
      description: 'Seulement les lieux créés ou modifiés depuis cette date (AAAA-MM-JJ) ou cet instant ISO 8601.',
      schema: { type: 'string' },
    },
    listParam('besoin', 'Services (clés du standard).', Object.keys(SERVICE_LABELS)),
    listParam('frais', 'Frais à charge.', Object.keys(FEE_LABELS)),
    listParam('public', 'Publics spécifiquement adressés.'),
    listParam('prise_en_charge', 'Prises en charge spécifiques.'),
    listParam('accompagnement', 'Modalités d’accompagnement.'),
    listParam('acces', 'Modalités d’accès.'),
    listParam('dispositif', 'Dispositifs et programmes nationaux.'),
    listParam('type', 'Types de lieu (france-services, epn, fablab, centre-social, mediatheque, tiers-lieu…).'),
    { name: 'reseau', in: 'query', schema: { type: 'string' }, description: 'Identifiant (slug) d’un réseau.' },
    { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'Texte cherché dans le nom (sans accents, tolère les fautes).' },
    { name: 'lat', in: 'query', schema: { type: 'number' } },
    { name: 'lng', in: 'query', schema: { type: 'number' } },
    { name: 'rayon', in: 'query', schema: { type: 'integer', minimum: 2, maximum: 100 }, description: 'Rayon en km autour de lat/lng.' },
  ];
}

/** A refusal of the change feed (problem+json): French message, stable code, how to resynchronise. */
function refusalSchema() {
  return {
    type: 'object',
    description: 'Un refus (problem+json) : le message en français, un code stable et, pour un curseur, comment se resynchroniser.',
    properties: {
      status: { type: 'integer' },
      code: { type: 'string', enum: ['curseur_manquant', 'curseur_invalide', 'curseur_expire', 'limite_invalide'] },
      detail: { type: 'string' },
      resynchronisation: {
        type: 'object',
        properties: { etapes: { type: 'array', items: { type: 'string' } }, export: { type: 'string' }, en_tete: { type: 'string' } },
      },
    },
  };
}
