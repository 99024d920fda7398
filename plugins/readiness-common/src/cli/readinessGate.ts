import { parseEntityRef } from '@backstage/catalog-model';
import { ReadinessClient } from '../client';
import { describeGateResult } from '../gateReport';
import { trackPreviewMarkdown } from '../preview';

const USAGE =
  'usage: readiness-gate --entity <kind:namespace/name> --track <trackId> --gate <gateId>\n' +
  '       readiness-gate preview <track.yaml> [--current <track.yaml>] [--max-newly-failing <n>]\n' +
  '       env READINESS_BASE_URL (e.g. http://localhost:7007), READINESS_TOKEN';

/** What the CLI reads and writes through (the bin passes the process's; tests their own). @public */
export interface ReadinessGateIo {
  log(text: string): void;
  error(text: string): void;
  /** Reads a local file as UTF-8 (for `preview`). */
  readFile?(path: string): Promise<string>;
}

type PreviewArgs = {
  file: string;
  current?: string;
  maxNewlyFailing: number;
};

function parsePreviewArgs(argv: string[]): PreviewArgs | { help: true } {
  let file: string | undefined;
  let current: string | undefined;
  let maxNewlyFailing = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const match = /^--(current|max-newly-failing)(?:=(.*))?$/.exec(arg);
    if (match) {
      const value = match[2] !== undefined ? match[2] : argv[++i];
      if (!value) throw new Error(`--${match[1]} needs a value`);
      if (match[1] === 'current') current = value;
      else {
        if (!/^\d+$/.test(value))
          throw new Error(
            `--max-newly-failing must be a whole number, not '${value}'`,
          );
        maxNewlyFailing = Number(value);
      }
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown argument '${arg}'`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new Error(`one track file at a time (got '${file}' and '${arg}')`);
    }
  }
  if (!file) throw new Error('preview needs the track file to preview');
  return { file, maxNewlyFailing, ...(current ? { current } : {}) };
}

type Args = { entity: string; track: string; gate: string };

function parseArgs(argv: string[]): Args | { help: true } {
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const match = /^--(entity|track|gate)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument '${arg}'`);
    const value = match[2] !== undefined ? match[2] : argv[++i];
    if (!value) throw new Error(`--${match[1]} needs a value`);
    args[match[1] as keyof Args] = value;
  }
  for (const key of ['entity', 'track', 'gate'] as const) {
    if (!args[key]) throw new Error(`--${key} is required`);
  }
  return args as Args;
}

/**
 * The `readiness-gate` CLI: asks the Readiness backend, through the typed client, whether an entity passes a gate.
 * Exit code: 0 passed, 1 not passed (or not applicable yet), 2 error.
 *
 * @public
 */
export async function runReadinessGate(
  argv: string[],
  env: Record<string, string | undefined>,
  out: ReadinessGateIo,
): Promise<number> {
  if (argv[0] === 'preview') return runPreview(argv.slice(1), env, out);
  const started = start(argv, parseArgs, env, out);
  if (typeof started === 'number') return started;
  const { args, baseUrl } = started;
  try {
    parseEntityRef(args.entity);
  } catch {
    out.error(
      `readiness-gate: --entity '${args.entity}' is not an entity ref like component:default/rag-api`,
    );
    return 2;
  }
  const client = clientFor(baseUrl, env.READINESS_TOKEN);
  let answer;
  try {
    answer = await client.getGate(args.entity, args.track, args.gate);
  } catch (error) {
    out.error(requestFailure(baseUrl, error));
    return 2;
  }
  const report = describeGateResult(answer);
  out.log([report.headline, ...report.details].join('\n'));
  return report.passed ? 0 : 1;
}

/**
 * What every command does first: parse its arguments (usage and exit 2 when they are wrong, usage and exit 0 for
 * --help) and find the backend; an exit code, or the arguments and the base URL.
 */
function start<T>(
  argv: string[],
  parse: (argv: string[]) => T | { help: true },
  env: Record<string, string | undefined>,
  out: ReadinessGateIo,
): number | { args: T; baseUrl: string } {
  let args: T | { help: true };
  try {
    args = parse(argv);
  } catch (error) {
    out.error(`readiness-gate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (typeof args === 'object' && args !== null && 'help' in args) {
    out.log(USAGE);
    return 0;
  }
  const baseUrl = env.READINESS_BASE_URL?.replace(/\/+$/, '');
  if (!baseUrl) {
    out.error(`readiness-gate: READINESS_BASE_URL is not set\n${USAGE}`);
    return 2;
  }
  return { args: args as T, baseUrl };
}

function clientFor(baseUrl: string, token: string | undefined) {
  return new ReadinessClient({
    discoveryApi: { getBaseUrl: async id => `${baseUrl}/api/${id}` },
    fetchApi: {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: {
            ...(init?.headers as Record<string, string>),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        }),
    },
  });
}

/** A failed request in one line: the status and the backend's message, or why the backend could not be reached. */
function requestFailure(baseUrl: string, error: unknown): string {
  const e = error as {
    name?: string;
    statusCode?: number;
    body?: { error?: { message?: string } };
    message: string;
    cause?: { message?: string };
  };
  if (e.name === 'ResponseError') {
    return `readiness-gate: ${e.statusCode} from ${baseUrl}: ${
      e.body?.error?.message ?? e.message
    }`;
  }
  return `readiness-gate: cannot reach ${baseUrl}: ${
    e.cause?.message ?? e.message
  }`;
}

/**
 * `readiness-gate preview <track.yaml>`: what the track change would do to the catalog, as Markdown for a
 * pull-request comment. Exit code: 0 within the threshold, 1 the track has errors or newly fails more entities
 * than `--max-newly-failing` (default 0), 2 error.
 */
async function runPreview(
  argv: string[],
  env: Record<string, string | undefined>,
  out: ReadinessGateIo,
): Promise<number> {
  const started = start(argv, parsePreviewArgs, env, out);
  if (typeof started === 'number') return started;
  const { args, baseUrl } = started;
  if (!out.readFile) {
    out.error('readiness-gate: preview needs to read files');
    return 2;
  }
  const texts: { track?: string; current?: string } = {};
  for (const [key, file] of [
    ['track', args.file],
    ['current', args.current],
  ] as const) {
    if (!file) continue;
    try {
      texts[key] = await out.readFile(file);
    } catch (error) {
      out.error(
        `readiness-gate: cannot read ${file}: ${(error as Error).message}`,
      );
      return 2;
    }
  }
  let preview;
  try {
    preview = await clientFor(baseUrl, env.READINESS_TOKEN).previewTrack({
      track: texts.track!,
      ...(texts.current !== undefined ? { current: texts.current } : {}),
      source: args.file,
    });
  } catch (error) {
    out.error(requestFailure(baseUrl, error));
    return 2;
  }
  out.log(trackPreviewMarkdown(preview).trimEnd());
  if (!preview.valid) return 1;
  if (preview.entitiesNewlyFailing > args.maxNewlyFailing) {
    out.error(
      `readiness-gate: the change newly fails ${preview.entitiesNewlyFailing} ${
        preview.entitiesNewlyFailing === 1 ? 'entity' : 'entities'
      }; at most ${args.maxNewlyFailing} allowed (--max-newly-failing)`,
    );
    return 1;
  }
  return 0;
}
