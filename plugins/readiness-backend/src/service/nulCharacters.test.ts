import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { startReadinessBackend } from '../__testUtils__/startReadinessBackend';
import { findNulCharacter } from './nulCharacters';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

describe('findNulCharacter', () => {
  it('names the field holding U+0000, keys included, anywhere in the value', () => {
    expect(findNulCharacter({ a: 'fine', b: ['x', 'y\u0000'] })).toBe('b[1]');
    expect(findNulCharacter({ value: { ['st\u0000atus']: 1 } })).toBe(
      'value.st\\u0000atus',
    );
    expect(findNulCharacter({ system: 'a\u0000b' })).toBe('system');
    expect(
      findNulCharacter({ a: 'tab\tnew\nline\u0001bell\u0007' }),
    ).toBeUndefined();
    expect(findNulCharacter('\u0000')).toBe('(value)');
  });
});

describe.each(databases.eachSupportedId())(
  'the NUL character on %s: the same 400 naming the field, nothing stored',
  databaseId => {
    let server: any;
    let knex: any;
    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server } = await startReadinessBackend({
        tracks: ['service-baseline'],
        features: [mockServices.database.factory({ knex })],
      }));
    });

    const ci = () =>
      mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('external:ci'),
        targetPluginId: 'readiness',
      });
    const evidence = {
      entityRef: 'component:default/rag-api',
      type: 'evidence.tests.api',
      value: { status: 'passed' },
    };

    it('in a query parameter', async () => {
      const res = await request(server)
        .get('/api/readiness/environments?system=a%00b')
        .set('Authorization', ci());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'system: must not contain the NUL character (U+0000)',
      );
    });

    it.each([
      [{ ...evidence, value: { status: 'pa\u0000ssed' } }, 'value.status'],
      [{ ...evidence, value: 'x\u0000' }, 'value'],
      [{ ...evidence, externalId: 'run\u00001' }, 'externalId'],
      [{ ...evidence, value: { ['k\u0000']: 1 } }, 'value.k\\u0000'],
    ])('in an evidence body (%#)', async (body, field) => {
      const res = await request(server)
        .post('/api/readiness/evidence')
        .set('Authorization', ci())
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        `${field}: must not contain the NUL character (U+0000)`,
      );
      const [{ n }] = await knex('readiness_evidence').count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('in a path segment', async () => {
      const res = await request(server)
        .get('/api/readiness/scorecards/component/default/rag%00api')
        .set('Authorization', ci());
      expect(res.status).toBe(400);
    });

    it('other control characters are stored and read back as sent', async () => {
      const res = await request(server)
        .post('/api/readiness/evidence')
        .set('Authorization', ci())
        .send({
          ...evidence,
          value: { status: 'passed', log: 'tab\tnew\nline\u0001\u001f' },
          externalId: 'run\u0007bell',
        });
      expect(res.status).toBe(201);
      expect(res.body.value.log).toBe('tab\tnew\nline\u0001\u001f');
      expect(res.body.externalId).toBe('run\u0007bell');
    });
  },
);
