import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Mentions légales' };

export default function LegalPage() {
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
      <h2>Données des lieux</h2>
      <p>
        Les informations sur les lieux sont publiées sous Licence Ouverte / Open Licence 2.0 (etalab-2.0) au format du standard national des lieux de médiation
        numérique.
      </p>
    </div>
  );
}
