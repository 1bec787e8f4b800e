/**
 * HTTP dates (RFC 9110 5.6.7): what Last-Modified sends, and what
 * If-Modified-Since, If-Unmodified-Since and If-Range bring back.
 */

const DAYS = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const LONG_DAYS = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = `(${MONTHS.join("|")})`;
const TIME = "(\\d{2}):(\\d{2}):(\\d{2})";

/** `Sun, 06 Nov 1994 08:49:37 GMT`: the form every sender uses. */
const IMF_FIXDATE = new RegExp(`^${DAYS}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
/** `Sunday, 06-Nov-94 08:49:37 GMT`: obsolete, two-digit year. */
const RFC850_DATE = new RegExp(`^${LONG_DAYS}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
/** `Sun Nov  6 08:49:37 1994`: C's asctime(), obsolete, in UTC. */
const ASCTIME_DATE = new RegExp(`^${DAYS} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * A two-digit year of an RFC 850 date: the one of this century, unless that
 * is over 50 years ahead, then the one a century before (RFC 9110 5.6.7).
 */
function fullYear(twoDigits: number, now: number): number {
  const current = new Date(now).getUTCFullYear();
  const year = current - (current % 100) + twoDigits;
  return year > current + 50 ? year - 100 : year;
}

/** The instant the fields name, or null when they name no day of the calendar (31 Feb) or no time. */
function instant(year: number, month: string, day: number, time: string[]): number | null {
  const [hours, minutes, seconds] = time.map(Number);
  if (hours > 23 || minutes > 59 || seconds > 60) return null;
  const monthIndex = MONTHS.indexOf(month);
  const date = new Date(Date.UTC(year, monthIndex, day, hours, minutes, seconds));
  // Date.UTC takes years 0–99 as 1900–1999: set the year again.
  date.setUTCFullYear(year, monthIndex, day);
  if (date.getUTCMonth() !== monthIndex || date.getUTCDate() !== day) return null;
  return date.getTime();
}

/**
 * The time (ms since the epoch, whole seconds) an HTTP-date names, in any
 * of its three forms, which a recipient must all accept; null for anything
 * else: another format (ISO 8601), a list of dates, or no date, which a
 * precondition then ignores. Case-sensitive, as the grammar is; the day's
 * name is not checked against the date.
 */
export function parseHttpDate(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  let match = IMF_FIXDATE.exec(text);
  if (match) return instant(Number(match[3]), match[2], Number(match[1]), match.slice(4, 7));
  match = RFC850_DATE.exec(text);
  if (match)
    return instant(fullYear(Number(match[3]), now), match[2], Number(match[1]), match.slice(4, 7));
  match = ASCTIME_DATE.exec(text);
  if (match) return instant(Number(match[6]), match[1], Number(match[2]), match.slice(3, 6));
  return null;
}

/** A time to the second below it, as an HTTP date carries it: ms since the epoch. */
export const wholeSecond = (date: Date): number => Math.floor(date.getTime() / 1000) * 1000;

/** A time as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), to the second. */
export const httpDate = (date: Date): string => new Date(wholeSecond(date)).toUTCString();
