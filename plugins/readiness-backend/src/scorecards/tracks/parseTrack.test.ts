import { findCycle, parseTrack, TrackValidationError } from './parseTrack';

const knownFactTypes = ['catalog.owner', 'catalog.lifecycle', 'evidence.*'];

const valid = `
apiVersion: readiness.io/v1
kind: Track
metadata: { name: demo, title: Demo track }
spec:
  appliesTo: [{ kind: Component, 'spec.system': rag-platform }]
  gates:
    - id: backend-verified
      title: Backend verified
      checks:
        - id: oidc-login
          title: OIDC login works end to end
          severity: critical
          fact: evidence.tests.oidc-login
          condition: { path: status, operator: equal, value: passed }
          howToFix: ./runbooks/oidc.md
    - id: deployment-prepared
      title: Deployment prepared
      dependsOn: [backend-verified]
      environment: production
      checks:
        - id: disaster-recovery-tested
          title: Disaster recovery tested
          manual: { validForDays: 90 }
`;

/** Parses, expecting failure; returns the problems (each prefixed with the file). */
function problemsOf(text: string): string[] {
  try {
    parseTrack(text, 'tracks/demo.yaml', knownFactTypes);
  } catch (e) {
    expect(e).toBeInstanceOf(TrackValidationError);
    return (e as TrackValidationError).problems;
  }
  throw new Error('expected the track to be rejected');
}

const withGates = (gates: string) =>
  valid.replace(/ {2}gates:[\s\S]*$/, `  gates:\n${gates}`);

