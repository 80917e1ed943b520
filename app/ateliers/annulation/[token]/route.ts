// The cancellation link of a registration: GET asks, POST cancels (link scanners only GET). In the
// link's language (/uk/ateliers/annulation/<token>: the mail gives the prefix of the page the
// person registered on; lib/i18n), the form posting back to the same prefixed address.
import { createElement } from 'react';
import { CancelView } from '@/components/ateliers/RegistrationPages';
import { cancelRegistration, registrationByToken } from '@/lib/ateliers/registration';
import { publicUrl } from '@/lib/config/env';
import { db } from '@/lib/db';
import { sameOrigin } from '@/lib/orientation/http';
import { page } from '../../respond';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ token: string }> };

async function view(request: Request, token: string, done: boolean) {
  return page(request, async (t) => {
    const found = done ? null : await registrationByToken(db, token);
    const session = found
      ? {
          startsAt: found.session.startsAt,
          endsAt: found.session.endsAt,
          title: found.session.atelier.title,
          slug: found.session.atelier.slug,
          timeZone: found.session.atelier.timeZone,
        }
      : null;
    return {
      title: done ? t('ateliers.cancelPage.doneTitle') : found ? t('ateliers.cancel') : t('ateliers.cancelPage.unknownTitle'),
      description: t('ateliers.cancelPage.description'),
      robots: 'noindex, nofollow',
      status: done || found ? 200 : 404,
      cache: false,
      body: createElement(CancelView, { session, firstName: found?.firstName, done, action: t.path(`/ateliers/annulation/${encodeURIComponent(token)}`), t }),
    };
  });
}

export async function GET(request: Request, { params }: Context) {
  return view(request, (await params).token, false);
}

export async function POST(request: Request, { params }: Context) {
  if (!sameOrigin(request)) return new Response('Demande refusée.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const { token } = await params;
  const done = await cancelRegistration(db, token, publicUrl());
  return view(request, token, done);
}
