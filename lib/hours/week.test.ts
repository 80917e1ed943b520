import { describe, expect, it } from 'vitest';
import { weeklySlots } from './index';
import { hoursWeek, slotsOfWeek, weekMultirange } from './week';

describe('a week of opening as a multirange', () => {
  it('writes minutes of the week, Monday first, and leaves out empty or reversed slots', () => {
    expect(
      weekMultirange([
        { weekday: 1, startMinute: 540, endMinute: 720 },
        { weekday: 3, startMinute: 600, endMinute: 600 },
        { weekday: 5, startMinute: 1320, endMinute: 120 },
        { weekday: 7, startMinute: 0, endMinute: 1440 },
      ]),
    ).toBe('{[540,720),[8640,10080)}');
    expect(weekMultirange([])).toBeNull();
    expect(weekMultirange(null)).toBeNull();
  });

  it('reads back what PostgreSQL prints, one slot per day when a range crosses midnight', () => {
    expect(slotsOfWeek('{[540,720),[1980,2160)}')).toEqual([
      { weekday: 1, startMinute: 540, endMinute: 720 },
      { weekday: 2, startMinute: 540, endMinute: 720 },
    ]);
    expect(slotsOfWeek('{[1320,1560)}')).toEqual([
      { weekday: 1, startMinute: 1320, endMinute: 1440 },
      { weekday: 2, startMinute: 0, endMinute: 120 },
    ]);
    expect(slotsOfWeek('{}')).toEqual([]);
    expect(slotsOfWeek(null)).toEqual([]);
  });

  it('round-trips real schedules (slots of a day never overlap, so nothing merges)', () => {
    for (const hours of ['Mo-Fr 09:00-12:00,14:00-17:30', 'Tu,Th 13:30-18:00; Sa 09:00-12:00', 'Mo-Su 00:00-24:00']) {
      const slots = weeklySlots(hours)!;
      const back = slotsOfWeek(weekMultirange(slots));
      // A whole week open is one range: compare minute by minute.
      const minutes = (list: typeof slots) =>
        new Set(list.flatMap((s) => Array.from({ length: s.endMinute - s.startMinute }, (_, i) => (s.weekday - 1) * 1440 + s.startMinute + i)));
      expect(minutes(back)).toEqual(minutes(slots));
    }
  });

  it('reads a place’s hours as its week, the same each time', () => {
    expect(hoursWeek('Mo 09:00-12:00; We 14:00-17:00')).toBe('{[540,720),[3720,3900)}');
    expect(hoursWeek('Mo 09:00-12:00; We 14:00-17:00')).toBe('{[540,720),[3720,3900)}');
    expect(hoursWeek(null)).toBeNull();
    expect(hoursWeek('n’importe quoi')).toBeNull();
  });
});
