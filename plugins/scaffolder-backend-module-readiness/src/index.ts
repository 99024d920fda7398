/**
 * Scaffolder actions of Readiness.
 *
 * @packageDocumentation
 */
export { scaffolderModuleReadiness as default } from './module';
export { createGateCheckAction } from './actions/gateCheck';
export { createEnvironmentValidateAction } from './actions/environmentValidate';
export type { ProductionGate } from './actions/environmentValidate';
export { createEnvironmentProvisionAction } from './actions/environmentProvision';
export type { EnvironmentsDirectoryOptions } from './actions/environmentProvision';
export { createEnvironmentDecommissionAction } from './actions/environmentDecommission';
