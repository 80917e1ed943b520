// Phone numbers as people write them, and back. Stored in E.164 ("+33261910701"); shown as a
// French reader dials them ("02 61 91 07 01", overseas "0262 12 34 56"), foreign numbers in the
// international form ("+32 2 555 12 12"). Read from any common writing ("02.61.91.07.01",
// "+33 (0)2 61 91 07 01", "0033 2 61…", a leading zero lost in a spreadsheet) by libphonenumber-js,
// with its small metadata: validity is checked against each country's real number plan, which a
// length test could not do.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** Countries whose numbers a French reader dials in the national form (mainland and overseas). */
const DIALLED_AS_FRENCH = new Set<CountryCode>(['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC']);

/** The country a national number is read in, from the place's postcode (overseas départements). */
const COUNTRY_BY_POSTCODE: Record<string, CountryCode> = { '971': 'GP', '972': 'MQ', '973': 'GF', '974': 'RE', '975': 'PM', '976': 'YT' };

/** The E.164 form of a typed number, or null when it is not a valid number. */
export function parsePhone(text: string, postcode?: string | null): string | null {
  const raw = text.trim();
  if (!raw || raw.length > 40) return null;
  const country = (postcode && COUNTRY_BY_POSTCODE[postcode.slice(0, 3)]) || 'FR';
  const read = (value: string) => {
    const phone = parsePhoneNumberFromString(value, country);
    return phone?.isValid() ? phone.number : null;
  };
  // A French number whose leading zero a spreadsheet dropped ("2 41 00 00 00").
  const digits = raw.replace(/[\s.()-]/g, '');
  return read(raw) ?? (/^[1-9]\d{8}$/.test(digits) ? read(`0${digits}`) : null);
}

/** A stored number as people write it: "02 61 91 07 01", "+32 2 555 12 12"; an unreadable value as given. */
export function phoneText(stored: string | null | undefined): string {
  if (!stored) return '';
  const phone = parsePhoneNumberFromString(stored, 'FR');
  if (!phone) return stored;
  return phone.country && DIALLED_AS_FRENCH.has(phone.country) ? phone.formatNational() : phone.formatInternational();
}
