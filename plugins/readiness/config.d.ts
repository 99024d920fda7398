export interface Config {
  readiness?: {
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
