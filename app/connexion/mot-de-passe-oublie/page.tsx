import type { Metadata } from 'next';
import Link from 'next/link';
import { PasswordResetRequestForm } from '@/components/admin/AccountForms';
import { askPasswordReset } from '../actions';

export const metadata: Metadata = { title: 'Mot de passe oublié', robots: { index: false } };

export default function ForgottenPasswordPage() {
  return (
    <div className="container prose">
      <h1>Mot de passe oublié</h1>
      <p>Indiquez l’adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
      <PasswordResetRequestForm action={askPasswordReset} />
      <p>
        <Link href="/connexion">Retour à la connexion</Link>
      </p>
    </div>
  );
}
