import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './urls';

describe('safe links from stored data', () => {
  it('keeps web addresses and refuses everything else', () => {
    expect(safeHttpUrl('https://www.example.fr/a?b=1')).toBe('https://www.example.fr/a?b=1');
    expect(safeHttpUrl(' http://example.org ')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example', '/relative', 'www.example.fr', '', null, undefined]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });

  it('never returns anything but an http(s) URL, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `javascript:${s}`)), (value) => {
        const result = safeHttpUrl(value);
        if (result !== null) expect(new URL(result).protocol).toMatch(/^https?:$/);
      }),
    );
    // And web addresses are kept (a function refusing everything would pass the property above).
    fc.assert(
      fc.property(fc.webUrl(), (value) => {
        expect(safeHttpUrl(value)).toBe(new URL(value).href);
      }),
    );
  });
});
