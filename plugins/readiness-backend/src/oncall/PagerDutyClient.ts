import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

export interface PagerDutyOptions {
  /** REST API v2, default https://api.pagerduty.com */
  apiBaseUrl: string;
  /** Events API v2, default https://events.pagerduty.com */
  eventsBaseUrl: string;
  /** A REST API key (read access is enough for on-call; escalation uses the Events API and the integration key). */
  token: string;
  /** The account's web address (https://acme.pagerduty.com), for links. */
  webBaseUrl?: string;
  /** How often a rate-limited (429) request is tried again, waiting as PagerDuty's headers say (capped). */
  maxRetries: number;
  maxRetryWaitMs: number;
}

/** Reads `readiness.oncall.pagerduty`; undefined when it is not configured. */
export function readPagerDutyConfig(
  config: Config,
): PagerDutyOptions | undefined {
  const pd = config.getOptionalConfig('readiness.oncall.pagerduty');
  if (!pd) return undefined;
  const url = (key: string, fallback: string) => {
    const value = pd.getOptionalString(key) ?? fallback;
    if (!/^https?:\/\//.test(value))
      throw new Error(
        `readiness.oncall.pagerduty.${key} must be an http(s) URL, got '${value}'`,
      );
    return value.replace(/\/+$/, '');
  };
  return {
    apiBaseUrl: url('apiBaseUrl', 'https://api.pagerduty.com'),
    eventsBaseUrl: url('eventsBaseUrl', 'https://events.pagerduty.com'),
    token: pd.getString('token'),
    ...(pd.has('webBaseUrl') ? { webBaseUrl: url('webBaseUrl', '') } : {}),
    maxRetries: pd.getOptionalNumber('maxRetries') ?? 2,
    maxRetryWaitMs: pd.getOptionalNumber('maxRetryWaitMs') ?? 5000,
  };
}

/**
 * PagerDuty's REST API v2 and Events API v2 over fetch: authentication, rate limits (429 retried after
 * `ratelimit-reset` or `retry-after`, capped) and PagerDuty's errors turned into ours (404, 400, 503).
 */
export class PagerDutyClient {
  constructor(
    private readonly options: PagerDutyOptions,
    private readonly logger: LoggerService,
  ) {}

  /** A GET on the REST API, `path` relative to `apiBaseUrl`. */
  rest<T>(path: string) {
    return this.send<T>(`${this.options.apiBaseUrl}${path}`, {
      headers: {
        Authorization: `Token token=${this.options.token}`,
        Accept: 'application/vnd.pagerduty+json;version=2',
      },
    });
  }

  /** A POST of one event to the Events API v2. */
  enqueue<T>(body: unknown) {
    return this.send<T>(`${this.options.eventsBaseUrl}/v2/enqueue`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** One request; 429s are retried after PagerDuty's `ratelimit-reset` (or `retry-after`), errors become ours. */
  private async send<T>(url: string, init: RequestInit): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, init);
      } catch (error) {
        throw new ServiceUnavailableError(
          `PagerDuty cannot be reached: ${(error as Error).message}`,
        );
      }
      if (response.ok) return (await response.json()) as T;
      const detail = await errorDetail(response);
      if (response.status === 429) {
        const seconds = Number(
          response.headers.get('ratelimit-reset') ??
            response.headers.get('retry-after') ??
            1,
        );
        if (attempt < this.options.maxRetries) {
          const wait = Math.min(
            Math.max(0, seconds) * 1000,
            this.options.maxRetryWaitMs,
          );
          this.logger.warn(`PagerDuty rate limit hit; retrying in ${wait} ms`);
          await new Promise(resolve => setTimeout(resolve, wait));
          continue;
        }
        throw new ServiceUnavailableError(
          `PagerDuty rate limit exceeded; try again in ${seconds} s (${detail})`,
        );
      }
      if (response.status === 404)
        throw new NotFoundError(`PagerDuty: ${detail}`);
      if (response.status === 400)
        throw new InputError(`PagerDuty rejected the request: ${detail}`);
      throw new ServiceUnavailableError(
        `PagerDuty answered ${response.status}: ${detail}`,
      );
    }
  }
}

async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    const error = body.error ?? body;
    const errors = Array.isArray(error.errors)
      ? `: ${error.errors.join('; ')}`
      : '';
    return `${error.message ?? body.message ?? response.statusText}${
      error.code ? ` (code ${error.code})` : ''
    }${errors}`;
  } catch {
    return text.slice(0, 200) || response.statusText;
  }
}
