/**
 * Types, permissions and the typed API client shared by the Readiness plugins.
 *
 * @packageDocumentation
 */
export * from './tracks';
export * from './results';
export * from './permissions';
export * from './client';
export { readinessOperations } from './schema/operations.generated';
export * from './operations';
export * from './refs';
export * from './environments';
