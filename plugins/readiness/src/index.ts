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
  EntitySystemReadinessCard,
  EntitySystemReadinessContent,
  EntityDeploymentsCard,
  EntityDeploymentsContent,
  EntityRunbooksContent,
  EntityOnCallCard,
  ReadinessPage,
  EnvironmentNameFieldExtension,
  EnvironmentTierFieldExtension,
} from './plugin';
export type { ReadinessPollingProps } from './plugin';
export { readinessApiRef } from './api';
export type { ReadinessApi } from './api';
export { rootRouteRef as readinessRouteRef } from './routes';
export { createReadinessColumn } from './components/Catalog/EntityReadinessColumn';
export {
  EntityReadinessFilter,
  EntityReadinessPicker,
} from './components/Catalog/EntityReadinessPicker';
export type { ReadinessEntityFilters } from './components/Catalog/EntityReadinessPicker';
export type { EntityReadinessSummary } from './components/Catalog/readinessIndex';
export {
  isReadinessAvailable,
  isSystemEntity,
  isDeployable,
  hasRunbooks,
  hasOnCall,
} from './conditions';
