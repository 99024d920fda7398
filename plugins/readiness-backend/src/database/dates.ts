/**
 * Turns what a database hands back for a timestamp column into an ISO string: PostgreSQL gives Date
 * objects, SQLite the number of milliseconds (knex binds Dates as numbers there) or a string.
 */
export function toIsoString(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  if (typeof value === 'string') {
    const asNumber = Number(value);
    if (!Number.isNaN(asNumber) && /^\d+$/.test(value))
      return new Date(asNumber).toISOString();
    return new Date(
      value.includes('T') || value.endsWith('Z')
        ? value
        : `${value.replace(' ', 'T')}Z`,
    ).toISOString();
  }
  throw new Error(`not a timestamp: ${String(value)}`);
}

export function toOptionalIsoString(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : toIsoString(value);
}
