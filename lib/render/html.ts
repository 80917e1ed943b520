import 'server-only';
// Renders the public pages' markup to an HTML string. Route handlers are compiled for React
// Server Components, where react-dom/server is not offered; that markup has no state, effects or
// client components, so the Node build of React's server renderer, loaded at run time, renders
// it — without the RSC payload and the client runtime an App Router page carries. Static markup:
// nothing hydrates these pages, so the comments React puts between text nodes for hydration
// (373 on a search page) are left out.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ReactElement } from 'react';

type Renderer = { renderToStaticMarkup(element: ReactElement): string };
let renderer: Renderer | null = null;

function load(): Renderer {
  renderer ??= createRequire(path.join(process.cwd(), 'package.json'))('react-dom/server.node') as Renderer;
  return renderer;
}

export function renderDocument(element: ReactElement): string {
  return `<!DOCTYPE html>${load().renderToStaticMarkup(element)}`;
}

/** A page of PublicDocument's (its stylesheet is inside it: nothing to preload). */
export function htmlResponse(html: string, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(html, { status: init.status ?? 200, headers: htmlHeaders(init.headers) });
}

/** The headers of such a page, with `headers` added (lib/render/fast-hit.ts sends them itself). */
export function htmlHeaders(headers?: Record<string, string>): Record<string, string> {
  return { 'Content-Type': 'text/html; charset=utf-8', ...headers };
}
