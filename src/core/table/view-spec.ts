/**
 * The serialisable description of a view. Saved views and packages store this JSON and
 * recompute results from the data, so it is validated with zod wherever it enters the system.
 */
import { z } from 'zod';

export const FILTER_OPS = [
  'equals',
  'notEquals',
  'lessThan',
  'lessOrEqual',
  'greaterThan',
  'greaterOrEqual',
  'between',
  'contains',
  'startsWith',
  'inList',
  'isMissing',
  'isNotMissing',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** Literal in a filter. Dates/datetimes are written as ISO strings (or epoch ms numbers). */
export type FilterLiteral = string | number | boolean;

export interface FilterCondition {
  readonly kind: 'condition';
  readonly column: string;
  readonly op: FilterOp;
  /** For single-value operators. */
  readonly value?: FilterLiteral;
  /** For `inList`. */
  readonly values?: readonly FilterLiteral[];
  /** For `between` (inclusive at both ends). */
  readonly range?: readonly [FilterLiteral, FilterLiteral];
}

export interface FilterGroup {
  readonly kind: 'group';
  readonly combinator: 'and' | 'or';
  readonly children: readonly (FilterCondition | FilterGroup)[];
}

const literal = z.union([z.string(), z.number(), z.boolean()]);

export const FilterConditionSchema = z
  .object({
    kind: z.literal('condition'),
    column: z.string().min(1),
    op: z.enum(FILTER_OPS),
    value: literal.optional(),
    values: z.array(literal).optional(),
    range: z.tuple([literal, literal]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const needs =
      c.op === 'between'
        ? 'range'
        : c.op === 'inList'
          ? 'values'
          : c.op === 'isMissing' || c.op === 'isNotMissing'
            ? undefined
            : 'value';
    if (needs !== undefined && c[needs] === undefined)
      ctx.addIssue({ code: 'custom', message: `operator ${c.op} needs "${needs}"`, path: [needs] });
  });

export const FilterGroupSchema: z.ZodType<FilterGroup> = z.lazy(() =>
  z
    .object({
      kind: z.literal('group'),
      combinator: z.enum(['and', 'or']),
      children: z.array(z.union([FilterConditionSchema, FilterGroupSchema])),
    })
    .strict(),
);

export const TIME_BUCKETS = ['year', 'month', 'day'] as const;

/** A grouping key: a column, or for date/datetime columns a calendar bucket of it (UTC). */
export const KeyExprSchema = z
  .object({ column: z.string().min(1), bucket: z.enum(TIME_BUCKETS).optional() })
  .strict();
export type KeyExpr = z.infer<typeof KeyExprSchema>;

export const AGGREGATE_OPS = ['count', 'sum', 'mean', 'min', 'max', 'median', 'distinct'] as const;
export type AggregateOp = (typeof AGGREGATE_OPS)[number];

/** `count` without a column counts rows; with a column it counts present values. */
export const AggregateSchema = z
  .object({
    column: z.string().min(1).optional(),
    op: z.enum(AGGREGATE_OPS),
    as: z.string().min(1).optional(),
  })
  .strict()
  .refine((a) => a.op === 'count' || a.column !== undefined, { message: 'only count may omit the column' });
export type Aggregate = z.infer<typeof AggregateSchema>;

export const GroupBySchema = z
  .object({ keys: z.array(KeyExprSchema).min(1), aggregates: z.array(AggregateSchema).min(1) })
  .strict();
export type GroupBySpec = z.infer<typeof GroupBySchema>;

/** Rows: one per `rows` key value; columns: one per `columns` key value; cells: the aggregate. */
export const PivotSchema = z
  .object({
    rows: KeyExprSchema,
    columns: KeyExprSchema,
    aggregate: AggregateSchema,
    /** Further column-key values are dropped and reported. */
    maxColumns: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type PivotSpec = z.infer<typeof PivotSchema>;

export const SortKeySchema = z
  .object({ column: z.string().min(1), direction: z.enum(['asc', 'desc']) })
  .strict();
export type SortKey = z.infer<typeof SortKeySchema>;

export const ViewSpecSchema = z
  .object({
    version: z.literal(1).default(1),
    filters: FilterGroupSchema.default({ kind: 'group', combinator: 'and', children: [] }),
    /** Applied to the result: the source rows, or the group-by / pivot table. */
    sort: z.array(SortKeySchema).default([]),
    groupBy: GroupBySchema.optional(),
    pivot: PivotSchema.optional(),
    /** Visible columns of the result, in order; all when absent. */
    columns: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .refine((v) => v.groupBy === undefined || v.pivot === undefined, {
    message: 'use either groupBy or pivot',
  });

export type ViewSpec = z.output<typeof ViewSpecSchema>;
export type ViewSpecInput = z.input<typeof ViewSpecSchema>;

/** Validates untrusted JSON (a saved view, a package) into a ViewSpec; throws a ZodError. */
export function parseViewSpec(input: unknown): ViewSpec {
  return ViewSpecSchema.parse(input);
}
