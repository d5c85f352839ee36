import type { DeliverableContent } from '../../src/core/deliverable';
import { assembleDeliverable } from '../../src/core/deliverable';
import { sampleContent } from '../../src/core/deliverable/fixtures.test-support';
import type { TestKey } from '../../src/core/package/fixtures.test-support';

/**
 * A sample package payload (keyed relative to data/) with its deliverable replaced by one that core's
 * assembleDeliverable writes, the layout the submission feature produces and every reader expects.
 */
export function withAssembledDeliverable(
  payload: ReadonlyMap<string, Uint8Array>,
  keys: { coordinator: TestKey; analyst: TestKey; reviewer: TestKey },
  overrides: Partial<DeliverableContent> = {},
): Map<string, Uint8Array> {
  const files = new Map([...payload].filter(([path]) => !path.startsWith('deliverable/')));
  for (const [path, bytes] of assembleDeliverable({ ...sampleContent(keys), ...overrides }))
    files.set(path, bytes);
  return files;
}
