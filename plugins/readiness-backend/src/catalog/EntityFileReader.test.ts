import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  describeReadError,
  EntityFileReader,
  splitTargets,
} from './EntityFileReader';

function entity(location: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'rag-api',
      annotations: { 'backstage.io/managed-by-location': location },
    },
    spec: {},
  };
}

describe('EntityFileReader', () => {
  let dir: string;
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-files-'));
    await fs.mkdir(path.join(dir, 'catalog'));
    await fs.mkdir(path.join(dir, 'runbooks'));
    await fs.writeFile(path.join(dir, 'runbooks', 'a.md'), '# A');
    server = http.createServer((req, res) => {
      if (req.url === '/repo/runbooks/b.md') res.end('# B');
      else res.writeHead(404).end('nope');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  function reader(allowHost = '127.0.0.1') {
    const config = new ConfigReader({
      backend: { reading: { allow: [{ host: `${allowHost}:1-65535` }] } },
    });
    return new EntityFileReader({
      reader: UrlReaders.default({
        config,
        logger: mockServices.logger.mock(),
      }),
      localRoots: [dir],
    });
  }

  it('reads a path relative to a local catalog file', async () => {
    const read = await reader().read(
      entity(`file:${dir}/catalog/components.yaml`),
      '../runbooks/a.md',
    );
    expect(read).toEqual({
      location: `file:${dir}/runbooks/a.md`,
      text: '# A',
    });
  });

  it('refuses local files outside the allowed roots', async () => {
    await expect(
      reader().read(
        entity(`file:${dir}/catalog/components.yaml`),
        '../../../../etc/passwd',
      ),
    ).rejects.toThrow(/outside the directories/);
  });

  it('reads a path relative to a URL location through the UrlReader', async () => {
    const read = await reader().read(
      entity(`url:${baseUrl}/repo/catalog-info.yaml`),
      'runbooks/b.md',
    );
    expect(read).toEqual({
      location: `${baseUrl}/repo/runbooks/b.md`,
      text: '# B',
    });
  });

  it('says not found for a broken link and not allowed outside backend.reading.allow', async () => {
    const e = entity(`url:${baseUrl}/repo/catalog-info.yaml`);
    const missing = await reader()
      .read(e, 'runbooks/missing.md')
      .catch(err => err);
    expect(describeReadError(missing)).toMatch(/^not found/);
    const refused = await reader('example.com')
      .read(e, 'runbooks/b.md')
      .catch(err => err);
    expect(refused.message).toMatch(
      /not allowed|Reading from .* is not allowed/i,
    );
  });

  it('rejects other schemes', () => {
    expect(() =>
      reader().resolve(entity(`file:${dir}/c.yaml`), 'ftp://x/y'),
    ).toThrow(/neither a relative path nor/);
  });

  it('splits comma and newline separated targets', () => {
    expect(splitTargets(' a.md, b.md\nhttps://x/c.md ,')).toEqual([
      'a.md',
      'b.md',
      'https://x/c.md',
    ]);
    expect(splitTargets(undefined)).toEqual([]);
  });
});
