// The messages of a registration: confirmed, on the waiting list, or given a freed seat.
import type { RegistrationState } from '@prisma/client';
import type { Mail } from '@/lib/mail';
import { sessionWhen } from './format';

type SessionForMail = {
  startsAt: Date;
  endsAt: Date;
  atelier: {
    title: string;
    timeZone: string;
    online: boolean;
    place: { name: string; street: string; postcode: string; commune: string; phone: string | null };
  };
};

export function registrationMail(
  session: SessionForMail,
  to: { to: string; firstName: string; state: RegistrationState; cancelUrl: string | null; promoted?: boolean },
): Mail {
  const { atelier } = session;
  const where = atelier.online
    ? 'En ligne (le lieu vous enverra le lien).'
    : `${atelier.place.name}, ${atelier.place.street}, ${atelier.place.postcode} ${atelier.place.commune}`;
  const waiting = to.state === 'WAITING';
  const subject = waiting
    ? `Liste d’attente : ${atelier.title}`
    : to.promoted
      ? `Une place s’est libérée : ${atelier.title}`
      : `Inscription confirmée : ${atelier.title}`;
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
    to.cancelUrl
      ? `Vous ne pouvez plus venir ? Annulez ici pour laisser votre place : ${to.cancelUrl}`
      : 'Vous ne pouvez plus venir ? Utilisez le lien d’annulation de votre premier message.',
    '',
    'Vos coordonnées servent seulement à vous prévenir pour cette séance ; elles sont effacées 30 jours après.',
    '— Repères',
  ];
  return { to: to.to, subject, text: lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n') };
}

/** The day before: when and where, and how to free the seat. */
export function reminderMail(session: SessionForMail, to: { to: string; firstName: string }): Mail {
  const { atelier } = session;
  const where = atelier.online
    ? 'En ligne (le lieu vous a envoyé le lien).'
    : `${atelier.place.name}, ${atelier.place.street}, ${atelier.place.postcode} ${atelier.place.commune}`;
  return {
    to: to.to,
    subject: `Rappel : ${atelier.title}`,
    text: [
      `Bonjour ${to.firstName},`,
      '',
      'Pour rappel, vous êtes inscrit à cet atelier :',
      `Atelier : ${atelier.title}`,
      `Quand : ${sessionWhen(session.startsAt, session.endsAt, atelier.timeZone)}`,
      `Où : ${where}`,
      atelier.place.phone ? `Téléphone du lieu : ${atelier.place.phone}` : '',
      '',
      'Vous ne pouvez plus venir ? Annulez avec le lien de votre message de confirmation, pour laisser votre place.',
      '— Repères',
    ]
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n'),
  };
}

/** A session the place cancelled: said to everyone registered (confirmed or waiting). */
export function sessionCancelledMail(session: SessionForMail, to: { to: string; firstName: string }): Mail {
  const { atelier } = session;
  return {
    to: to.to,
    subject: `Séance annulée : ${atelier.title}`,
    text: [
      `Bonjour ${to.firstName},`,
      '',
      `La séance de l’atelier « ${atelier.title} » du ${sessionWhen(session.startsAt, session.endsAt, atelier.timeZone)} est annulée par ${atelier.place.name}.`,
      atelier.place.phone ? `Pour toute question : ${atelier.place.phone}` : '',
      '',
      'Vous pouvez vous inscrire à une autre séance sur Repères.',
      '— Repères',
    ]
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n'),
  };
}
