import useAsync from 'react-use/esm/useAsync';
import {
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
} from '@material-ui/core';
import { ApiHolder, configApiRef, useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { FieldValidation } from '@rjsf/utils';
import {
  ProductionGate,
  productionEligibility,
  ReadinessApi,
} from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';

type Config = { getOptionalConfig(key: string): any };

function productionGateOf(
  config: Config | undefined,
): ProductionGate | undefined {
  const gate = config?.getOptionalConfig('readiness.scaffolder.productionGate');
  if (!gate) return undefined;
  return {
    trackId: gate.getString('trackId'),
    gateId: gate.getString('gateId'),
  };
}

/** Why production is refused for this System now, or undefined when it is allowed (or the System is not chosen). */
export async function productionRefusal(
  api: ReadinessApi,
  config: Config | undefined,
  system: unknown,
): Promise<string | undefined> {
  if (typeof system !== 'string' || !system) return undefined;
  const gate = productionGateOf(config);
  if (!gate)
    return 'Production environments are not offered here: no production gate is configured (readiness.scaffolder.productionGate).';
  const { allowed, reason } = productionEligibility(
    await api.getSystemReadiness(system),
    gate,
  );
  return allowed ? undefined : reason;
}

/**
 * The tier of a new environment, as radio buttons (the schema's `enum`). Production is checked as soon as the
 * System is chosen: when the System has not passed its production gate, the option says why, on the first step
 * instead of after the last.
 */
export function EnvironmentTierField(
  props: FieldExtensionComponentProps<string>,
) {
  const { schema, formData, onChange, formContext, rawErrors, required } =
    props;
  const api = useApi(readinessApiRef);
  const config = useApi(configApiRef);
  const system = (formContext as { formData?: { system?: unknown } })?.formData
    ?.system;
  const refusal = useAsync(
    () => productionRefusal(api, config, system),
    [api, config, system],
  );
  const tiers = (schema.enum as string[] | undefined) ?? [
    'dev',
    'staging',
    'production',
  ];
  const productionRefused = Boolean(refusal.value);
  let helper = schema.description;
  if (refusal.value) helper = refusal.value;
  return (
    <FormControl
      margin="normal"
      required={required}
      error={
        (formData === 'production' && productionRefused) ||
        Boolean(rawErrors?.length)
      }
    >
      <FormLabel>{schema.title ?? 'Tier'}</FormLabel>
      <RadioGroup
        row
        value={formData ?? ''}
        onChange={(_, value) => onChange(value)}
      >
        {tiers.map(tier => (
          <FormControlLabel
            key={tier}
            value={tier}
            control={<Radio />}
            label={tier}
            disabled={tier === 'production' && productionRefused}
          />
        ))}
      </RadioGroup>
      {helper && (
        <FormHelperText data-testid="environment-tier-help">
          {helper}
        </FormHelperText>
      )}
    </FormControl>
  );
}

/** The same rule when the step is submitted: a production tier the System may not have never reaches the server. */
export async function environmentTierValidation(
  value: string,
  validation: FieldValidation,
  context: { apiHolder: ApiHolder; formData: Record<string, unknown> },
) {
  if (value !== 'production') return;
  const api = context.apiHolder.get(readinessApiRef);
  if (!api) return;
  const refusal = await productionRefusal(
    api,
    context.apiHolder.get(configApiRef),
    context.formData.system,
  );
  if (refusal) validation.addError(refusal);
}
