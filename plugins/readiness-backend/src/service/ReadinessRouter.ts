import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { spec } from '../schema/openapi.generated';
import { rejectNulCharactersMiddleware } from './nulCharacters';
import { validateBySegment } from './validateBySegment';

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
      validateBySegment(spec),
    ],
    // Requests are validated above, by the part of the spec their first path segment names (see validateBySegment);
    // the router's own validator, which would look every request up among all routes again, is left with nothing
    // to do. The router still types the handlers from the spec, serves it, and turns validation errors into 400s.
    validatorOptions: { ignorePaths: () => true, validateRequests: false },
  });
}

/**
 * Answers with a value already serialized as JSON (a stored scorecard, kept as it is answered): the text as it is,
 * or its gzip-compressed bytes as they are (`Content-Encoding: gzip`, which the root router's compression leaves
 * alone) — what `res.json` would send for the value, without parsing, serializing or compressing it again. Either
 * way the answer varies by `Accept-Encoding`. An answer that names its own ETag (a stored view's) is sent with it:
 * 304 to a client that has it.
 */
export function sendStoredJson(
  req: express.Request,
  res: express.Response,
  answer: ({ json: string } | { gzip: Buffer }) & { etag?: string },
) {
  res.vary('Accept-Encoding').type('application/json');
  if (!answer.etag) {
    if ('gzip' in answer) res.set('Content-Encoding', 'gzip').send(answer.gzip);
    else res.send(answer.json);
    return;
  }
  // What res.send does, less what a stored answer does not need: no hash of the body for an ETag (the answer names
  // its own), and the JSON written to the socket as text, without first copying it into a Buffer.
  res.set('ETag', answer.etag);
  if (req.fresh) {
    res.removeHeader('Content-Type');
    res.status(304).end();
    return;
  }
  if ('gzip' in answer) res.set('Content-Encoding', 'gzip');
  const body = 'gzip' in answer ? answer.gzip : answer.json;
  res.set(
    'Content-Length',
    String(typeof body === 'string' ? Buffer.byteLength(body) : body.length),
  );
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

/** Whether the request accepts a gzip-compressed answer (browsers and Node's fetch do). */
export function acceptsGzip(req: express.Request) {
  return req.acceptsEncodings('gzip') === 'gzip';
}
