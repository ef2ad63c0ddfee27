/**
 * `npm run schema:print` writes schema.graphql (the whole schema in one sorted file, for client code
 * generators); `npm run schema:check` (`--check`) fails when that file differs from schema/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { printWholeSchema, readSchemaFiles, schemaFromSdl } from './schema-source';

const root = process.cwd();
const target = path.join(root, 'schema.graphql');
const printed = printWholeSchema(schemaFromSdl(readSchemaFiles(root)));

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (committed !== printed) {
    console.error('schema.graphql does not match schema/*.graphql: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is current.');
} else {
  fs.writeFileSync(target, printed);
  console.log(`wrote schema.graphql (${printed.split('\n').length} lines)`);
}
