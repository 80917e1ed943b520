import type { Metadata } from 'next';
import Link from 'next/link';
import { OrientationSteps } from '@/components/orientation/OrientationSteps';

export const metadata: Metadata = {
  title: 'Orienter une personne',
  description:
    'Pour les professionnels : en quatre questions, trouvez le lieu d’aide au numérique qui convient à la personne que vous accompagnez, et remettez-lui une fiche claire.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrientationPage({ searchParams }: Props) {
  return (
    <div className="container orientation">
      <h1>Orienter une personne</h1>
      <p className="orientation__intro">
        Quatre questions, chacune facultative, puis les lieux qui conviennent. Ajoutez-les à <Link href="/orienter/selection">votre sélection</Link> pour
        remettre une fiche d’orientation imprimée, en PDF ou par courriel. Rien de ce qui concerne la personne n’est conservé par Repères.
      </p>
      <OrientationSteps params={await searchParams} />
    </div>
  );
}
