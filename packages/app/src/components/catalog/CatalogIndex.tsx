import {
  CatalogIndexPage,
  CatalogTable,
  CatalogTableColumnsFunc,
} from '@backstage/plugin-catalog';
import { DefaultFilters } from '@backstage/plugin-catalog-react';
import {
  createReadinessColumn,
  EntityReadinessPicker,
} from '@internal/plugin-readiness';

/** The catalog's columns with each entity's readiness at the end; names wrap between words only. */
const columns: CatalogTableColumnsFunc = context => [
  ...CatalogTable.defaultColumnsFunc(context).map(column =>
    column.title === 'Name'
      ? {
          ...column,
          cellStyle: { wordBreak: 'normal' as const, minWidth: 140 },
        }
      : column,
  ),
  createReadinessColumn(),
];

/** The catalog index page, with a readiness column and a readiness filter beside the default filters. */
export const catalogIndexPage = (
  <CatalogIndexPage
    columns={columns}
    filters={
      <>
        <DefaultFilters initialKind="component" />
        <EntityReadinessPicker />
      </>
    }
  />
);
