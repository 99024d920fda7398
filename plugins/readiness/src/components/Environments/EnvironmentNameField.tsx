import { useState } from 'react';
import { TextField } from '@material-ui/core';
import useDebounce from 'react-use/esm/useDebounce';
import { ApiHolder, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { FieldValidation } from '@rjsf/utils';
import {
  ENVIRONMENT_NAME_PATTERN,
  ENVIRONMENT_NAME_RULE,
  refDisplayName,
} from '@readiness-io/plugin-readiness-common';

// The naming rule is -common's, the same the scaffolder actions and the backend apply.
export { ENVIRONMENT_NAME_PATTERN };
const RULE = ENVIRONMENT_NAME_RULE;

function refOf(name: string) {
  return `resource:default/${name}`;
}

/**
 * The `EnvironmentName` scaffolder field: the name of a new environment, checked live as it is typed — the naming
 * rule, and whether the catalog already has an entity of that name (with its owner).
 */
export function EnvironmentNameField(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, required, rawErrors, schema, idSchema } = props;
  const catalogApi = useApi(catalogApiRef);
  const [taken, setTaken] = useState<string | undefined>();
  const value = formData ?? '';
  const invalid = value !== '' && !ENVIRONMENT_NAME_PATTERN.test(value);
  useDebounce(
    () => {
      if (!value || invalid) {
        setTaken(undefined);
        return;
      }
      catalogApi
        .getEntityByRef(refOf(value))
        .then(entity =>
          setTaken(
            entity
              ? `${value} is taken: the catalog already has it (owned by ${refDisplayName(
                  (entity.spec as { owner?: string })?.owner ?? 'nobody',
                )})`
              : undefined,
          ),
        )
        .catch(() => setTaken(undefined));
    },
    300,
    [value],
  );
  let helperText = schema.description ?? RULE;
  if (invalid) helperText = `Must be ${RULE}`;
  else if (taken) helperText = taken;
  else if (value) helperText = `${value} is free`;
  return (
    <TextField
      id={idSchema?.$id ?? 'environment-name'}
      label={schema.title ?? 'Name'}
      required={required}
      value={value}
      onChange={e => onChange(e.target.value)}
      error={invalid || Boolean(taken) || Boolean(rawErrors?.length)}
      helperText={helperText}
      margin="normal"
      fullWidth
      inputProps={{ 'data-testid': 'environment-name' }}
    />
  );
}

/** The same checks when the step is submitted, so a taken or malformed name never reaches the backend. */
export async function environmentNameValidation(
  value: string,
  validation: FieldValidation,
  context: { apiHolder: ApiHolder },
) {
  if (!ENVIRONMENT_NAME_PATTERN.test(value ?? '')) {
    validation.addError(`Must be ${RULE}`);
    return;
  }
  const catalogApi = context.apiHolder.get(catalogApiRef);
  const entity = await catalogApi?.getEntityByRef(refOf(value));
  if (entity)
    validation.addError(`${value} is taken: the catalog already has it`);
}
