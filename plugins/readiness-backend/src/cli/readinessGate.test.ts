import { execFile } from 'node:child_process';
import { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import { targetPaths } from '@backstage/cli-common';

jest.setTimeout(60_000);

const bin = path.join(
  targetPaths.rootDir,
  'plugins/readiness-common/bin/readiness-gate.js',
);

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (error as any).code ?? 1 : 0, stdout, stderr });
      },
    );
  });
}

describe('readiness-gate CLI against a running readiness backend', () => {
  let baseUrl: string;
  const token = mockCredentials.user.token('user:default/maria.garcia');

  beforeAll(async () => {
    const { server } = await startReadinessBackend();
    baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
    await request(server)
      .post('/api/readiness/evidence')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/maria.garcia'),
      )
      .send({
        entityRef: 'component:default/rag-api',
        type: 'evidence.tests.oidc-login',
        value: { status: 'failed' },
      })
      .expect(201);
  });

  it('exits 1 and prints the blockers and root causes when the gate does not pass', async () => {
    const { code, stdout } = await run(
      [
        '--entity',
        'component:default/rag-api',
        '--track',
        'rag-production-readiness',
        '--gate',
        'deployment-prepared',
      ],
      { READINESS_BASE_URL: baseUrl, READINESS_TOKEN: token },
    );
    expect(code).toBe(1);
    expect(stdout).toContain(
      'RAG API has not passed “Deployment prepared (sprint 7)” (RAG production readiness): it is blocked behind Backend verified (sprint 2).',
    );
    expect(stdout).toContain('What blocks it, at the bottom of the chain:');
    expect(stdout).toMatch(
      /\n {2}- OIDC login works end to end: status failed, just now; expected all to pass\./,
    );
    expect(stdout).not.toMatch(/[{}"]|evidence\.|component:default/);
  });

  it('exits 1 for a gate that does not apply yet, saying why once', async () => {
    const { code, stdout } = await run(
      [
        '--entity',
        'component:default/rag-api',
        '--track',
        'rag-production-readiness',
        '--gate',
        'production-verified',
      ],
      { READINESS_BASE_URL: baseUrl, READINESS_TOKEN: token },
    );
    expect(code).toBe(1);
    expect(stdout).toBe(
      'RAG API has not passed “Production verified” (RAG production readiness): it does not apply yet. ' +
        'rag-platform has no production environment recorded yet.\n',
    );
  });

  it('exits 0 when the gate passes', async () => {
    const { code, stdout } = await run(
      [
        '--entity=component:rag-api',
        '--track=service-baseline',
        '--gate=catalogued',
      ],
      { READINESS_BASE_URL: `${baseUrl}/`, READINESS_TOKEN: token },
    );
    expect([code, stdout]).toEqual([
      0,
      expect.stringContaining(
        'RAG API passed “Catalogued” (Service baseline).',
      ),
    ]);
  });

  it.each([
    [
      [
        '--entity',
        'component:default/rag-api',
        '--track',
        'rag-production-readiness',
        '--gate',
        'nope',
      ],
      /404 .*has no gate 'nope'/,
    ],
    [
      [
        '--entity',
        'component:default/ghost',
        '--track',
        'service-baseline',
        '--gate',
        'catalogued',
      ],
      /404 .*No entity/,
    ],
    [
      ['--entity', 'rag-api', '--track', 't', '--gate', 'g'],
      /not an entity ref/,
    ],
    [
      ['--entity', 'component:default/rag-api', '--gate', 'g'],
      /--track is required/,
    ],
  ])('exits 2 on an error (%#)', async (args, message) => {
    const { code, stderr } = await run(args, {
      READINESS_BASE_URL: baseUrl,
      READINESS_TOKEN: token,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 with a rejected token, without a base URL, and when the backend cannot be reached', async () => {
    const args = [
      '--entity',
      'component:default/rag-api',
      '--track',
      'service-baseline',
      '--gate',
      'catalogued',
    ];
    expect(
      await run(args, {
        READINESS_BASE_URL: baseUrl,
        READINESS_TOKEN: mockCredentials.user.invalidToken(),
      }),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/401/),
    });
    expect(await run(args, {})).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/READINESS_BASE_URL is not set/),
    });
    expect(
      await run(args, {
        READINESS_BASE_URL: 'http://127.0.0.1:9',
        READINESS_TOKEN: token,
      }),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/cannot reach/),
    });
  });
});

