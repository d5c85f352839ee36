/** The views bench/query-profile.ts times: the two bench queries and a few other common ones. */
import type { ViewSpecInput } from '../src/core/table';
import { BENCH_FILTER_SORT, BENCH_GROUP_BY } from './page/queries';

const filterOnly: ViewSpecInput = {
  filters: {
    kind: 'group',
    combinator: 'and',
    children: [
      { kind: 'condition', column: 'region', op: 'equals', value: 'North' },
      { kind: 'condition', column: 'quantity', op: 'greaterOrEqual', value: 5 },
    ],
  },
};

export const QUERIES: { name: string; spec: unknown; limit?: number }[] = [
  { name: 'group-by region×month sum,count (bench)', spec: BENCH_GROUP_BY, limit: 100 },
  { name: 'filter web∧revenue>1000, sort desc, top 100 (bench)', spec: BENCH_FILTER_SORT, limit: 100 },
  { name: 'filter only region=North∧quantity>=5', spec: filterOnly, limit: 100 },
  { name: 'sort only revenue desc (full)', spec: { sort: [{ column: 'revenue', direction: 'desc' }] } },
  {
    name: 'sort only product asc, top 100',
    spec: { sort: [{ column: 'product', direction: 'asc' }] },
    limit: 100,
  },
  {
    name: 'group-by product median,distinct',
    spec: {
      groupBy: {
        keys: [{ column: 'product' }],
        aggregates: [
          { op: 'median', column: 'revenue' },
          { op: 'distinct', column: 'customer_id' },
        ],
      },
    },
    limit: 100,
  },
  {
    name: 'group-by channel mean,min,max',
    spec: {
      groupBy: {
        keys: [{ column: 'channel' }],
        aggregates: [
          { op: 'mean', column: 'unit_price' },
          { op: 'min', column: 'ship_date' },
          { op: 'max', column: 'quantity' },
        ],
      },
    },
    limit: 100,
  },
  {
    name: 'pivot region × channel sum(revenue)',
    spec: {
      pivot: {
        rows: { column: 'region' },
        columns: { column: 'channel' },
        aggregate: { op: 'sum', column: 'revenue' },
      },
    },
    limit: 100,
  },
  {
    name: 'pivot product × year(order_date) count',
    spec: {
      pivot: {
        rows: { column: 'product' },
        columns: { column: 'order_date', bucket: 'year' },
        aggregate: { op: 'count' },
      },
    },
    limit: 100,
  },
];
