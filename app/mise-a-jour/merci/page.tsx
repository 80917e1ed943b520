import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Merci', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ANSWERS: Record<string, string> = {
  confirme: 'Merci ! La fiche est confirmée à jour à la date d’aujourd’hui.',
  corrige: 'Merci ! Vos corrections ont été transmises à la coordination du réseau, qui les publiera après vérification.',
  ferme: 'Merci de nous avoir prévenus. La coordination du réseau va retirer le lieu de l’annuaire.',
  'mauvais-contact': 'C’est noté : nous n’écrirons plus à cette adresse et chercherons le bon contact.',
  desinscrit: 'C’est noté : vous ne recevrez plus ces courriels.',
  deja: 'Ce lien a déjà servi : votre réponse précédente est enregistrée.',
  invalide: 'Ce lien n’est pas (ou plus) valable.',
};

export default async function Thanks({ searchParams }: Props) {
  const answer = (await searchParams).reponse;
  const text = (typeof answer === 'string' && ANSWERS[answer]) || ANSWERS.invalide;
  return (
    <div className="container prose">
      <h1>Mise à jour de votre fiche</h1>
      <div className="notice notice--success" role="status">
        {text}
      </div>
      <p>
        <Link href="/">Retour à l’annuaire Repères</Link>
      </p>
    </div>
  );
}
