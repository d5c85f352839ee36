/**
 * The one gate every IPC call passes: known channel, trusted sender, arguments that match the
 * channel's schema. Pure (handlers and trust are passed in) so each refusal is unit-tested.
 */
import type { z } from 'zod';
import type { IpcChannel } from '../shared/ipc-channels';
import { ipcContract } from '../shared/ipc-contract';
import type { IpcArgs, IpcReply, IpcResults } from '../shared/ipc-contract';

/** A handler for every channel: add a channel to the contract and this stops compiling until main handles it. */
export type IpcHandlers<Ctx> = {
  readonly [C in IpcChannel]: (args: IpcArgs<C>, ctx: Ctx) => Promise<IpcResults[C]>;
};

export function isIpcChannel(channel: string): channel is IpcChannel {
  return Object.hasOwn(ipcContract, channel);
}

/** "filters.0.extensions.1: Invalid string: must match pattern ..." for the first few issues. */
export function describeArgumentIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(arguments)';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : `unexpected ${typeof error} thrown`;

export async function dispatchIpc<Ctx>(
  channel: string,
  senderUrl: string | undefined,
  rawArgs: unknown,
  handlers: IpcHandlers<Ctx>,
  isTrustedSender: (url: string | undefined) => boolean,
  ctx: Ctx,
): Promise<IpcReply<unknown>> {
  if (!isIpcChannel(channel)) return { ok: false, error: `unknown IPC channel "${channel}"` };
  if (!isTrustedSender(senderUrl)) {
    return {
      ok: false,
      error: `${channel}: refused, sender ${senderUrl ?? '(unknown frame)'} is not the app`,
    };
  }
  const parsed = ipcContract[channel].safeParse(rawArgs);
  if (!parsed.success) {
    return { ok: false, error: `${channel}: invalid arguments: ${describeArgumentIssues(parsed.error)}` };
  }
  // The schema for this very channel just accepted the arguments, so they are IpcArgs<channel>;
  // TypeScript cannot correlate the two indexed lookups on a union key by itself.
  const handler = handlers[channel] as (args: unknown, ctx: Ctx) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (error) {
    return { ok: false, error: `${channel}: ${errorMessage(error)}` };
  }
}
