// Times of the week and durations, in minutes. The week starts Monday 00:00.

export const MINUTES_PER_DAY = 24 * 60;
export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const LONG_DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const WEEK_TIME = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(\d{1,2}):(\d{2})$/;

/** `1h30m` → 90; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match || text === '') return null;
  const [, d = '0', h = '0', m = '0'] = match;
  return Number(d) * MINUTES_PER_DAY + Number(h) * 60 + Number(m);
}

/** `Tue 18:00` → minutes since Monday 00:00; null when malformed or out of range. */
export function parseWeekTime(text: string): number | null {
  const match = WEEK_TIME.exec(text.trim());
  if (!match) return null;
  const day = DAY_NAMES.indexOf(match[1] as (typeof DAY_NAMES)[number]);
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return null;
  return day * MINUTES_PER_DAY + hours * 60 + minutes;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** 1-based day of the week (1 = Monday); days past Sunday keep counting. */
export function dayOf(clock: number): number {
  return Math.floor(clock / MINUTES_PER_DAY) + 1;
}

export function hourOf(clock: number): number {
  return Math.floor((clock % MINUTES_PER_DAY) / 60);
}

function dayName(clock: number, names: readonly string[]): string {
  const index = Math.floor(clock / MINUTES_PER_DAY);
  return index >= 0 && index < 7 ? names[index]! : `Day ${index + 1}`;
}

/** `Tue 18:00` */
export function formatWeekTime(clock: number): string {
  const minutes = ((clock % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${dayName(clock, DAY_NAMES)} ${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}`;
}

/** `Tuesday` */
export function formatDayName(clock: number): string {
  return dayName(clock, LONG_DAY_NAMES);
}

/** 90 → `1h30m`, 15 → `15m`, 1500 → `1d1h`. */
export function formatDuration(minutes: number): string {
  if (minutes === 0) return '0m';
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.abs(minutes);
  const d = Math.floor(rest / MINUTES_PER_DAY);
  rest -= d * MINUTES_PER_DAY;
  const h = Math.floor(rest / 60);
  const m = rest - h * 60;
  return sign + (d ? `${d}d` : '') + (h ? `${h}h` : '') + (m ? `${m}m` : '');
}

/** The first moment after `clock` (never `clock` itself) when the clock reads `minuteOfDay`. */
export function nextTimeOfDay(clock: number, minuteOfDay: number): number {
  const today = Math.floor(clock / MINUTES_PER_DAY) * MINUTES_PER_DAY + minuteOfDay;
  return today > clock ? today : today + MINUTES_PER_DAY;
}
