import { checklistTemplateSchema } from '@core/package';
import { z } from 'zod';
import dataInterpretation from '../../../resources/qc-templates/data-interpretation.json';
import research from '../../../resources/qc-templates/research.json';
import type { ChecklistTemplateRecord } from './records';

/** The file format of resources/qc-templates: core's template schema plus a stable id and description. */
export const builtInTemplateFileSchema = checklistTemplateSchema.extend({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
});

/** Shipped with the app, so they carry no real dates: they are the same on every installation. */
const SHIPPED_AT = '1970-01-01T00:00:00.000Z';

/** Read-only checklists for research and data-interpretation tasks (resources/qc-templates). */
export const BUILT_IN_TEMPLATES: readonly ChecklistTemplateRecord[] = [research, dataInterpretation].map(
  (file) => ({ ...builtInTemplateFileSchema.parse(file), createdAt: SHIPPED_AT, updatedAt: SHIPPED_AT }),
);
