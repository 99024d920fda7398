import { Entity } from '@backstage/catalog-model';
import {
  describeTrackPreview,
  Fact,
  previewEntityMatches,
  TrackPreview,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import { EvaluationInput } from '../scorecards/evaluation/compiledTrack';
import { parseTrack } from '../scorecards/tracks/parseTrack';
import { loadTrack } from '../scorecards/tracks/TrackRegistry';
import { diffTracks, PreviewSubject } from './diffTracks';

const FACTS = ['evidence.coverage', 'evidence.tests.api', 'evidence.tests.ui'];
const now = new Date('2026-12-01T12:00:00Z');

/** A track in YAML: gates given as `id: [dependsOn] [checks…]` blocks. */
function trackYaml(gates: string, appliesTo = '    - kind: Component') {
  return `apiVersion: readiness.io/v1
kind: Track
metadata:
  name: demo
  title: Demo readiness
spec:
  appliesTo:
${appliesTo}
  gates:
${gates}`;
}

const coverageGate = (min: number, extra = '') => `    - id: tested
      title: Tested
      checks:
        - id: coverage
          title: Coverage at least ${min} %
          severity: high
          fact: evidence.coverage
          condition: { path: percent, operator: greaterThanInclusive, value: ${min} }${extra}
`;
const apiGate = (dependsOn = '[]') => `    - id: api
      title: API verified
      dependsOn: ${dependsOn}
      checks:
        - id: api-tests
          title: API tests pass
          severity: high
          fact: evidence.tests.api
          condition: { path: status, operator: equal, value: passed }
`;

const load = (yaml: string) =>
  loadTrack(parseTrack(yaml, 'demo.yaml', FACTS), 'demo.yaml');

function entity(
  name: string,
  owner: string,
  extra: Partial<Entity['spec']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', title: name.toUpperCase() },
    spec: { type: 'service', owner, system: 'rag', ...extra },
  };
}

function fact(entityRef: string, type: string, value: unknown): Fact {
  return {
    entityRef,
    type,
    value: value as any,
    source: 'evidence',
    observedAt: '2026-12-01T10:00:00Z',
  };
}

/** Subjects with the same input for both tracks (as the service gathers them). */
function subjects(
  items: Array<{
    entity: Entity;
    coverage?: number;
    api?: string;
    waivers?: Waiver[];
    environments?: Array<{ name: string; tier: string }>;
  }>,
): PreviewSubject[] {
  return items.map(item => {
    const ref = `component:default/${item.entity.metadata.name}`;
    const facts = new Map<string, Fact>();
    if (item.coverage !== undefined)
      facts.set(
        'evidence.coverage',
        fact(ref, 'evidence.coverage', { percent: item.coverage }),
      );
    if (item.api !== undefined)
      facts.set(
        'evidence.tests.api',
        fact(ref, 'evidence.tests.api', { status: item.api }),
      );
    const input: EvaluationInput = {
      entityRef: ref,
      facts,
      attestations: [],
      waivers: item.waivers ?? [],
      now,
      environments: item.environments ?? [],
      systemRef: 'system:default/rag',
    };
    return { entity: item.entity, entityRef: ref, before: input, after: input };
  });
}

const catalog = () =>
  subjects([
    {
      entity: entity('rag-api', 'group:default/rag-team'),
      coverage: 72,
      api: 'passed',
    },
    {
      entity: entity('rag-ui', 'group:default/rag-team'),
      coverage: 91,
      api: 'passed',
    },
    {
      entity: entity('pay-api', 'group:default/payments-team'),
      coverage: 75,
      api: 'failed',
    },
    {
      entity: entity('pay-ui', 'group:default/payments-team'),
      coverage: 78,
      api: 'passed',
    },
  ]);

function diff(
  before: string | undefined,
  after: string,
  items = catalog(),
): TrackPreview {
  return {
    trackId: 'demo',
    title: 'Demo readiness',
    source: 'demo.yaml',
    valid: true,
    problems: [],
    comparedWith: before ? 'loaded' : 'none',
    ...diffTracks({
      before: before ? load(before) : undefined,
      after: load(after),
      subjects: items,
      entityLimit: 100,
    }),
  };
}

