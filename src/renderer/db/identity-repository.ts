import { encodePublicKey, formatKeyId, generateSigningIdentity } from '@core/minisign';
import { z } from 'zod';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { ProfileRecord, SigningKeyRecord } from './records';
import { ROLES } from './records';

export const profileInputSchema = z.object({
  displayName: z.string().trim().min(1, 'Enter your name.').max(100, 'Keep the name under 100 characters.'),
  organisation: z
    .string()
    .trim()
    .min(1, 'Enter your organisation.')
    .max(200, 'Keep the organisation under 200 characters.'),
  email: z.email({ message: 'Enter an e-mail address such as ana@example.com.' }).trim(),
  roles: z.array(z.enum(ROLES)).min(1, 'Choose at least one role.'),
});

export type ProfileInput = z.input<typeof profileInputSchema>;

function parseProfileInput(input: ProfileInput): z.output<typeof profileInputSchema> {
  const parsed = profileInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserInputError(issue?.message ?? 'The profile is incomplete.', issue?.path.join('.'));
  }
  return parsed.data;
}

export function createIdentityRepository(db: KpoDatabase) {
  return {
    getProfile: async (): Promise<ProfileRecord | undefined> => db.profile.get('me'),

    getSigningKey: async (): Promise<SigningKeyRecord | undefined> => {
      const profile = await db.profile.get('me');
      return profile ? db.signingKeys.get(profile.keyId) : undefined;
    },

    /** Makes the profile and its Ed25519 key pair; the private key never leaves WebCrypto. */
    createProfile: async (input: ProfileInput): Promise<ProfileRecord> => {
      const fields = parseProfileInput(input);
      const identity = await generateSigningIdentity();
      const now = new Date().toISOString();
      const keyId = formatKeyId(identity.keyId);
      const profile: ProfileRecord = { id: 'me', ...fields, keyId, createdAt: now };
      await db.transaction('rw', db.profile, db.signingKeys, async () => {
        if (await db.profile.get('me'))
          throw new UserInputError('A profile already exists on this computer.');
        await db.signingKeys.add({
          keyId,
          keyIdBytes: identity.keyId,
          publicKey: identity.publicKey,
          privateKey: identity.privateKey,
          createdAt: now,
        });
        await db.profile.add(profile);
      });
      return profile;
    },

    updateProfile: async (input: ProfileInput): Promise<void> => {
      const fields = parseProfileInput(input);
      const updated = await db.profile.update('me', fields);
      if (updated === 0) throw new UserInputError('There is no profile to update yet.');
    },

    /** The public key as minisign writes it, for copying or saving as a .pub file. */
    publicKeyText: async (): Promise<string | undefined> => {
      const profile = await db.profile.get('me');
      const key = profile ? await db.signingKeys.get(profile.keyId) : undefined;
      return key ? encodePublicKey({ keyId: key.keyIdBytes, publicKey: key.publicKey }) : undefined;
    },
  };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
