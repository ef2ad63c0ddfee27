import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kind, parse, print, visit } from 'graphql';
import { printWholeSchema, readSchemaFiles, schemaFromSdl } from '../../scripts/schema-source';
import { PROJECT_ROOT } from '../../src/project-root';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CHECK = path.join(PROJECT_ROOT, 'scripts', 'schema-breaking.ts');
const CHANGELOG = '# Changelog\n\n## [Unreleased]\n\n### Added\n- Descriptions everywhere.\n\n## [0.1.0] - 2026-01-01\n';

/** The printed schema without one field of one type, as a careless edit would leave it. */
function withoutField(printed: string, typeName: string, fieldName: string): string {
  return print(visit(parse(printed), {
    [Kind.OBJECT_TYPE_DEFINITION]: (node) =>
      node.name.value === typeName ? { ...node, fields: node.fields?.filter((field) => field.name.value !== fieldName) } : undefined,
  }));
}

describe('npm run schema:breaking', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  const check = () => spawnSync(TSX, [CHECK], { cwd: repo, encoding: 'utf8', env: { ...process.env, SCHEMA_BASE: '' } });
  const write = (file: string, text: string) => fs.writeFileSync(path.join(repo, file), text);

  beforeEach(() => {
    // A repository whose main holds today's schema as the released one, with a branch to change it on.
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-breaking-'));
    git('init', '-q', '-b', 'main');
    write('schema.graphql', printWholeSchema(schemaFromSdl(readSchemaFiles(PROJECT_ROOT))));
    write('CHANGELOG.md', CHANGELOG);
    git('add', '.');
    git('commit', '-q', '-m', 'released schema');
    git('checkout', '-q', '-b', 'change');
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('fails on a removed field until CHANGELOG.md lists it with its migration, then passes', () => {
    expect(check().status).toBe(0);

    const released = fs.readFileSync(path.join(repo, 'schema.graphql'), 'utf8');
    write('schema.graphql', withoutField(released, 'Organization', 'city'));
    const unlisted = check();
    expect(unlisted.status).toBe(1);
    expect(unlisted.stdout).toContain('against main');
    expect(unlisted.stdout).toMatch(/UNLISTED `Organization\.city`/);
    expect(unlisted.stderr).toContain('- `Organization.city` removed. Migration:');

    // Naming it without a migration is not enough.
    write('CHANGELOG.md', CHANGELOG.replace('### Added', '### Removed\n- `Organization.city`.\n\n### Added'));
    expect(check().status).toBe(1);

    write('CHANGELOG.md', CHANGELOG.replace(
      '### Added',
      '### Removed\n- `Organization.city` removed: cities live on addresses now.\n  Migration: read `Organization.region`.\n\n### Added',
    ));
    const listed = check();
    expect(listed.stdout).toMatch(/listed {3}`Organization\.city`/);
    expect(listed.status).toBe(0);
  });

  it('does not count an entry of an earlier release', () => {
    write('schema.graphql', withoutField(fs.readFileSync(path.join(repo, 'schema.graphql'), 'utf8'), 'Organization', 'city'));
    write('CHANGELOG.md', `${CHANGELOG}### Removed\n- \`Organization.city\` removed. Migration: read \`Organization.region\`.\n`);
    expect(check().status).toBe(1);
  });

  it('compares with the nearest tag once there is one', () => {
    const released = fs.readFileSync(path.join(repo, 'schema.graphql'), 'utf8');
    git('checkout', '-q', 'main');
    git('tag', 'v0.1.0');
    // main moves on with a change the tag never had; against the tag that removal is breaking.
    write('schema.graphql', withoutField(released, 'Person', 'phone'));
    git('commit', '-q', '-am', 'drop phone');
    const result = check();
    expect(result.stdout).toContain('against v0.1.0');
    expect(result.stdout).toMatch(/UNLISTED `Person\.phone`/);
    expect(result.status).toBe(1);
  });

  it('passes when there is nothing released to compare with (no tag, no main)', () => {
    git('branch', '-q', '-D', 'main');
    write('schema.graphql', withoutField(fs.readFileSync(path.join(repo, 'schema.graphql'), 'utf8'), 'Organization', 'city'));
    const result = check();
    expect(result.stdout).toContain('nothing can break');
    expect(result.status).toBe(0);
  });
});
