// The synthetic catalog both parts of bench:evaluate measure: deterministic facts and a five-gate track.
import { Track } from '@readiness-io/plugin-readiness-common';

export const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
export const PART = process.env.BENCH_PART ?? 'all';
export const CHECKS = 40;
export const GATES = 5;
export const print = (line: string) => process.stdout.write(`${line}\n`);
export const quietLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => quietLogger,
};

// Deterministic facts: the value of fact k for entity i.
export function valueOf(i: number, k: number): number {
  let x = (i + 1) * 2654435761 + (k + 1) * 40503;
  x = (x ^ (x >>> 13)) * 1274126177;
  return Math.abs(x ^ (x >>> 16)) % 100;
}
// Check k: alternately "≥ 20" and "< 90" on fact k; about 85 % pass.
export const checkOf = (k: number) =>
  k % 2 === 0
    ? { operator: 'greaterThanInclusive' as const, value: 20 }
    : { operator: 'lessThan' as const, value: 90 };
export const passes = (v: number, k: number) =>
  k % 2 === 0 ? v >= 20 : v < 90;

// Five gates of eight checks, each gate depending on the one before.
export const track: Track = {
  apiVersion: 'readiness.io/v1',
  kind: 'Track',
  metadata: { name: 'bench', title: 'Bench' },
  spec: {
    appliesTo: [{ kind: 'Component' }],
    gates: Array.from({ length: GATES }, (_, g) => ({
      id: `g${g}`,
      title: `Gate ${g}`,
      dependsOn: g === 0 ? [] : [`g${g - 1}`],
      checks: Array.from({ length: CHECKS / GATES }, (__, j) => {
        const k = g * (CHECKS / GATES) + j;
        return {
          id: `c${k}`,
          title: `Check ${k}`,
          severity: 'medium' as const,
          fact: `evidence.bench.f${k}`,
          condition: checkOf(k),
        };
      }),
    })),
  },
};

export const refOf = (i: number) => `component:default/svc-${i}`;
