import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsLink, safeHttpUrl } from './urls';

describe('safe links from stored data', () => {
  it('keeps web addresses and refuses everything else', () => {
    expect(safeHttpUrl('https://www.example.fr/a?b=1')).toBe('https://www.example.fr/a?b=1');
    expect(safeHttpUrl(' http://example.org ')).toBe('http://example.org/');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '//evil.example',
      '/relative',
      'www.example.fr',
      '',
      null,
      undefined,
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });

  it('never returns anything but an http(s) URL, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `javascript:${s}`),
        ),
        (value) => {
          const result = safeHttpUrl(value);
          if (result !== null) expect(new URL(result).protocol).toMatch(/^https?:$/);
        },
      ),
    );
    // And web addresses are kept (a function refusing everything would pass the property above).
    fc.assert(
      fc.property(fc.webUrl(), (value) => {
        expect(safeHttpUrl(value)).toBe(new URL(value).href);
      }),
    );
  });
});

describe('links in free text (server-sent fiches)', () => {
  it('finds what a mail reader would turn into a link, not plain French or e-mail addresses', () => {
    for (const text of [
      'voir https://arnaque.example/x',
      'www.exemple.fr',
      'HTTP://X',
      'bit.ly/abc',
      'allez sur arnaque.fr',
      'javascript:alert(1)',
      'exemple.com/page',
      'ＷＷＷ．ｅｘａｍｐｌｅ．ｆｒ',
      'ftp://a.b',
    ]) {
      expect(containsLink(text), text).toBe(true);
    }
    for (const text of [
      'Demander Julie, le mardi',
      'julie@ccas-cholet.fr',
      'M. Dupont, 3 rue A',
      'Prendre rdv au 02 41 00 00 00',
      'ex. : demander Julie',
      'Version 1.5 du formulaire',
      '',
    ]) {
      expect(containsLink(text), text).toBe(false);
    }
  });
});
