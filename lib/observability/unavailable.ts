// Route handlers answer a short French JSON problem when something fails underneath (typically
// the database being down): status 503, no stack trace, no SQL, the request id to quote. The
// error itself goes to the logs.
import { forRequest } from './logger';

export const UNAVAILABLE_MESSAGE = 'Le service est momentanément indisponible. Réessayez dans quelques instants.';

export function unavailableResponse(requestId: string | null): Response {
  return Response.json(
    { status: 503, detail: UNAVAILABLE_MESSAGE, ...(requestId ? { requestId } : {}) },
    {
      status: 503,
      headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', 'Retry-After': '10', 'Access-Control-Allow-Origin': '*' },
    },
  );
}

/** Wraps a route handler: any exception becomes a logged 503 problem. */
export function guarded<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      const requestId = request.headers.get('x-request-id');
      forRequest(requestId).error({ err: error, method: request.method, path: new URL(request.url).pathname }, 'route handler failed');
      return unavailableResponse(requestId);
    }
  };
}
