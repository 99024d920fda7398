import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { spec } from '../schema/openapi.generated';
import { rejectNulCharactersMiddleware } from './nulCharacters';

/** The plugin's router, typed from and validated against src/schema/openapi.yaml. */
export type ReadinessRouter = ReturnType<typeof createReadinessRouter>;

/**
 * The largest JSON body the plugin reads (express's default is 100 kB): enough for a track preview's two track
 * files (up to 256 KiB each) and a deployment batch; anything larger is a 413.
 */
export const MAX_BODY_BYTES = '1mb';

export function createReadinessRouter() {
  return createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: [
      express.json({ limit: MAX_BODY_BYTES }),
      rejectNulCharactersMiddleware,
    ],
  });
}

/**
 * Answers with a value already serialized as JSON (a stored scorecard composed as it is kept): what `res.json` sends
 * for the value the text holds, without parsing and serializing it again. The text's shape is the producer's promise
 * (see composeScorecardJson and its test).
 */
export function sendJsonText(res: express.Response, json: string) {
  res.type('application/json').send(json);
}
