import { parseEntityRef } from '@backstage/catalog-model';
import { ReadinessClient } from '../client';
import { describeGateResult } from '../gateReport';

const USAGE =
  'usage: readiness-gate --entity <kind:namespace/name> --track <trackId> --gate <gateId>\n' +
  '       env READINESS_BASE_URL (e.g. http://localhost:7007), READINESS_TOKEN';

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
  out: { log(text: string): void; error(text: string): void },
): Promise<number> {
  let args: Args | { help: true };
  try {
    args = parseArgs(argv);
  } catch (error) {
    out.error(`readiness-gate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if ('help' in args) {
    out.log(USAGE);
    return 0;
  }
  const baseUrl = env.READINESS_BASE_URL?.replace(/\/+$/, '');
  if (!baseUrl) {
    out.error(`readiness-gate: READINESS_BASE_URL is not set\n${USAGE}`);
    return 2;
  }
  try {
    parseEntityRef(args.entity);
  } catch {
    out.error(
      `readiness-gate: --entity '${args.entity}' is not an entity ref like component:default/rag-api`,
    );
    return 2;
  }
  const token = env.READINESS_TOKEN;
  const client = new ReadinessClient({
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
  let answer;
  try {
    answer = await client.getGate(args.entity, args.track, args.gate);
  } catch (error) {
    const e = error as {
      name?: string;
      statusCode?: number;
      body?: { error?: { message?: string } };
      message: string;
      cause?: { message?: string };
    };
    if (e.name === 'ResponseError') {
      out.error(
        `readiness-gate: ${e.statusCode} from ${baseUrl}: ${
          e.body?.error?.message ?? e.message
        }`,
      );
    } else {
      out.error(
        `readiness-gate: cannot reach ${baseUrl}: ${
          e.cause?.message ?? e.message
        }`,
      );
    }
    return 2;
  }
  const report = describeGateResult(answer);
  out.log([report.headline, ...report.details].join('\n'));
  return report.passed ? 0 : 1;
}
