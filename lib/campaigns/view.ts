// What the campaign page shows of a place, in the words of the people who keep it: the phone as
// they give it, web addresses without "https://", the week as a table, the lists as the search's
// plain-French checkboxes; and the correction form filled with the same. No OSM syntax anywhere.
import { formGrid, gridFormValues } from '@/lib/hours/grid-form';
import { hoursInWords, type HoursWords } from '@/lib/hours/words';
import { translator } from '@/lib/i18n';
import { listLabel } from '@/lib/i18n/words';
import { phoneText } from '@/lib/standard/phone';
import { CORRECTION_LISTS, type CorrectionList, type CorrectionValues } from './correction';
import { LISTS_SHOWN } from './correction-fields';

export type ListOption = { value: string; label: string };
export type CorrectionLists = Array<{ name: CorrectionList; legend: string; options: ListOption[] }>;

type Place = {
  phone: string | null;
  emails: string[];
  websites: string[];
  appointmentUrl: string | null;
  openingHours: string | null;
  timeZone: string;
  services: string[];
  publics: string[];
  accessModes: string[];
};

export type CorrectionView = {
  listing: {
    phone: string;
    emails: string;
    websites: Array<{ href: string; text: string }>;
    hours: HoursWords;
    lists: Array<{ legend: string; words: string[] }>;
  };
  form: {
    values: CorrectionValues;
    lists: CorrectionLists;
    /** The grid cannot show the current hours: they are kept unless the grid is filled. */
    hoursKept: boolean;
  };
};

/** "www.exemple.fr" for "https://www.exemple.fr/". */
export const bareAddress = (url: string) => url.replace(/^https?:\/\//i, '').replace(/\/$/, '');

/** The lists with their plain-French words, in the search's order. */
export function correctionLists(): CorrectionLists {
  const t = translator('fr');
  return (Object.entries(CORRECTION_LISTS) as Array<[CorrectionList, (typeof CORRECTION_LISTS)[CorrectionList]]>).map(([name, list]) => ({
    name,
    legend: list.legend,
    options: Object.keys(list.labels).map((value) => ({ value, label: listLabel(t, list.family, value) })),
  }));
}

export function correctionView(place: Place, now = new Date()): CorrectionView {
  const lists = correctionLists();
  const grid = formGrid(place.openingHours);
  const values: CorrectionValues = {
    phone: phoneText(place.phone),
    emails: place.emails.join('\n'),
    websites: place.websites.map(bareAddress).join('\n'),
    appointmentUrl: place.appointmentUrl ?? '',
    message: '',
    [LISTS_SHOWN]: '1',
    ...(grid ? gridFormValues(grid) : {}),
  };
  for (const list of lists) values[list.name] = place[list.name];
  return {
    listing: {
      phone: phoneText(place.phone) || '—',
      emails: place.emails.join(', ') || '—',
      websites: place.websites.map((href) => ({ href, text: bareAddress(href) })),
      hours: hoursInWords(place.openingHours, place.timeZone, now),
      lists: lists.map((list) => ({ legend: list.legend, words: list.options.filter((o) => place[list.name].includes(o.value)).map((o) => o.label) })),
    },
    form: { values, lists, hoursKept: !grid && !!place.openingHours?.trim() },
  };
}
