import { TZDate } from '@date-fns/tz';

// Times as people write and read them: a wall-clock time in a named zone, turned into an instant once (stored
// in UTC), and shown back in whichever zone the reader chooses. No JavaScript in the browser is needed for
// either: the server formats with Intl and parses with @date-fns/tz.

const ZONES = new Set(Intl.supportedValuesOf('timeZone'));
// Intl's list leaves out the canonical "UTC" on some builds; it is the one zone every program knows.
ZONES.add('UTC');

/** The zones a person can choose from, sorted, for the lists on the forms. */
export const TIME_ZONES: readonly string[] = [...ZONES].sort();

export const isTimeZone = (zone: string) => ZONES.has(zone);

const MINUTE = 60_000;

/** One time or one window, as `2026-12-10 14:00` or `2026-12-10 09:00-12:00` (a T or an en dash also do). */
const LINE = /^(\d{4})-(\d{2})-(\d{2})[ T]+(\d{1,2}):(\d{2})(?:\s*[-–]\s*(\d{1,2}):(\d{2}))?$/;

export type ParsedTimes = { starts: number[]; errors: string[] };

/** More slots than anyone offers at once (the form refuses above 100): reading stops past it. */
const SLOTS_LIMIT = 100;

const HOUR = 60 * MINUTE;

/** Whether `at` reads as this wall-clock time in `zone`. */
function readsAs(at: number, zone: string, y: number, m: number, d: number, h: number, min: number) {
  const back = new TZDate(at, zone);
  return (
    back.getFullYear() === y &&
    back.getMonth() === m - 1 &&
    back.getDate() === d &&
    back.getHours() === h &&
    back.getMinutes() === min
  );
}

/**
 * The instant of a wall-clock time in `zone`: 'skipped' when that time does not exist there (the clocks went
 * forward over it), 'twice' when it exists twice (they went back over it). Either is refused, not guessed.
 */
export function zonedInstant(
  zone: string,
  y: number,
  m: number,
  d: number,
  h: number,
  min: number,
): number | 'skipped' | 'twice' {
  const at = TZDate.tz(zone, y, m - 1, d, h, min).getTime();
  if (!readsAs(at, zone, y, m, d, h, min)) return 'skipped';
  if (readsAs(at - HOUR, zone, y, m, d, h, min) || readsAs(at + HOUR, zone, y, m, d, h, min)) return 'twice';
  return at;
}

const CLOCKS = {
  skipped: 'does not exist in ZONE: the clocks go forward then',
  twice: 'happens twice in ZONE: the clocks go back then; choose another time',
};

/**
 * The start of every slot the lines offer, in `zone`: a line with one time is one slot, a line with a window
 * is cut into back-to-back slots of `minutes` (what does not fill a slot at the end is left). Each line that
 * cannot be read gets its own error, naming it.
 */
export function parseOfferedTimes({
  text,
  zone,
  minutes,
}: {
  text: string;
  zone: string;
  minutes: number;
}): ParsedTimes {
  const starts = new Set<number>();
  const errors: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
    const match = LINE.exec(line);
    if (!match) {
      errors.push(`“${shown}” is not a time: write 2026-12-10 14:00, or a window as 2026-12-10 09:00-12:00.`);
      continue;
    }
    const [y, m, d, h, min] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
    // Years outside 2000–2999 are typos (and years below 100 would be read as 19xx by Date).
    const real = y >= 2000 && y <= 2999 && m >= 1 && m <= 12 && h <= 23 && min <= 59;
    if (!real || new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) {
      errors.push(`“${shown}” is not a real date and time.`);
      continue;
    }
    const start = zonedInstant(zone, y, m, d, h, min);
    if (typeof start === 'string') {
      errors.push(`“${shown}” ${CLOCKS[start].replace('ZONE', zone)}.`);
      continue;
    }
    if (match[6] === undefined) {
      starts.add(start);
      continue;
    }
    const endHour = Number(match[6]);
    const endMinute = Number(match[7]);
    const end = endHour > 23 || endMinute > 59 ? 'skipped' : zonedInstant(zone, y, m, d, endHour, endMinute);
    if (typeof end === 'string') {
      errors.push(`“${shown}” does not end at a time that exists once in ${zone}.`);
      continue;
    }
    if (end - start < minutes * MINUTE) {
      errors.push(`“${shown}” is shorter than one ${minutes}-minute interview.`);
      continue;
    }
    for (let at = start; at + minutes * MINUTE <= end && starts.size <= SLOTS_LIMIT; at += minutes * MINUTE)
      starts.add(at);
    // Past the limit, the rest is not read: the form says how many it takes.
    if (starts.size > SLOTS_LIMIT) break;
  }
  return { starts: [...starts].sort((a, b) => a - b), errors };
}

/** An instant as people read it in `zone`: "Thursday 10 December 2026, 14:00". */
export function formatInZone(at: Date | number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

/** The end's time of day only, for "14:00–14:45". */
export function formatTimeInZone(at: Date | number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** "Thursday 10 December 2026, 14:00–14:45 (Europe/Berlin)". */
export function formatRange(start: Date | number, end: Date | number, zone: string): string {
  return `${formatInZone(start, zone)}–${formatTimeInZone(end, zone)} (${zone})`;
}
