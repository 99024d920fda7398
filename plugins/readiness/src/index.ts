/**
 * The Readiness frontend plugin: can this ship to production, and if not, what exactly blocks it — with
 * deployments, runbooks and on-call beside the answer.
 *
 * @packageDocumentation
 */
export {
  readinessPlugin,
  EntityReadinessCard,
  EntityReadinessContent,
  EntitySystemReadinessContent,
  EntityDeploymentsCard,
  EntityDeploymentsContent,
  EntityRunbooksContent,
  EntityOnCallCard,
  ReadinessPage,
  EnvironmentNameFieldExtension,
} from './plugin';
export type { ReadinessPollingProps } from './plugin';
export { readinessApiRef } from './api';
export type { ReadinessApi } from './api';
export { rootRouteRef as readinessRouteRef } from './routes';
export {
  isReadinessAvailable,
  isSystemEntity,
  isDeployable,
  hasRunbooks,
  hasOnCall,
} from './conditions';
