import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';

/**
 * Backstage's root HTTP router, with one addition for rolling restarts: once the backend begins to shut down, every
 * response carries `Connection: close`. Node's server closes only idle connections when it stops; a client that
 * keeps its connection alive and keeps sending (a load balancer, a CI job pushing evidence) would keep the server
 * open, answered 503 "Service is shutting down", until Kubernetes kills the pod after its grace period. With it, each
 * client reconnects — to another replica — after the response it is waiting for. (The 50 s stop that
 * e2e/replicas.mjs found was the events bus's 55 s polls, see app-config.production.yaml; this closes the other
 * way a replica can be held open.)
 */
export const drainingRootHttpRouter = rootHttpRouterServiceFactory({
  configure({ app, lifecycle, applyDefaults }) {
    let draining = false;
    lifecycle.addShutdownHook(() => {
      draining = true;
    });
    app.use((_req, res, next) => {
      if (draining) res.setHeader('Connection', 'close');
      next();
    });
    applyDefaults();
  },
});
