/** Generated TypeScript source per target file, from the JSON Schemas. */
export function generateTypes(): Promise<Record<string, string>>;
