// A place's hours in plain words, for the people who check them (the campaign page, the review
// queue, the history): one line a day ("Mardi : 14 h – 18 h"), then the special cases as
// sentences ("Fermé les jours fériés", "Fermé en août"). Never the OSM syntax: a value the grid
// cannot show is read by the library for the current week and said to vary; an unreadable one is
// said to be unreadable.
import { GRID_DAYS, SUMMER_OFF } from './editor';
import { clockWords, formGrid, GRID_DAY_NAMES } from './grid-form';
import { presentHours } from './present';

export type HoursWords = { rows: Array<{ day: string; text: string }>; notes: string[] };

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The week and its special cases, in words. */
export function hoursInWords(value: string | null | undefined, timeZone = 'Europe/Paris', now = new Date()): HoursWords {
  const raw = value?.trim();
  if (!raw) return { rows: [], notes: ['Horaires non communiqués.'] };
  // No fixed hours: a comment alone ("sur rendez-vous"), or closed for now.
  const onlyComment = raw.match(/^"([^"]*)"$/);
  if (onlyComment) return { rows: [], notes: [`Pas d’horaires fixes : ${onlyComment[1].trim() || 'sur rendez-vous'}.`] };
  const off = raw.match(/^(?:off|closed)(?:\s+"([^"]*)")?$/i);
  if (off) return { rows: [], notes: [`Fermé en ce moment${off[1] ? ` (${off[1].trim()})` : ''}.`] };
  const grid = formGrid(raw);
  if (grid) {
    const rows = GRID_DAYS.map((day) => ({
      day: GRID_DAY_NAMES[day],
      text: grid.days[day].map(([a, b]) => `${clockWords(a)} – ${clockWords(b)}`).join(', ') || 'Fermé',
    }));
    const notes = [
      grid.comment && `${sentence(grid.comment)}.`,
      grid.closedOnHolidays && 'Fermé les jours fériés.',
      grid.summerOff && `${SUMMER_OFF[grid.summerOff]}.`,
    ];
    return { rows, notes: notes.filter((n): n is string => !!n) };
  }
  const shown = presentHours(raw, timeZone, now);
  if (!shown.known) return { rows: [], notes: ['Horaires illisibles : à vérifier.'] };
  return {
    rows: shown.week.map((row) => ({ day: sentence(row.day), text: row.text })),
    notes: ['Horaires de cette semaine : ils changent selon les périodes de l’année.', ...(shown.closedOnHolidays ? ['Fermé les jours fériés.'] : [])],
  };
}
