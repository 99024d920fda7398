import express from 'express';
import { middleware as openApiValidator } from 'express-openapi-validator';

type Spec = Parameters<typeof openApiValidator>[0]['apiSpec'] & object;

/**
 * What Backstage's validated router asks of express-openapi-validator (see createValidatedOpenApiRouter in
 * @backstage/backend-openapi-utils): requests checked against the spec, types not coerced, no unknown query
 * parameters, paths the spec does not name left to the router, responses not checked.
 */
export const VALIDATOR_OPTIONS = {
  validateRequests: { coerceTypes: false, allowUnknownQueryParameters: false },
  useRequestUrl: true,
  ignoreUndocumented: true,
  validateResponses: false,
} as const;

/**
 * Which validator a path goes to: its first segment and how many segments it has — `scorecards/4` for
 * `/scorecards/component/default/rag-api` and for the spec's `/scorecards/{kind}/{namespace}/{name}`. A route can only
 * match a path of as many segments (a parameter is one non-empty segment; a trailing slash is allowed), so no route
 * a path could match is in another part.
 */
const partOf = (path: string) => {
  const segments = path.split('/').filter(Boolean);
  return `${segments[0] ?? ''}/${segments.length}`;
};

/**
 * Validates each request against the part of the spec its path's first segment and length name, with the options of
 * {@link VALIDATOR_OPTIONS}: the same checks and errors as one validator of the whole spec. The reason is speed:
 * express-openapi-validator 5.6 finds a request's route by compiling the path pattern of every route, in its sorted
 * order, on every request until one matches — about 30 of ours before `/scorecards`, 13 % of the backend's CPU time
 * under a load of scorecard reads. Split this way, a request's lookup sees at most the few routes of its part (the
 * scorecard's route alone). Errors go to `next`, where the router turns them into 400s naming the field.
 */
export function validateBySegment(spec: Spec): express.RequestHandler {
  const paths = new Map<string, Record<string, unknown>>();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const part = partOf(path);
    paths.set(part, { ...paths.get(part), [path]: item });
  }
  const validators = new Map(
    [...paths].map(([part, ofSegment]) => [
      part,
      // Each its own copy: the validator prepares the schemas it is given in place.
      openApiValidator({
        ...VALIDATOR_OPTIONS,
        apiSpec: structuredClone({ ...spec, paths: ofSegment }) as Spec,
      }),
    ]),
  );
  return (req, res, next) => {
    const chain = validators.get(partOf(req.path));
    if (!chain) {
      next();
      return;
    }
    let index = 0;
    const step = (error?: unknown) => {
      if (error !== undefined && error !== null) {
        next(error);
        return;
      }
      const handler = chain[index++];
      if (!handler) {
        next();
        return;
      }
      try {
        handler(req, res, step);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
