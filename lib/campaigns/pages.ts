// What the campaign page (/mise-a-jour/[token]) reads, with the app's database client: pages never
// hold it. openCampaignLink takes the client, for the tests.
import { db } from '@/lib/db';
import { openCampaignLink } from './responses';

/** The place and campaign a personal link opens, or why it does not. */
export function campaignLinkByToken(token: string) {
  return openCampaignLink(db, token);
}
