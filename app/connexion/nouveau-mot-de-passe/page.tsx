import type { Metadata } from 'next';
import Link from 'next/link';
import { NewPasswordForm } from '@/components/admin/AccountForms';
import { chooseNewPassword } from '../actions';

export const metadata: Metadata = { title: 'Nouveau mot de passe', robots: { index: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ jeton?: string }> };

// The token is only used when the form is sent: previews of the link cannot use it up.
export default async function NewPasswordPage({ searchParams }: Props) {
  const { jeton } = await searchParams;
  return (
    <div className="container prose">
      <h1>Choisir un nouveau mot de passe</h1>
      {jeton ? (
        <NewPasswordForm action={chooseNewPassword} token={jeton} />
      ) : (
        <p>
          Ce lien est incomplet. <Link href="/connexion/mot-de-passe-oublie">Demandez un nouveau lien</Link>.
        </p>
      )}
    </div>
  );
}
