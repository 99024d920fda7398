/**
 * Types and permissions shared by the Readiness plugins.
 *
 * @packageDocumentation
 */
export * from './tracks';
export * from './results';
export * from './permissions';
