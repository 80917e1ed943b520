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

function slowWallTimeIn(timeZone: string, instant: Date): WallTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

// Intl's formatToParts costs microseconds and a few objects a call, and a place page or a search
// makes hundreds of these calls (the week table, the next change, every interval). A zone's offset
// from UTC only changes at its transitions, which fall on a quarter hour of UTC: the offset is
// kept per zone and UTC quarter hour, checked at both ends of it (a quarter hour holding a
// transition, if any, is left to Intl), and the wall time is then plain arithmetic.
const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number | null>>();

const utcOf = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

function offsetIn(timeZone: string, quarter: number): number | null {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_MS;
    const end = start + QUARTER_MS - 1000;
    const atStart = utcOf(slowWallTimeIn(timeZone, new Date(start))) - start;
    const atEnd = utcOf(slowWallTimeIn(timeZone, new Date(end))) - end;
    offset = atStart === atEnd ? atStart : null;
    if (zone.size > 50_000) zone.clear();
    zone.set(quarter, offset);
  }
  return offset;
}

export function wallTimeIn(timeZone: string, instant: Date): WallTime {
  const ms = instant.getTime();
  const offset = Number.isFinite(ms) ? offsetIn(timeZone, Math.floor(ms / QUARTER_MS)) : null;
  if (offset === null) return slowWallTimeIn(timeZone, instant);
  const wall = new Date(ms + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
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