describe('readiness-gate preview against a running readiness backend', () => {
  let baseUrl: string;
  let dir: string;
  const token = mockCredentials.user.token('user:default/maria.garcia');
  const trackFile = path.join(
    targetPaths.rootDir,
    'examples/readiness/rag-production-readiness.yaml',
  );
  const original = fs.readFileSync(trackFile, 'utf8');
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-preview-'));
    const { server } = await startReadinessBackend();
    baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
    // The walk-through's state: Backend verified passes with 78.4 % coverage.
    for (const [type, value] of [
      ['evidence.tests.oidc-login', { status: 'passed' }],
      ['evidence.tests.api', { status: 'passed' }],
      ['evidence.coverage', { lines: 78.4 }],
    ] as const) {
      await request(server)
        .post('/api/readiness/evidence')
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/maria.garcia'),
        )
        .send({ entityRef: 'component:default/rag-api', type, value })
        .expect(201);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const raised = () =>
    write(
      'rag-production-readiness.yaml',
      original
        .replace(
          'Backend line coverage at least 70 %',
          'Backend line coverage at least 80 %',
        )
        .replace(
          'condition: { path: lines, operator: greaterThanInclusive, value: 70 }',
          'condition: { path: lines, operator: greaterThanInclusive, value: 80 }',
        ),
    );

  it('prints Markdown for a pull request and exits 1 when the change newly fails more than allowed', async () => {
    const file = raised();
    const env = { READINESS_BASE_URL: baseUrl, READINESS_TOKEN: token };
    const { code, stdout, stderr } = await run(['preview', file], env);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^### Readiness preview: RAG production readiness\n\nCompared with the current track, RAG production readiness changes the statuses of \d+ services of \d+: \d+ gates newly fail(, \d+ gates are newly blocked)?\.\n/,
    );
    expect(stdout).toMatch(
      /\n- \d+ services newly fail “Backend line coverage at least 80 %” \(rag-team \d+/,
    );
    expect(stdout).toContain(
      '| Entity | Owner | Before | After | Gates that change | New root causes |',
    );
    expect(stdout).toMatch(
      /\n\| RAG API \| rag-team \| [a-z ]+ \| fails \| Backend verified \(sprint 2\): passes → fails[^|]*\| Backend line coverage at least 80 % \|/,
    );
    expect(stdout).not.toMatch(/component:default|evidence\./);
    expect(stderr).toMatch(
      /the change newly fails \d+ entities; at most 0 allowed \(--max-newly-failing\)/,
    );

    const allowed = await run(
      ['preview', file, '--max-newly-failing', '1000'],
      env,
    );
    expect([allowed.code, allowed.stdout]).toEqual([0, stdout]);
  });

  it('exits 0 for a change that changes no status, compared with --current', async () => {
    const file = raised();
    const { code, stdout } = await run(['preview', file, `--current=${file}`], {
      READINESS_BASE_URL: baseUrl,
      READINESS_TOKEN: token,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^### Readiness preview: RAG production readiness\n\nCompared with the current track, RAG production readiness changes no status of the \d+ services it applies to\.\n$/,
    );
  });

  it('exits 1 with the errors at their file and path for a track with a typo', async () => {
    const file = write(
      'typo.yaml',
      original.replace(
        'dependsOn: [backend-verified]',
        'dependsOn: [backend-verifed]',
      ),
    );
    const { code, stdout } = await run(['preview', file], {
      READINESS_BASE_URL: baseUrl,
      READINESS_TOKEN: token,
    });
    expect(code).toBe(1);
    expect(stdout).toContain('RAG production readiness has 1 error');
    expect(stdout).toContain(
      `- \`${file}: spec.gates[1].dependsOn[0]: unknown gate 'backend-verifed'\``,
    );
  });

  it.each([
    [['preview'], /preview needs the track file/],
    [['preview', '/nonexistent/track.yaml'], /cannot read \/nonexistent/],
    [
      ['preview', 'a.yaml', '--max-newly-failing', 'many'],
      /--max-newly-failing must be a whole number, not 'many'/,
    ],
    [['preview', 'a.yaml', 'b.yaml'], /one track file at a time/],
  ])('exits 2 on an error (%#)', async (args, message) => {
    const { code, stderr } = await run(args, {
      READINESS_BASE_URL: baseUrl,
      READINESS_TOKEN: token,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
