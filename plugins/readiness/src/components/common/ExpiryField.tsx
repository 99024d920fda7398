import { useState } from 'react';
import { TextField } from '@material-ui/core';

/**
 * A required expiry day (waivers, campaign exemptions): the day as typed, the end of that day (UTC) as the instant,
 * and its problem in words — not in the future, or further than `maxDays` away.
 */
export function useExpiry(defaultDays: number, maxDays?: number) {
  const [day, setDay] = useState(() =>
    new Date(Date.now() + defaultDays * 86_400_000).toISOString().slice(0, 10),
  );
  const expiresAt = new Date(`${day}T23:59:59Z`);
  const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
  let error: string | undefined;
  if (Number.isNaN(days) || days <= 0) error = 'A date in the future';
  else if (maxDays !== undefined && days > maxDays)
    error = `At most ${maxDays} days from now`;
  return { day, setDay, expiresAt, error };
}

/** The date field of {@link useExpiry}. */
export function ExpiryField(props: {
  id: string;
  expiry: ReturnType<typeof useExpiry>;
}) {
  const { expiry } = props;
  return (
    <TextField
      id={props.id}
      label="Expires on"
      type="date"
      required
      value={expiry.day}
      onChange={e => expiry.setDay(e.target.value)}
      error={Boolean(expiry.error)}
      helperText={expiry.error ?? ' '}
      InputLabelProps={{ shrink: true }}
      margin="normal"
    />
  );
}
