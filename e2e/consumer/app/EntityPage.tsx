// The consumer app's entity page, with the lines of the plugin README's "Install (legacy frontend system)" — it is
// type-checked against the installed package (tsc --noEmit), nothing more.
import { Grid } from '@material-ui/core';
import { EntitySwitch } from '@backstage/plugin-catalog';
import {
  EntityDeploymentsCard,
  EntityOnCallCard,
  EntityReadinessCard,
  hasOnCall,
  isDeployable,
  isReadinessAvailable,
} from '@readiness-io/plugin-readiness';
import readinessPlugin from '@readiness-io/plugin-readiness/alpha';

export const overviewContent = (
  <Grid container spacing={3}>
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
  </Grid>
);

export const newFrontendSystemFeatures = [readinessPlugin];
