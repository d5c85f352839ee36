import type { ColumnType } from './schemas/task';

export interface DataResourceInput {
  /** Relative to data/. */
  path: string;
  bytes: number;
  sha256: string;
  name?: string;
  columns?: readonly { name: string; type: ColumnType; description?: string }[];
}

/** Table Schema types (https://specs.frictionlessdata.io/table-schema/) for our column types. */
const FIELD_TYPES: Readonly<Record<ColumnType, string>> = {
  integer: 'integer',
  decimal: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  text: 'string',
  category: 'string',
};

/** Data Package names are lower-case alphanumerics with `-._`; derived from the path so they stay unique. */
export function resourceName(path: string): string {
  const name = path
    .toLowerCase()
    .replace(/\.csv$/, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'resource' : name;
}

/** A Frictionless Data Package describing every CSV in the payload as a tabular data resource. */
export function buildDataPackage(input: {
  packageId: string;
  title: string;
  created: string;
  resources: readonly DataResourceInput[];
}): object {
  const resources = [...input.resources]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((resource) => ({
      name: resourceName(resource.path),
      ...(resource.name ? { title: resource.name } : {}),
      profile: 'tabular-data-resource',
      path: resource.path,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: resource.bytes,
      hash: `sha256:${resource.sha256}`,
      ...(resource.columns
        ? {
            schema: {
              fields: resource.columns.map((column) => ({
                name: column.name,
                type: FIELD_TYPES[column.type],
                ...(column.description ? { description: column.description } : {}),
              })),
            },
          }
        : {}),
    }));
  return {
    // Data Package v1 profile names: what the hash `sha256:` prefix form belongs to, and v2 still reads them.
    profile: 'tabular-data-package',
    name: `kpo-${input.packageId}`,
    id: `urn:uuid:${input.packageId}`,
    title: input.title,
    created: input.created,
    resources,
  };
}
