// What the account page (/admin/compte) reads and saves, with the app's database client: pages and
// actions never hold it. The settings functions take the client, for the tests.
import 'server-only';
import { db } from '@/lib/db';
import { digestSettings, saveDigestSettings } from './settings';

export const myDigestSettings = (userId: string) => digestSettings(db, userId);
export const saveMyDigestSettings = (userId: string, input: { receive: boolean; weekday: string }) => saveDigestSettings(db, userId, input);
