/**
 * The one IPC registry. Every channel between renderer and main is declared here once: its name, the
 * argument schema main validates against, and the result type the renderer receives. Preload exposes
 * exactly these channels as `window.kpo`; main registers exactly these handlers.
 */
import { z } from 'zod';
import type { IpcChannel, KpoApiMethod, kpoApiMethods } from './ipc-channels';

const fileFilter = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z
      .array(z.string().regex(/^[A-Za-z0-9]{1,16}$|^\*$/))
      .min(1)
      .max(20),
  })
  .strict();

export const openFileArgs = z
  .object({
    title: z.string().max(200).optional(),
    filters: z.array(fileFilter).max(10).optional(),
    multiple: z.boolean().optional(),
  })
  .strict();

/**
 * Cap on a single file read through the dialog; larger files go through the streaming importer.
 * One byte under 2 GiB because Node's fs cannot read 2 GiB or more into one buffer.
 */
export const MAX_OPEN_FILE_BYTES = 2 * 1024 ** 3 - 1;

const suggestedName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', 'must be a bare file name');

export const saveFileArgs = z
  .object({
    suggestedName,
    filters: z.array(fileFilter).max(10).optional(),
    data: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be bytes (a Uint8Array)'),
  })
  .strict();

/** Where to save, chosen now; the bytes follow once the caller has recorded what it saves. */
export const chooseSaveTargetArgs = z
  .object({ suggestedName, filters: z.array(fileFilter).max(10).optional() })
  .strict();

/** The token main handed out for a chosen path: the renderer never names a path itself. */
export const writeSaveTargetArgs = z
  .object({
    token: z.uuid(),
    data: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be bytes (a Uint8Array)'),
  })
  .strict();

export const printToPdfArgs = z.object({ suggestedName }).strict();

/** A report with its charts inlined as images; far above any real one, far below what hurts main. */
export const MAX_REPORT_HTML_CHARS = 64 * 1024 * 1024;

/** A self-contained HTML document (the deliverable report) to print to PDF bytes off screen. */
export const renderPdfArgs = z
  .object({
    html: z
      .string()
      .min(1)
      .max(MAX_REPORT_HTML_CHARS)
      .refine((html) => /^\s*<!doctype html>/i.test(html), 'must be a whole HTML document (<!doctype html>)'),
  })
  .strict();

export const openExternalArgs = z.object({ url: z.string().max(2048) }).strict();

export const ipcContract = {
  'dialog:open-file': openFileArgs,
  'dialog:save-file': saveFileArgs,
  'dialog:choose-save-target': chooseSaveTargetArgs,
  'file:write-save-target': writeSaveTargetArgs,
  'window:print-to-pdf': printToPdfArgs,
  'report:print-pdf': renderPdfArgs,
  'shell:open-external': openExternalArgs,
  'app:info': z.object({}).strict(),
} as const satisfies Record<IpcChannel, z.ZodType>;

export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]>;

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export type SaveResult = { saved: true; fileName: string } | { saved: false };

/** A path the user chose, held by main behind a one-time token, or a cancelled dialog. */
export type SaveTargetChoice = { chosen: true; token: string; fileName: string } | { chosen: false };

export interface AppInfo {
  version: string;
  platform: string;
  userDataPath: string;
}

export interface IpcResults {
  'dialog:open-file': OpenedFile[];
  'dialog:save-file': SaveResult;
  'dialog:choose-save-target': SaveTargetChoice;
  'file:write-save-target': { written: true };
  'window:print-to-pdf': SaveResult;
  /** The PDF's bytes. */
  'report:print-pdf': Uint8Array;
  'shell:open-external': { opened: boolean };
  'app:info': AppInfo;
}

type MethodChannel<M extends KpoApiMethod> = (typeof kpoApiMethods)[M];

/** The object preload puts on `window.kpo`: one async function per method, typed from the registry. */
export type KpoApi = {
  readonly [M in KpoApiMethod]: (args: IpcArgs<MethodChannel<M>>) => Promise<IpcResults[MethodChannel<M>]>;
};

/** Errors crossing IPC lose their class; handlers reply with this shape instead of throwing. */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: string };
