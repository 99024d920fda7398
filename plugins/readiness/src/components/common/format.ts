const DAY = 24 * 60 * 60 * 1000;

/** "today", "1 day", "3 days", for how long something has held (since an ISO instant). */
export function durationSince(
  iso: string | undefined,
  now: Date = new Date(),
): string | undefined {
  if (!iso) return undefined;
  const days = Math.floor((now.getTime() - Date.parse(iso)) / DAY);
  if (days < 1) {
    const hours = Math.floor((now.getTime() - Date.parse(iso)) / 3_600_000);
    return hours < 1
      ? 'less than an hour'
      : `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** An instant in the viewer's own time zone, with the zone's name. */
export function localTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/** The name part of an entity ref, for people. */
export function refName(ref: string): string {
  return ref.replace(/^[^:]+:/, '').replace(/^default\//, '');
}

/**
 * What went wrong, in the backend's words: a failed request's own message (`expiresAt: must be in the future`)
 * rather than `Request failed with 400 Bad Request`.
 */
export function errorWords(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (error.name === 'ResponseError' && cause instanceof Error && cause.message)
    return cause.message;
  return error.message;
}
