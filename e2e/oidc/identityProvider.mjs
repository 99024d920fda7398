// A real OpenID Connect identity provider for the production e2e: `oidc-provider` (an OpenID Certified
// implementation), with one confidential client (the portal) and the people of the demo org (examples/org.yaml)
// as its accounts. People sign in on its own login form with their user name and the shared test password; the
// consent page follows, then the provider redirects back to the portal's OIDC handler.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { parseAllDocuments } from 'yaml';

export const TEST_PASSWORD = 'correct horse battery staple';

/** The demo org's Users: name → { email, displayName }. */
export function demoAccounts(repoRoot) {
  const docs = parseAllDocuments(
    readFileSync(join(repoRoot, 'examples/org.yaml'), 'utf8'),
  ).map(d => d.toJS());
  return new Map(
    docs
      .filter(d => d?.kind === 'User')
      .map(d => [
        d.metadata.name,
        {
          email: d.spec.profile.email,
          displayName: d.spec.profile.displayName,
        },
      ]),
  );
}

/**
 * Starts the provider on `port`; resolves to { issuer, metadataUrl, close }. `client` is { id, secret,
 * redirectUri }.
 */
export async function startIdentityProvider({ port, repoRoot, client }) {
  const accounts = demoAccounts(repoRoot);
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    pkce: { required: () => false },
    // Like most enterprise providers, a refresh token for every code exchange of a client allowed to refresh (the
    // portal keeps people signed in across reloads with it), without asking for offline_access.
    issueRefreshToken: async (_ctx, rp) => rp.grantTypeAllowed('refresh_token'),
    cookies: { keys: ['readiness-e2e-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: account.email,
            email_verified: true,
            name: account.displayName,
          };
        },
      };
    },
  });
  // The built-in login form takes any password; only the demo org's people, with the test password, get in.
  provider.use(async (ctx, next) => {
    if (
      ctx.method === 'POST' &&
      /^\/interaction\/[^/]+\/?$/.test(ctx.path) &&
      ctx.is('application/x-www-form-urlencoded')
    ) {
      const body = new URLSearchParams(await readBody(ctx.req));
      if (body.get('prompt') === 'login') {
        const ok =
          accounts.has(body.get('login') ?? '') &&
          body.get('password') === TEST_PASSWORD;
        if (!ok) {
          ctx.status = 401;
          ctx.type = 'html';
          ctx.body =
            '<!doctype html><p>Wrong user name or password.</p><a href="javascript:history.back()">Back</a>';
          return;
        }
      }
      // Hand the body on: the library parses it again.
      ctx.req.body = Object.fromEntries(body);
    }
    await next();
  });
  const server = provider.listen(port);
  await new Promise(r => server.once('listening', r));
  return {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    close: () => new Promise(r => server.close(r)),
  };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', c => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
