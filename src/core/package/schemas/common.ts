import { z } from 'zod';

/** A minisign key id as minisign prints it, so users can compare it by eye with `minisign -V`. */
export const keyIdSchema = z.string().regex(/^[0-9A-F]{16}$/, 'expected a 16-digit upper-case hex key id');

export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const isoDateSchema = z.iso.date();

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
export const sha512HexSchema = z.string().regex(/^[0-9a-f]{128}$/, 'expected 128 lower-case hex digits');

export const personSchema = z.object({
  name: z.string().min(1),
  email: z.email().optional(),
  keyId: keyIdSchema,
});
export type Person = z.infer<typeof personSchema>;

/** Paths inside data/, written the way manifests write them: relative, `/`-separated, no `..`. */
export const payloadPathSchema = z
  .string()
  .min(1)
  .refine(
    (path) =>
      !path.startsWith('/') && !path.includes('\\') && !path.split('/').some((s) => s === '..' || s === ''),
    'expected a relative path with no "..", "//" or backslash',
  );
