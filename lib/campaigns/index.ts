// Update campaigns: a coordinator asks the contacts of a selection of places to confirm their
// listing. Each contact receives (through lib/mail) a personal link that expires with the campaign,
// works once and only for its own place; only a SHA-256 hash of it is stored. Without an account,
// the contact confirms ("tout est à jour": date_maj becomes today), proposes corrections (a pending
// revision in the coordinator's review queue, plus a report for what the form cannot say), or says
// the place has closed (a report the coordinator acts on). Contacts who unsubscribe or say they are
// the wrong person are never emailed again; the campaign sends one reminder after its delay.
//
// `sending.ts` is the coordinator's side (choose places, send, remind, follow up), `responses.ts`
// the contact's (open the link, answer, opt out).
export * from './sending';
export * from './responses';
export { correctionFormValues } from './correction';
export * from './stats';
