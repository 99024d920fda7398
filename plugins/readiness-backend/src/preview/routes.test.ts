import request from 'supertest';
import fs from 'node:fs';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { targetPaths } from '@backstage/cli-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  describeTrackPreview,
  readinessTrackPreviewPermission,
  TrackPreview,
} from '@readiness-io/plugin-readiness-common';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';

jest.setTimeout(60_000);

const trackFile = path.join(
  targetPaths.rootDir,
  'examples/readiness/rag-production-readiness.yaml',
);
const ragTrack = fs.readFileSync(trackFile, 'utf8');
const COVERAGE_70 =
  'condition: { path: lines, operator: greaterThanInclusive, value: 70 }';
const raised = ragTrack
  .replace(
    COVERAGE_70,
    'condition: { path: lines, operator: greaterThanInclusive, value: 80 }',
  )
  .replace(
    'Backend line coverage at least 70 %',
    'Backend line coverage at least 80 %',
  );

const maria = mockCredentials.user.header('user:default/maria.garcia');
const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('external:ci'),
  targetPluginId: 'readiness',
});

describe('POST /tracks/preview', () => {
  let server: any;
  beforeAll(async () => {
    ({ server } = await startReadinessBackend());
    // The walk-through's state: OIDC fixed, API tests pass, coverage 78.4 % — Backend verified passes.
    for (const [type, value] of [
      ['evidence.tests.oidc-login', { status: 'passed' }],
      ['evidence.tests.api', { status: 'passed' }],
      ['evidence.coverage', { lines: 78.4, branches: 61.2 }],
    ] as const) {
      const res = await request(server)
        .post('/api/readiness/evidence')
        .set('Authorization', ci)
        .send({ entityRef: 'component:default/rag-api', type, value });
      if (res.status !== 201) throw new Error(`evidence: ${res.status}`);
    }
  });

  it('raising the coverage threshold to 80 % newly fails Backend verified for every RAG component', async () => {
    expect(raised).not.toBe(ragTrack);
    const res = await request(server)
      .post('/api/readiness/tracks/preview')
      .set('Authorization', maria)
      .send({ track: raised, source: 'rag-production-readiness.yaml' });
    expect(res.status).toBe(200);
    const preview: TrackPreview = res.body;
    expect(preview).toMatchObject({
      valid: true,
      trackId: 'rag-production-readiness',
      comparedWith: 'loaded',
      kinds: ['Component'],
    });
    const rag = preview.entities.find(
      e => e.entityRef === 'component:default/rag-api',
    )!;
    expect(rag.gates).toContainEqual({
      gateId: 'backend-verified',
      title: 'Backend verified (sprint 2)',
      before: 'passed',
      after: 'failed',
    });
    expect(rag.newRootCauses).toContainEqual(
      expect.objectContaining({
        checkId: 'backend-coverage',
        title: 'Backend line coverage at least 80 %',
        status: 'fail',
      }),
    );
    const coverage = preview.checks.find(
      c => c.checkId === 'backend-coverage',
    )!;
    expect(coverage.definition).toBe('changed');
    expect(coverage.impact.newlyFailing.total).toBe(preview.entitiesEvaluated);
    expect(describeTrackPreview(preview).lines[0]).toMatch(
      /^\d+ services newly fail “Backend line coverage at least 80 %” \(rag-team \d+/,
    );
    // Nothing was stored: the scorecard still passes the gate.
    const scorecard = await request(server)
      .get(
        '/api/readiness/gates/component/default/rag-api/rag-production-readiness/backend-verified',
      )
      .set('Authorization', maria);
    expect(scorecard.body.gate.status).toBe('passed');
  });

  it('compares with the current text when given, and says what it compared with', async () => {
    const res = await request(server)
      .post('/api/readiness/tracks/preview')
      .set('Authorization', maria)
      .send({ track: raised, current: raised });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      comparedWith: 'given',
      entitiesChanged: 0,
      source: 'proposed track',
    });
  });

  it('answers a track with errors with the start-up messages, each at its line', async () => {
    const typo = ragTrack.replace(
      'dependsOn: [backend-verified]',
      'dependsOn: [backend-verifed]',
    );
    const res = await request(server)
      .post('/api/readiness/tracks/preview')
      .set('Authorization', maria)
      .send({ track: typo, source: 'rag-production-readiness.yaml' });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    const line =
      typo
        .split('\n')
        .findIndex(l => l.includes('dependsOn: [backend-verifed]')) + 1;
    expect(res.body.problems).toEqual([
      {
        message:
          "rag-production-readiness.yaml: spec.gates[1].dependsOn[0]: unknown gate 'backend-verifed'",
        path: 'spec.gates[1].dependsOn[0]',
        line,
        column: expect.any(Number),
      },
    ]);
    const yamlError = await request(server)
      .post('/api/readiness/tracks/preview')
      .set('Authorization', maria)
      .send({ track: 'spec:\n  gates: [\n' });
    expect(yamlError.body.valid).toBe(false);
    expect(yamlError.body.problems[0].message).toMatch(
      /^proposed track: YAML error/,
    );
    expect(yamlError.body.problems[0].line).toBeGreaterThan(0);
  });

  it.each([
    [{}, /track/],
    [{ track: '' }, /track/],
    [{ track: 'x', colour: 'red' }, /colour|additional/],
    [{ track: 'x', entityLimit: -1 }, /entityLimit/],
    [{ track: 'x', current: 42 }, /current/],
    [{ track: 'x', source: 'a\u0000b' }, /source/],
  ])(
    'rejects a malformed body with a 400 naming the field (%#)',
    async (body, field) => {
      const res = await request(server)
        .post('/api/readiness/tracks/preview')
        .set('Authorization', maria)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(field);
    },
  );

  it("serves a loaded track's file as written, by its base name", async () => {
    const res = await request(server)
      .get('/api/readiness/tracks/rag-production-readiness/source')
      .set('Authorization', maria);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      trackId: 'rag-production-readiness',
      file: 'rag-production-readiness.yaml',
      text: ragTrack,
    });
    const unknown = await request(server)
      .get('/api/readiness/tracks/nope/source')
      .set('Authorization', maria);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("No track 'nope'");
  });

  it('needs credentials (401)', async () => {
    const res = await request(server)
      .post('/api/readiness/tracks/preview')
      .set('Authorization', mockCredentials.none.header())
      .send({ track: raised });
    expect(res.status).toBe(401);
  });
});

describe('POST /tracks/preview without its permission', () => {
  it('answers 403 when readiness.track.preview is denied, though reading scorecards is allowed', async () => {
    const { server } = await startReadinessBackend({
      features: [
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(r => ({
              result:
                r.permission.name === readinessTrackPreviewPermission.name
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            })),
        }).factory,
      ],
    });
    const res = await request(server)
      .post('/api/readiness/tracks/preview')
      .set('Authorization', maria)
      .send({ track: raised });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('readiness.track.preview');
    const read = await request(server)
      .get('/api/readiness/tracks')
      .set('Authorization', maria);
    expect(read.status).toBe(200);
  });
});
