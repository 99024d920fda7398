import { Grid } from '@material-ui/core';
import {
  EntityConsumedApisCard,
  EntityProvidedApisCard,
} from '@backstage/plugin-api-docs';
import {
  EntityAboutCard,
  EntityDependsOnComponentsCard,
  EntityDependsOnResourcesCard,
  EntityHasSubcomponentsCard,
  EntityLayout,
  EntityLinksCard,
  EntitySwitch,
  EntityDependencyOfComponentsCard,
} from '@backstage/plugin-catalog';
import { EntityCatalogGraphCard } from '@backstage/plugin-catalog-graph';
import { EntityTechInsightsScorecardContent } from '../scorecard';
import {
  EntityDeploymentsCard,
  EntityDeploymentsContent,
  EntityOnCallCard,
  EntityReadinessCard,
  EntityReadinessContent,
  EntityRunbooksContent,
  hasOnCall,
  isDeployable,
  isReadinessAvailable,
} from '@readiness-io/plugin-readiness';
import { entityWarningContent } from './entityWarnings';

// The readiness verdict first, with what is deployed where and who is on call beside it.
const componentOverviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    {entityWarningContent}
    <EntitySwitch>
      <EntitySwitch.Case if={isReadinessAvailable}>
        <Grid item md={6} xs={12}>
          <EntityReadinessCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
    <EntitySwitch>
      <EntitySwitch.Case if={hasOnCall}>
        <Grid item md={6} xs={12}>
          <EntityOnCallCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
    <EntitySwitch>
      <EntitySwitch.Case if={isDeployable}>
        <Grid item md={6} xs={12}>
          <EntityDeploymentsCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
    <Grid item md={6} xs={12}>
      <EntityAboutCard />
    </Grid>
    <Grid item md={6} xs={12}>
      <EntityCatalogGraphCard height={400} />
    </Grid>
    <Grid item md={4} xs={12}>
      <EntityLinksCard />
    </Grid>
    <Grid item md={8} xs={12}>
      <EntityHasSubcomponentsCard />
    </Grid>
  </Grid>
);

export const scorecardContent = <EntityTechInsightsScorecardContent />;

/** Components: the readiness verdict first, with deployments, runbooks and on-call. */
export const componentPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {componentOverviewContent}
    </EntityLayout.Route>

    <EntityLayout.Route path="/api" title="API">
      <Grid container spacing={3} alignItems="stretch">
        <Grid item md={6} xs={12}>
          <EntityProvidedApisCard />
        </Grid>
        <Grid item md={6} xs={12}>
          <EntityConsumedApisCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>

    <EntityLayout.Route path="/dependencies" title="Dependencies">
      <Grid container spacing={3} alignItems="stretch">
        <Grid item md={6} xs={12}>
          <EntityDependsOnComponentsCard />
        </Grid>
        <Grid item md={6} xs={12}>
          <EntityDependsOnResourcesCard />
        </Grid>
        <Grid item md={6} xs={12}>
          <EntityDependencyOfComponentsCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>

    <EntityLayout.Route path="/readiness" title="Readiness">
      <EntityReadinessContent />
    </EntityLayout.Route>

    <EntityLayout.Route path="/deployments" title="Deployments">
      <EntityDeploymentsContent />
    </EntityLayout.Route>

    <EntityLayout.Route path="/runbooks" title="Runbooks">
      <EntityRunbooksContent />
    </EntityLayout.Route>

    <EntityLayout.Route path="/scorecard" title="Scorecard">
      {scorecardContent}
    </EntityLayout.Route>
  </EntityLayout>
);
