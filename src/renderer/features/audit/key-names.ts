import { repositories } from '../../db';

/**
 * Key id → who: the people given (a task's, a package's signers), then the trust list, then this
 * installation's own profile, each later source naming a key more surely than the one before.
 */
export async function loadKeyNames(
  people: readonly ({ keyId: string; name: string } | undefined)[],
): Promise<Map<string, string>> {
  const [profile, trusted] = await Promise.all([
    repositories.identity.getProfile(),
    repositories.trustedKeys.list(),
  ]);
  const names = new Map<string, string>();
  for (const person of people) {
    if (person) names.set(person.keyId, person.name);
  }
  for (const key of trusted) names.set(key.keyId, key.name);
  if (profile) names.set(profile.keyId, `${profile.displayName} (you)`);
  return names;
}
