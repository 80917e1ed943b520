// The messages of a registration: confirmed, on the waiting list, or given a freed seat.
import type { RegistrationState } from '@prisma/client';
import type { Mail } from '@/lib/mail';
import { sessionWhen } from './format';

type SessionForMail = {
  startsAt: Date;
  endsAt: Date;
  atelier: { title: string; timeZone: string; online: boolean; place: { name: string; street: string; postcode: string; commune: string; phone: string | null } };
};

export function registrationMail(
  session: SessionForMail,
  to: { to: string; firstName: string; state: RegistrationState; cancelUrl: string | null; promoted?: boolean },
): Mail {
  const { atelier } = session;
  const where = atelier.online ? 'En ligne (le lieu vous enverra le lien).' : `${atelier.place.name}, ${atelier.place.street}, ${atelier.place.postcode} ${atelier.place.commune}`;
  const waiting = to.state === 'WAITING';
  const subject = waiting ? `Liste d’attente : ${atelier.title}` : to.promoted ? `Une place s’est libérée : ${atelier.title}` : `Inscription confirmée : ${atelier.title}`;
  const lines = [
    `Bonjour ${to.firstName},`,
    '',
    waiting
      ? 'La séance est complète : vous êtes sur la liste d’attente. Si une place se libère, vous la recevrez et serez prévenu par courriel.'
      : to.promoted
        ? 'Une place s’est libérée : votre inscription est confirmée.'
        : 'Votre inscription est confirmée.',
    '',
    `Atelier : ${atelier.title}`,
    `Quand : ${sessionWhen(session.startsAt, session.endsAt, atelier.timeZone)}`,
    `Où : ${where}`,
    atelier.place.phone ? `Téléphone du lieu : ${atelier.place.phone}` : '',
    '',
    to.cancelUrl ? `Vous ne pouvez plus venir ? Annulez ici pour laisser votre place : ${to.cancelUrl}` : 'Vous ne pouvez plus venir ? Utilisez le lien d’annulation de votre premier message.',
    '',
    'Vos coordonnées servent seulement à vous prévenir pour cette séance ; elles sont effacées 30 jours après.',
    '— Repères',
  ];
  return { to: to.to, subject, text: lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n') };
}
