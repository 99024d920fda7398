import {
  ApiRef,
  BackstageIdentityApi,
  configApiRef,
  createApiFactory,
  createApiRef,
  discoveryApiRef,
  oauthRequestApiRef,
  OpenIdConnectApi,
  ProfileInfoApi,
  SessionApi,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import { OAuth2 } from '@backstage/core-app-api';
import { SignInPage } from '@backstage/core-components';

/** The organisation's OpenID Connect provider (the backend's auth.providers.oidc). */
export const oidcAuthApiRef: ApiRef<
  OpenIdConnectApi & ProfileInfoApi & BackstageIdentityApi & SessionApi
> = createApiRef({ id: 'readiness.auth.oidc' });

export const oidcAuthApiFactory = createApiFactory({
  api: oidcAuthApiRef,
  deps: {
    discoveryApi: discoveryApiRef,
    oauthRequestApi: oauthRequestApiRef,
    configApi: configApiRef,
  },
  factory: ({ discoveryApi, oauthRequestApi, configApi }) =>
    OAuth2.create({
      configApi,
      discoveryApi,
      oauthRequestApi,
      provider: {
        id: 'oidc',
        title:
          configApi.getOptionalString('app.signIn.oidcTitle') ??
          'Single sign-on',
        icon: () => null,
      },
      environment: configApi.getOptionalString('auth.environment'),
      defaultScopes: ['openid', 'profile', 'email'],
    }),
});

/**
 * The sign-in page with the ways to sign in that `app.signIn.providers` names: guest locally, the organisation's
 * OIDC provider in production (app-config.production.yaml).
 */
export function ConfiguredSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const names = config.getOptionalStringArray('app.signIn.providers') ?? [
    'guest',
  ];
  const title =
    config.getOptionalString('app.signIn.oidcTitle') ?? 'Single sign-on';
  const providers = names.map(name =>
    name === 'oidc'
      ? {
          id: 'oidc-auth-provider',
          title,
          message: `Sign in with ${title}`,
          apiRef: oidcAuthApiRef,
        }
      : ('guest' as const),
  );
  return <SignInPage {...props} providers={providers} />;
}
