import type { Metadata } from 'next';
import Link from 'next/link';
import { InvitationForm } from '@/components/admin/AccountForms';
import { peekInvitation } from '@/lib/auth/accounts';
import { acceptInvitationAction } from '../actions';

export const metadata: Metadata = { title: 'Invitation', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

const ROLE = { ADMIN: 'administration de Repères', COORDINATOR: 'coordination de réseau', EDITOR: 'responsable de lieu' } as const;

type Props = { searchParams: Promise<{ jeton?: string }> };

export default async function InvitationPage({ searchParams }: Props) {
  const { jeton } = await searchParams;
  const invitation = jeton ? await peekInvitation(jeton) : null;
  return (
    <div className="container prose">
      <h1>Invitation à contribuer</h1>
      {jeton && invitation ? (
        <>
          <p>
            Vous êtes invité·e en tant que <strong>{ROLE[invitation.role]}</strong>
            {invitation.scope ? <> pour : {invitation.scope}</> : null}.
          </p>
          <InvitationForm action={acceptInvitationAction} token={jeton} email={invitation.email} />
        </>
      ) : (
        <p className="notice notice--error">
          Cette invitation n’est plus valable (déjà acceptée, ou expirée après 7 jours). Demandez une nouvelle invitation à la personne qui vous l’a envoyée, ou{' '}
          <Link href="/connexion">connectez-vous</Link> si votre compte existe déjà.
        </p>
      )}
    </div>
  );
}
