import fc from 'fast-check';
import {
  Attestation,
  Fact,
  Track,
  Waiver,
} from '@internal/plugin-readiness-common';
import { compileTrack, evaluateTrack } from './evaluateTrack';
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
  it('decides every check and gate exactly as evaluateTrack does', () => {
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
        expect(Array.from(fast.gates, c => gateStatusCodes[c])).toEqual(
          detailed.gates.map(g => g.status),
        );
        expect(Array.from(fast.checks, c => checkStatusCodes[c])).toEqual(
          detailed.gates.flatMap(g => g.checks.map(c => c.status)),
        );
      }),
      { numRuns: 500 },
    );
  });
});
