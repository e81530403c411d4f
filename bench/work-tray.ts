// Times the staff work tray's queries over 100,000 cases (run by hand, prints figures):
//   npx tsx bench/work-tray.ts                      (embedded PGlite in a temporary folder)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/work-tray.ts
// On PostgreSQL it makes a database of its own for the run and drops it afterwards.
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { addDays } from '../src/ehc/index.js';
import { trayConditions, workTrayPage, type TrayFilters } from '../src/staff/work-tray/query.js';
import { openBenchDatabase } from './support/database.js';
import { insertManyCases } from './support/many-cases.js';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TODAY = '2024-03-01';

async function time(run: () => Promise<unknown>): Promise<{ median: number; p95: number; max: number }> {
  await run(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)],
    p95: samples[Math.ceil(samples.length * 0.95) - 1],
    max: samples[samples.length - 1],
  };
}

async function main() {
  const database = await openBenchDatabase();
  const pool = createPool(database.connectionString, 2);
  try {
    await migrate(pool);
    const councils = await pool.query(
      `INSERT INTO councils (name) VALUES ('Bench Council'), ('Other Council') RETURNING id`,
    );
    const councilIds = councils.rows.map((row) => row.id as string);
    const started = Date.now();
    // 90% of the cases belong to the first council, the rest to a second one.
    await insertManyCases(pool, { count: CASES, councilIds, today: TODAY });
    // As autovacuum would have done by now on a live database (index-only scans need it).
    await pool.query('VACUUM ANALYZE');
    console.log(
      `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: inserted ${CASES.toLocaleString('en-GB')} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; ${RUNS} runs each (page query + count)\n`,
    );

    const lastPage = Math.ceil((CASES * 0.9) / 50);
    const scenarios: [string, TrayFilters][] = [
      ['all cases, page 1', { page: 1 }],
      ['all cases, page 100', { page: 100 }],
      [`all cases, last page (${lastPage})`, { page: lastPage }],
      ['stage = assessment', { stage: 'assessment', page: 1 }],
      ['overdue', { due: 'overdue', page: 1 }],
      ['due in the next 2 weeks', { due: 'soon', page: 1 }],
      ['stage = draft-plan + overdue', { stage: 'draft-plan', due: 'overdue', page: 1 }],
      ['search "rog" (name prefix)', { search: 'rog', page: 1 }],
      ['search "barney rogers"', { search: 'barney rogers', page: 1 }],
      ['search "zz" (no match)', { search: 'zz', page: 1 }],
      ['search + overdue', { search: 'smi', due: 'overdue', page: 1 }],
      ['reference EHC-000123', { search: 'EHC-000123', page: 1 }],
    ];
    console.log(
      'filter'.padEnd(38),
      'rows'.padStart(7),
      'median ms'.padStart(10),
      'p95 ms'.padStart(8),
      'max ms'.padStart(8),
    );
    for (const [name, filters] of scenarios) {
      let total = 0;
      const figures = await time(async () => {
        total = (await workTrayPage(pool, councilIds[0], filters, TODAY)).total;
      });
      console.log(
        name.padEnd(38),
        String(total).padStart(7),
        figures.median.toFixed(1).padStart(10),
        figures.p95.toFixed(1).padStart(8),
        figures.max.toFixed(1).padStart(8),
      );
    }

    if (process.env.BENCH_EXPLAIN) {
      for (const [name, filters] of [scenarios[2], scenarios[4], scenarios[5], scenarios[7]]) {
        const { where, params, needsChildren } = trayConditions(councilIds[0], filters, TODAY);
        const plan = await pool.query(
          `EXPLAIN ANALYZE SELECT c.id FROM cases c ${needsChildren ? 'JOIN children ch ON ch.id = c.child_id' : ''} WHERE ${where}
            ORDER BY c.next_due_on ASC NULLS LAST, c.id LIMIT 50 OFFSET ${(filters.page - 1) * 50}`,
          params,
        );
        console.log(`\n${name}:\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
      }
    }
    console.log(`\n(today is ${TODAY}; "due in the next 2 weeks" is ${TODAY} to ${addDays(TODAY, 14)})`);
  } finally {
    await pool.end();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
