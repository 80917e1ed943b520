import type { Metadata } from 'next';
import Link from 'next/link';
import { MagicLinkButton } from '@/components/admin/SignInForms';

export const metadata: Metadata = { title: 'Lien de connexion', robots: { index: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ jeton?: string; retour?: string }> };

// The link only shows a button: messaging apps that open links to preview them cannot use up the
// single-use token.
export default async function MagicLinkPage({ searchParams }: Props) {
  const { jeton, retour } = await searchParams;
  return (
    <div className="container prose">
      <h1>Connexion à Repères</h1>
      {jeton ? (
        <MagicLinkButton token={jeton} returnTo={retour?.startsWith('/admin') ? retour : '/admin'} />
      ) : (
        <p>
          Ce lien est incomplet. <Link href="/connexion">Demandez un nouveau lien</Link>.
        </p>
      )}
    </div>
  );
}
