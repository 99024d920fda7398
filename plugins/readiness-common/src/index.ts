/**
 * Types, permissions and the typed API client shared by the Readiness plugins. The wire types are derived from the
 * backend's OpenAPI spec, by capability.
 *
 * @packageDocumentation
 */
export * from './scorecards';
export * from './facts';
export * from './deployments';
export * from './runbooks';
export * from './oncall';
export * from './environments';
export * from './preview';
export * from './campaigns';
export * from './refs';
export * from './permissions';
export * from './api';
export * from './client';
export { readinessOperations } from './schema/operations.generated';
export type { components, operations, paths } from './schema/openapi.generated';
export type {
  JsonContent,
  RequestOf,
  ResponseOf,
  Schemas,
} from './schema/wire';
export * from './gateReport';
export * from './scorecardSummary';
export * from './verdict';
export * from './entityReadiness';
export * from './productionEligibility';
export { runReadinessGate } from './cli/readinessGate';
export type { ReadinessGateIo } from './cli/readinessGate';
