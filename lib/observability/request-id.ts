// Request ids: kept from the incoming x-request-id when a load balancer set a well-formed one,
// otherwise a fresh random UUID. Safe for the proxy (no Node-only module).

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestId(incoming: string | null | undefined): string {
  return incoming && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID();
}
