/** One line of the bench table (bench/run.ts prints them; results/latest.json keeps them). */
export interface BenchRow {
  case: string;
  rps?: number;
  p50_ms?: number;
  p99_ms?: number;
  rss_mb?: number;
  ratio?: number;
  reference?: string;
  note?: string;
  value?: number;
  unit?: string;
}
