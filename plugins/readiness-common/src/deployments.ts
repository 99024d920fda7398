import type { ResponseOf, Schemas } from './schema/wire';

/** @public */
export type DeploymentStatus = Schemas['DeploymentStatus'];

/** A deployment as CI records it (POST /deployments). @public */
export type DeploymentRequest = Schemas['DeploymentRequest'];

/** A recorded deployment. @public */
export type Deployment = Schemas['Deployment'];

/** One item's result of a batch (POST /deployments/batch): 201, 200, or the 4xx with its error. @public */
export type DeploymentBatchResult = ResponseOf<
  'CreateDeployments',
  200
>['items'][number];

/** One entity's environment × version matrix. @public */
export type DeploymentMatrix = Schemas['DeploymentMatrix'];

/** A page of an entity's deployments, newest first. @public */
export type DeploymentPage = ResponseOf<'ListDeployments', 200>;

/** A System's deployment matrix: every component over the System's environments. @public */
export type SystemDeployments = ResponseOf<'GetSystemDeployments', 200>;

/** What a rollback did, including whether a CD system was told. @public */
export type RollbackResult = ResponseOf<'RollbackDeployment', 201>;
