// duckdb_groupby.mjs FILE [THREADS]: DuckDB (npm @duckdb/node-api) reads the NDJSON and computes the same
// group-by as `otklik report`'s groups: per (service, stage) the responses, the CSAT mean and top-2 share, the
// CES mean and the NPS. Prints seconds and GB/s; a peer for run_bench.sh, not a test.
import { statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads = '2'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node duckdb_groupby.mjs FILE [THREADS]');
  process.exit(2);
}
const bytes = statSync(file).size;
const start = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
// The overall question is "overall" in ru-1284 and basic surveys, "satisfaction" in a11 ones.
const reader = `read_ndjson('${file.replaceAll("'", "''")}', columns = {
  service: 'VARCHAR', stage: 'VARCHAR',
  answers: 'STRUCT(overall INTEGER, satisfaction INTEGER, effort INTEGER, recommend INTEGER)'},
  maximum_object_size = 1048576, ignore_errors = true)`;
const result = await connection.runAndReadAll(`
  WITH r AS (SELECT service, stage, coalesce(answers.overall, answers.satisfaction) AS csat,
                    answers.effort AS ces, answers.recommend AS nps FROM ${reader})
  SELECT service, stage, count(*) AS n,
         avg(csat) AS csat_mean, avg(CASE WHEN csat >= 4 THEN 1.0 ELSE 0.0 END) FILTER (WHERE csat IS NOT NULL) AS csat_top2,
         avg(ces) AS ces_mean,
         100.0 * (avg(CASE WHEN nps >= 9 THEN 1.0 ELSE 0.0 END) FILTER (WHERE nps IS NOT NULL)
                - avg(CASE WHEN nps <= 6 THEN 1.0 ELSE 0.0 END) FILTER (WHERE nps IS NOT NULL)) AS nps
  FROM r GROUP BY service, stage ORDER BY service, stage`);
const rows = result.getRowObjects();
const seconds = (performance.now() - start) / 1000;
const total = rows.reduce((sum, row) => sum + Number(row.n), 0);
console.log(`duckdb group-by (${threads} threads): ${bytes} bytes, ${total} responses in ${rows.length} groups, ` +
            `${seconds.toFixed(3)} s, ${(bytes / seconds / 1e9).toFixed(2)} GB/s`);
