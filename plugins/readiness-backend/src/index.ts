/**
 * The Readiness backend plugin.
 *
 * @packageDocumentation
 */
export { readinessPlugin as default } from './plugin';
