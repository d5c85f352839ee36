// Seeded CSV for `npm run bench`: the same bytes on every machine, so runs compare.
// 12 columns: integers, decimals, two dates, categories and short text with ~2% quoted fields
// holding commas and doubled quotes. About 100 bytes a row.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: small, fast, good enough for test data, and identical everywhere. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Islands', 'Overseas', 'Online'];
const CHANNELS = ['retail', 'wholesale', 'web', 'partner'];
const PRODUCTS = Array.from({ length: 50 }, (_, i) => `P-${String(i + 1).padStart(3, '0')}`);
const WORDS = ['late', 'fragile', 'gift', 'priority', 'returned', 'bulk', 'repeat', 'promo', 'ok', 'checked'];
const DAY_MS = 86_400_000;
const START = Date.UTC(2022, 0, 1);

export const BENCH_COLUMNS = [
  'order_id',
  'customer_id',
  'quantity',
  'unit_price',
  'discount',
  'revenue',
  'order_date',
  'ship_date',
  'region',
  'product',
  'channel',
  'note',
];

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

export async function generateBenchCsv(path, rows, seed = 20261125) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const out = createWriteStream(path);
  let batch = `${BENCH_COLUMNS.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const quantity = 1 + Math.floor(random() * 40);
    const unitPrice = (random() * 500 + 1).toFixed(2);
    const discount = (random() * 0.3).toFixed(2);
    const revenue = (quantity * Number(unitPrice) * (1 - Number(discount))).toFixed(2);
    const ordered = START + Math.floor(random() * 1095) * DAY_MS;
    const shipped = ordered + Math.floor(random() * 14) * DAY_MS;
    let note = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`;
    if (random() < 0.02) note = `"${pick(WORDS)}, ""${pick(WORDS)}"", ${pick(WORDS)}"`;
    batch += `${100000 + i},${100000 + Math.floor(random() * 900000)},${quantity},${unitPrice},${discount},${revenue},${isoDate(ordered)},${isoDate(shipped)},${pick(REGIONS)},${pick(PRODUCTS)},${pick(CHANNELS)},${note}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}
