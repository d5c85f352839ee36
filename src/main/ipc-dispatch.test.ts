import { describe, expect, it } from 'vitest';
import { createKpoApiObject, kpoApiMethods, unwrapIpcReply } from '../shared/ipc-channels';
import type { IpcChannel } from '../shared/ipc-channels';
import { dispatchIpc, isIpcChannel } from './ipc-dispatch';
import type { IpcHandlers } from './ipc-dispatch';
import { isTrustedRendererUrl } from './security-policy';

interface Ctx {
  calls: { channel: IpcChannel; args: unknown }[];
}

const APP_URL = 'app://kpo/index.html';

/** Real handlers that record what reached them, so a test can prove a refusal stopped the call. */
function recordingHandlers(): IpcHandlers<Ctx> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- handlers are async by contract
    async 'dialog:open-file'(args, ctx) {
      ctx.calls.push({ channel: 'dialog:open-file', args });
      return [{ name: 'a.csv', data: new Uint8Array([97]) }];
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- handlers are async by contract
    async 'dialog:save-file'(args, ctx) {
      ctx.calls.push({ channel: 'dialog:save-file', args });
      return { saved: true, fileName: args.suggestedName };
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- handlers are async by contract
    async 'dialog:choose-save-target'(args, ctx) {
      ctx.calls.push({ channel: 'dialog:choose-save-target', args });
      return { chosen: true, token: '0b5f1f9e-3c1a-4c55-9d7e-2f4b8c1d2e3f', fileName: args.suggestedName };
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- handlers are async by contract
    async 'file:write-save-target'(args, ctx) {
      ctx.calls.push({ channel: 'file:write-save-target', args });
      return { written: true };
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- handlers are async by contract
    async 'window:print-to-pdf'(args, ctx) {
      ctx.calls.push({ channel: 'window:print-to-pdf', args });
      throw new Error('printing failed: no printer backend');
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- handlers are async by contract
    async 'report:print-pdf'(args, ctx) {
      ctx.calls.push({ channel: 'report:print-pdf', args });
      return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- handlers are async by contract
    async 'shell:open-external'(args, ctx) {
      ctx.calls.push({ channel: 'shell:open-external', args });
      return { opened: true };
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- handlers are async by contract
    async 'app:info'(args, ctx) {
      ctx.calls.push({ channel: 'app:info', args });
      return { version: '0.1.0', platform: 'linux', userDataPath: '/tmp/kpo' };
    },
  };
}

const dispatch = async (channel: string, senderUrl: string | undefined, args: unknown) => {
  const ctx: Ctx = { calls: [] };
  const reply = await dispatchIpc(
    channel,
    senderUrl,
    args,
    recordingHandlers(),
    (u) => isTrustedRendererUrl(u),
    ctx,
  );
  return { reply, calls: ctx.calls };
};

describe('dispatchIpc', () => {
  it('runs the handler for a trusted sender with valid arguments', async () => {
    const { reply, calls } = await dispatch('dialog:save-file', APP_URL, {
      suggestedName: 'r.csv',
      data: new Uint8Array([1]),
    });
    expect(reply).toEqual({ ok: true, value: { saved: true, fileName: 'r.csv' } });
    expect(calls).toHaveLength(1);
  });

  it('passes the parsed arguments, not the raw object', async () => {
    const { calls } = await dispatch('app:info', APP_URL, {});
    expect(calls[0]?.args).toEqual({});
  });

  it('refuses an untrusted sender before validating or calling anything', async () => {
    for (const sender of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://evil/index.html',
      undefined,
    ]) {
      const { reply, calls } = await dispatch('app:info', sender, {});
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(/app:info: refused, sender .* is not the app/);
      expect(calls).toHaveLength(0);
    }
  });

  it('refuses unknown channels', async () => {
    const { reply } = await dispatch('fs:read', APP_URL, { path: '/etc/passwd' });
    expect(reply).toEqual({ ok: false, error: 'unknown IPC channel "fs:read"' });
    expect(isIpcChannel('__proto__')).toBe(false);
    expect(isIpcChannel('toString')).toBe(false);
  });

  it('names the argument and the rule when arguments are invalid', async () => {
    const { reply, calls } = await dispatch('dialog:save-file', APP_URL, {
      suggestedName: '../x',
      data: new Uint8Array(),
    });
    expect(calls).toHaveLength(0);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error).toContain('dialog:save-file: invalid arguments');
      expect(reply.error).toContain('suggestedName: must be a bare file name');
    }
  });

  it('gives the path into nested arguments', async () => {
    const { reply } = await dispatch('dialog:open-file', APP_URL, {
      filters: [{ name: 'CSV', extensions: ['csv', '.tsv'] }],
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/filters\.0\.extensions\.1: /);
  });

  it('reports unknown keys and missing arguments', async () => {
    const extra = await dispatch('shell:open-external', APP_URL, {
      url: 'https://a.example',
      activate: true,
    });
    expect(extra.reply.ok).toBe(false);
    if (!extra.reply.ok) expect(extra.reply.error).toMatch(/activate/);
    const missing = await dispatch('app:info', APP_URL, undefined);
    expect(missing.reply.ok).toBe(false);
    if (!missing.reply.ok)
      expect(missing.reply.error).toMatch(/app:info: invalid arguments: \(arguments\): /);
  });

  it('turns a handler error into an IpcReply with its message', async () => {
    const { reply, calls } = await dispatch('window:print-to-pdf', APP_URL, { suggestedName: 'a.pdf' });
    expect(calls).toHaveLength(1);
    expect(reply).toEqual({ ok: false, error: 'window:print-to-pdf: printing failed: no printer backend' });
  });

  it('survives a handler throwing a non-Error', async () => {
    const handlers = recordingHandlers();
    const throwing: IpcHandlers<Ctx> = {
      ...handlers,
      // eslint-disable-next-line @typescript-eslint/require-await -- handlers are async by contract
      'app:info': async () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test
        throw 'a string';
      },
    };
    const reply = await dispatchIpc('app:info', APP_URL, {}, throwing, () => true, { calls: [] });
    expect(reply).toEqual({ ok: false, error: 'app:info: unexpected string thrown' });
  });
});

describe('the preload side of the contract', () => {
  it('exposes exactly one function per method and nothing else', () => {
    const api = createKpoApiObject(async () => Promise.resolve({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual(Object.keys(kpoApiMethods).sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
  });

  it('sends each method on its channel and unwraps the reply', async () => {
    const sent: [IpcChannel, unknown][] = [];
    const api = createKpoApiObject(async (channel, args) => {
      sent.push([channel, args]);
      return Promise.resolve({ ok: true, value: `from ${channel}` });
    });
    await expect(api.appInfo({})).resolves.toBe('from app:info');
    await expect(api.openExternal({ url: 'https://a.example' })).resolves.toBe('from shell:open-external');
    expect(sent).toEqual([
      ['app:info', {}],
      ['shell:open-external', { url: 'https://a.example' }],
    ]);
  });

  it("throws main's message on ok:false and refuses malformed replies", () => {
    expect(() => unwrapIpcReply('app:info', { ok: false, error: 'app:info: nope' })).toThrow(
      'app:info: nope',
    );
    expect(() => unwrapIpcReply('app:info', undefined)).toThrow(/malformed reply/);
    expect(() => unwrapIpcReply('app:info', { ok: true })).toThrow(/malformed reply/);
    expect(() => unwrapIpcReply('app:info', { ok: false, error: 42 })).toThrow(/malformed reply/);
    expect(unwrapIpcReply('app:info', { ok: true, value: 0 })).toBe(0);
  });

  it('round-trips through dispatchIpc: a refusal in main becomes a thrown Error in the renderer', async () => {
    const api = createKpoApiObject(async (channel, args) =>
      dispatchIpc(channel, APP_URL, args, recordingHandlers(), () => true, { calls: [] }),
    );
    await expect(api.saveFile({ suggestedName: '/etc/passwd', data: new Uint8Array() })).rejects.toThrow(
      /suggestedName: must be a bare file name/,
    );
  });
});
