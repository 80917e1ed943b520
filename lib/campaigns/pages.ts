// What the campaign page (/mise-a-jour/[token]) reads, with the app's database client: pages never
// hold it. openCampaignLink takes the client, for the tests.
import { db } from '@/lib/db';
import { comingSessionsToConfirm } from '@/lib/ateliers/campaign';
import { openCampaignLink } from './responses';
import { correctionView } from './view';

/** The place, its coming ateliers' sessions and the campaign a personal link opens, with what the page shows of them; or why it does not open. */
export async function campaignLinkByToken(token: string) {
  const link = await openCampaignLink(db, token);
  if (link.status !== 'ok') return link;
  return { ...link, view: correctionView(link.place), sessions: await comingSessionsToConfirm(db, link.place.id) };
}
