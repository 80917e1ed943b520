// The registrations of an atelier's sessions, to read or print (the browser's print prints the
// list without the site's header). Only for whoever may manage the place's ateliers.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { registrationsFor } from '@/lib/ateliers/admin';
import { sessionWhen } from '@/lib/ateliers/format';
import { requireUser } from '@/lib/auth/session';

type Props = { params: Promise<{ id: string }> };

export default async function Registrations({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/ateliers/${id}/inscriptions`);
  const data = await registrationsFor(user, id);
  if (!data) notFound();
  const { atelier, sessions } = data;
  return (
    <>
      <p className="no-print">
        <Link href={`/admin/lieux/${atelier.placeId}/ateliers`}>← Ateliers de {atelier.place.name}</Link>
      </p>
      <h1>Inscriptions — {atelier.title}</h1>
      <p className="no-print muted">
        Imprimez cette page avec la commande d’impression du navigateur (Ctrl + P). Les coordonnées sont effacées 30 jours après chaque séance.
      </p>
      {sessions.map((s) => (
        <section key={s.id}>
          <h2>
            {sessionWhen(s.startsAt, s.endsAt, atelier.timeZone)}
            {s.cancelledAt ? ' — annulée' : ''}
          </h2>
          <p>
            {s.capacity !== null ? `${s.seatsTaken} inscrit${s.seatsTaken > 1 ? 's' : ''} sur ${s.capacity} places` : ''}
            {s.registrations.some((r) => r.state === 'WAITING') ? ` · ${s.registrations.filter((r) => r.state === 'WAITING').length} en liste d’attente` : ''}
          </p>
          {s.registrations.length === 0 ? (
            <p>Aucune inscription.</p>
          ) : (
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Prénom</th>
                  <th scope="col">Téléphone</th>
                  <th scope="col">Courriel</th>
                  <th scope="col">État</th>
                  <th scope="col">Inscrit le</th>
                </tr>
              </thead>
              <tbody>
                {s.registrations.map((r) => (
                  <tr key={r.id}>
                    <td>{r.firstName}</td>
                    <td>{r.phone ?? ''}</td>
                    <td>{r.email ?? ''}</td>
                    <td>{r.state === 'CONFIRMED' ? 'Confirmé' : 'Liste d’attente'}</td>
                    <td>{r.createdAt.toLocaleDateString('fr-FR', { timeZone: atelier.timeZone })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
