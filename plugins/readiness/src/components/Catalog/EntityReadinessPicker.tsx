import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Box,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Typography,
} from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import {
  DefaultEntityFilters,
  EntityFilter,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  EntityReadinessStatus,
} from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { EntityReadinessSummary, loadReadinessIndex } from './readinessIndex';

const CHOICES: Array<[EntityReadinessStatus, string]> = [
  ['ready', 'Ready'],
  ['not-ready', 'Not ready'],
  ['not-measured', 'Not measured'],
];

/**
 * Keeps the entities whose readiness is one of the chosen ones (entities no track applies to are left out). A
 * catalog list filter (`filterEntity`, applied in the browser).
 *
 * @public
 */
export class EntityReadinessFilter implements EntityFilter {
  constructor(
    readonly values: EntityReadinessStatus[],
    private readonly index: Map<string, EntityReadinessSummary>,
  ) {}

  filterEntity(entity: Entity): boolean {
    const summary = this.index.get(entityRefKey(entity));
    return Boolean(summary && this.values.includes(summary.status));
  }

  toQueryValue(): string[] {
    return this.values;
  }
}

/** The catalog's filters with the readiness filter beside them. @public */
export type ReadinessEntityFilters = DefaultEntityFilters & {
  readiness?: EntityReadinessFilter;
};

/**
 * A filter for the catalog index page's sidebar: ready, not ready, not measured. Put it in `CatalogIndexPage`'s
 * `filters`, after the default ones; the choice is kept in the URL (`?filters[readiness]=not-ready`).
 *
 * @public
 */
export function EntityReadinessPicker() {
  const api = useApi(readinessApiRef);
  const { updateFilters, queryParameters } =
    useEntityList<ReadinessEntityFilters>();
  const fromQuery = [queryParameters.readiness ?? []]
    .flat()
    .filter((v): v is EntityReadinessStatus => CHOICES.some(([c]) => c === v));
  const [selected, setSelected] = useState<EntityReadinessStatus[]>(fromQuery);
  const { value: index } = useAsync(() => loadReadinessIndex(api), [api]);

  useEffect(() => {
    if (!index) return;
    updateFilters({
      readiness:
        selected.length > 0
          ? new EntityReadinessFilter(selected, index)
          : undefined,
    });
  }, [index, selected, updateFilters]);

  return (
    <Box pb={1} pt={1}>
      <Typography variant="button" component="label">
        Readiness
      </Typography>
      <FormGroup>
        {CHOICES.map(([value, label]) => (
          <FormControlLabel
            key={value}
            control={
              <Checkbox
                size="small"
                checked={selected.includes(value)}
                onChange={(_, checked) =>
                  setSelected(current =>
                    checked
                      ? [...current, value]
                      : current.filter(v => v !== value),
                  )
                }
                name={`readiness-${value}`}
              />
            }
            label={label}
          />
        ))}
      </FormGroup>
    </Box>
  );
}
