/**
 * IANA time zones through Intl (no time-zone database of our own): offsets
 * at an instant and wall-clock times to instants, exact across DST changes.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter giving a zone's wall-clock fields (cached per zone name). */
function wallFields(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The canonical IANA name of `zone` ("europe/athens" → "Europe/Athens"), or null when unknown. */
export function canonicalZone(zone: string): string | null {
  // Intl also takes offsets such as "+02:00"; those are not IANA zones.
  if (!/^[A-Za-z]/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone's offset from UTC at instant `t`, in ms (local = utc + offset). */
export function zoneOffset(zone: string, t: number): number {
  const parts: Record<string, number> = {};
  for (const p of wallFields(zone).formatToParts(new Date(t)))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  const local = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return local - (t - (((t % 1000) + 1000) % 1000));
}

/**
 * The instant at which clocks show wall time `localMs` (fields encoded as if
 * UTC), given the zone's offset at any instant. In a spring-forward gap the
 * result moves forward by the gap; in a fall-back overlap it is one of the
 * two instants.
 */
export function localToUtc(localMs: number, offsetAt: (t: number) => number): number {
  const first = offsetAt(localMs);
  const offset = offsetAt(localMs - first);
  const instant = localMs - offset;
  if (offset === first) return instant;
  const offsetThen = offsetAt(instant);
  if (localMs - offsetThen === instant) return instant;
  // No instant shows localMs (a gap): read it with the offset from before the
  // change, the smaller one, which lands the gap's length later.
  return localMs - Math.min(offset, offsetThen);
}
