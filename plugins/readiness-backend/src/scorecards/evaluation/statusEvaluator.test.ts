import fc from 'fast-check';
import {
  Attestation,
  Fact,
  Track,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import { evaluateTrack } from './evaluateTrack';
import { compileTrack } from './compiledTrack';
import {
  checkStatusCodes,
  compileStatusEvaluator,
  gateStatusCodes,
} from './statusEvaluator';

const now = new Date('2026-11-25T12:00:00Z');

/** Random tracks (a DAG: gates depend only on earlier ones), facts, attestations and waivers. */
const scenario = fc.integer({ min: 1, max: 6 }).chain(gateCount =>
  fc.record({
    gates: fc.tuple(
      ...Array.from({ length: gateCount }, (_, g) =>
        fc.record({
          deps: fc.subarray(Array.from({ length: g }, (__, d) => `g${d}`)),
          // A gate scoped to a tier or to one environment's name, or not scoped.
          environment: fc.constantFrom(
            undefined,
            'production',
            'staging',
            'prod-eu',
          ),
          checks: fc.array(
            fc.record({
              manual: fc.boolean(),
              fact: fc.integer({ min: 0, max: 5 }),
              threshold: fc.integer({ min: 0, max: 10 }),
              other: fc.boolean(),
              perEnvironment: fc.boolean(),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
      ),
    ),
    facts: fc.array(
      fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      { minLength: 6, maxLength: 6 },
    ),
    // The system's recorded environments, and per-environment facts (`evidence.f<i>.<environment>`).
    environments: fc.subarray([
      { name: 'prod-eu', tier: 'production' },
      { name: 'prod-us', tier: 'production' },
      { name: 'stage', tier: 'staging' },
    ]),
    environmentFacts: fc.dictionary(
      fc.constantFrom(
        ...['prod-eu', 'prod-us', 'stage'].flatMap(e =>
          [0, 1, 2, 3, 4, 5].map(i => `evidence.f${i}.${e}`),
        ),
      ),
      fc.integer({ min: 0, max: 10 }),
    ),
    otherFacts: fc.array(
      fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      { minLength: 6, maxLength: 6 },
    ),
    attested: fc.array(fc.tuple(fc.nat(5), fc.nat(3), fc.boolean()), {
      maxLength: 6,
    }),
    waived: fc.array(
      fc.tuple(
        fc.nat(5),
        fc.nat(3),
        fc.constantFrom('active', 'expired', 'pending', 'revoked'),
      ),
      { maxLength: 6 },
    ),
  }),
);

describe('compileStatusEvaluator', () => {
  it('decides every check and gate as the rules say (a plain reading of them, below), and the detailed evaluation agrees', () => {
    fc.assert(
      fc.property(scenario, s => {
        const track: Track = {
          apiVersion: 'readiness.io/v1',
          kind: 'Track',
          metadata: { name: 't', title: 'T' },
          spec: {
            appliesTo: [{ kind: 'Component' }],
            gates: s.gates.map((g, gi) => ({
              id: `g${gi}`,
              title: `G${gi}`,
              dependsOn: g.deps,
              ...(g.environment ? { environment: g.environment } : {}),
              checks: g.checks.map((c, ci) =>
                c.manual
                  ? {
                      id: `c${ci}`,
                      title: 'm',
                      severity: 'low' as const,
                      manual: { validForDays: 1 },
                    }
                  : {
                      id: `c${ci}`,
                      title: 'f',
                      severity: 'low' as const,
                      fact:
                        g.environment && c.perEnvironment
                          ? `evidence.f${c.fact}.{environment}`
                          : `evidence.f${c.fact}`,
                      condition: {
                        operator: 'greaterThanInclusive' as const,
                        value: c.threshold,
                      },
                      ...(c.other ? { entity: 'component:default/other' } : {}),
                    },
              ),
            })),
          },
        };
        const facts = (values: Array<number | undefined>, entityRef: string) =>
          new Map(
            values.flatMap(
              (v, i): Array<[string, Fact]> =>
                v === undefined
                  ? []
                  : [
                      [
                        `evidence.f${i}`,
                        {
                          entityRef,
                          type: `evidence.f${i}`,
                          value: v,
                          source: 'evidence',
                          observedAt: now.toISOString(),
                        },
                      ],
                    ],
            ),
          );
        const target = (gi: number, ci: number) => ({
          gateId: `g${gi % s.gates.length}`,
          checkId: `c${ci}`,
        });
        const attestations: Attestation[] = s.attested.map(
          ([gi, ci, valid], i) => ({
            id: `a${i}`,
            entityRef: 'component:default/me',
            trackId: 't',
            ...target(gi, ci),
            attestedBy: 'user:default/x',
            attestedAt: '2026-11-20T00:00:00Z',
            validUntil: valid ? '2026-12-01T00:00:00Z' : '2026-11-24T00:00:00Z',
          }),
        );
        const waivers: Waiver[] = s.waived.map(([gi, ci, state], i) => ({
          id: `w${i}`,
          entityRef: 'component:default/me',
          trackId: 't',
          ...target(gi, ci),
          reason: 'r',
          requestedBy: 'user:default/a',
          requestedAt: '2026-11-20T00:00:00Z',
          expiresAt:
            state === 'expired'
              ? '2026-11-21T00:00:00Z'
              : '2026-12-01T00:00:00Z',
          ...(state !== 'pending'
            ? {
                approvedBy: 'user:default/b',
                approvedAt: '2026-11-20T01:00:00Z',
              }
            : {}),
          ...(state === 'revoked'
            ? { revokedBy: 'user:default/b', revokedAt: '2026-11-21T00:00:00Z' }
            : {}),
        }));
        const own = facts(s.facts, 'component:default/me');
        for (const [type, value] of Object.entries(s.environmentFacts)) {
          own.set(type, {
            entityRef: 'component:default/me',
            type,
            value,
            source: 'evidence',
            observedAt: now.toISOString(),
          });
        }
        const input = {
          entityRef: 'component:default/me',
          facts: own,
          environments: s.environments,
          otherFacts: new Map([
            [
              'component:default/other',
              facts(s.otherFacts, 'component:default/other'),
            ],
          ]),
          attestations,
          waivers,
          now,
        };
        const compiled = compileTrack(track);
        const detailed = evaluateTrack(compiled, input);
        const fast = compileStatusEvaluator(compiled)(input);
        const expected = referenceStatuses(track, input);
        expect(Array.from(fast.gates, c => gateStatusCodes[c])).toEqual(
          expected.gates,
        );
        expect(Array.from(fast.checks, c => checkStatusCodes[c])).toEqual(
          expected.checks,
        );
        // The detailed evaluation puts the same decisions into words.
        expect(detailed.gates.map(g => g.status)).toEqual(expected.gates);
        expect(
          detailed.gates.flatMap(g => g.checks.map(c => c.status)),
        ).toEqual(expected.checks);
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * The decision rules read plainly, as the track format documents them: slow and obvious, to hold the compiled
 * evaluator to. A gate's status is defined recursively over the gates it depends on.
 */
function referenceStatuses(
  track: Track,
  input: {
    entityRef: string;
    facts: Map<string, Fact>;
    otherFacts: Map<string, Map<string, Fact>>;
    environments: Array<{ name: string; tier: string }>;
    attestations: Attestation[];
    waivers: Waiver[];
    now: Date;
  },
): { gates: string[]; checks: string[] } {
  const gateById = new Map(track.spec.gates.map(g => [g.id, g]));
  const inScope = (scope: string) =>
    input.environments
      .filter(e => e.tier === scope || e.name === scope)
      .map(e => e.name);
  const factOf = (check: any, type: string) =>
    check.entity
      ? input.otherFacts.get(check.entity)?.get(type)
      : input.facts.get(type);
  const own = (gateId: string, check: any, environments: string[]) => {
    if (check.manual) {
      return input.attestations.some(
        a =>
          a.gateId === gateId &&
          a.checkId === check.id &&
          new Date(a.validUntil) > input.now,
      )
        ? 'pass'
        : 'unknown';
    }
    const decide = (type: string) => {
      const fact = factOf(check, type);
      if (fact === undefined) return 'unknown';
      return (fact.value as number) >= check.condition.value ? 'pass' : 'fail';
    };
    if (!check.fact.includes('{environment}')) return decide(check.fact);
    const each = environments.map(e =>
      decide(check.fact.replace('{environment}', e)),
    );
    if (each.includes('fail')) return 'fail';
    if (each.includes('unknown')) return 'unknown';
    return 'pass';
  };
  const waived = (gateId: string, checkId: string) =>
    input.waivers.some(
      w =>
        w.gateId === gateId &&
        w.checkId === checkId &&
        w.approvedBy &&
        !w.revokedAt &&
        new Date(w.expiresAt) > input.now,
    );
  const memo = new Map<string, { gate: string; checks: string[] }>();
  const evaluate = (gateId: string): { gate: string; checks: string[] } => {
    const known = memo.get(gateId);
    if (known) return known;
    const gate = gateById.get(gateId)!;
    let result: { gate: string; checks: string[] };
    const environments = gate.environment ? inScope(gate.environment) : [];
    if (gate.environment && environments.length === 0) {
      result = {
        gate: 'not-applicable',
        checks: gate.checks.map(() => 'not-applicable'),
      };
    } else {
      const blocked = gate.dependsOn.some(dep => {
        const status = evaluate(dep).gate;
        return status !== 'passed' && status !== 'not-applicable';
      });
      const statuses = gate.checks.map(check => {
        const status = own(gate.id, check, environments);
        return status !== 'pass' && waived(gate.id, check.id)
          ? 'waived'
          : status;
      });
      let status = 'passed';
      if (blocked) status = 'blocked';
      else if (statuses.includes('fail')) status = 'failed';
      else if (statuses.includes('unknown')) status = 'unknown';
      result = {
        gate: status,
        checks: blocked ? statuses.map(() => 'blocked') : statuses,
      };
    }
    memo.set(gateId, result);
    return result;
  };
  const all = track.spec.gates.map(g => evaluate(g.id));
  return { gates: all.map(r => r.gate), checks: all.flatMap(r => r.checks) };
}
