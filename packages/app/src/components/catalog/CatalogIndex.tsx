import {
  CatalogIndexPage,
  CatalogTable,
  CatalogTableColumnsFunc,
  CatalogTableRow,
} from '@backstage/plugin-catalog';
import { DefaultFilters } from '@backstage/plugin-catalog-react';
import {
  createReadinessColumn,
  EntityReadinessPicker,
} from '@readiness-io/plugin-readiness';

const readinessColumn = createReadinessColumn<CatalogTableRow>();

const nameStyle = {
  wordBreak: 'normal' as const,
  overflowWrap: 'normal' as const,
  minWidth: 150,
};

/** The catalog's columns with each entity's readiness right after its name; names wrap between words only. */
const columns: CatalogTableColumnsFunc = context =>
  CatalogTable.defaultColumnsFunc(context).flatMap(column =>
    column.field === 'resolved.entityRef'
      ? [{ ...column, cellStyle: nameStyle }, readinessColumn]
      : [column],
  );

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
