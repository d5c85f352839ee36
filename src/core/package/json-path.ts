import type { z } from 'zod';
import type { PackageFinding } from './types';

/** `$.people.analyst.keyId`, `$.questions[2].text`: the place a user has to look in the file. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

export function schemaFindings(
  file: string,
  error: z.core.$ZodError,
  prefix: readonly PropertyKey[] = [],
  where = '',
): PackageFinding[] {
  return error.issues.map((issue) => ({
    severity: 'error',
    file,
    rule: 'KPO §5 payload schema',
    code: 'schema-violation',
    message: `${where}${formatJsonPath([...prefix, ...issue.path])}: ${issue.message}`,
  }));
}
