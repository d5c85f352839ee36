import 'fake-indexeddb/auto';
import { KpoDatabase } from './database';

let counter = 0;

/** A fresh database with this installation's profile, as every repository that audits needs. */
export async function openTestDatabase(prefix: string): Promise<KpoDatabase> {
  counter += 1;
  const db = new KpoDatabase(`${prefix}-${counter}`);
  await db.profile.add({
    id: 'me',
    displayName: 'Ana',
    organisation: 'Acme',
    email: 'ana@acme.example',
    roles: ['analyst'],
    keyId: 'ABCDEF0123456789',
    createdAt: '2026-11-25T00:00:00.000Z',
  });
  return db;
}

export async function closeTestDatabase(db: KpoDatabase): Promise<void> {
  db.close();
  await db.delete();
}