describe('diffTracks', () => {
  it('a tightened threshold: who newly fails, by owner, with the new root cause', () => {
    const preview = diff(
      trackYaml(coverageGate(70)),
      trackYaml(coverageGate(80)),
    );
    expect(preview.entitiesEvaluated).toBe(4);
    expect(preview.entitiesChanged).toBe(3);
    expect(preview.entitiesNewlyFailing).toBe(3);
    const check = preview.checks.find(c => c.checkId === 'coverage')!;
    expect(check.definition).toBe('changed');
    expect(check.title).toBe('Coverage at least 80 %');
    expect(check.impact.newlyFailing).toEqual({
      total: 3,
      byOwner: [
        { owner: 'group:default/payments-team', count: 2 },
        { owner: 'group:default/rag-team', count: 1 },
      ],
    });
    expect(preview.gates[0].impact.newlyFailing.total).toBe(3);
    expect(preview.readiness.newlyNotReady.total).toBe(3);
    const ragApi = preview.entities.find(
      e => e.entityRef === 'component:default/rag-api',
    )!;
    expect(ragApi).toMatchObject({
      before: 'passed',
      after: 'failed',
      gates: [
        {
          gateId: 'tested',
          title: 'Tested',
          before: 'passed',
          after: 'failed',
        },
      ],
      newRootCauses: [
        {
          gateId: 'tested',
          checkId: 'coverage',
          title: 'Coverage at least 80 %',
          status: 'fail',
        },
      ],
    });
    expect(preview.entities.map(e => e.entityRef)).not.toContain(
      'component:default/rag-ui',
    );
    const words = describeTrackPreview(preview);
    expect(words.headline).toBe(
      'Compared with the current track, Demo readiness changes the statuses of 3 services of 4: 3 gates newly fail.',
    );
    expect(words.lines).toContain(
      '3 services newly fail “Coverage at least 80 %” (payments-team 2, rag-team 1).',
    );
    // Each sentence says what it is about: the entities behind it are one filter away.
    const behind = (text: string) =>
      preview.entities
        .filter(e =>
          previewEntityMatches(
            e,
            words.impacts.find(i => i.text === text)!.about,
          ),
        )
        .map(e => e.title);
    expect(
      behind(
        '3 services newly fail “Coverage at least 80 %” (payments-team 2, rag-team 1).',
      ).sort(),
    ).toEqual(['PAY-API', 'PAY-UI', 'RAG-API']);
    expect(
      behind(
        '3 services no longer pass the whole track (payments-team 2, rag-team 1).',
      ),
    ).toHaveLength(3);
  });

  it('a relaxed threshold newly passes', () => {
    const preview = diff(
      trackYaml(coverageGate(80)),
      trackYaml(coverageGate(70)),
    );
    expect(preview.checks[0].impact.newlyPassing.total).toBe(3);
    expect(preview.readiness.newlyReady.total).toBe(3);
    expect(preview.checks[0].impact.newlyFailing.total).toBe(0);
    expect(preview.entitiesNewlyFailing).toBe(0);
  });

  it('a new check: only those it fails or cannot measure count', () => {
    const before = trackYaml(coverageGate(70));
    const after = trackYaml(
      coverageGate(
        70,
        `
        - id: ui-tests
          title: UI tests pass
          severity: medium
          fact: evidence.tests.ui
          condition: { path: status, operator: equal, value: passed }`,
      ),
    );
    const preview = diff(before, after);
    const check = preview.checks.find(c => c.checkId === 'ui-tests')!;
    expect(check.definition).toBe('added');
    // Nobody has UI test evidence: not measured for all four, none failing.
    expect(check.impact.newlyNotMeasured.total).toBe(4);
    expect(check.impact.newlyFailing.total).toBe(0);
    expect(preview.gates[0].definition).toBe('changed');
    expect(preview.gates[0].impact.newlyNotMeasured.total).toBe(4);
    expect(describeTrackPreview(preview).lines).toContain(
      '“UI tests pass” cannot be measured yet for 4 services (payments-team 2, rag-team 2).',
    );
  });

  it('a new dependsOn newly blocks the gate behind a failing one', () => {
    const before = trackYaml(coverageGate(70) + apiGate());
    const after = trackYaml(coverageGate(70) + apiGate('[tested]'));
    const items = subjects([
      { entity: entity('a', 'group:default/t'), coverage: 50, api: 'passed' },
      { entity: entity('b', 'group:default/t'), coverage: 90, api: 'passed' },
    ]);
    const preview = diff(before, after, items);
    const api = preview.gates.find(g => g.gateId === 'api')!;
    expect(api.definition).toBe('changed');
    expect(preview.entitiesNewlyFailing).toBe(1);
    expect(api.impact.newlyBlocked).toEqual({
      total: 1,
      byOwner: [{ owner: 'group:default/t', count: 1 }],
    });
    expect(preview.entities).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/a',
        before: 'failed',
        after: 'failed',
        gates: [
          {
            gateId: 'api',
            title: 'API verified',
            before: 'passed',
            after: 'blocked',
          },
        ],
        newRootCauses: [],
      }),
    ]);
    expect(describeTrackPreview(preview).lines).toContain(
      '“API verified” is newly blocked for 1 service (t 1).',
    );
  });

  it('a removed gate: those it held back are released', () => {
    const before = trackYaml(coverageGate(70) + apiGate());
    const after = trackYaml(coverageGate(70));
    const preview = diff(before, after);
    const api = preview.gates.find(g => g.gateId === 'api')!;
    expect(api.definition).toBe('removed');
    expect(api.heldBack).toBe(1); // pay-api's API tests fail
    expect(
      preview.checks.find(c => c.checkId === 'api-tests')!.definition,
    ).toBe('removed');
    const payApi = preview.entities.find(
      e => e.entityRef === 'component:default/pay-api',
    )!;
    expect(payApi).toMatchObject({
      before: 'failed',
      after: 'passed',
      gates: [{ gateId: 'api', before: 'failed' }],
    });
    expect(preview.readiness.newlyReady.total).toBe(1);
    // The others passed the removed gate: nothing changes for them.
    expect(preview.entitiesChanged).toBe(1);
    expect(describeTrackPreview(preview).lines).toContain(
      '“API verified” is removed; it held back 1 service.',
    );
  });

  it('an environment-scoped gate applies only where the system has that environment', () => {
    const stagingGate = `    - id: staging
      title: Staging verified
      environment: staging
      checks:
        - id: staging-api
          title: API tests pass in staging
          severity: high
          fact: evidence.tests.api
          condition: { path: status, operator: equal, value: passed }
`;
    const items = subjects([
      {
        entity: entity('with-staging', 'group:default/t'),
        coverage: 90,
        api: 'failed',
        environments: [{ name: 'rag-staging', tier: 'staging' }],
      },
      {
        entity: entity('no-staging', 'group:default/t'),
        coverage: 90,
        api: 'failed',
      },
    ]);
    const preview = diff(
      trackYaml(coverageGate(70)),
      trackYaml(coverageGate(70) + stagingGate),
      items,
    );
    expect(preview.entities.map(e => e.entityRef)).toEqual([
      'component:default/with-staging',
    ]);
    const gate = preview.gates.find(g => g.gateId === 'staging')!;
    expect(gate.definition).toBe('added');
    expect(gate.impact.newlyFailing.total).toBe(1);
    expect(describeTrackPreview(preview).lines).toContain(
      'The new gate “Staging verified” fails for 1 service (t 1).',
    );
  });

  it('a waiver keeps a check waived when its threshold tightens', () => {
    const waiver: Waiver = {
      id: 'w1',
      entityRef: 'component:default/rag-api',
      trackId: 'demo',
      gateId: 'tested',
      checkId: 'coverage',
      reason: 'coverage tooling migrates next sprint',
      requestedBy: 'user:default/li.wei',
      requestedAt: '2026-11-30T10:00:00Z',
      expiresAt: '2026-12-20T10:00:00Z',
      approvedBy: 'user:default/ana.garcia',
      approvedAt: '2026-11-30T11:00:00Z',
    };
    const items = subjects([
      {
        entity: entity('rag-api', 'group:default/rag-team'),
        coverage: 72,
        waivers: [waiver],
      },
      {
        entity: entity('pay-api', 'group:default/payments-team'),
        coverage: 75,
      },
    ]);
    const preview = diff(
      trackYaml(coverageGate(70)),
      trackYaml(coverageGate(80)),
      items,
    );
    expect(preview.entities.map(e => e.entityRef)).toEqual([
      'component:default/pay-api',
    ]);
    expect(preview.checks[0].impact.newlyFailing.total).toBe(1);
  });

  it('a new track: every entity it applies to that does not pass is newly not ready', () => {
    const preview = diff(undefined, trackYaml(coverageGate(75)));
    expect(preview.comparedWith).toBe('none');
    expect(preview.readiness.newlyNotReady.total).toBe(1); // rag-api at 72 %
    expect(preview.entitiesChanged).toBe(1);
    expect(describeTrackPreview(preview).headline).toMatch(
      /^As a new track, Demo readiness changes/,
    );
  });

  it('no change: says so', () => {
    const preview = diff(
      trackYaml(coverageGate(70)),
      trackYaml(coverageGate(70)),
    );
    expect(preview.entitiesChanged).toBe(0);
    expect(preview.checks).toEqual([]);
    expect(describeTrackPreview(preview).headline).toBe(
      'Compared with the current track, Demo readiness changes no status of the 4 services it applies to.',
    );
  });

  it('limits the listed entities, never the counts', () => {
    const items = subjects(
      Array.from({ length: 30 }, (_, i) => ({
        entity: entity(`svc-${i}`, `group:default/team-${i % 7}`),
        coverage: 75,
      })),
    );
    const result = diffTracks({
      before: load(trackYaml(coverageGate(70))),
      after: load(trackYaml(coverageGate(80))),
      subjects: items,
      entityLimit: 5,
    });
    expect(result.entities).toHaveLength(5);
    expect(result.entitiesChanged).toBe(30);
    expect(result.checks[0].impact.newlyFailing.byOwner).toHaveLength(7);
  });
});
