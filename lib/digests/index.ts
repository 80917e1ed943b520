// The coordinators' weekly digest (issue #23): its content (`content.ts`), mail (`template.ts`),
// calendar (`week.ts`), sending once per person and week (`send.ts`), the person's settings and the
// signed unsubscribe link (`settings.ts`, `token.ts`). Run outside Next.js by scripts/digests-send.ts:
// every function takes its database client.
export * from './content';
export * from './send';
export * from './settings';
export * from './token';
export * from './week';
