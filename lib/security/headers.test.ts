import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, securityHeaders, tileSource } from './headers';
import { requestId } from '../observability/request-id';

const base = { nonce: 'abc123', tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', production: true, https: true };

function directives(csp: string) {
  return new Map(csp.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));
}

describe('security headers', () => {
  it('builds a strict policy with the nonce and the tile host', () => {
    const csp = directives(contentSecurityPolicy({ ...base, pathname: '/recherche' }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(true);
  });

  it('lets only the embed routes be framed', () => {
    for (const pathname of ['/embed', '/embed/carte', '/embed/reseaux/cybanjou']) {
      const headers = securityHeaders({ ...base, pathname });
      expect(directives(headers['Content-Security-Policy']).get('frame-ancestors')).toEqual(['*']);
      expect(headers['X-Frame-Options']).toBeUndefined();
    }
    for (const pathname of ['/', '/embedded', '/lieux/embed']) {
      const headers = securityHeaders({ ...base, pathname });
      expect(directives(headers['Content-Security-Policy']).get('frame-ancestors')).toEqual(["'none'"]);
      expect(headers['X-Frame-Options']).toBe('DENY');
    }
  });

  it('allows eval only in development and HSTS only in production over https', () => {
    expect(directives(contentSecurityPolicy({ ...base, production: false, pathname: '/' })).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ ...base, production: false, pathname: '/' })).get('style-src')).toContain("'unsafe-inline'");
    expect(directives(contentSecurityPolicy({ ...base, pathname: '/' })).get('style-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(securityHeaders({ ...base, pathname: '/' })['Strict-Transport-Security']).toMatch(/max-age=31536000/);
    expect(securityHeaders({ ...base, https: false, pathname: '/' })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ ...base, production: false, pathname: '/' })['Strict-Transport-Security']).toBeUndefined();
    expect(directives(contentSecurityPolicy({ ...base, https: false, pathname: '/' })).has('upgrade-insecure-requests')).toBe(false);
  });

  it('turns a tiles template into a CSP source', () => {
    expect(tileSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://*.tile.openstreetmap.org');
    expect(tileSource('https://tiles.example.fr:8443/osm/{z}/{x}/{y}.png')).toBe('https://tiles.example.fr:8443');
    expect(tileSource('https://wxs-{s}.ign.fr/{z}/{x}/{y}')).toBe('https://*.ign.fr');
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
    expect(tileSource('https://evil.example; script-src *')).toBeNull();
    const csp = contentSecurityPolicy({ ...base, tileUrl: "https://x.example'; script-src *", pathname: '/' });
    expect(directives(csp).get('script-src')).not.toContain('*');
  });

  it('creates a different nonce for each request, and keeps only well-formed request ids', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(requestId('lb-1234567890abcdef')).toBe('lb-1234567890abcdef');
    expect(requestId('<script>')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
