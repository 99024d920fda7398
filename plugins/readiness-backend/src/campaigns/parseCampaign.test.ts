import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { targetPaths } from '@backstage/cli-common';
import { exampleTrackRegistry } from '../__testUtils__/exampleTrackRegistry';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';
import { CampaignRegistry } from './CampaignRegistry';
import { CampaignValidationError, parseCampaign } from './parseCampaign';

const demoFile = path.join(
  targetPaths.rootDir,
  'examples/readiness/rag-ready-for-production.campaign.yaml',
);
const demo = fs.readFileSync(demoFile, 'utf8');

const campaign = (spec: string, metadata = 'name: c1\n  title: C one') =>
  `apiVersion: readiness.io/v1\nkind: Campaign\nmetadata:\n  ${metadata}\nspec:\n${spec}`;
const validSpec = `  owner: group:default/platform-team
  entities: { include: [{ kind: Component }] }
  target: { track: rag-production-readiness, gate: deployment-prepared }
  startDate: 2026-10-05
  targetDate: 2027-01-15
`;

describe('parseCampaign', () => {
  let tracks: TrackRegistry;
  beforeAll(async () => {
    tracks = await exampleTrackRegistry();
  });

  const problemsOf = (text: string) => {
    try {
      parseCampaign(text, 'c.yaml', tracks);
    } catch (error) {
      expect(error).toBeInstanceOf(CampaignValidationError);
      return (error as CampaignValidationError).problems;
    }
    throw new Error('parsed');
  };

  it('reads the demo campaign', () => {
    expect(parseCampaign(demo, demoFile, tracks)).toEqual({
      id: 'rag-ready-for-production',
      title: 'RAG platform ready for production',
      description: expect.stringContaining('Deployment prepared'),
      owner: 'group:default/platform-team',
      draft: false,
      include: [{ kind: 'Component', 'spec.system': 'rag-platform' }],
      exclude: [],
      target: {
        trackId: 'rag-production-readiness',
        gateId: 'deployment-prepared',
      },
      startDate: '2026-10-05',
      targetDate: '2027-01-15',
      milestones: [
        expect.objectContaining({ date: '2026-11-16', percent: 25 }),
        expect.objectContaining({ date: '2026-12-14', percent: 50 }),
      ],
      reminders: { digest: 'monday', beforeTarget: [14, 7, 1] },
      source: demoFile,
    });
  });

  it('reads a target of checks, exclusions, a draft and no digest', () => {
    const parsed = parseCampaign(
      campaign(`  owner: user:maria.garcia
  draft: true
  entities:
    include: [{ kind: Component }]
    exclude: [Component:rag-web]
  target:
    track: rag-production-readiness
    checks: [backend-verified/oidc-login, backend-verified/backend-api-tests]
  startDate: 2026-10-05
  targetDate: 2027-01-15
  reminders: { digest: none, beforeTarget: [3, 3, 1] }
`),
      'c.yaml',
      tracks,
    );
    expect(parsed).toMatchObject({
      owner: 'user:default/maria.garcia',
      draft: true,
      exclude: ['component:default/rag-web'],
      target: {
        trackId: 'rag-production-readiness',
        checks: [
          { gateId: 'backend-verified', checkId: 'oidc-login' },
          { gateId: 'backend-verified', checkId: 'backend-api-tests' },
        ],
      },
      reminders: { beforeTarget: [3, 1] },
    });
    expect(parsed.reminders.digest).toBeUndefined();
  });

  it('reports every problem at once, each with its path in the file', () => {
    const problems = problemsOf(
      `apiVersion: readiness.io/v2
kind: Campaign
metadata: { name: Bad Name }
spec:
  owner: not a ref!
  colour: blue
  documentation: ftp://x
  entities: { include: [], exclude: ['::'] }
  target: { track: no-such-track, gate: g, checks: [a/b] }
  startDate: 2027-02-30
  targetDate: 2026-01-01
  milestones: [{ date: 2025-01-01, title: early, percent: 140 }, 7]
  reminders: { digest: someday, beforeTarget: [-1] }
`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        `c.yaml: apiVersion: must be 'readiness.io/v1'`,
        `c.yaml: metadata.name: 'Bad Name' must be lower-case letters, digits and - _ . separators`,
        'c.yaml: metadata.title: is required',
        `c.yaml: spec.owner: 'not a ref!' is not an entity ref like component:default/name`,
        expect.stringMatching(/^c\.yaml: spec\.colour: unknown field/),
        `c.yaml: spec.documentation: 'ftp://x' must be an http(s) URL`,
        'c.yaml: spec.entities.include: must be a non-empty list of entity filters',
        expect.stringMatching(/^c\.yaml: spec\.entities\.exclude\[0\]: '::'/),
        expect.stringMatching(
          /^c\.yaml: spec\.target\.track: no loaded track 'no-such-track'/,
        ),
        'c.yaml: spec.target: needs either gate or checks, not both',
        `c.yaml: spec.startDate: '2027-02-30' is not a day (YYYY-MM-DD)`,
        `c.yaml: spec.milestones[0].percent: must be a number from 0 to 100`,
        'c.yaml: spec.milestones[1]: must be an object with date and title',
        expect.stringMatching(
          /^c\.yaml: spec\.reminders\.digest: must be a weekday/,
        ),
        'c.yaml: spec.reminders.beforeTarget: must be a list of whole days from 0 to 365',
      ]),
    );
  });

  it('checks the target against the track, and the dates against each other', () => {
    expect(
      problemsOf(
        campaign(
          validSpec
            .replace('gate: deployment-prepared', 'gate: no-gate')
            .replace('2027-01-15', '2026-09-01'),
        ),
      ),
    ).toEqual([
      `c.yaml: spec.target.gate: track 'rag-production-readiness' has no gate 'no-gate'`,
      `c.yaml: spec.targetDate: '2026-09-01' must come after startDate '2026-10-05'`,
    ]);
    expect(
      problemsOf(
        campaign(
          `${validSpec.replace(
            'gate: deployment-prepared',
            'checks: [backend-verified/nope, oops]',
          )}  milestones: [{ date: 2027-02-01, title: late }]\n`,
        ),
      ),
    ).toEqual([
      `c.yaml: spec.target.checks[0]: track 'rag-production-readiness' has no check 'nope' in a gate 'backend-verified'`,
      'c.yaml: spec.target.checks[1]: must be gateId/checkId',
      `c.yaml: spec.milestones[0].date: '2027-02-01' is not between startDate and targetDate`,
    ]);
    expect(problemsOf('[1, 2]')).toEqual([
      'c.yaml: the file must hold one YAML object (a Campaign)',
    ]);
    expect(problemsOf('a: [')[0]).toMatch(/^c\.yaml: YAML error/);
  });
});

