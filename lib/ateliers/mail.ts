// The messages of a registration: confirmed, on the waiting list, or given a freed seat; the
// reminder of the day before; a session the place cancelled. In the registrant's language (the
// page they registered on, `AtelierRegistration.locale`; issue #20), through lib/i18n's `t`:
// the words and the dates; the atelier's title and the place's name and address stay as the place
// wrote them. Plain text: in Arabic and Dari the place's phone is marked left to right (`plainLtr`),
// the rest lays itself out (Latin runs and URLs keep their order inside a right-to-left line).
import type { RegistrationState } from '@prisma/client';
import { DEFAULT_LOCALE, isLocale, localizedHref, plainLtr, type Locale, type Translator } from '@/lib/i18n';
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

const SIGNATURE = '— Repères';

/** A stored or given language, French when it is not one of the site's (the column's CHECK holds the same list). */
export const registrationLocale = (value: unknown): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

/** The cancellation link in the registration's language: /uk/ateliers/annulation/<token> (lib/i18n's prefixes). */
export const cancelUrl = (baseUrl: string, locale: Locale, token: string) => `${baseUrl}${localizedHref(locale, `/ateliers/annulation/${token}`)}`;

/** Lines joined, without two empty lines in a row nor an empty line for a missing phone. */
const body = (lines: string[]) => lines.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n');

function placeLines(session: SessionForMail, t: Translator, online: 'ateliers.mail.onlineWillSend' | 'ateliers.mail.onlineSent'): string[] {
  const { atelier } = session;
  const where = atelier.online ? t(online) : `${atelier.place.name}, ${atelier.place.street}, ${atelier.place.postcode} ${atelier.place.commune}`;
  return [
    t('ateliers.mail.atelier', { title: atelier.title }),
    t('ateliers.mail.when', { when: sessionWhen(session.startsAt, session.endsAt, atelier.timeZone, t) }),
    t('ateliers.mail.where', { where }),
    atelier.place.phone ? t('ateliers.mail.phone', { phone: plainLtr(t, atelier.place.phone) }) : '',
  ];
}

export function registrationMail(
  session: SessionForMail,
  to: { to: string; firstName: string; state: RegistrationState; cancelUrl: string | null; promoted?: boolean },
  t: Translator,
): Mail {
  const title = session.atelier.title;
  const waiting = to.state === 'WAITING';
  const subject = waiting
    ? t('ateliers.mail.subjectWaiting', { title })
    : to.promoted
      ? t('ateliers.mail.subjectPromoted', { title })
      : t('ateliers.mail.subjectConfirmed', { title });
  const lines = [
    t('ateliers.mail.hello', { name: to.firstName }),
    '',
    waiting ? t('ateliers.mail.waiting') : to.promoted ? t('ateliers.mail.promoted') : t('ateliers.mail.confirmed'),
    '',
    ...placeLines(session, t, 'ateliers.mail.onlineWillSend'),
    '',
    to.cancelUrl ? t('ateliers.mail.cancelHere', { url: to.cancelUrl }) : t('ateliers.mail.cancelFirst'),
    '',
    t('ateliers.mail.privacy'),
    SIGNATURE,
  ];
  return { to: to.to, subject, text: body(lines) };
}

/** The day before: when and where, and how to free the seat. */
export function reminderMail(session: SessionForMail, to: { to: string; firstName: string }, t: Translator): Mail {
  return {
    to: to.to,
    subject: t('ateliers.mail.subjectReminder', { title: session.atelier.title }),
    text: body([
      t('ateliers.mail.hello', { name: to.firstName }),
      '',
      t('ateliers.mail.reminder'),
      ...placeLines(session, t, 'ateliers.mail.onlineSent'),
      '',
      t('ateliers.mail.reminderCancel'),
      SIGNATURE,
    ]),
  };
}

/** A session the place cancelled: said to everyone registered (confirmed or waiting). */
export function sessionCancelledMail(session: SessionForMail, to: { to: string; firstName: string }, t: Translator): Mail {
  const { atelier } = session;
  return {
    to: to.to,
    subject: t('ateliers.mail.subjectCancelled', { title: atelier.title }),
    text: body([
      t('ateliers.mail.hello', { name: to.firstName }),
      '',
      t('ateliers.mail.cancelled', {
        title: atelier.title,
        when: sessionWhen(session.startsAt, session.endsAt, atelier.timeZone, t),
        place: atelier.place.name,
      }),
      atelier.place.phone ? t('ateliers.mail.question', { phone: plainLtr(t, atelier.place.phone) }) : '',
      '',
      t('ateliers.mail.another'),
      SIGNATURE,
    ]),
  };
}
