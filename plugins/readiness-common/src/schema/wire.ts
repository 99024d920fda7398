import type { components, operations } from './openapi.generated';

/** The spec's component schemas. @public */
export type Schemas = components['schemas'];

/** The JSON body of a request or response object of the spec. @public */
export type JsonContent<T> = T extends {
  content: { 'application/json': infer B };
}
  ? B
  : never;

/** The JSON body an operation answers with a status. @public */
export type ResponseOf<
  Op extends keyof operations,
  Status extends keyof operations[Op]['responses'],
> = JsonContent<operations[Op]['responses'][Status]>;

/** The JSON body an operation takes. @public */
export type RequestOf<Op extends keyof operations> = JsonContent<
  NonNullable<operations[Op]['requestBody']>
>;
