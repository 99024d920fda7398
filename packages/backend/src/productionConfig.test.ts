import path from 'node:path';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import { repoRoot } from './catalog/exampleCatalog';

const env: Record<string, string> = {
  APP_BASE_URL: 'https://portal.example.com',
  POSTGRES_HOST: 'db.internal',
  POSTGRES_PORT: '5433',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 's3cret',
  READINESS_CI_TOKEN: 'ci-token-from-the-environment',
  AUTH_SESSION_SECRET: 'session-secret-shared-by-replicas',
  OIDC_METADATA_URL: 'https://sso.example.com/.well-known/openid-configuration',
  OIDC_CLIENT_ID: 'readiness-portal',
  OIDC_CLIENT_SECRET: 'oidc-secret',
};

/** Loads app-config.yaml + app-config.production.yaml the way the backend does with two --config flags. */
async function loadProductionConfig(vars: Record<string, string | undefined>) {
  const source = ConfigSources.merge(
    ['app-config.yaml', 'app-config.production.yaml'].map(file =>
      FileConfigSource.create({
        path: path.join(repoRoot, file),
        watch: false,
        substitutionFunc: async name => vars[name],
      }),
    ),
  );
  const config = await ConfigSources.toConfig(source);
  config.close();
  return config;
}

describe('app-config.production.yaml over app-config.yaml', () => {
  it('uses PostgreSQL from the POSTGRES_* variables', async () => {
    const config = await loadProductionConfig(env);
    expect(config.getString('backend.database.client')).toBe('pg');
    expect(config.get('backend.database.connection')).toEqual({
      host: 'db.internal',
      port: '5433',
      user: 'backstage',
      password: 's3cret',
      // Merged from app-config.yaml's SQLite connection; the pg client ignores it.
      directory: '../../.data/sqlite',
    });
  });

  it('serves app and backend on APP_BASE_URL', async () => {
    const config = await loadProductionConfig(env);
    expect(config.getString('app.baseUrl')).toBe('https://portal.example.com');
    expect(config.getString('backend.baseUrl')).toBe(
      'https://portal.example.com',
    );
    expect(config.getString('backend.cors.origin')).toBe(
      'https://portal.example.com',
    );
  });

  it('turns guest sign-in off', async () => {
    const config = await loadProductionConfig(env);
    expect(config.getString('auth.environment')).toBe('production');
    expect(
      config.getBoolean(
        'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
      ),
    ).toBe(false);
  });

  it('takes the CI token from READINESS_CI_TOKEN and never seeds demo evidence', async () => {
    const config = await loadProductionConfig(env);
    expect(
      config
        .getConfigArray('backend.auth.externalAccess')[0]
        .getString('options.token'),
    ).toBe('ci-token-from-the-environment');
    // Only what CI needs: the readiness API and the catalog it reads on the token's behalf.
    expect(
      config
        .getConfigArray('backend.auth.externalAccess')[0]
        .getConfigArray('accessRestrictions')
        .map(r => r.getString('plugin')),
    ).toEqual(['readiness', 'catalog']);
    // The local assistant token (with its well-known fallback) is not among production's: the list is replaced.
    expect(config.getConfigArray('backend.auth.externalAccess')).toHaveLength(
      1,
    );
    expect(config.getStringArray('backend.actions.pluginSources')).toEqual([
      'readiness',
    ]);
    expect(config.getBoolean('readiness.demo.seed')).toBe(false);
  });

  it('signs people in with OIDC only, resolving them to catalog Users by email, the secrets from the environment', async () => {
    const config = await loadProductionConfig(env);
    expect(config.getStringArray('app.signIn.providers')).toEqual(['oidc']);
    expect(config.getString('app.signIn.oidcTitle')).toBe('Single sign-on');
    expect(config.get('auth.providers.oidc.production')).toEqual({
      metadataUrl: env.OIDC_METADATA_URL,
      clientId: 'readiness-portal',
      clientSecret: 'oidc-secret',
      prompt: 'auto',
      signIn: {
        resolvers: [{ resolver: 'emailMatchingUserEntityProfileEmail' }],
      },
    });
    expect(config.getStringArray('backend.csp.connect-src')).toEqual([
      "'self'",
    ]);
    expect(config.getString('auth.session.secret')).toBe(
      'session-secret-shared-by-replicas',
    );
  });

  it('leaves the database settings unset when the variables are missing', async () => {
    const config = await loadProductionConfig({});
    expect(
      config.getOptional('backend.database.connection.host'),
    ).toBeUndefined();
  });
  it('does not publish environments to a local directory', async () => {
    const config = await loadProductionConfig(env);
    expect(
      config.getOptionalBoolean('readiness.environments.localPublishing'),
    ).toBe(false);
  });
});
