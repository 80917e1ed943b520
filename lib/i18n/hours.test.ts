// The opening-hours sentences and the closures in the visitor's language (lib/hours/present.ts,
// lib/places/closure.ts): French unchanged, the others in their words and Intl's times, and the
// week tables kept per language (a page in English never fills a French page's table).
import { describe, expect, it } from 'vitest';
import { instantAt } from '@/lib/hours';
import { describeState, presentHours } from '@/lib/hours/present';
import { temporaryClosure } from '@/lib/places/closure';

const PARIS = 'Europe/Paris';
// Tuesday 10 March 2026, 10:00 in Paris
const TUESDAY_10 = instantAt(PARIS, 2026, 3, 10, 10, 0);
const HOURS = 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off';

function known(locale: Parameters<typeof presentHours>[3]) {
  const hours = presentHours(HOURS, PARIS, TUESDAY_10, locale);
  if (!hours.known) throw new Error('should parse');
  return hours;
}

describe('opening hours in other languages', () => {
  it('says the state and the week in each language, French unchanged', () => {
    expect(known('fr').label).toBe('Ouvert — ferme à 12 h');
    expect(known('en').label).toBe('Open — closes at 12:00');
    expect(known('uk').label).toBe('Відчинено — зачиняється о 12:00');
    expect(known('ar').label).toBe('مفتوح — يغلق الساعة 12:00');
    expect(known('fa').label).toBe('باز است — ساعت 12:00 بسته می‌شود');
    expect(known('fr').week[0]).toMatchObject({ day: 'lundi', text: '9 h – 12 h, 14 h – 18 h 30' });
    expect(known('en').week[0]).toMatchObject({ day: 'Monday', text: '09:00 – 12:00, 14:00 – 18:30' });
    expect(known('es').week[6]).toMatchObject({ day: 'domingo', text: 'Cerrado' });
    expect(known('uk').week[1]).toMatchObject({ day: 'вівторок', isToday: true });
    // Asked in English first, the French table is still French (the caches are per language).
    expect(known('fr').week[6].text).toBe('Fermé');
  });

  it('says when a closed place opens, tomorrow or on a later day', () => {
    const saturdayEvening = instantAt(PARIS, 2026, 3, 14, 19, 0);
    const state = { status: 'closed' as const, nextChange: instantAt(PARIS, 2026, 3, 16, 9, 0), comment: null };
    expect(describeState(state, saturdayEvening, PARIS, 'fr').label).toBe('Fermé — ouvre lundi à 9 h');
    expect(describeState(state, saturdayEvening, PARIS, 'en').label).toBe('Closed — opens Monday at 09:00');
    expect(describeState(state, instantAt(PARIS, 2026, 3, 15, 19, 0), PARIS, 'pt').label).toBe('Fechado — abre amanhã às 09:00');
    expect(describeState({ status: 'unknown', nextChange: null, comment: null }, saturdayEvening, PARIS, 'ar').label).toBe('أوقات العمل غير معروفة');
  });

  it('says a temporary closure in the language, its dates by Intl', () => {
    const closed = { closedFrom: new Date('2026-03-01T00:00:00Z'), closedUntil: new Date('2026-03-20T00:00:00Z'), closureMessage: 'Travaux' };
    expect(temporaryClosure(closed, TUESDAY_10, PARIS, 'fr')?.title).toBe('Fermé temporairement jusqu’au vendredi 20 mars inclus');
    expect(temporaryClosure(closed, TUESDAY_10, PARIS, 'en')?.title).toBe('Temporarily closed until Friday 20 March, inclusive');
    expect(temporaryClosure(closed, TUESDAY_10, PARIS, 'uk')?.reopening).toMatch(/^Знову відчиниться: субота, 21 березня/);
    // The place's own message stays as written.
    expect(temporaryClosure(closed, TUESDAY_10, PARIS, 'ar')?.message).toBe('Travaux');
  });
});
