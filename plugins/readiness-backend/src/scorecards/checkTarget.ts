import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { TrackCheck } from '@readiness-io/plugin-readiness-common';
import { TrackRegistry } from './tracks/TrackRegistry';
import { trackAppliesTo } from './evaluation/compiledTrack';

/** Finds the check a request names, or a 400 that names the field that is wrong. */
export function resolveCheckTarget(
  tracks: TrackRegistry,
  entity: Entity,
  target: { trackId: string; gateId: string; checkId: string },
): TrackCheck {
  const loaded = tracks.get(target.trackId);
  if (!loaded) throw new InputError(`trackId: no track '${target.trackId}'`);
  if (!trackAppliesTo(loaded.track.spec.appliesTo, entity)) {
    throw new InputError(
      `trackId: track '${target.trackId}' does not apply to this entity`,
    );
  }
  const gate = loaded.track.spec.gates.find(g => g.id === target.gateId);
  if (!gate)
    throw new InputError(
      `gateId: track '${target.trackId}' has no gate '${target.gateId}'`,
    );
  const check = gate.checks.find(c => c.id === target.checkId);
  if (!check)
    throw new InputError(
      `checkId: gate '${target.gateId}' has no check '${target.checkId}'`,
    );
  return check;
}

const DAY = 24 * 60 * 60 * 1000;

/** Parses a future timestamp no later than `maxDays` from now, or a 400 naming the field. */
export function futureDate(
  field: string,
  value: string,
  now: Date,
  maxDays: number,
): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new InputError(`${field}: not a date-time`);
  if (date.getTime() <= now.getTime())
    throw new InputError(`${field}: must be in the future`);
  if (date.getTime() > now.getTime() + maxDays * DAY) {
    throw new InputError(`${field}: must be at most ${maxDays} days from now`);
  }
  return date;
}

export const daysFrom = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY);
