import { describe, expect, it } from 'vitest';
import { communesOfDepartement, lookupCommune } from './communes';
import { placeHelp, valueFor } from './help';

const help = (text: string) => placeHelp(text, lookupCommune(text));

describe('what the search says about the place typed', () => {
  it('offers close spellings, likeliest first, with their départements', () => {
    expect(help('Angrs')).toMatchObject({
      kind: 'did-you-mean',
      text: 'Nous n’avons pas trouvé « Angrs ».',
      options: [
        { label: 'Angers (Maine-et-Loire)', value: 'Angers (49)', code: '49007' },
        { label: 'Angres (Pas-de-Calais)', value: 'Angres (62)', code: '62032' },
        { code: '65010' },
      ],
    });
  });

  it('shows the exact small commune and offers the large town one letter away', () => {
    expect(help('Angres')).toMatchObject({
      kind: 'did-you-mean',
      text: 'Voici les lieux autour d’Angres (Pas-de-Calais).',
      options: [{ label: 'Angers (Maine-et-Loire)', value: 'Angers (49)' }],
    });
    expect(help('Angres 49')).toMatchObject({
      kind: 'also',
      text: 'Nous n’avons pas trouvé « Angres 49 » : voici les lieux autour d’Angers (Maine-et-Loire).',
    });
  });

  it('asks which homonym, each with its département, and which commune of a shared postcode', () => {
    const pierre = help('Saint-Pierre')!;
    expect(pierre).toMatchObject({ kind: 'choose', text: 'Plusieurs communes s’appellent « Saint-Pierre » : laquelle ?', more: 1 });
    expect(pierre.options[0]).toEqual({ label: 'Saint-Pierre (La Réunion)', value: 'Saint-Pierre (974)', code: '97416' });
    expect(help('49160')).toMatchObject({ kind: 'choose', text: 'Le code postal « 49160 » couvre plusieurs communes : laquelle ?' });
    expect(help('49000')).toMatchObject({ kind: 'also', text: 'Le code postal « 49000 » couvre aussi :', options: [{ label: 'Écouflant (Maine-et-Loire)' }] });
    expect(help('49035')).toMatchObject({ kind: 'did-you-mean', text: expect.stringContaining('CEDEX') });
    expect(help('Valence')).toMatchObject({ kind: 'also', text: 'Autres communes nommées Valence :' });
  });

  it('says nothing more when the place is simply found, and leaves "not found" to the search', () => {
    expect(help('Saumur')).toBeNull();
    expect(help('Paris 15')).toBeNull();
    expect(help('Zzyzx')).toBeNull();
  });

  it('gives each option a text that leads back to exactly that commune', () => {
    // Every commune of two départements with many homonyms, and every homonym choice offered.
    const communes = [...communesOfDepartement('49'), ...communesOfDepartement('974'), ...communesOfDepartement('2A')];
    for (const name of ['Saint-Pierre', 'Beaumont', 'Sainte-Colombe', 'Saint-Martin', 'Trinité', 'Œuilly', 'Saint-Aubin']) {
      const lookup = lookupCommune(name);
      if (lookup.kind === 'choice') communes.push(...lookup.candidates);
    }
    const wrong = communes
      .map((c) => [c.code, valueFor(c), lookupCommune(valueFor(c))] as const)
      .filter(([code, , lookup]) => lookup.kind !== 'found' || lookup.commune.code !== code);
    expect(wrong.map(([code, value]) => `${code} ${value}`)).toEqual([]);
  });
});

describe('suggestions as you type', () => {
  it('give each commune a value that designates it alone, and its département in the label', async () => {
    const { suggest } = await import('./index');
    const denis = await suggest('Saint-Denis');
    expect(denis[0]).toEqual({ label: 'Saint-Denis (La Réunion, 97400)', value: 'Saint-Denis (974)', kind: 'commune' });
    for (const s of denis) expect(lookupCommune(s.value).kind).toBe('found');
    expect((await suggest('Saum'))[0].value).toBe('Saumur (49)');
  });
});
