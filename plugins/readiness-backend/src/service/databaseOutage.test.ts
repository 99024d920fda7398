import net from 'node:net';
import { AddressInfo } from 'node:net';
import knexFactory, { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import { isDatabaseUnavailable } from './databaseUnavailable';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15'],
  disableDocker: true,
});

/**
 * A TCP proxy in front of PostgreSQL that can be cut (every connection reset, new ones refused) and restored on the
 * same port: a database outage as the backend sees it, without stopping the server other tests use.
 */
class CuttableProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open() {
    this.server = net.createServer(client => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>(resolve =>
      this.server!.listen(this.port, '127.0.0.1', resolve),
    );
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async cut() {
    const closed = new Promise<void>(resolve =>
      this.server!.close(() => resolve()),
    );
    for (const s of this.sockets) s.resetAndDestroy();
    await closed;
  }
}

function parsePgUrl(url: string): Knex.PgConnectionConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ''),
  };
}

describe('isDatabaseUnavailable', () => {
  it('tells a connection failure from a query error', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
          code: 'ECONNREFUSED',
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Connection terminated unexpectedly')),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        new AggregateError([
          Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
        ]),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('duplicate key value'), { code: '23505' }),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(new Error('syntax error at or near'))).toBe(
      false,
    );
  });
});

const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id === 'POSTGRES_15');

(postgres.length > 0 ? describe : describe.skip)(
  'a PostgreSQL outage under load (set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)',
  () => {
    let direct: Knex;
    let proxied: Knex;
    let proxy: CuttableProxy;
    let baseUrl: string;

    beforeAll(async () => {
      direct = await databases.init('POSTGRES_15');
      // The server of the connection string, and the fresh database TestDatabases made on it.
      const connection: Knex.PgConnectionConfig = {
        ...parsePgUrl(
          process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING!,
        ),
        database: (
          (direct.client.config as Knex.Config)
            .connection as Knex.PgConnectionConfig
        ).database,
      };
      proxy = new CuttableProxy({
        host: connection.host ?? 'localhost',
        port: Number(connection.port ?? 5432),
      });
      await proxy.open();
      proxied = knexFactory({
        client: 'pg',
        connection: { ...connection, host: '127.0.0.1', port: proxy.port },
        pool: { min: 0, max: 8 },
        // The driver reports every refused connection during the outage; the test counts answers instead.
        log: { warn() {}, error() {}, debug() {}, deprecate() {} },
      });
      const { server } = await startReadinessBackend({
        tracks: ['service-baseline'],
        features: [mockServices.database.factory({ knex: proxied })],
      });
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await proxied?.destroy();
    });

    it('answers 503 with Retry-After in words while it is down, recovers within 5 s of its return, and loses no acknowledged write', async () => {
      const header = mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('external:ci'),
        targetPluginId: 'readiness',
      });
      type Outcome = {
        id: string;
        status: number;
        at: number;
        body: any;
        retryAfter: string | null;
      };
      const outcomes: Outcome[] = [];
      let running = true;
      let n = 0;
      const worker = async () => {
        while (running) {
          const id = `outage-${n++}`;
          let outcome: Outcome;
          try {
            const res = await fetch(`${baseUrl}/api/readiness/evidence`, {
              method: 'POST',
              headers: {
                Authorization: header,
                'Content-Type': 'application/json',
              },
              body: JSON.stringify({
                entityRef: 'component:default/rag-api',
                type: 'evidence.tests.api',
                value: { status: 'passed', run: id },
                externalId: id,
              }),
            });
            outcome = {
              id,
              status: res.status,
              at: Date.now(),
              body: await res.json().catch(() => undefined),
              retryAfter: res.headers.get('retry-after'),
            };
          } catch {
            outcome = {
              id,
              status: 0,
              at: Date.now(),
              body: undefined,
              retryAfter: null,
            };
          }
          outcomes.push(outcome);
        }
      };
      const workers = Array.from({ length: 4 }, worker);
      const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

      await sleep(1500);
      const cutAt = Date.now();
      await proxy.cut();
      await sleep(2000);
      await proxy.open();
      const backAt = Date.now();
      await sleep(6000);
      running = false;
      await Promise.all(workers);

      const acknowledged = outcomes.filter(
        o => o.status === 200 || o.status === 201,
      );
      const during = outcomes.filter(o => o.at > cutAt + 200 && o.at < backAt);
      const firstBack = outcomes.find(o => o.at > backAt && o.status === 201);
      // Load before, during and after.
      expect(acknowledged.filter(o => o.at < cutAt).length).toBeGreaterThan(10);
      expect(during.length).toBeGreaterThan(0);
      // While down: 503, Retry-After, words — never a 500 or the driver's error.
      for (const o of during) {
        expect([o.status, o.retryAfter]).toEqual([503, '5']);
        expect(o.body.error.message).toMatch(
          /^The readiness database cannot be reached right now\. Try again in 5 seconds/,
        );
        expect(JSON.stringify(o.body)).not.toMatch(/ECONNREFUSED|terminated/);
      }
      expect(outcomes.filter(o => o.status >= 500 && o.status !== 503)).toEqual(
        [],
      );
      // Back within 5 s, and serving from then on without a restart.
      expect(firstBack).toBeDefined();
      expect(firstBack!.at - backAt).toBeLessThan(5000);
      const lastSecond = outcomes.filter(o => o.at > backAt + 5000);
      expect(lastSecond.length).toBeGreaterThan(0);
      expect(lastSecond.every(o => o.status === 201)).toBe(true);
      // Every acknowledged write is there; nothing else came from this load.
      const stored = new Set(
        (
          await direct('readiness_evidence')
            .where('external_id', 'like', 'outage-%')
            .select('external_id')
        ).map(r => r.external_id),
      );
      const missing = acknowledged.filter(o => !stored.has(o.id));
      expect(missing).toEqual([]);
      const attempted = new Set(outcomes.map(o => o.id));
      expect([...stored].every(id => attempted.has(id))).toBe(true);
      // eslint-disable-next-line no-console
      console.log(
        `outage: ${acknowledged.length} writes acknowledged and stored (${
          stored.size
        } rows), ${during.length} answered 503 while down, first success ${
          firstBack!.at - backAt
        } ms after the database returned`,
      );
    });
  },
);
