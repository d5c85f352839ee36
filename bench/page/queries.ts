/** The same two questions asked of our engine and of DuckDB, so their times compare. */
export const BENCH_GROUP_BY = {
  groupBy: {
    keys: [{ column: 'region' }, { column: 'order_date', bucket: 'month' }],
    aggregates: [{ op: 'sum', column: 'revenue' }, { op: 'count' }],
  },
};

export const DUCKDB_GROUP_BY_SQL =
  "SELECT region, date_trunc('month', order_date) AS month, sum(revenue), count(*) FROM t GROUP BY ALL";

export const BENCH_FILTER_SORT = {
  filters: {
    kind: 'group',
    combinator: 'and',
    children: [
      { kind: 'condition', column: 'channel', op: 'equals', value: 'web' },
      { kind: 'condition', column: 'revenue', op: 'greaterThan', value: 1000 },
    ],
  },
  sort: [{ column: 'revenue', direction: 'desc' }],
};

export const DUCKDB_FILTER_SORT_SQL =
  "SELECT * FROM t WHERE channel = 'web' AND revenue > 1000 ORDER BY revenue DESC LIMIT 100";
