import { encodePublicKeyBase64, formatKeyId, parsePublicKey } from '@core/minisign';
import type { TrustedKey } from '@core/package';
import { z } from 'zod';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { TrustedKeyRecord } from './records';
import { ROLES } from './records';

export const trustedKeyInputSchema = z.object({
  publicKeyText: z.string().trim().min(1, 'Paste a minisign public key or open a .pub file.'),
  name: z.string().trim().min(1, 'Enter whose key this is.').max(100, 'Keep the name under 100 characters.'),
  role: z.enum([...ROLES, 'other']),
});

export type TrustedKeyInput = z.input<typeof trustedKeyInputSchema>;

export function createTrustedKeysRepository(db: KpoDatabase) {
  return {
    list: async (): Promise<TrustedKeyRecord[]> => db.trustedKeys.orderBy('name').toArray(),

    /** The trust list in the form package verification takes. */
    verificationKeys: async (): Promise<TrustedKey[]> =>
      (await db.trustedKeys.toArray()).map((key) => ({
        keyId: key.keyId,
        publicKey: encodePublicKeyBase64({ keyId: key.keyIdBytes, publicKey: key.publicKey }),
        name: key.name,
      })),

    /**
     * The trust list and this installation's own key: what a package signed here is checked against
     * when it is opened again (the signer does not list their own key, yet trusts it).
     */
    verificationKeysWithOwn: async (): Promise<TrustedKey[]> =>
      db.transaction('r', [db.trustedKeys, db.profile, db.signingKeys], async () => {
        const trusted = (await db.trustedKeys.toArray()).map((key) => ({
          keyId: key.keyId,
          publicKey: encodePublicKeyBase64({ keyId: key.keyIdBytes, publicKey: key.publicKey }),
          name: key.name,
        }));
        const profile = await db.profile.get('me');
        const own = profile ? await db.signingKeys.get(profile.keyId) : undefined;
        if (!profile || !own || trusted.some((key) => key.keyId === own.keyId)) return trusted;
        return [
          ...trusted,
          {
            keyId: own.keyId,
            publicKey: encodePublicKeyBase64({ keyId: own.keyIdBytes, publicKey: own.publicKey }),
            name: `${profile.displayName} (you)`,
          },
        ];
      }),

    get: async (keyId: string): Promise<TrustedKeyRecord | undefined> => db.trustedKeys.get(keyId),

    add: async (input: TrustedKeyInput): Promise<TrustedKeyRecord> => {
      const parsed = trustedKeyInputSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UserInputError(issue?.message ?? 'The key is incomplete.', issue?.path.join('.'));
      }
      const key = parsePublicKey(parsed.data.publicKeyText);
      if (!key.ok) throw new UserInputError(`Not a minisign public key: ${key.error}`, 'publicKeyText');
      const record: TrustedKeyRecord = {
        keyId: formatKeyId(key.key.keyId),
        keyIdBytes: key.key.keyId,
        publicKey: key.key.publicKey,
        name: parsed.data.name,
        role: parsed.data.role,
        addedAt: new Date().toISOString(),
      };
      await db.transaction('rw', db.trustedKeys, async () => {
        const existing = await db.trustedKeys.get(record.keyId);
        if (existing) {
          throw new UserInputError(
            `Key ${record.keyId} is already trusted as ${existing.name}.`,
            'publicKeyText',
          );
        }
        await db.trustedKeys.add(record);
      });
      return record;
    },

    remove: async (keyId: string): Promise<void> => {
      await db.trustedKeys.delete(keyId);
    },
  };
}

export type TrustedKeysRepository = ReturnType<typeof createTrustedKeysRepository>;
