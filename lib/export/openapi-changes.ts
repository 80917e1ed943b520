// The OpenAPI description of GET /changements (lib/export/changes-api.ts): the change feed.
export function changesPath() {
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Refus' } } } });
  return {
    get: {
      summary: 'Changements des lieux publiés, dans l’ordre, depuis un curseur',
      description:
        'Lisez d’abord l’export (/donnees/export/json ou /api/v1/lieux) et gardez le curseur de son en-tête X-Curseur-Changements, pris avant la lecture ; suivez ensuite ce flux avec « depuis ». Les changements viennent dans l’ordre où ils ont été validés, chacun une fois : un curseur gardé ne manque ni ne double rien, même pendant des écritures concurrentes. Un changement déjà visible dans l’export peut revenir une fois : l’appliquer donne le même lieu.',
      parameters: [
        {
          name: 'depuis',
          in: 'query',
          required: true,
          description: 'Curseur opaque et signé : « curseur » de la réponse précédente, ou l’en-tête X-Curseur-Changements de l’export.',
          schema: { type: 'string' },
        },
        {
          name: 'limite',
          in: 'query',
          required: false,
          description: 'Changements par page (1 à 1000, 500 par défaut).',
          schema: { type: 'integer', minimum: 1, maximum: 1000 },
        },
      ],
      responses: {
        '200': {
          description: 'Une page de changements ; « a_jour » vaut true quand il n’y a plus rien à lire pour l’instant.',
          headers: { ETag: { schema: { type: 'string' } }, Link: { schema: { type: 'string' } }, 'X-Curseur-Changements': { schema: { type: 'string' } } },
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['changements', 'curseur', 'suivant', 'a_jour'],
                properties: {
                  changements: { type: 'array', items: { $ref: '#/components/schemas/Changement' } },
                  curseur: { type: 'string', description: 'À garder : la position après le dernier changement de la page.' },
                  suivant: { type: 'string', description: 'L’adresse de la page suivante.' },
                  a_jour: { type: 'boolean' },
                },
              },
            },
          },
        },
        '304': { description: 'Inchangé depuis l’ETag envoyé (If-None-Match).' },
        '400': problem(
          'Curseur absent (curseur_manquant) ou non donné par Repères (curseur_invalide), limite invalide (limite_invalide) ; « resynchronisation » dit comment reprendre.',
        ),
        '410': problem(
          'Curseur trop ancien (curseur_expire) : les changements qui le suivaient ne sont plus conservés (90 jours) ; ou donné avant une restauration de la base depuis une sauvegarde (curseur_reinitialise) : votre copie peut contenir des changements annulés. Dans les deux cas, relisez l’export et suivez le curseur qu’il donne.',
        ),
        '429': { description: 'Trop de requêtes (Retry-After).' },
      },
    },
  };
}

export function changeSchema() {
  return {
    type: 'object',
    required: ['type', 'id', 'date'],
    properties: {
      type: {
        type: 'string',
        enum: ['creation', 'modification', 'retrait', 'fusion'],
        description:
          'creation : le lieu entre dans l’export ; modification : il y reste, « champs » ont changé ; retrait : il en sort (dépublié, archivé) ; fusion : il en sort, fusionné dans « remplace_par ».',
      },
      id: { type: 'string', format: 'uuid' },
      date: { type: 'string', format: 'date-time' },
      champs: { type: 'array', items: { type: 'string' }, description: 'Les colonnes du standard modifiées (modification).' },
      remplace_par: { type: 'string', format: 'uuid', description: 'Le lieu conservé (fusion).' },
      lieu: {
        oneOf: [{ $ref: '#/components/schemas/Lieu' }, { type: 'null' }],
        description: 'Le lieu tel que l’export le donne maintenant (creation, modification) ; null s’il en est sorti depuis (un changement plus loin le dit).',
      },
    },
  };
}
