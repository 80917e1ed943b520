// A network's campaigns seen from its dashboard (issue #23): each campaign's answers (opened,
// confirmed, corrected, closed, no answer) and the places to call, with their phone numbers, as a
// list and as a CSV for a spreadsheet. A place is judged on its latest campaign only: answered
// since, it is not to call. Callers check the right to see the network (`lib/networks/dashboard.ts`).
import type { PrismaClient } from '@prisma/client';
import { displayPhone } from '@/lib/orientation/fiche-phone';
import { callReason } from './sending';

type Db = Pick<PrismaClient, 'campaign' | 'campaignTarget' | 'contactOptOut'>;

const ANSWERED = new Set(['CONFIRMED', 'CORRECTED', 'CLOSED']);

export type CampaignRates = {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date;
  targets: number;
  sent: number;
  opened: number;
  confirmed: number;
  corrected: number;
  closed: number;
  noAnswer: number;
};

/** Each campaign of the network, newest first, with its answers counted in SQL. */
export async function campaignRates(db: Db, networkId: string): Promise<CampaignRates[]> {
  const [campaigns, groups, sent, opened] = await Promise.all([
    db.campaign.findMany({ where: { networkId }, orderBy: { createdAt: 'desc' }, select: { id: true, name: true, createdAt: true, expiresAt: true } }),
    db.campaignTarget.groupBy({ by: ['campaignId', 'state'], where: { campaign: { networkId } }, _count: { _all: true } }),
    db.campaignTarget.groupBy({ by: ['campaignId'], where: { campaign: { networkId }, sentAt: { not: null } }, _count: { _all: true } }),
    db.campaignTarget.groupBy({ by: ['campaignId'], where: { campaign: { networkId }, openedAt: { not: null } }, _count: { _all: true } }),
  ]);
  return campaigns.map((c) => {
    const of = (state: string) => groups.find((g) => g.campaignId === c.id && g.state === state)?._count._all ?? 0;
    const targets = groups.filter((g) => g.campaignId === c.id).reduce((sum, g) => sum + g._count._all, 0);
    const sentCount = sent.find((g) => g.campaignId === c.id)?._count._all ?? 0;
    const answered = of('CONFIRMED') + of('CORRECTED') + of('CLOSED');
    return {
      ...c,
      targets,
      sent: sentCount,
      opened: opened.find((g) => g.campaignId === c.id)?._count._all ?? 0,
      confirmed: of('CONFIRMED'),
      corrected: of('CORRECTED'),
      closed: of('CLOSED'),
      // Reached and silent: sent, not answered, not a wrong contact.
      noAnswer: Math.max(0, sentCount - answered - of('BOUNCED')),
    };
  });
}

export type CallRow = {
  placeId: string;
  name: string;
  commune: string;
  phone: string | null;
  email: string | null;
  campaign: string;
  campaignId: string;
  why: string;
  dateMaj: Date;
};

/** The places to call, from each place's latest campaign of the network, by commune then name. */
export async function callList(db: Db, networkId: string): Promise<CallRow[]> {
  const targets = await db.campaignTarget.findMany({
    where: { campaign: { networkId }, place: { status: { not: 'ARCHIVED' } } },
    orderBy: { campaign: { createdAt: 'desc' } },
    select: {
      state: true,
      sentAt: true,
      reminderSentAt: true,
      email: true,
      campaign: { select: { id: true, name: true } },
      place: { select: { id: true, name: true, commune: true, phone: true, dateMaj: true } },
    },
  });
  const latest = new Map<string, (typeof targets)[number]>();
  for (const t of targets) if (!latest.has(t.place.id)) latest.set(t.place.id, t);
  const emails = [...latest.values()].map((t) => t.email).filter((e): e is string => !!e);
  const optOuts = new Map((await db.contactOptOut.findMany({ where: { email: { in: emails } } })).map((o) => [o.email, o.reason]));
  const rows: CallRow[] = [];
  for (const t of latest.values()) {
    if (ANSWERED.has(t.state)) continue;
    const why = callReason(t, t.email ? optOuts.get(t.email) : undefined);
    if (!why) continue;
    rows.push({
      placeId: t.place.id,
      name: t.place.name,
      commune: t.place.commune,
      phone: t.place.phone ? displayPhone(t.place.phone) : null,
      email: t.email,
      campaign: t.campaign.name,
      campaignId: t.campaign.id,
      why,
      dateMaj: t.place.dateMaj,
    });
  }
  return rows.sort((a, b) => a.commune.localeCompare(b.commune, 'fr') || a.name.localeCompare(b.name, 'fr'));
}

/** A CSV cell, quoted; text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe. */
export function csvCell(value: string | null | undefined): string {
  const text = value ?? '';
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The list to call as CSV for Excel: UTF-8 with a byte-order mark, semicolons (French Excel), French headers, CRLF. */
export function callListCsv(rows: CallRow[], placeUrl: (placeId: string) => string): string {
  const header = ['Lieu', 'Commune', 'Téléphone', 'Courriel', 'Pourquoi appeler', 'Campagne', 'Dernière confirmation', 'Fiche dans Repères'];
  const lines = rows.map((r) => [r.name, r.commune, r.phone, r.email, r.why, r.campaign, day(r.dateMaj), placeUrl(r.placeId)].map(csvCell).join(';'));
  return `\uFEFF${[header.map(csvCell).join(';'), ...lines].join('\r\n')}\r\n`;
}
