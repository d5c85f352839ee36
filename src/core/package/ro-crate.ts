import type { PackageKind } from './types';

export const RO_CRATE_CONTEXT = 'https://w3id.org/ro/crate/1.2/context';
export const RO_CRATE_PROFILE = 'https://w3id.org/ro/crate/1.2';

export const PERSON_ROLES = ['coordinator', 'analyst', 'reviewer', 'client'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface PackagePerson {
  role: PersonRole;
  name: string;
  email?: string;
  /** minisign key id as printed. */
  keyId?: string;
}

export interface RoCrateFile {
  /** Relative to data/ (the crate root), e.g. `datasets/sales.csv`. */
  path: string;
  bytes: number;
}

export interface RoCrateInput {
  packageId: string;
  kind: PackageKind;
  taskId: string;
  name: string;
  description: string;
  license: string;
  datePublished: string;
  files: readonly RoCrateFile[];
  people: readonly PackagePerson[];
  /** When each role finished its part; people without one get datePublished. */
  actionTimes?: Partial<Record<PersonRole, string>>;
}

/** Keys identify people across packages better than names; mailto is the RO-Crate fallback. */
export function personId(person: PackagePerson): string {
  if (person.keyId) return `#person-${person.keyId}`;
  if (person.email) return `mailto:${person.email}`;
  return `#person-${encodeURIComponent(person.name.toLowerCase().replace(/\s+/g, '-'))}`;
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  md: 'text/markdown',
  html: 'text/html',
  png: 'image/png',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

export function mediaTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return (
    (dot >= 0 ? MEDIA_TYPES[path.slice(dot + 1).toLowerCase()] : undefined) ?? 'application/octet-stream'
  );
}

const ACTION_NAMES: Readonly<Record<PersonRole, string>> = {
  coordinator: 'Task specified and assigned',
  analyst: 'Analysis performed and submitted',
  reviewer: 'Work reviewed',
  client: 'Deliverable accepted',
};

/**
 * The RO-Crate 1.2 metadata document: who did what and when, and every payload file. The crate
 * root is data/, so ids are relative to it and the crate stays valid when data/ is copied out alone.
 */
export function buildRoCrate(input: RoCrateInput): object {
  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const people = dedupePeople(input.people);
  const fileEntities = files.map((file) => ({
    '@id': encodeURI(file.path),
    '@type': 'File',
    name: file.path.slice(file.path.lastIndexOf('/') + 1),
    encodingFormat: mediaTypeOf(file.path),
    contentSize: String(file.bytes),
  }));
  const personEntities = people.map((person) => ({
    '@id': personId(person),
    '@type': 'Person',
    name: person.name,
    ...(person.email ? { email: person.email } : {}),
    ...(person.keyId ? { identifier: `minisign:${person.keyId}` } : {}),
  }));
  const actions = input.people.map((person) => ({
    '@id': `#action-${person.role}`,
    '@type': 'CreateAction',
    name: ACTION_NAMES[person.role],
    agent: { '@id': personId(person) },
    endTime: input.actionTimes?.[person.role] ?? input.datePublished,
    result: [{ '@id': './' }],
  }));
  return {
    '@context': RO_CRATE_CONTEXT,
    '@graph': [
      {
        '@id': 'ro-crate-metadata.json',
        '@type': 'CreativeWork',
        conformsTo: { '@id': RO_CRATE_PROFILE },
        about: { '@id': './' },
      },
      {
        '@id': './',
        '@type': 'Dataset',
        identifier: `urn:uuid:${input.packageId}`,
        name: input.name,
        description: input.description,
        datePublished: input.datePublished,
        license: { '@id': input.license },
        keywords: [`kpo:${input.kind}`, `kpo-task:${input.taskId}`],
        hasPart: fileEntities.map((file) => ({ '@id': file['@id'] })),
        ...(actions.length > 0 ? { mentions: actions.map((action) => ({ '@id': action['@id'] })) } : {}),
      },
      ...fileEntities,
      ...personEntities,
      ...actions,
      { '@id': input.license, '@type': 'CreativeWork', name: input.license },
    ],
  };
}

function dedupePeople(people: readonly PackagePerson[]): PackagePerson[] {
  const byId = new Map<string, PackagePerson>();
  for (const person of people) if (!byId.has(personId(person))) byId.set(personId(person), person);
  return [...byId.values()];
}
