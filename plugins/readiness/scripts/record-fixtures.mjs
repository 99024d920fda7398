#!/usr/bin/env node
// Records the frontend's test fixtures (src/__fixtures__) from a running readiness backend with the demo catalog,
// so components are tested against what the backend really sends:
//
//   cd packages/backend && npx backstage-cli package start     # the demo backend, port 7007
//   node plugins/readiness/scripts/record-fixtures.mjs          # once it has evaluated (about 20 s)
//
//   READINESS_BASE_URL  default http://localhost:7007
//   READINESS_TOKEN     default the local CI token of app-config.yaml
//
// Records the scorecard (full and compact), history, system and overview answers (these follow the evaluator's words). The
// deployments, runbooks, on-call and environments fixtures were recorded after pushing deployments by hand, and the
// track preview ones after the README walk-through's evidence (OIDC fixed, API tests passing, coverage 78.4 %), so
// that raising the coverage threshold to 80 % changes something; they are left as they are unless named on the
// command line.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const base = (
  process.env.READINESS_BASE_URL ?? 'http://localhost:7007'
).replace(/\/+$/, '');
const token =
  process.env.READINESS_TOKEN ?? 'local-ci-token-for-development-only';
const dir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  '__fixtures__',
);

const ragTrack = readFileSync(
  join(
    dirname(fileURLToPath(import.meta.url)),
    '../../../examples/readiness/rag-production-readiness.yaml',
  ),
  'utf8',
);
/** The playground's e2e edit: the coverage threshold (and its title) raised from 70 to 80 %. */
const coverage80 = ragTrack
  .replace(
    'Backend line coverage at least 70 %',
    'Backend line coverage at least 80 %',
  )
  .replace(
    'condition: { path: lines, operator: greaterThanInclusive, value: 70 }',
    'condition: { path: lines, operator: greaterThanInclusive, value: 80 }',
  );
const preview = body => ({ path: '/tracks/preview', body });

const recordings = {
  // As the client returns it (the page's input): the answer joined with the track definitions of GET /tracks.
  'scorecard-rag-api.json': {
    path: '/scorecards/component/default/rag-api',
    joinTracks: true,
  },
  'scorecard-summary-rag-api.json':
    '/scorecards/component/default/rag-api/summary',
  'history-rag-api.json':
    '/scorecards/component/default/rag-api/history?limit=500',
  'system-rag-platform.json': '/systems/default/rag-platform',
  'overview.json': '/overview',
  'overview-service-baseline.json': '/overview?trackId=service-baseline',
  'overview-service-baseline-passed.json':
    '/overview?trackId=service-baseline&status=passed',
  'deployments-matrix-rag-api.json':
    '/deployments/component/default/rag-api/environments',
  'deployments-rag-api.json': '/deployments/component/default/rag-api',
  'runbooks-rag-api.json': '/runbooks/component/default/rag-api',
  'runbooks-rag-retriever.json': '/runbooks/component/default/rag-retriever',
  'oncall-rag-api.json': '/oncall/component/default/rag-api',
  'oncall-rag-web.json': '/oncall/component/default/rag-web',
  'environments-rag-platform.json':
    '/environments?system=system%3Adefault%2Frag-platform',
  'track-source-rag.json': '/tracks/rag-production-readiness/source',
  'preview-coverage-80.json': preview({
    track: coverage80,
    source: 'rag-production-readiness.yaml',
  }),
  'preview-typo.json': preview({
    track: ragTrack.replace(
      'dependsOn: [backend-verified]',
      'dependsOn: [backend-verifed]',
    ),
    source: 'rag-production-readiness.yaml',
  }),
};
const defaults = Object.keys(recordings).slice(0, 7);
const chosen =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : defaults;

async function main() {
  for (const file of chosen) {
    const recording = recordings[file];
    if (!recording) {
      process.stderr.write(
        `unknown fixture '${file}' (known: ${Object.keys(recordings).join(
          ', ',
        )})\n`,
      );
      process.exit(2);
    }
    const { path, body, joinTracks } =
      typeof recording === 'string' ? { path: recording } : recording;
    const method = body ? 'POST' : 'GET';
    const request = (p, b) =>
      fetch(`${base}/api/readiness${p}`, {
        method: b ? 'POST' : 'GET',
        headers: {
          Authorization: `Bearer ${token}`,
          ...(b ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(b ? { body: JSON.stringify(b) } : {}),
      });
    const res = await request(path, body);
    if (!res.ok) {
      process.stderr.write(
        `${method} ${path} answered ${res.status}: ${await res.text()}\n`,
      );
      process.exit(1);
    }
    let answer = await res.json();
    if (joinTracks) {
      const tracks = await (await request('/tracks')).json();
      if (tracks.version !== answer.tracksVersion) {
        throw new Error(`${path} and /tracks are of other track versions`);
      }
      const { evaluations, tracksVersion: _version, ...rest } = answer;
      answer = {
        ...rest,
        tracks: evaluations.map(evaluation => ({
          track: tracks.items.find(t => t.metadata.name === evaluation.trackId),
          evaluation,
        })),
      };
    }
    const target = join(dir, file);
    // Written as the repository formats JSON, so `prettier --check` in npm test stays green.
    const options = (await prettier.resolveConfig(target)) ?? {};
    writeFileSync(
      target,
      prettier.format(JSON.stringify(answer), {
        ...options,
        parser: 'json',
      }),
    );
    process.stdout.write(`recorded ${file} from ${method} ${path}\n`);
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
