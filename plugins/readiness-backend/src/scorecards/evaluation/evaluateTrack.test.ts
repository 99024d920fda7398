import { Entity } from '@backstage/catalog-model';
import {
  Attestation,
  Fact,
  Track,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import { evaluateTrack } from './evaluateTrack';
import {
  compileTrack,
  EvaluationInput,
  topologicalOrder,
  trackAppliesTo,
} from './compiledTrack';

const manual = (id: string) => ({
  id,
  title: id,
  severity: 'medium' as const,
  manual: { validForDays: 30 },
});
const factCheck = (id: string, fact: string, value: string) => ({
  id,
  title: id,
  severity: 'high' as const,
  fact,
  condition: { path: 'status', operator: 'equal' as const, value },
});

// The seed report in miniature: backend → frontend → deployment, with rag-core beside frontend.
const track: Track = {
  apiVersion: 'readiness.io/v1',
  kind: 'Track',
  metadata: { name: 'rag', title: 'RAG' },
  spec: {
    appliesTo: [{ kind: 'Component', 'spec.system': 'rag-platform' }],
    gates: [
      {
        id: 'deployment-prepared',
        title: 'Deploy',
        dependsOn: ['frontend-verified', 'rag-core-verified'],
        checks: [manual('dr-tested')],
      },
      {
        id: 'frontend-verified',
        title: 'Frontend',
        dependsOn: ['backend-verified'],
        checks: [factCheck('ui-tests', 'evidence.tests.ui', 'passed')],
      },
      {
        id: 'rag-core-verified',
        title: 'RAG core',
        dependsOn: ['backend-verified'],
        checks: [factCheck('eval', 'evidence.rag-eval', 'passed')],
      },
      {
        id: 'backend-verified',
        title: 'Backend',
        dependsOn: [],
        checks: [
          factCheck('oidc-login', 'evidence.tests.oidc-login', 'passed'),
          factCheck('api-tests', 'evidence.tests.api', 'passed'),
        ],
      },
    ],
  },
};
const compiled = compileTrack(track);
const now = new Date('2026-11-25T12:00:00Z');

const fact = (type: string, status: string): Fact => ({
  entityRef: 'component:default/rag-api',
  type,
  value: { status },
  source: 'evidence',
  observedAt: '2026-11-24T10:00:00Z',
  url: 'https://ci.example.com/run/1',
});

function input(
  facts: Fact[],
  extra: Partial<EvaluationInput> = {},
): EvaluationInput {
  return {
    entityRef: 'component:default/rag-api',
    facts: new Map(facts.map(f => [f.type, f])),
    attestations: [],
    waivers: [],
    now,
    ...extra,
  };
}

const allPassing = [
  fact('evidence.tests.oidc-login', 'passed'),
  fact('evidence.tests.api', 'passed'),
  fact('evidence.tests.ui', 'passed'),
  fact('evidence.rag-eval', 'passed'),
];

const attestation = (validUntil: string): Attestation => ({
  id: 'a1',
  entityRef: 'component:default/rag-api',
  trackId: 'rag',
  gateId: 'deployment-prepared',
  checkId: 'dr-tested',
  attestedBy: 'user:default/maria.garcia',
  attestedAt: '2026-11-20T09:00:00Z',
  validUntil,
});

const waiver = (overrides: Partial<Waiver>): Waiver => ({
  id: 'w1',
  entityRef: 'component:default/rag-api',
  trackId: 'rag',
  gateId: 'backend-verified',
  checkId: 'oidc-login',
  reason: 'IdP outage, manual login verified',
  requestedBy: 'user:default/sam.okafor',
  requestedAt: '2026-11-24T00:00:00Z',
  expiresAt: '2026-12-01T00:00:00Z',
  approvedBy: 'user:default/maria.garcia',
  approvedAt: '2026-11-24T01:00:00Z',
  ...overrides,
});

const statuses = (e: ReturnType<typeof evaluateTrack>) =>
  Object.fromEntries(e.gates.map(g => [g.gateId, g.status]));

describe('evaluateTrack', () => {
  it('orders gates after their dependencies', () => {
    const order = topologicalOrder(track.spec.gates);
    expect(order.indexOf('backend-verified')).toBeLessThan(
      order.indexOf('frontend-verified'),
    );
    expect(order.indexOf('frontend-verified')).toBeLessThan(
      order.indexOf('deployment-prepared'),
    );
    expect(order.indexOf('rag-core-verified')).toBeLessThan(
      order.indexOf('deployment-prepared'),
    );
  });

  it('traces every blocked gate to the one failing check at the bottom (the seed: OIDC login broken)', () => {
    const result = evaluateTrack(
      compiled,
      input([
        fact('evidence.tests.oidc-login', 'failed'),
        fact('evidence.tests.api', 'passed'),
      ]),
    );
    expect(statuses(result)).toEqual({
      'deployment-prepared': 'blocked',
      'frontend-verified': 'blocked',
      'rag-core-verified': 'blocked',
      'backend-verified': 'failed',
    });
    const oidc = {
      gateId: 'backend-verified',
      checkId: 'oidc-login',
      status: 'fail',
    };
    const deploy = result.gates.find(g => g.gateId === 'deployment-prepared')!;
    expect(deploy.blockedBy).toEqual([
      'frontend-verified',
      'rag-core-verified',
    ]);
    // One root cause, not one per path through the graph.
    expect(deploy.rootCauses).toEqual([expect.objectContaining(oidc)]);
    expect(deploy.rootCauses[0].message).toBe(
      'oidc-login: status failed, 1 day ago; expected all to pass.',
    );
    expect(deploy.checks).toEqual([
      expect.objectContaining({
        checkId: 'dr-tested',
        status: 'blocked',
        underlying: 'unknown',
      }),
    ]);
    expect(result.summary).toEqual({
      gatesPassed: 0,
      gatesTotal: 4,
      nextGate: 'backend-verified',
      blockers: [expect.objectContaining(oidc)],
    });
    const backend = result.gates.find(g => g.gateId === 'backend-verified')!;
    expect(backend.checks.map(c => [c.checkId, c.status, c.fact?.url])).toEqual(
      [
        ['oidc-login', 'fail', 'https://ci.example.com/run/1'],
        ['api-tests', 'pass', 'https://ci.example.com/run/1'],
      ],
    );
  });

  it('reports a check without a fact as unknown (cannot measure), and its gate as unknown', () => {
    const result = evaluateTrack(
      compiled,
      input([fact('evidence.tests.oidc-login', 'passed')]),
    );
    const backend = result.gates.find(g => g.gateId === 'backend-verified')!;
    expect(backend.status).toBe('unknown');
    expect(backend.rootCauses).toEqual([
      {
        gateId: 'backend-verified',
        checkId: 'api-tests',
        status: 'unknown',
        message:
          "api-tests: not measured: no 'api' test result has been recorded for rag-api.",
      },
    ]);
  });

  it('passes every gate when every fact passes and the manual check is attested', () => {
    const result = evaluateTrack(
      compiled,
      input(allPassing, {
        attestations: [attestation('2026-12-20T00:00:00Z')],
      }),
    );
    expect(new Set(Object.values(statuses(result)))).toEqual(
      new Set(['passed']),
    );
    expect(result.summary).toEqual({
      gatesPassed: 4,
      gatesTotal: 4,
      blockers: [],
    });
    const dr = result.gates.find(g => g.gateId === 'deployment-prepared')!
      .checks[0];
    expect(dr.message).toBe(
      'dr-tested: signed off by maria.garcia 5 days ago, valid until 20 December 2026.',
    );
  });

  it('does not count an expired attestation', () => {
    const result = evaluateTrack(
      compiled,
      input(allPassing, {
        attestations: [attestation('2026-11-25T11:59:59Z')],
      }),
    );
    const deploy = result.gates.find(g => g.gateId === 'deployment-prepared')!;
    expect(deploy.status).toBe('unknown');
    expect(deploy.checks[0].message).toBe(
      'dr-tested: needs a sign-off; nobody has attested it yet.',
    );
  });

  it('applies an approved, unexpired waiver to a failing check and unblocks what depends on it', () => {
    const failing = [
      fact('evidence.tests.oidc-login', 'failed'),
      ...allPassing.slice(1),
    ];
    const result = evaluateTrack(
      compiled,
      input(failing, { waivers: [waiver({})] }),
    );
    const oidc = result.gates.find(g => g.gateId === 'backend-verified')!
      .checks[0];
    expect(oidc).toMatchObject({
      status: 'waived',
      underlying: 'fail',
      message:
        'oidc-login: waived until 1 December 2026 (IdP outage, manual login verified, approved by maria.garcia). On its own: status failed, 1 day ago; expected all to pass.',
    });
    expect(statuses(result)['backend-verified']).toBe('passed');
    expect(statuses(result)['frontend-verified']).toBe('passed');
  });

  it.each([
    ['expired', { expiresAt: '2026-11-25T11:00:00Z' }],
    ['not approved', { approvedBy: undefined, approvedAt: undefined }],
    [
      'revoked',
      { revokedBy: 'user:default/li.wei', revokedAt: '2026-11-24T05:00:00Z' },
    ],
  ])('ignores a waiver that is %s', (_label, overrides) => {
    const failing = [
      fact('evidence.tests.oidc-login', 'failed'),
      ...allPassing.slice(1),
    ];
    const result = evaluateTrack(
      compiled,
      input(failing, { waivers: [waiver(overrides)] }),
    );
    expect(statuses(result)['backend-verified']).toBe('failed');
  });
});

describe('checks that read another entity', () => {
  const systemTrack: Track = {
    ...track,
    spec: {
      ...track.spec,
      gates: [
        {
          id: 'backend-verified',
          title: 'Backend',
          dependsOn: [],
          checks: [
            {
              ...factCheck('oidc-login', 'evidence.tests.oidc-login', 'passed'),
              entity: 'component:default/rag-api',
            },
          ],
        },
      ],
    },
  };

  it('judges rag-web by the fact of rag-api', () => {
    const compiledSystem = compileTrack(systemTrack);
    const web = (facts?: Map<string, Map<string, Fact>>) =>
      evaluateTrack(compiledSystem, {
        ...input([]),
        entityRef: 'component:default/rag-web',
        otherFacts: facts,
      });
    expect(web().gates[0].rootCauses[0].message).toBe(
      "oidc-login: not measured: no 'oidc-login' test result has been recorded for rag-api.",
    );
    const failing = new Map([
      [
        'component:default/rag-api',
        new Map([
          [
            'evidence.tests.oidc-login',
            fact('evidence.tests.oidc-login', 'failed'),
          ],
        ]),
      ],
    ]);
    expect(web(failing).gates[0]).toMatchObject({
      status: 'failed',
      rootCauses: [
        {
          message:
            'oidc-login: status failed for rag-api, 1 day ago; expected all to pass.',
        },
      ],
    });
  });
});

describe('environment-scoped gates', () => {
  // After the seed's sprint 7: a gate about production itself, and the release gate after it.
  const scoped: Track = {
    ...track,
    spec: {
      ...track.spec,
      gates: [
        {
          id: 'backend-verified',
          title: 'Backend',
          dependsOn: [],
          checks: [
            factCheck('oidc-login', 'evidence.tests.oidc-login', 'passed'),
          ],
        },
        {
          id: 'production-verified',
          title: 'Production',
          dependsOn: ['backend-verified'],
          environment: 'production',
          checks: [
            {
              id: 'deployed',
              title: 'Deployed',
              severity: 'critical' as const,
              fact: 'deployments.{environment}.lastSuccessful',
              condition: { operator: 'exists' as const },
            },
            manual('smoke'),
          ],
        },
        {
          id: 'released',
          title: 'Released',
          dependsOn: ['production-verified'],
          checks: [factCheck('notes', 'evidence.release-notes', 'passed')],
        },
      ],
    },
  };
  const compiledScoped = compileTrack(scoped);
  const deployed = (environment: string): Fact => ({
    entityRef: 'component:default/rag-api',
    type: `deployments.${environment}.lastSuccessful`,
    value: { version: '1.4.0', finishedAt: '2026-11-24T10:00:00Z', ageDays: 1 },
    source: 'deployments',
    observedAt: '2026-11-25T12:00:00Z',
  });
  const base = [
    fact('evidence.tests.oidc-login', 'passed'),
    fact('evidence.release-notes', 'passed'),
  ];

  it('is not applicable while the system has no environment of its tier, and blocks nothing after it', () => {
    const result = evaluateTrack(
      compiledScoped,
      input(base, {
        systemRef: 'system:default/rag-platform',
        environments: [{ name: 'rag-staging', tier: 'staging' }],
      }),
    );
    expect(result.gates[1]).toEqual({
      gateId: 'production-verified',
      status: 'not-applicable',
      checks: [
        {
          checkId: 'deployed',
          status: 'not-applicable',
          message:
            'Deployed: does not apply (rag-platform has no production environment recorded yet).',
        },
        {
          checkId: 'smoke',
          status: 'not-applicable',
          message:
            'smoke: does not apply (rag-platform has no production environment recorded yet).',
        },
      ],
      blockedBy: [],
      rootCauses: [],
      environments: [],
      message: 'rag-platform has no production environment recorded yet.',
    });
    expect(result.gates[2].status).toBe('passed');
    // Counted neither as passed nor as a gate to pass.
    expect(result.summary).toEqual({
      gatesPassed: 2,
      gatesTotal: 2,
      blockers: [],
    });
  });

  it('applies once an environment of its tier (or of its name) exists, deciding {environment} checks in each one', () => {
    const environments = [
      { name: 'rag-prod-eu', tier: 'production' },
      { name: 'rag-prod-us', tier: 'production' },
      { name: 'rag-staging', tier: 'staging' },
    ];
    const attested: Attestation = {
      id: 'a1',
      entityRef: 'component:default/rag-api',
      trackId: 'rag',
      gateId: 'production-verified',
      checkId: 'smoke',
      attestedBy: 'user:default/maria.garcia',
      attestedAt: '2026-11-24T00:00:00Z',
      validUntil: '2026-12-24T00:00:00Z',
    };
    // Deployed to one of the two production environments: the check fails to measure in the other.
    const half = evaluateTrack(
      compiledScoped,
      input([...base, deployed('rag-prod-eu')], {
        environments,
        attestations: [attested],
      }),
    );
    expect(half.gates[1]).toMatchObject({
      status: 'unknown',
      environments: ['rag-prod-eu', 'rag-prod-us'],
      checks: [
        {
          checkId: 'deployed',
          status: 'unknown',
          message:
            'Deployed: not measured: no successful deployment to rag-prod-us has been recorded for rag-api.',
        },
        { checkId: 'smoke', status: 'pass' },
      ],
    });
    expect(half.gates[2].status).toBe('blocked');
    expect(half.summary).toMatchObject({
      gatesPassed: 1,
      gatesTotal: 3,
      nextGate: 'production-verified',
    });

    const both = evaluateTrack(
      compiledScoped,
      input([...base, deployed('rag-prod-eu'), deployed('rag-prod-us')], {
        environments,
        attestations: [attested],
      }),
    );
    expect(both.gates[1].checks[0]).toMatchObject({
      status: 'pass',
      message: 'Deployed: passes in each of rag-prod-eu and rag-prod-us.',
    });
    expect(both.summary).toEqual({
      gatesPassed: 3,
      gatesTotal: 3,
      blockers: [],
    });

    // A failing value in any environment fails the check, naming that environment's fact.
    const failed = evaluateTrack(
      compiledScoped,
      input(
        [
          ...base,
          deployed('rag-prod-eu'),
          { ...deployed('rag-prod-us'), value: null },
        ],
        { environments },
      ),
    );
    expect(failed.gates[1].checks[0]).toMatchObject({
      status: 'fail',
      message:
        'Deployed: not measured: no successful deployment to rag-prod-us has been recorded for rag-api.',
    });

    // Scoped by name: only that environment counts.
    const byName = compileTrack({
      ...scoped,
      spec: {
        ...scoped.spec,
        gates: scoped.spec.gates.map(g =>
          g.environment ? { ...g, environment: 'rag-prod-eu' } : g,
        ),
      },
    });
    const one = evaluateTrack(
      byName,
      input([...base, deployed('rag-prod-eu')], {
        environments,
        attestations: [attested],
      }),
    );
    expect(one.gates[1]).toMatchObject({
      status: 'passed',
      environments: ['rag-prod-eu'],
    });
    expect(one.gates[1].checks[0].message).toBe(
      'Deployed: version 1.4.0, finished at 24 November 2026, age 1 day.',
    );
  });
});

describe('trackAppliesTo', () => {
  const entity = (
    spec: object,
    kind = 'Component',
    tags: string[] = [],
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', tags },
    spec,
  });

  it('matches when every key of any filter matches', () => {
    const filters = [
      { kind: 'Component', 'spec.system': 'rag-platform' },
      { kind: 'Resource', 'metadata.tags': ['critical', 'pci'] },
    ];
    expect(trackAppliesTo(filters, entity({ system: 'rag-platform' }))).toBe(
      true,
    );
    expect(trackAppliesTo(filters, entity({ system: 'billing' }))).toBe(false);
    expect(trackAppliesTo(filters, entity({}, 'Resource', ['pci']))).toBe(true);
    expect(trackAppliesTo(filters, entity({}, 'Resource', ['internal']))).toBe(
      false,
    );
    expect(trackAppliesTo([{ kind: 'component' }], entity({}))).toBe(true);
  });
});
