import type { components, operations } from './openapi.generated';

/** The spec's component schemas. */
export type Schemas = components['schemas'];

type JsonContent<T> = T extends { content: { 'application/json': infer B } }
  ? B
  : never;

/** The JSON body an operation answers with a status. */
export type ResponseOf<
  Op extends keyof operations,
  Status extends keyof operations[Op]['responses'],
> = JsonContent<operations[Op]['responses'][Status]>;

/** The JSON body an operation takes. */
export type RequestOf<Op extends keyof operations> = JsonContent<
  NonNullable<operations[Op]['requestBody']>
>;
