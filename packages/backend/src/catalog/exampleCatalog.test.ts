import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  findDanglingReferences,
  readCatalogFiles,
  validateEntity,
} from './catalogFiles';
import { fileLocationsFromConfig, repoRoot } from './exampleCatalog';

const expectedEntities = [
  'location:default/readiness-portal',
  'domain:default/knowledge-assistants',
  'system:default/rag-platform',
  'group:default/rag-team',
  'user:default/maria.garcia',
  'user:default/sam.okafor',
  'user:default/li.wei',
  'user:default/priya.nair',
  'component:default/rag-api',
  'component:default/rag-web',
  'component:default/rag-retriever',
  'component:default/rag-ingestion',
  'resource:default/rag-vector-db',
  'resource:default/rag-postgres',
  'api:default/rag-api',
  'api:default/rag-retriever-api',
  'resource:default/rag-dev',
  'resource:default/rag-staging',
  'resource:default/rag-production',
  'template:default/rag-environment',
  'template:default/rag-environment-decommission',
  // The portal itself, and the team that runs it.
  'system:default/developer-portal',
  'component:default/readiness-portal',
  'group:default/platform-team',
  'user:default/jordan.lee',
  'user:default/noor.haddad',
];

const refOf = (e: {
  kind: string;
  metadata: { name: string; namespace?: string };
}) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLowerCase();

describe('the demo catalog registered by app-config.yaml', () => {
  const roots = fileLocationsFromConfig(path.join(repoRoot, 'app-config.yaml'));

  it('registers the root catalog-info.yaml', () => {
    expect(roots).toEqual([path.join(repoRoot, 'catalog-info.yaml')]);
  });

  it('reads every example file without a problem, and every entity validates', async () => {
    const result = await readCatalogFiles(roots);
    expect(result.problems).toEqual([]);
    const exampleFiles = fs
      .readdirSync(path.join(repoRoot, 'examples'))
      .filter(f => f.endsWith('.yaml'))
      .map(f => path.join(repoRoot, 'examples', f));
    // Every YAML file in examples/ is reachable from the root location, so none is silently left out.
    expect(result.files).toEqual(expect.arrayContaining(exampleFiles));
  });

  it('contains the RAG system, its team, services, storage and APIs', async () => {
    const { entities } = await readCatalogFiles(roots);
    expect(entities.map(e => refOf(e.entity)).sort()).toEqual(
      [...expectedEntities].sort(),
    );
  });

  it('describes the portal itself, with the runbooks, alert rules and on-call its annotations point at', async () => {
    const { entities } = await readCatalogFiles(roots);
    const portal = entities.find(
      e => refOf(e.entity) === 'component:default/readiness-portal',
    )!;
    expect(portal.file).toBe(path.join(repoRoot, 'catalog-info.yaml'));
    expect(portal.entity.spec).toMatchObject({
      system: 'developer-portal',
      owner: 'group:default/platform-team',
      lifecycle: 'production',
    });
    const annotations = portal.entity.metadata.annotations!;
    const targets = [
      ...annotations['readiness.io/runbooks'].split(','),
      annotations['readiness.io/prometheus-rules'],
      annotations['readiness.io/oncall'],
    ].map(t => path.join(repoRoot, t.trim()));
    expect(targets).toHaveLength(6);
    for (const target of targets) expect(fs.existsSync(target)).toBe(true);
  });

  it('has no reference to an entity that does not exist', async () => {
    const { entities } = await readCatalogFiles(roots);
    expect(findDanglingReferences(entities)).toEqual([]);
  });

  it('wires the relations of the seed report', async () => {
    const { entities } = await readCatalogFiles(roots);
    const byRef = new Map(entities.map(e => [refOf(e.entity), e.entity]));
    const api = byRef.get('component:default/rag-api')!;
    expect(api.spec).toMatchObject({
      owner: 'group:default/rag-team',
      system: 'rag-platform',
      providesApis: ['rag-api'],
      dependsOn: expect.arrayContaining(['component:default/rag-retriever']),
    });
    expect(byRef.get('component:default/rag-web')!.spec).toMatchObject({
      consumesApis: ['rag-api'],
    });
    const partOfSystem = entities
      .filter(e => ['Component', 'Resource', 'API'].includes(e.entity.kind))
      .filter(e => e.entity.metadata.name !== 'readiness-portal')
      .map(e => [refOf(e.entity), e.entity.spec?.system]);
    expect(partOfSystem).toHaveLength(11);
    expect(partOfSystem).toEqual(
      partOfSystem.map(([ref]) => [ref, 'rag-platform']),
    );
  });
});

describe('readCatalogFiles on bad input', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const location = (targets: string[]) =>
    write(
      'catalog-info.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: root }\nspec:\n  targets: ${JSON.stringify(
        targets,
      )}\n`,
    );

  it('names the file of an entity that fails its kind schema', async () => {
    write(
      'broken.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: svc }\nspec: { type: service, lifecycle: production }\n',
    );
    const result = await readCatalogFiles([location(['./broken.yaml'])]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain(path.join(dir, 'broken.yaml'));
    expect(result.problems[0]).toContain('Component:svc');
    expect(result.problems[0]).toMatch(/owner/);
  });

  it('names the file and line of a YAML syntax error', async () => {
    write(
      'syntax.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\n  description: a: b\nspec: { type: team, children: [] }\n',
    );
    const result = await readCatalogFiles([location(['./syntax.yaml'])]);
    expect(result.problems.join('\n')).toMatch(
      new RegExp(
        `${path
          .join(dir, 'syntax.yaml')
          .replace(/[.]/g, '\\.')}: YAML error: .*line 5`,
      ),
    );
  });

  it('names a Location target that does not exist', async () => {
    const result = await readCatalogFiles([location(['./missing.yaml'])]);
    expect(result.problems).toEqual([
      expect.stringContaining(
        `${path.join(dir, 'missing.yaml')}: cannot be read`,
      ),
    ]);
  });

  it('rejects an invalid entity name and an unknown kind', async () => {
    await expect(
      validateEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'Not A Name!' },
        spec: { type: 'service', lifecycle: 'x', owner: 'g' },
      }),
    ).rejects.toThrow(/metadata.name/);
    await expect(
      validateEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Widget',
        metadata: { name: 'w' },
        spec: {},
      }),
    ).rejects.toThrow(/unknown kind backstage.io\/v1alpha1\/Widget/);
  });

  it('finds a reference to an entity no file defines', async () => {
    write(
      'dangling.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: svc }\nspec: { type: service, lifecycle: production, owner: ghost-team }\n',
    );
    const { entities, problems } = await readCatalogFiles([
      location(['./dangling.yaml']),
    ]);
    expect(problems).toEqual([]);
    expect(findDanglingReferences(entities)).toEqual([
      `${path.join(
        dir,
        'dangling.yaml',
      )} (Component:svc): spec.owner refers to group:default/ghost-team, which no file defines`,
    ]);
  });
});
