import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useReadiness } from '../common/hooks';
import { DeploymentMatrixTable } from './DeploymentMatrixTable';

/** What is deployed where: the environment × version matrix of the entity. */
export function EntityDeploymentsCard() {
  const { value, loading, error } = useReadiness((api, ref) =>
    api.getDeploymentMatrix(ref),
  );
  return (
    <InfoCard title="Deployments" subheader="What runs where">
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.environments.length === 0 && (
        <EmptyState
          missing="info"
          title="No environments"
          description="Environments are Resources with spec.type: environment in the entity's system; the rag-environment template creates them."
        />
      )}
      {value && value.environments.length > 0 && (
        <DeploymentMatrixTable matrix={value} compact />
      )}
    </InfoCard>
  );
}