describe('parseTrack', () => {
  it('parses a valid track, with defaults filled in', () => {
    const track = parseTrack(valid, 'tracks/demo.yaml', knownFactTypes);
    expect(track.metadata).toEqual({ name: 'demo', title: 'Demo track' });
    expect(track.spec.appliesTo).toEqual([
      { kind: 'Component', 'spec.system': 'rag-platform' },
    ]);
    expect(track.spec.gates.map(g => [g.id, g.dependsOn])).toEqual([
      ['backend-verified', []],
      ['deployment-prepared', ['backend-verified']],
    ]);
    expect(track.spec.gates[0].checks[0]).toEqual({
      id: 'oidc-login',
      title: 'OIDC login works end to end',
      severity: 'critical',
      fact: 'evidence.tests.oidc-login',
      condition: { path: 'status', operator: 'equal', value: 'passed' },
      howToFix: './runbooks/oidc.md',
    });
    expect(track.spec.gates[1]).toMatchObject({
      environment: 'production',
      checks: [
        {
          id: 'disaster-recovery-tested',
          severity: 'medium',
          manual: { validForDays: 90 },
        },
      ],
    });
  });

  it('names the file and line of a YAML syntax error', () => {
    const problems = problemsOf(
      'apiVersion: readiness.io/v1\nkind: Track\nmetadata:\n  name: a: b\n',
    );
    expect(problems).toEqual([
      expect.stringMatching(/^tracks\/demo\.yaml: YAML error: .*line 4/),
    ]);
  });

  it('rejects a wrong apiVersion and kind, and a missing spec', () => {
    expect(
      problemsOf('apiVersion: v2\nkind: Trak\nmetadata: { name: x }\n'),
    ).toEqual([
      "tracks/demo.yaml: apiVersion: must be 'readiness.io/v1'",
      "tracks/demo.yaml: kind: must be 'Track'",
      'tracks/demo.yaml: spec: is required',
    ]);
  });

  it('names an unknown gate in dependsOn with its path', () => {
    const problems = problemsOf(
      valid.replace(
        'dependsOn: [backend-verified]',
        'dependsOn: [backend-verifed]',
      ),
    );
    expect(problems).toEqual([
      "tracks/demo.yaml: spec.gates[1].dependsOn[0]: unknown gate 'backend-verifed'",
    ]);
  });

  it('names the cycle', () => {
    const problems = problemsOf(
      withGates(`
    - { id: a, dependsOn: [c], checks: [{ id: x, title: X, manual: { validForDays: 1 } }] }
    - { id: b, dependsOn: [a], checks: [{ id: x, title: X, manual: { validForDays: 1 } }] }
    - { id: c, dependsOn: [b], checks: [{ id: x, title: X, manual: { validForDays: 1 } }] }
`),
    );
    expect(problems).toEqual([
      'tracks/demo.yaml: spec.gates: dependency cycle a → c → b → a',
    ]);
  });

  it('rejects a gate that depends on itself', () => {
    const problems = problemsOf(
      withGates(
        `    - { id: a, dependsOn: [a], checks: [{ id: x, title: X, manual: { validForDays: 1 } }] }\n`,
      ),
    );
    expect(problems).toEqual([
      "tracks/demo.yaml: spec.gates[0].dependsOn[0]: gate 'a' depends on itself",
    ]);
  });

  it('rejects duplicate gate ids and duplicate check ids', () => {
    const problems = problemsOf(
      withGates(`
    - { id: a, checks: [{ id: x, title: X, manual: { validForDays: 1 } }, { id: x, title: Y, manual: { validForDays: 1 } }] }
    - { id: a, checks: [{ id: y, title: Y, manual: { validForDays: 1 } }] }
`),
    );
    expect(problems).toEqual([
      "tracks/demo.yaml: spec.gates[0].checks[1].id: duplicate check id 'x' in gate 'a'",
      "tracks/demo.yaml: spec.gates[1].id: duplicate gate id 'a' (also spec.gates[0])",
    ]);
  });

  it('rejects an unknown fact type and lists the known ones', () => {
    const problems = problemsOf(
      valid.replace(
        'fact: evidence.tests.oidc-login',
        'fact: deployments.last',
      ),
    );
    expect(problems).toEqual([
      "tracks/demo.yaml: spec.gates[0].checks[0].fact: unknown fact type 'deployments.last' (known: catalog.owner, catalog.lifecycle, evidence.*)",
    ]);
  });

  it('allows {environment} in a fact only in a gate with an environment, and checks the environment', () => {
    const perEnvironment = valid.replace(
      'fact: evidence.tests.oidc-login',
      'fact: evidence.smoke.{environment}',
    );
    expect(problemsOf(perEnvironment)).toEqual([
      "tracks/demo.yaml: spec.gates[0].checks[0].fact: 'evidence.smoke.{environment}' names {environment}, which only a gate with an environment has",
    ]);
    const scoped = perEnvironment.replace(
      '      title: Backend verified\n',
      '      title: Backend verified\n      environment: staging\n',
    );
    expect(
      parseTrack(scoped, 'tracks/demo.yaml', knownFactTypes).spec.gates[0],
    ).toMatchObject({
      environment: 'staging',
      checks: [{ fact: 'evidence.smoke.{environment}' }],
    });
    expect(
      problemsOf(
        valid.replace('environment: production', "environment: 'Prod EU'"),
      ),
    ).toEqual([
      "tracks/demo.yaml: spec.gates[1].environment: 'Prod EU' must be an environment tier or name (lower-case letters, digits and -)",
    ]);
  });

  it.each([
    [
      '{ operator: equalz, value: 1 }',
      "condition.operator: unknown operator 'equalz'",
    ],
    [
      '{ operator: equal }',
      "condition.value: is required for operator 'equal'",
    ],
    [
      '{ operator: greaterThan, value: high }',
      "condition.value: must be a number for operator 'greaterThan'",
    ],
    [
      '{ operator: in, value: passed }',
      "condition.value: must be a list for operator 'in'",
    ],
    [
      "{ operator: matches, value: '([' }",
      'condition.value: invalid regular expression',
    ],
    [
      '{ operator: exists, value: 1 }',
      "condition.value: 'exists' takes no value",
    ],
    [
      '{ operator: equal, value: 1, paht: status }',
      'condition.paht: unknown field',
    ],
    ['passed', 'condition: must be an object with operator (and value)'],
  ])('rejects the bad condition %s', (condition, message) => {
    const problems = problemsOf(
      valid.replace(
        'condition: { path: status, operator: equal, value: passed }',
        `condition: ${condition}`,
      ),
    );
    expect(problems).toEqual([
      expect.stringContaining(
        `tracks/demo.yaml: spec.gates[0].checks[0].${message}`,
      ),
    ]);
  });

  it('requires exactly one of fact or manual, and a positive validForDays', () => {
    expect(
      problemsOf(
        valid.replace(
          'manual: { validForDays: 90 }',
          'manual: { validForDays: 0 }',
        ),
      ),
    ).toEqual([
      'tracks/demo.yaml: spec.gates[1].checks[0].manual.validForDays: must be a whole number of days above 0',
    ]);
    expect(
      problemsOf(
        valid.replace(
          'manual: { validForDays: 90 }',
          'manual: { validForDays: 90 }\n          fact: catalog.owner',
        ),
      ),
    ).toEqual([
      "tracks/demo.yaml: spec.gates[1].checks[0]: needs exactly one of 'fact' (with 'condition') or 'manual'",
    ]);
    expect(problemsOf(valid.replace(/\n {10}condition: .*\n/, '\n'))).toEqual([
      "tracks/demo.yaml: spec.gates[0].checks[0].condition: is required with 'fact'",
    ]);
  });

  it('rejects a bad severity, a bad id and an unknown filter key', () => {
    const problems = problemsOf(
      valid
        .replace('severity: critical', 'severity: urgent')
        .replace('id: oidc-login', 'id: OIDC Login')
        .replace("'spec.system': rag-platform", "'spec.sytem': rag-platform"),
    );
    expect(problems).toEqual([
      expect.stringContaining('spec.appliesTo[0].spec.sytem: unknown field'),
      "tracks/demo.yaml: spec.gates[0].checks[0].id: 'OIDC Login' must be lower-case letters, digits and - _ . separators",
      'tracks/demo.yaml: spec.gates[0].checks[0].severity: must be one of critical, high, medium, low',
    ]);
  });

  it('normalises the entity a check reads its fact from, and rejects a ref without a kind', () => {
    const track = parseTrack(
      valid.replace(
        'fact: evidence.tests.oidc-login',
        'fact: evidence.tests.oidc-login\n          entity: Component:rag-api',
      ),
      'tracks/demo.yaml',
      knownFactTypes,
    );
    expect(track.spec.gates[0].checks[0].entity).toBe(
      'component:default/rag-api',
    );
    expect(
      problemsOf(
        valid.replace(
          'fact: evidence.tests.oidc-login',
          'fact: evidence.tests.oidc-login\n          entity: rag-api',
        ),
      ),
    ).toEqual([
      "tracks/demo.yaml: spec.gates[0].checks[0].entity: 'rag-api' is not an entity ref with a kind, e.g. component:default/rag-api",
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(
      valid
        .replace('dependsOn: [backend-verified]', 'dependsOn: [nope]')
        .replace('fact: evidence.tests.oidc-login', 'fact: made.up'),
    );
    expect(problems).toHaveLength(2);
  });
});

describe('findCycle', () => {
  it('returns nothing for a DAG and the path of a cycle otherwise', () => {
    expect(
      findCycle([
        { id: 'a', dependsOn: [] },
        { id: 'b', dependsOn: ['a'] },
        { id: 'c', dependsOn: ['a', 'b'] },
      ]),
    ).toBeUndefined();
    expect(
      findCycle([
        { id: 'a', dependsOn: ['b'] },
        { id: 'b', dependsOn: ['a'] },
      ]),
    ).toEqual(['a', 'b', 'a']);
  });
});
