// /ateliers/[slug]: the atelier's page (GET) and registration to one of its sessions (POST, a
// plain form: works without JavaScript), in every language (/en/ateliers/<slug>). A refused
// registration shows the page again with what was typed and the reasons, in the page's language;
// the registration keeps that language for its mails and their cancellation link.
import { createHash } from 'node:crypto';
import { createElement } from 'react';
import { AtelierDetail, type FormEcho } from '@/components/ateliers/AtelierDetail';
import { RegisteredView } from '@/components/ateliers/RegistrationPages';
import { publicUrl } from '@/lib/config/env';
import { db } from '@/lib/db';
import { atelierJsonLd, atelierPage, type AtelierPageData } from '@/lib/ateliers/page';
import { register } from '@/lib/ateliers/registration';
import { sameOrigin } from '@/lib/orientation/http';
import { clientIp } from '@/lib/security/rate-limit';
import type { Translator } from '@/lib/i18n';
import { page, type PageSpec } from '../respond';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

const notFound = (t: Translator): PageSpec => ({
  title: t('ateliers.notFoundTitle'),
  description: t('ateliers.notFoundText'),
  robots: 'noindex',
  status: 404,
  body: createElement(
    'div',
    { className: 'container prose' },
    createElement('h1', null, t('ateliers.notFoundTitle')),
    createElement('p', null, t('ateliers.notFoundText')),
    createElement('p', null, createElement('a', { href: t.path('/ateliers') }, t('ateliers.seeComing'))),
  ),
});

function detail(atelier: AtelierPageData, echo: FormEcho | null, t: Translator, status = 200): PageSpec {
  const baseUrl = publicUrl();
  return {
    title: atelier.title,
    description: atelier.summary.slice(0, 160),
    robots: atelier.place.demo ? 'noindex, follow' : undefined,
    canonical: `${baseUrl}${t.path(`/ateliers/${atelier.slug}`)}`,
    status,
    cache: echo === null,
    path: `/ateliers/${atelier.slug}`,
    body: createElement(AtelierDetail, { atelier, baseUrl, jsonLd: atelierJsonLd(atelier, baseUrl), echo, t }),
  };
}

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  return page(request, async (t) => {
    const atelier = await atelierPage(slug);
    return atelier ? detail(atelier, null, t) : notFound(t);
  });
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.slice(0, 300) : '';
};

export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  // A page elsewhere cannot register people in a visitor's name.
  if (!sameOrigin(request)) return new Response('Demande refusée.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return page(request, async (t) => {
    const atelier = await atelierPage(slug, new Date(), db);
    if (!atelier) return notFound(t);
    const form = await request.formData().catch(() => null);
    const sessionId = form ? field(form, 'seance') : '';
    const session = atelier.sessions.find((s) => s.id === sessionId);
    const echo: FormEcho = {
      sessionId,
      firstName: form ? field(form, 'prenom') : '',
      email: form ? field(form, 'courriel') : '',
      phone: form ? field(form, 'telephone') : '',
      errors: {},
    };
    if (!form || !session) return detail(atelier, { ...echo, errors: { form: { code: 'chooseSession' } } }, t, 400);
    const clientKey = createHash('sha256').update(clientIp(request.headers)).digest('hex').slice(0, 32);
    const outcome = await register(
      db,
      { sessionId, firstName: echo.firstName, email: echo.email, phone: echo.phone, honeypot: form.get('site_web'), clientKey, locale: t.locale },
      publicUrl(),
    );
    if (outcome.status === 'invalid') {
      const tooMany = outcome.errors.form?.code === 'tooManyFromHere' || outcome.errors.form?.code === 'tooManyForSession';
      return detail(atelier, { ...echo, errors: outcome.errors }, t, tooMany ? 429 : 400);
    }
    return {
      title: outcome.state === 'CONFIRMED' ? t('ateliers.confirmedTitle') : t('ateliers.waitingTitle'),
      description: atelier.title,
      robots: 'noindex',
      cache: false,
      body: createElement(RegisteredView, {
        state: outcome.state === 'CONFIRMED' ? 'CONFIRMED' : 'WAITING',
        session: { startsAt: session.startsAt, endsAt: session.endsAt, title: atelier.title, slug: atelier.slug, timeZone: atelier.timeZone },
        cancelPath: t.path(`/ateliers/annulation/${outcome.token}`),
        mailed: outcome.mailed,
        t,
      }),
    };
  });
}