describe('CampaignRegistry', () => {
  it('loads the good files and reports the others with their file', async () => {
    const tracks = await exampleTrackRegistry();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaigns-'));
    fs.writeFileSync(path.join(dir, 'copy.yaml'), demo);
    fs.writeFileSync(
      path.join(dir, 'broken.yaml'),
      campaign(validSpec.replace('2026-10-05', 'soon')),
    );
    const registry = await CampaignRegistry.load({
      files: [demoFile, 'copy.yaml', 'broken.yaml', 'missing.yaml'],
      reader: mockServices.urlReader.mock(),
      rootDir: dir,
      tracks,
    });
    expect(registry.list().map(c => c.id)).toEqual([
      'rag-ready-for-production',
    ]);
    expect(registry.problems().map(p => p.message)).toEqual([
      `readiness campaign 'rag-ready-for-production' is defined twice: in ${demoFile} and in ${path.join(
        dir,
        'copy.yaml',
      )}`,
      `Invalid readiness campaign ${path.join(
        dir,
        'broken.yaml',
      )}:\n  - spec.startDate: 'soon' is not a day (YYYY-MM-DD)`,
      expect.stringMatching(
        /^readiness\.campaigns\.files\[3\]: cannot read .*missing\.yaml/,
      ),
    ]);
  });
});
