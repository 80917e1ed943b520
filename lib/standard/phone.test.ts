// Phones read from the ways people write them, and shown as they dial them.
import { describe, expect, it } from 'vitest';
import { parsePhone, phoneText } from './phone';

describe('phone numbers', () => {
  it.each([
    ['02 61 91 07 01', '+33261910701'],
    ['02.61.91.07.01', '+33261910701'],
    ['02-61-91-07-01', '+33261910701'],
    ['0261910701', '+33261910701'],
    ['+33261910701', '+33261910701'],
    ['+33 2 61 91 07 01', '+33261910701'],
    ['+33 (0)2 61 91 07 01', '+33261910701'],
    ['(+33) 2 61 91 07 01', '+33261910701'],
    ['0033 2 61 91 07 01', '+33261910701'],
    ['2 61 91 07 01', '+33261910701'], // the leading zero a spreadsheet dropped
    ['06 12 34 56 78', '+33612345678'],
    ['0 800 00 00 00', '+33800000000'],
    ['+32 2 555 12 12', '+3225551212'],
    ['+262 262 12 34 56', '+262262123456'],
  ])('reads %s as %s', (typed, e164) => {
    expect(parsePhone(typed)).toBe(e164);
  });

  it('reads an overseas number dialled nationally in its own département', () => {
    expect(parsePhone('0262 12 34 56', '97400')).toBe('+262262123456');
  });

  it.each(['pas un numéro', '06 12 34 56', '+33 2 41', '3939', '12', '0'.repeat(60), '02 41 00 00 00 00 00'])('refuses %s', (typed) => {
    expect(parsePhone(typed)).toBeNull();
  });

  it('shows French numbers as dialled in France, foreign ones in the international form', () => {
    expect(phoneText('+33261910701')).toBe('02 61 91 07 01');
    expect(phoneText('+262262123456')).toBe('0262 12 34 56');
    expect(phoneText('+3225551212')).toBe('+32 2 555 12 12');
    expect(phoneText(null)).toBe('');
    expect(phoneText('à voir')).toBe('à voir');
  });
});
