import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { targetPaths } from '@backstage/cli-common';
import { TrackRegistry } from './TrackRegistry';
import { createCatalogFactSource } from '../../facts/catalog/catalogFactSource';

const knownFactTypes = [
  ...createCatalogFactSource().factTypes.map(t => t.type),
  'evidence.*',
  'deployments.*',
  'runbooks.*',
  'oncall.*',
];
const reader = mockServices.urlReader.mock();

describe('TrackRegistry', () => {
  it('loads the example tracks the portal ships, relative to the repository root', async () => {
    const registry = await TrackRegistry.fromConfig({
      config: new ConfigReader({
        readiness: {
          tracks: [
            'examples/readiness/rag-production-readiness.yaml',
            'examples/readiness/service-baseline.yaml',
          ],
        },
      }),
      reader,
      knownFactTypes,
      rootDir: targetPaths.rootDir,
    });
    expect(registry.list().map(t => t.track.metadata.name)).toEqual([
      'rag-production-readiness',
      'service-baseline',
    ]);

    const rag = registry.get('rag-production-readiness')!.track;
    const gates = new Map(rag.spec.gates.map(g => [g.id, g]));
    // The seed's sprints 2-7, with their dependency edges.
    expect(gates.get('frontend-verified')!.dependsOn).toEqual([
      'backend-verified',
    ]);
    expect(gates.get('rag-core-verified')!.dependsOn).toEqual([
      'backend-verified',
    ]);
    expect(gates.get('refined')!.dependsOn).toEqual([
      'frontend-verified',
      'rag-core-verified',
      'data-integration-verified',
    ]);
    expect(gates.get('deployment-prepared')!.dependsOn).toEqual(
      expect.arrayContaining([
        'backend-verified',
        'frontend-verified',
        'rag-core-verified',
        'data-integration-verified',
        'refined',
      ]),
    );
    // Its completion checklist: 21 checks, the first 12 being the report's 12 steps, then 3 supporting checks.
    const checklist = gates.get('deployment-prepared')!.checks;
    expect(checklist).toHaveLength(24);
    expect(
      checklist
        .slice(21)
        .map(c => c.description?.match(/^Supports step (\d+)\./)?.[1]),
    ).toEqual(['4', '4', '11']);
    expect(
      checklist
        .slice(0, 12)
        .map(c => c.description?.match(/^Step (\d+)\./)?.[1]),
    ).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    // The four component groups, each with the report's six items.
    for (const group of [
      'production-infrastructure',
      'monitoring-alerting',
      'deployment-automation',
      'security-compliance',
    ]) {
      expect([group, gates.get(group)!.checks.length]).toEqual([group, 6]);
    }
    // The root of the seed: OIDC login on rag-api.
    expect(gates.get('backend-verified')!.checks[0]).toMatchObject({
      id: 'oidc-login',
      entity: 'component:default/rag-api',
      severity: 'critical',
    });
  });

  it('says which tracks apply to an entity (several at once)', async () => {
    const registry = await TrackRegistry.fromConfig({
      config: new ConfigReader({
        readiness: {
          tracks: [
            'examples/readiness/rag-production-readiness.yaml',
            'examples/readiness/service-baseline.yaml',
          ],
        },
      }),
      reader,
      knownFactTypes,
      rootDir: targetPaths.rootDir,
    });
    const component = (spec: object) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec,
    });
    expect(
      registry
        .forEntity(component({ type: 'service', system: 'rag-platform' }))
        .map(t => t.track.metadata.name),
    ).toEqual(['rag-production-readiness', 'service-baseline']);
    expect(
      registry.forEntity(component({ type: 'library', system: 'billing' })),
    ).toEqual([]);
  });

  describe('track problems (reported, the other tracks load)', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracks-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const load = (tracks: string[]) =>
      TrackRegistry.fromConfig({
        config: new ConfigReader({ readiness: { tracks } }),
        reader,
        knownFactTypes,
        rootDir: dir,
      });

    const good =
      'apiVersion: readiness.io/v1\nkind: Track\nmetadata: { name: good }\nspec:\n  appliesTo: [{ kind: Component }]\n  gates:\n    - { id: a, checks: [{ id: c, title: C, manual: { validForDays: 1 } }] }\n';

    it('names a file that cannot be read, and loads the others', async () => {
      fs.writeFileSync(path.join(dir, 'good.yaml'), good);
      const registry = await load(['missing.yaml', 'good.yaml']);
      expect(registry.problems()).toEqual([
        {
          source: path.join(dir, 'missing.yaml'),
          message: expect.stringContaining(
            `readiness.tracks[0]: cannot read ${path.join(
              dir,
              'missing.yaml',
            )}`,
          ),
        },
      ]);
      expect(registry.list().map(t => t.track.metadata.name)).toEqual(['good']);
    });

    it('names the file and path of an invalid track', async () => {
      fs.writeFileSync(
        path.join(dir, 'bad.yaml'),
        'apiVersion: readiness.io/v1\nkind: Track\nmetadata: { name: bad }\nspec:\n  appliesTo: [{ kind: Component }]\n  gates:\n    - { id: a, dependsOn: [b], checks: [{ id: c, title: C, manual: { validForDays: 1 } }] }\n',
      );
      fs.writeFileSync(path.join(dir, 'good.yaml'), good);
      const registry = await load(['bad.yaml', 'good.yaml']);
      expect(registry.problems()).toEqual([
        {
          source: path.join(dir, 'bad.yaml'),
          message: `Invalid readiness track ${path.join(
            dir,
            'bad.yaml',
          )}:\n  - spec.gates[0].dependsOn[0]: unknown gate 'b'`,
        },
      ]);
      expect(registry.get('bad')).toBeUndefined();
      expect(registry.get('good')).toBeDefined();
    });

    it('refuses the same track name in two files', async () => {
      const text =
        'apiVersion: readiness.io/v1\nkind: Track\nmetadata: { name: same }\nspec:\n  appliesTo: [{ kind: Component }]\n  gates:\n    - { id: a, checks: [{ id: c, title: C, manual: { validForDays: 1 } }] }\n';
      fs.writeFileSync(path.join(dir, 'one.yaml'), text);
      fs.writeFileSync(path.join(dir, 'two.yaml'), text);
      const registry = await load(['one.yaml', 'two.yaml']);
      expect(registry.problems().map(p => p.message)).toEqual([
        `readiness track 'same' is defined twice: in ${path.join(
          dir,
          'one.yaml',
        )} and in ${path.join(dir, 'two.yaml')}`,
      ]);
      expect(registry.get('same')?.source).toBe(path.join(dir, 'one.yaml'));
    });

    it('reads a track from a URL through the UrlReader', async () => {
      const text =
        'apiVersion: readiness.io/v1\nkind: Track\nmetadata: { name: remote }\nspec:\n  appliesTo: [{ kind: Component }]\n  gates:\n    - { id: a, checks: [{ id: c, title: C, manual: { validForDays: 1 } }] }\n';
      const urlReader = mockServices.urlReader.mock({
        readUrl: async () => ({ buffer: async () => Buffer.from(text) } as any),
      });
      const registry = await TrackRegistry.fromConfig({
        config: new ConfigReader({
          readiness: { tracks: ['https://git.example.com/tracks/remote.yaml'] },
        }),
        reader: urlReader,
        knownFactTypes,
        rootDir: dir,
      });
      expect(registry.get('remote')?.source).toBe(
        'https://git.example.com/tracks/remote.yaml',
      );
      expect(urlReader.readUrl).toHaveBeenCalledWith(
        'https://git.example.com/tracks/remote.yaml',
      );
    });
  });
});
