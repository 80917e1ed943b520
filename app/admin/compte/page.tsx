import type { Metadata } from 'next';
import { DigestForm } from '@/components/admin/DigestForm';
import { canReceiveDigest } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { myDigestSettings } from '@/lib/digests/pages';
import { saveDigestAction } from './actions';

export const metadata: Metadata = { title: 'Mon compte' };

/** The signed-in person's own settings: for now, the coordinators' weekly digest. */
export default async function AccountPage() {
  const user = await requireUser('/admin/compte');
  return (
    <>
      <h1>Mon compte</h1>
      <p>
        {user.name ? `${user.name} — ` : ''}
        {user.email}
      </p>
      <section aria-labelledby="resume">
        <h2 id="resume">Résumé hebdomadaire</h2>
        {canReceiveDigest(user) ? (
          <>
            <p>
              Chaque semaine, le jour choisi, un courriel résume vos réseaux : signalements et modifications à valider, fiches devenues anciennes, réponses aux
              campagnes, avec un lien vers chacun.
            </p>
            <DigestForm action={saveDigestAction} initial={await myDigestSettings(user.id)} />
          </>
        ) : (
          <p>Le résumé hebdomadaire est envoyé aux personnes qui coordonnent un réseau.</p>
        )}
      </section>
    </>
  );
}
