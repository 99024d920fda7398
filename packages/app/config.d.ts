export interface Config {
  app?: {
    signIn?: {
      /**
       * The ways to sign in offered on the sign-in page, in order: `guest` (local use; the backend refuses guest
       * sessions outside development) and `oidc` (the organisation's OpenID Connect provider, configured under
       * auth.providers.oidc). Default: guest.
       * @visibility frontend
       */
      providers?: Array<'guest' | 'oidc'>;
      /**
       * The title of the OIDC sign-in choice. Default: "Single sign-on".
       * @visibility frontend
       */
      oidcTitle?: string;
    };
  };
}
