/**
 * `npm run permissions:print` writes the permission table of src/access/permissions.ts into
 * README.md (between its markers); `--check` fails when the README's table differs from the code's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { withPermissionTable } from '../src/access/permission-table';

const readmePath = path.join(process.cwd(), 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const current = withPermissionTable(readme);

if (process.argv.includes('--check')) {
  if (current !== readme) {
    console.error('The permission table in README.md differs from src/access/permissions.ts: run `npm run permissions:print` and commit it.');
    process.exit(1);
  }
  console.log('README.md holds the current permission table.');
} else {
  fs.writeFileSync(readmePath, current);
  console.log('wrote the permission table into README.md');
}
