import type { Metadata } from 'next';
import { SignInForms } from '@/components/admin/SignInForms';
import { askMagicLink } from './actions';

export const metadata: Metadata = { title: 'Connexion', robots: { index: false } };

type Props = { searchParams: Promise<{ retour?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { retour } = await searchParams;
  const returnTo = retour?.startsWith('/admin') ? retour : '/admin';
  return (
    <div className="container prose">
      <h1>Espace des contributeurs</h1>
      <p>Coordinateurs de réseau et responsables de lieux : connectez-vous pour mettre à jour les fiches.</p>
      <SignInForms returnTo={returnTo} askMagicLink={askMagicLink} />
    </div>
  );
}
