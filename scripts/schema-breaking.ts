/**
 * `npm run schema:breaking`: compares schema.graphql with the last released schema and fails on a
 * breaking change that CHANGELOG.md's Unreleased section does not name with its migration.
 *
 * The released schema is the one at SCHEMA_BASE when set, else at the nearest git tag, else on
 * `main` (or `origin/main`); from that commit's schema.graphql, or its schema/*.graphql when it
 * predates the printed file. With no such commit or schema there is nothing to break: it passes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { schemaFromSdl } from './schema-source';

export interface BreakingChange {
  /** The schema coordinate inspector names, e.g. `Organization.city` or `Query.audience.first`. */
  path: string;
  message: string;
}

/** The breaking changes from `before` to `after` (dangerous ones are not breaking). */
export async function breakingChanges(before: string[], after: string[]): Promise<BreakingChange[]> {
  const changes: Change[] = await diff(schemaFromSdl(before), schemaFromSdl(after));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => ({ path: change.path ?? change.message, message: change.message }));
}

/** The text of the `## [Unreleased]` section of a Keep-a-Changelog file ('' when it has none). */
export function unreleasedSection(changelog: string): string {
  const start = changelog.search(/^## \[Unreleased\]/im);
  if (start < 0) return '';
  const rest = changelog.slice(start).split('\n').slice(1).join('\n');
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

/**
 * The breaking changes the changelog does not list. A change is listed when one entry (a `- `
 * item with its continuation lines) of the Unreleased section names its coordinate in backticks
 * and says "Migration:".
 */
export function unlisted(changes: BreakingChange[], changelog: string): BreakingChange[] {
  const entries = unreleasedSection(changelog)
    .split(/\n(?=\s*[-*] )/)
    .filter((entry) => /migration:/i.test(entry));
  return changes.filter((change) => !entries.some((entry) => entry.includes(`\`${change.path}\``)));
}

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/** The commit that holds the last released schema, and how it was chosen. */
function releasedRef(cwd: string): { ref: string; why: string } | null {
  if (process.env.SCHEMA_BASE) return { ref: process.env.SCHEMA_BASE, why: 'SCHEMA_BASE' };
  const tag = git(['describe', '--tags', '--abbrev=0'], cwd)?.trim();
  if (tag) return { ref: tag, why: 'the nearest tag' };
  for (const branch of ['main', 'origin/main']) {
    if (git(['rev-parse', '--verify', '--quiet', `${branch}^{commit}`], cwd)) return { ref: branch, why: 'no tag yet' };
  }
  return null;
}

/** The SDL of the schema at `ref`: its schema.graphql, else its schema/*.graphql, else null. */
function schemaAt(ref: string, cwd: string): string[] | null {
  const printed = git(['show', `${ref}:schema.graphql`], cwd);
  if (printed !== null) return [printed];
  const files = (git(['ls-tree', '--name-only', `${ref}:schema`], cwd) ?? '')
    .split('\n')
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  if (!files.length) return null;
  return files.map((file) => git(['show', `${ref}:schema/${file}`], cwd) ?? '');
}

async function main(cwd: string): Promise<number> {
  const base = releasedRef(cwd);
  const released = base && schemaAt(base.ref, cwd);
  if (!base || !released) {
    console.log('schema:breaking: no released schema to compare with (no tag, no main); nothing can break.');
    return 0;
  }
  const current = fs.readFileSync(path.join(cwd, 'schema.graphql'), 'utf8');
  const changes = await breakingChanges(released, [current]);
  const changelogFile = path.join(cwd, 'CHANGELOG.md');
  const changelog = fs.existsSync(changelogFile) ? fs.readFileSync(changelogFile, 'utf8') : '';
  const missing = unlisted(changes, changelog);
  console.log(`schema:breaking: schema.graphql against ${base.ref} (${base.why}): ${changes.length} breaking change(s), ${missing.length} not in CHANGELOG.md.`);
  for (const change of changes) console.log(`  ${missing.includes(change) ? 'UNLISTED' : 'listed  '} \`${change.path}\`: ${change.message}`);
  if (!missing.length) return 0;
  console.error(
    '\nThese changes break clients. Prefer @deprecated(reason: "...") and keep the old shape; if the break is\n' +
      'meant, name each one under "## [Unreleased]" in CHANGELOG.md with its migration, e.g.\n' +
      missing.map((change) => `  - \`${change.path}\` removed. Migration: <what a client does instead>.`).join('\n'),
  );
  return 1;
}

if (require.main === module) {
  main(process.cwd()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
