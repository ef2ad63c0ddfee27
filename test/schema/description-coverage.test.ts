import { descriptionCoverage } from '../../scripts/schema-coverage';
import { readSchemaFiles, schemaFromSdl } from '../../scripts/schema-source';
import { PROJECT_ROOT } from '../../src/project-root';

describe('schema descriptions (npm run schema:coverage)', () => {
  it('describe every type, field, argument, input field and enum value', () => {
    const rows = descriptionCoverage(schemaFromSdl(readSchemaFiles(PROJECT_ROOT)));
    expect(rows.map((row) => row.kind)).toEqual(['types', 'fields', 'arguments', 'input fields', 'enum values']);
    for (const row of rows) {
      expect(row.total).toBeGreaterThan(0);
      expect({ kind: row.kind, missing: row.missing }).toEqual({ kind: row.kind, missing: [] });
      expect(row.described).toBe(row.total);
    }
  });

  it('counts what lacks a description, kind by kind', () => {
    const rows = descriptionCoverage(schemaFromSdl([`
      """Described."""
      type Query {
        """Described."""
        hello(name: String, """Described.""" loud: Boolean): Mood
        bare: String
      }
      enum Mood { """Described.""" HAPPY SAD }
      input Unused { """ """ blank: Int }
    `]));
    const byKind = Object.fromEntries(rows.map((row) => [row.kind, row]));
    expect(byKind.types).toMatchObject({ described: 1, total: 3, missing: ['Mood', 'Unused'] });
    expect(byKind.fields).toMatchObject({ described: 1, total: 2, missing: ['Query.bare'] });
    expect(byKind.arguments).toMatchObject({ described: 1, total: 2, missing: ['Query.hello(name:)'] });
    expect(byKind['input fields']).toMatchObject({ described: 0, total: 1, missing: ['Unused.blank'] });
    expect(byKind['enum values']).toMatchObject({ described: 1, total: 2, missing: ['Mood.SAD'] });
  });
});
