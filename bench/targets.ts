/** The speed targets of issue 12, checked against one run's figures (printed, never asserted in tests). */
import type { LoadResult } from './load';
import type { CaseResult } from './measure';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface RunFigures {
  nodes: number;
  cases: CaseResult[];
  throughput: { name: string; kind: CaseResult['kind']; xrm: LoadResult; raw: LoadResult; neo4jGraphql: LoadResult }[];
  mixed?: LoadResult;
  loadSeconds: number;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function checkTargets(figures: RunFigures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const byName = (part: string) => figures.cases.filter((c) => c.name.includes(part));

  for (const c of figures.cases.filter((r) => r.kind === 'read' && r.raw)) {
    const ratio = c.xrm.median / c.raw!.median;
    checks.push({ target: `${c.name}: median ≤ 1.3× raw`, measured: `${ratio.toFixed(2)}× (${ms(c.xrm.median)} vs ${ms(c.raw!.median)})`, met: ratio <= 1.3 });
  }
  for (const t of figures.throughput.filter((r) => r.kind === 'read')) {
    const ratio = t.xrm.requestsPerSecond / t.neo4jGraphql.requestsPerSecond;
    checks.push({ target: `${t.name}: throughput ≥ 1.5× @neo4j/graphql`, measured: `${ratio.toFixed(2)}× (${t.xrm.requestsPerSecond.toFixed(0)} vs ${t.neo4jGraphql.requestsPerSecond.toFixed(0)} req/s)`, met: ratio >= 1.5 });
  }
  for (const c of byName('paths: ordinary pair').filter((r) => r.name.includes('maxHops 4'))) {
    if (!c.raw) continue;
    const ratio = c.xrm.median / c.raw.median;
    checks.push({ target: `${c.name}: ≤ 2× raw`, measured: `${ratio.toFixed(2)}× (${ms(c.xrm.median)} vs ${ms(c.raw.median)})`, met: ratio <= 2 });
  }
  if (figures.nodes >= 1_000_000) {
    for (const c of byName('maxHops 6')) {
      const limit = c.name.includes('first 50') ? 300 : 100;
      checks.push({ target: `${c.name}: p95 < ${limit} ms`, measured: ms(c.xrm.p95), met: c.xrm.p95 < limit });
    }
    for (const c of byName('buyingCenter with paths')) {
      checks.push({ target: `${c.name}: p95 < 150 ms`, measured: ms(c.xrm.p95), met: c.xrm.p95 < 150 });
    }
  }
  if (figures.mixed) {
    const m = figures.mixed;
    checks.push({
      target: `mixed load ${figures.loadSeconds} s: ≥ 500 req/s, p99 < 250 ms, 0 errors`,
      measured: `${m.requestsPerSecond.toFixed(0)} req/s, p99 ${m.p99} ms, ${m.errors} errors`,
      met: m.requestsPerSecond >= 500 && m.p99 < 250 && m.errors === 0,
    });
  }
  return checks;
}
