export interface Config {
  readiness?: {
    playground?: {
      /**
       * A scaffolder template (entity ref, e.g. template:default/propose-track-change) that turns an edited track
       * into a pull request. When set, the Track playground offers "Propose this change", which opens the template
       * with `trackId`, `file` and `content` filled in. See the plugin README.
       * @visibility frontend
       */
      proposeTemplate?: string;
    };
    scaffolder?: {
      /**
       * The gate every component of a System must have passed before it gets a production environment. Read in the
       * browser by the template's EnvironmentTier field, so production is refused on the first step, with the reason.
       */
      productionGate?: {
        /** @visibility frontend */
        trackId: string;
        /** @visibility frontend */
        gateId: string;
      };
    };
  };
}
