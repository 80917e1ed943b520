import { describe, expect, it } from 'vitest';
import { placeJsonLd, safeJson } from './structured-data';

const place = {
  name: 'Espace </script><script>alert(1)</script> numérique',
  summary: null,
  street: '1 rue de la Gare',
  postcode: '49000',
  commune: 'Angers',
  latitude: 47.47,
  longitude: -0.55,
  phone: '+33241000000',
  emails: ['contact@exemple.fr'],
  websites: [],
  openingHours: 'Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-24:00; PH off',
  typologies: ['EPN'],
  url: 'http://localhost/lieux/espace',
};

describe('structured data of a place', () => {
  it('carries the address, coordinates and weekly hours', () => {
    const json = placeJsonLd(place);
    expect(json).toMatchObject({
      '@type': 'LocalBusiness',
      geo: { '@type': 'GeoCoordinates', latitude: 47.47, longitude: -0.55 },
      address: { postalCode: '49000', addressLocality: 'Angers', addressCountry: 'FR' },
    });
    expect(json.openingHoursSpecification).toHaveLength(11);
    expect(json.openingHoursSpecification).toContainEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: 'https://schema.org/Friday',
      opens: '14:00',
      closes: '17:30',
    });
    // Open until midnight: schema.org has no 24:00.
    expect(json.openingHoursSpecification).toContainEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: 'https://schema.org/Saturday',
      opens: '10:00',
      closes: '23:59',
    });
  });

  it('calls France Services a government office and leaves out unknown hours', () => {
    expect(placeJsonLd({ ...place, typologies: ['RFS'] })['@type']).toBe('GovernmentOffice');
    expect(placeJsonLd({ ...place, programmes: ['FranceServices'] })['@type']).toBe('GovernmentOffice');
    expect(placeJsonLd({ ...place, openingHours: 'du lundi au vendredi' }).openingHoursSpecification).toBeUndefined();
  });

  it('cannot close its <script> element', () => {
    const text = safeJson(placeJsonLd(place));
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe(place.name);
  });
});
