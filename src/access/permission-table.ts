import { USER_ROLES } from '../model/enums';
import { ANYONE_SIGNED_IN, FIELD_PERMISSIONS, INPUT_LIMITS, PERMISSIONS } from './permissions';

/** Where the README holds the rendered table (`npm run permissions:print` rewrites it). */
export const TABLE_START = '<!-- permission-table:start (generated from src/access/permissions.ts by npm run permissions:print) -->';
export const TABLE_END = '<!-- permission-table:end -->';

/** The permission tables of src/access/permissions.ts as Markdown, for the README. */
export function renderPermissionTable(): string {
  const header = `| field | ${USER_ROLES.join(' | ')} |\n| --- |${' :---: |'.repeat(USER_ROLES.length)}`;
  const rows = (['Query', 'Mutation'] as const).flatMap((root) =>
    Object.entries(PERMISSIONS[root]).map(([field, rule]) => {
      const coordinate = `${root}.${field}`;
      const limit = INPUT_LIMITS[coordinate];
      const cells = USER_ROLES.map((role) => {
        if (rule === ANYONE_SIGNED_IN) return '✓';
        if (!rule.includes(role)) return '';
        return limit?.role === role ? `${limit.inputFields.join(', ')} only` : '✓';
      });
      const note = rule === ANYONE_SIGNED_IN ? ' (anyone signed in)' : '';
      return `| \`${coordinate}\`${note} | ${cells.join(' | ')} |`;
    }),
  );
  const fieldRows = Object.entries(FIELD_PERMISSIONS).map(([target, roles]) => {
    const what = target.includes('.') ? `\`${target}\`` : `every field of \`${target}\` but \`id\``;
    const refused = USER_ROLES.filter((role) => !roles.includes(role));
    return `| ${what} | ${refused.join(', ')} |`;
  });
  return [
    header,
    ...rows,
    '',
    'Fields of an answer some roles may not read (the field answers `FORBIDDEN`, the rest of the response stands; a viewer that also holds an allowed role reads it):',
    '',
    '| field | FORBIDDEN for |',
    '| --- | --- |',
    ...fieldRows,
  ].join('\n');
}

/** `readme` with the rendered table between its markers. */
export function withPermissionTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${TABLE_START} … ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${renderPermissionTable()}\n${readme.slice(end)}`;
}
