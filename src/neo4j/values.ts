import neo4j, { type Date as Neo4jDate, type DateTime, type LocalDateTime } from 'neo4j-driver';

/**
 * Turns what the driver returns into plain JSON-friendly values: integers are already numbers
 * (the driver runs with disableLosslessIntegers), DateTime becomes an ISO-8601 UTC string,
 * Date stays 'YYYY-MM-DD', nodes and relationships become their properties. Lists and maps are
 * converted in place: the driver builds them afresh for every result, and copying every row of
 * a big read was a good part of the API's garbage.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toNative(value[i]);
    return value;
  }
  // Maps arrive as plain objects: the common case, so it skips the eight type checks below.
  if (Object.getPrototypeOf(value) === Object.prototype) return mapToNative(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  // The driver runs with disableLosslessIntegers: temporal fields are numbers.
  if (neo4j.isDateTime(value)) return dateTimeToIso(value as unknown as DateTime<number>);
  if (neo4j.isLocalDateTime(value)) return (value as LocalDateTime).toString();
  if (neo4j.isDate(value)) return (value as Neo4jDate).toString();
  if (neo4j.isDuration(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isPoint(value)) {
    return String(value);
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
    return toNative((value as { properties: unknown }).properties);
  }
  return mapToNative({ ...(value as Record<string, unknown>) });
}

function mapToNative(map: Record<string, unknown>): Record<string, unknown> {
  for (const key in map) map[key] = toNative(map[key]);
  return map;
}

/**
 * A DateTime as ISO-8601 UTC with milliseconds, the string `toStandardDate().toISOString()` gives,
 * computed from its fields with plain numbers: the driver's own conversion runs on its 64-bit
 * Integer class, which cost most of the API's CPU on reads of many nodes.
 */
export function dateTimeToIso(value: DateTime<number>): string {
  const { year, month, day, hour, minute, second, nanosecond, timeZoneOffsetSeconds } = value;
  // Date.UTC reads years 0…99 as 1900…1999; a zone given only by name has no offset here.
  if (typeof timeZoneOffsetSeconds !== 'number' || year < 100 || year > 9999) return value.toStandardDate().toISOString();
  const millis = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(nanosecond / 1_000_000));
  return new Date(millis - timeZoneOffsetSeconds * 1000).toISOString();
}

/** Parameter conversions for values Neo4j should store with their own type. */
export const param = {
  dateTime: (iso: string) => neo4j.types.DateTime.fromStandardDate(new Date(iso)),
  date: (isoDate: string) => {
    const [year, month, day] = isoDate.split('-').map(Number);
    return new neo4j.types.Date(year, month, day);
  },
  integer: (value: number) => neo4j.int(value),
  /** The current instant, for createdAt and updatedAt. */
  now: () => neo4j.types.DateTime.fromStandardDate(new Date()),
};
