// The shape of a precompiled validator (ajv standalone code) and of the ajv errors it reports.

export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly schemaPath?: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** Definition → field → the definition it holds: "V1Container", "V1Container[]" (list), "V1Volume{}" (map), or null. */
export type FieldGraph = Readonly<Record<string, Readonly<Record<string, string | null>>>>;

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
  /** The fields of every object definition ('' = the root), for "did you mean" suggestions (see fields.ts). */
  readonly fields?: FieldGraph;
}
