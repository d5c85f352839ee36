/**
 * A chart as stored: which saved view feeds it and how its columns are drawn. Charts keep no
 * images; they are re-rendered from the view's current result, so only this spec is persisted
 * (validated on every write and read) and packaged.
 */
import { z } from 'zod';

export const CHART_TYPES = [
  'bar',
  'stacked-bar',
  'line',
  'area',
  'scatter',
  'histogram',
  'pie',
  'doughnut',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const CHART_TYPE_LABELS: Record<ChartType, string> = {
  bar: 'Bar',
  'stacked-bar': 'Stacked bar',
  line: 'Line',
  area: 'Area',
  scatter: 'Scatter',
  histogram: 'Histogram',
  pie: 'Pie',
  doughnut: 'Doughnut',
};

/** Types whose slices are parts of one whole: one value column, no series split. */
const PART_OF_WHOLE: ReadonlySet<ChartType> = new Set(['pie', 'doughnut']);

const text = (max: number) => z.string().trim().max(max);

export const ChartSpecSchema = z
  .object({
    viewId: z.string().min(1),
    type: z.enum(CHART_TYPES),
    /** Category (or numeric x for scatter; the measured column for a histogram). */
    x: z.string().min(1, 'choose the column for the x axis'),
    /** Value columns of the view's result (source columns, or aggregates of its group-by). */
    y: z.array(z.string().min(1)).default([]),
    /** Optional column whose values split one y column into one series each. */
    series: z.string().min(1).optional(),
    title: text(200),
    xLabel: text(120).default(''),
    yLabel: text(120).default(''),
    caption: text(2000).default(''),
    sourceNote: text(500).default(''),
    /** Histogram bin count. */
    bins: z.number().int().min(2).max(200).optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    if (spec.type !== 'histogram' && spec.y.length === 0)
      ctx.addIssue({ code: 'custom', path: ['y'], message: 'choose at least one value column' });
    if (PART_OF_WHOLE.has(spec.type) && spec.y.length > 1)
      ctx.addIssue({ code: 'custom', path: ['y'], message: `a ${spec.type} chart shows one value column` });
    if (spec.series !== undefined && (PART_OF_WHOLE.has(spec.type) || spec.type === 'histogram'))
      ctx.addIssue({
        code: 'custom',
        path: ['series'],
        message: `a ${spec.type} chart cannot split by series`,
      });
    if (spec.series !== undefined && spec.y.length > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['series'],
        message: 'split by series with one value column only',
      });
  });

export type ChartSpec = z.output<typeof ChartSpecSchema>;
export type ChartSpecInput = z.input<typeof ChartSpecSchema>;

/** A readable sentence for the first problem of an invalid spec, naming the field. */
export function chartSpecProblem(input: unknown): string | undefined {
  const parsed = ChartSpecSchema.safeParse(input);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return `The chart is not valid${where}: ${issue?.message ?? 'unknown problem'}`;
}
