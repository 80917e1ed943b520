// Time-zone arithmetic for opening hours. The opening_hours library reads the *local* fields of
// the Date objects it is given (getHours, getDay…), i.e. the server's zone. To evaluate a place's
// hours in its own zone whatever the server's, instants are turned into "wall-clock dates": Dates
// whose local fields equal the wall time in the place's zone; and back.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export function wallTimeIn(timeZone: string, instant: Date): WallTime {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The instant as a Date whose local fields are the wall time in `timeZone`. */
export function toWallClock(instant: Date, timeZone: string): Date {
  const w = wallTimeIn(timeZone, instant);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, instant.getMilliseconds());
}

/** The real instant of a wall-clock Date (local fields = wall time in `timeZone`). */
export function fromWallClock(wall: Date, timeZone: string): Date {
  const target = Date.UTC(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes(), wall.getSeconds());
  // Two passes settle the offset, including across a DST change.
  let guess = target;
  for (let i = 0; i < 2; i++) {
    const w = wallTimeIn(timeZone, new Date(guess));
    const seen = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    guess += target - seen;
  }
  return new Date(guess + wall.getMilliseconds());
}

/** A wall time in `timeZone` given by its fields, as an instant. */
export function instantAt(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return fromWallClock(new Date(year, month - 1, day, hour, minute), timeZone);
}

const OVERSEAS_ZONES: Record<string, string> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
  '977': 'America/St_Barthelemy',
  '978': 'America/Marigot',
  '986': 'Pacific/Wallis',
  '987': 'Pacific/Tahiti',
  '988': 'Pacific/Noumea',
};

/** The IANA zone of a French INSEE code or postcode: Europe/Paris in mainland France and Corsica. */
export function timeZoneForCode(code: string | null | undefined): string {
  if (!code) return 'Europe/Paris';
  return OVERSEAS_ZONES[code.slice(0, 3)] ?? 'Europe/Paris';
}
