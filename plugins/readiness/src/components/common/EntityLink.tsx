import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

/** A link to an entity's page, labelled with its title when known. */
export function EntityLink(props: { entityRef: string; title?: string }) {
  return (
    <EntityRefLink
      entityRef={parseEntityRef(props.entityRef)}
      title={props.title}
      defaultKind="component"
    />
  );
}
