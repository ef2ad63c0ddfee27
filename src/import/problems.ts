import { GraphQLError } from 'graphql';
import { ErrorCode, type InputProblem } from '../graphql/errors';

/** At most this many problems are reported; the total is always counted. */
export const MAX_REPORTED_PROBLEMS = 100;

const byPath = new Intl.Collator('en', { numeric: true });

/**
 * The problems of an import, bounded: every problem is counted, but only the first
 * MAX_REPORTED_PROBLEMS (in row order) are kept, so a document of a million bad rows costs
 * no more memory or answer size than one of a hundred. Messages never repeat row values.
 */
export class ProblemList {
  total = 0;
  private readonly kept: InputProblem[] = [];

  get length(): number {
    return this.total;
  }

  push(problem: InputProblem): void {
    this.total += 1;
    this.kept.push(problem);
    // Sorting a small list now and then keeps the earliest rows without holding every problem.
    if (this.kept.length >= 2 * MAX_REPORTED_PROBLEMS) this.trim();
  }

  /** A list that goes on from this one (this one stays as it is). */
  copy(): ProblemList {
    const copy = new ProblemList();
    copy.total = this.total;
    copy.kept.push(...this.kept);
    return copy;
  }

  /** The first MAX_REPORTED_PROBLEMS by row (`nodes[2]` before `nodes[10]`, nodes before relationships). */
  reported(): InputProblem[] {
    this.trim();
    return [...this.kept];
  }

  private trim(): void {
    this.kept.sort((a, b) => byPath.compare(a.path, b.path));
    this.kept.length = Math.min(this.kept.length, MAX_REPORTED_PROBLEMS);
  }
}

/**
 * The one error of a refused import: BAD_USER_INPUT with `extensions.problems` (at most
 * MAX_REPORTED_PROBLEMS `{path, message}`) and `extensions.problemCount` (all of them).
 */
export function rejectedImport(problems: ProblemList, outcome = 'Nothing was written.', details: Record<string, unknown> = {}): GraphQLError {
  const reported = problems.reported();
  const count = `${problems.total} problem${problems.total === 1 ? '' : 's'}`;
  const shown = problems.total > reported.length ? `the first ${reported.length} in extensions.problems` : 'see extensions.problems';
  return new GraphQLError(`The import was rejected: ${count} (${shown}). ${outcome}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, problems: reported, problemCount: problems.total, ...details },
  });
}
