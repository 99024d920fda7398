import { Box, Typography } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  CAMPAIGN_STATE_WORDS,
  formatDate,
} from '@readiness-io/plugin-readiness-common';
import { rootRouteRef } from '../../routes';
import { useReadiness } from '../common/hooks';
import { StatusChip } from '../common/StatusChip';

/**
 * The Readiness page's route, when the app mounts it; an app that shows the card without the page (legacy apps bind
 * routes explicitly) gets no link instead of an error that would take the whole card down.
 */
function useOptionalRouteRef() {
  try {
    return useRouteRef(rootRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * The campaigns the current entity is part of, each with where it stands and by when — one line each, linking to
 * the campaign. Nothing when it is in none.
 */
export function EntityCampaigns(props: { pollIntervalMs?: number }) {
  const readinessPage = useOptionalRouteRef();
  const { value } = useReadiness(
    (api, ref) => api.getEntityCampaigns(ref),
    [],
    { pollMs: props.pollIntervalMs ?? 30_000 },
  );
  if (!value || value.items.length === 0) return null;
  return (
    <Box mt={3} data-testid="readiness-campaigns">
      <Typography variant="subtitle1">
        <b>Campaigns</b>
      </Typography>
      {value.items.map(item => (
        <Box key={item.campaign.id} mt={1}>
          <Typography variant="body2">
            {readinessPage ? (
              <Link to={`${readinessPage()}/campaigns/${item.campaign.id}`}>
                {item.campaign.title}
              </Link>
            ) : (
              <b>{item.campaign.title}</b>
            )}{' '}
            <StatusChip
              status={item.state}
              label={CAMPAIGN_STATE_WORDS[item.state]}
            />{' '}
            due {formatDate(`${item.campaign.targetDate}T12:00:00Z`)}
          </Typography>
          {item.needs[0] && (
            <Typography variant="body2" color="textSecondary">
              Needs: {item.needs[0]}
              {item.needs.length > 1 && ` (and ${item.needs.length - 1} more)`}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}
