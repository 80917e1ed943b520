import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Données ouvertes' };

export default function OpenDataPage() {
  return (
    <div className="container prose">
      <h1>Données ouvertes</h1>
      <p>
        Les lieux publiés dans Repères sont des données ouvertes, sous Licence Ouverte / Open Licence 2.0
        (etalab-2.0), au format du standard national des lieux de médiation numérique (v1.0.2).
      </p>
    </div>
  );
}
