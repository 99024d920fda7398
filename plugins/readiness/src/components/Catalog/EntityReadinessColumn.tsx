import useAsync from 'react-use/esm/useAsync';
import { Chip, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/core-plugin-api';
import type { TableColumn } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { entityRefKey } from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { statusColors } from '../common/StatusChip';
import { loadReadinessIndex } from './readinessIndex';

const useStyles = makeStyles({
  chip: { fontWeight: 600, height: 22, maxWidth: 220 },
});

/** One entity's readiness as a coloured chip: "Ready", or the next gate; nothing when no track applies. */
export function EntityReadinessChip(props: { entity: Entity }) {
  const classes = useStyles();
  const api = useApi(readinessApiRef);
  const { value, error } = useAsync(() => loadReadinessIndex(api), [api]);
  if (error)
    return (
      <Typography variant="caption" title={error.message}>
        unavailable
      </Typography>
    );
  const summary = value?.get(entityRefKey(props.entity));
  if (!summary) return null;
  const colour =
    summary.status === 'ready'
      ? statusColors.passed
      : statusColors[summary.gateStatus ?? 'unknown'] ?? statusColors.unknown;
  return (
    <Chip
      component="span"
      size="small"
      className={classes.chip}
      label={summary.label}
      title={summary.description}
      style={{ background: colour.background, color: colour.color }}
      data-testid="catalog-readiness"
    />
  );
}

/**
 * A column for the catalog index page: each entity's readiness ("Ready", or its next gate, coloured by that gate's
 * status). Add it to `CatalogIndexPage`'s `columns`.
 *
 * @public
 */
export function createReadinessColumn<
  T extends { entity: Entity },
>(): TableColumn<T> {
  return {
    title: 'Readiness (next gate)',
    field: 'entity.metadata.name',
    sorting: false,
    render: row => <EntityReadinessChip entity={row.entity} />,
  };
}
