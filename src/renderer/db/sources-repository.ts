import { isWebUrl } from '@core/findings';
import { z } from 'zod';
import { requireAnalystEditableTask } from './analyst-work';
import { citationTables, refuseIfCited } from './citations';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { SourceRecord } from './records';
import { appendTaskEvent } from './task-events';

/** Attachments are kept in the database and travel in packages, so they are capped. */
export const MAX_SOURCE_ATTACHMENT_BYTES = 25 * 1024 * 1024;

const ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};
export const SOURCE_ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_TYPES);

const SourceFieldsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Enter a title for the source.')
    .max(300, 'Keep the title under 300 characters.'),
  author: z.string().trim().max(300, 'Keep the author under 300 characters.'),
  url: z
    .string()
    .trim()
    .max(2000, 'Keep the URL under 2000 characters.')
    .refine((url) => url === '' || isWebUrl(url), 'Enter a web address starting with http:// or https://.'),
  accessed: z
    .string()
    .trim()
    .refine((d) => d === '' || /^\d{4}-\d{2}-\d{2}$/.test(d), 'Enter the date accessed as YYYY-MM-DD.'),
  notes: z.string().max(50_000, 'Keep the notes under 50,000 characters.'),
});
export type SourceFields = z.input<typeof SourceFieldsSchema>;

export interface SourceAttachmentInput {
  name: string;
  data: Uint8Array;
}

export interface SourceAttachment {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

function validFields(input: SourceFields): z.output<typeof SourceFieldsSchema> {
  const parsed = SourceFieldsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path[0] === undefined ? undefined : String(issue.path[0]);
  throw new UserInputError(issue?.message ?? 'The source is not valid.', field);
}

/** A file name safe to use as the last part of a package path. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^A-Za-z0-9._ -]/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(-120);
  return cleaned === '' ? 'attachment' : cleaned;
}

function attachmentFile(sourceId: string, input: SourceAttachmentInput) {
  const fileName = safeFileName(input.name);
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  const mediaType = ATTACHMENT_TYPES[extension];
  if (!mediaType)
    throw new UserInputError(
      `"${input.name}" is not a PDF or an image (${SOURCE_ATTACHMENT_EXTENSIONS.join(', ')}).`,
      'file',
    );
  if (input.data.byteLength > MAX_SOURCE_ATTACHMENT_BYTES)
    throw new UserInputError(
      `"${input.name}" is ${(input.data.byteLength / 1024 / 1024).toFixed(1)} MB; attach files up to 25 MB.`,
      'file',
    );
  return { path: `sources/${sourceId}/${fileName}`, mediaType, bytes: input.data };
}

export function createSourcesRepository(db: KpoDatabase) {
  const tables = [db.tasks, db.sources, db.taskFiles, db.taskEvents, db.profile];

  return {
    /** A task's sources by title. */
    list: async (taskId: string): Promise<SourceRecord[]> => {
      const records = await db.sources.where('taskId').equals(taskId).toArray();
      return records.sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }));
    },

    get: async (id: string): Promise<SourceRecord | undefined> => db.sources.get(id),

    create: async (
      taskId: string,
      input: SourceFields,
      attachment?: SourceAttachmentInput,
    ): Promise<SourceRecord> => {
      const fields = validFields(input);
      const id = crypto.randomUUID();
      const file = attachment && attachmentFile(id, attachment);
      const now = new Date().toISOString();
      const record: SourceRecord = {
        id,
        taskId,
        ...fields,
        ...(file ? { attachmentPath: file.path } : {}),
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction('rw', tables, async () => {
        await requireAnalystEditableTask(db, taskId);
        await db.sources.add(record);
        if (file) await db.taskFiles.put({ taskId, ...file });
        await appendTaskEvent(db, taskId, 'source.created', {
          sourceId: id,
          title: fields.title,
          ...(file ? { attachment: file.path } : {}),
        });
      });
      return record;
    },

    /** `attachment`: undefined keeps the current file, null removes it, a file replaces it. */
    update: async (
      id: string,
      input: SourceFields,
      attachment?: SourceAttachmentInput | null,
    ): Promise<void> => {
      const fields = validFields(input);
      const file = attachment ? attachmentFile(id, attachment) : undefined;
      await db.transaction('rw', tables, async () => {
        const record = await db.sources.get(id);
        if (!record) throw new UserInputError('That source no longer exists.');
        await requireAnalystEditableTask(db, record.taskId);
        const next: SourceRecord = { ...record, ...fields, updatedAt: new Date().toISOString() };
        if (attachment !== undefined) {
          if (record.attachmentPath) await db.taskFiles.delete([record.taskId, record.attachmentPath]);
          delete next.attachmentPath;
          if (file) {
            await db.taskFiles.put({ taskId: record.taskId, ...file });
            next.attachmentPath = file.path;
          }
        }
        await db.sources.put(next);
        const changed: string[] = (Object.keys(fields) as (keyof typeof fields)[]).filter(
          (k) => record[k] !== fields[k],
        );
        if (attachment !== undefined) changed.push('attachment');
        await appendTaskEvent(db, record.taskId, 'source.updated', {
          sourceId: id,
          title: fields.title,
          fields: changed,
        });
      });
    },

    /** Refuses while a finding, an answer or a QC item cites the source, naming them, so no citation dangles. */
    remove: async (id: string): Promise<void> => {
      await db.transaction('rw', [...tables, ...citationTables(db)], async () => {
        const record = await db.sources.get(id);
        if (!record) return;
        await requireAnalystEditableTask(db, record.taskId);
        await refuseIfCited(db, { kind: 'source', id, name: `"${record.title}"` }, [record.taskId]);
        if (record.attachmentPath) await db.taskFiles.delete([record.taskId, record.attachmentPath]);
        await db.sources.delete(id);
        await appendTaskEvent(db, record.taskId, 'source.deleted', { sourceId: id, title: record.title });
      });
    },

    attachment: async (id: string): Promise<SourceAttachment | undefined> => {
      const record = await db.sources.get(id);
      if (!record?.attachmentPath) return undefined;
      const file = await db.taskFiles.get([record.taskId, record.attachmentPath]);
      if (!file) return undefined;
      return {
        fileName: file.path.split('/').pop() ?? 'attachment',
        mediaType: file.mediaType,
        bytes: file.bytes,
      };
    },
  };
}

export type SourcesRepository = ReturnType<typeof createSourcesRepository>;
