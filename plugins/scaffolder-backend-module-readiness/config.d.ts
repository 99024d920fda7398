export interface Config {
  readiness?: {
    /** Environments provisioned by the rag-environment template. */
    environments?: {
      /** Publish environments to `directory` (the local setup, no git host); off in production. */
      localPublishing?: boolean;
      /**
       * Local publishing (no git host): the directory, relative to the repository root, the template publishes
       * environment definitions to. The catalog must read `<directory>/*\/catalog-info.yaml` (a `file` location).
       * Without it, readiness:environment:provision is not installed; production templates publish a pull request.
       */
      directory?: string;
    };
    /** The scaffolder actions. */
    scaffolder?: {
      /** The gate every component of a system must have passed before it gets a production environment. */
      productionGate?: {
        trackId: string;
        gateId: string;
      };
    };
  };
}
