// What the sign-in pages read, with the app's database client (pages never hold it: a page asks
// lib/, lib/ chooses the client). The functions they call take the client, for the tests.
import { db } from '@/lib/db';
import { peekInvitation } from './accounts';

/** The invitation a link's token designates, still valid; null otherwise. */
export function invitationByToken(token: string) {
  return peekInvitation(db, token);
}
