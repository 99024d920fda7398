/**
 * Extension points and types for modules of the Readiness backend.
 *
 * @packageDocumentation
 */
export * from './factSources';
export * from './onCallProviders';
export * from './serviceClient';
