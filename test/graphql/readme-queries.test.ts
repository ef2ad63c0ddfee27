import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, specifiedRules, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { resolvers } from '../../src/areas';
import { DEFAULT_LIMITS } from '../../src/config';
import { documentLimits } from '../../src/graphql/limits';
import { operationCost } from '../../src/graphql/operation-cost';
import { buildSchema } from '../../src/graphql/schema';

const README = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
const BLOCKS = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

/** Each operation of a README block, with the block's fragments. */
function operations(block: string): { name: string; source: string; document: DocumentNode; operation: OperationDefinitionNode }[] {
  const document = parse(block, { maxTokens: DEFAULT_LIMITS.maxTokens });
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? [{ name: block.trim().split('\n')[0].slice(0, 60), source: block, document: { ...document, definitions: [definition, ...fragments] }, operation: definition }]
      : [],
  );
}

describe('the README examples', () => {
  const schema = buildSchema(resolvers);
  const { validationRules } = documentLimits(DEFAULT_LIMITS, false);
  const examples = BLOCKS.flatMap(operations);

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples.map((example) => [example.name, example]))('stays within the default limits: %s', (_name, example) => {
    expect(example.source.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCharacters);
    const errors = validate(schema, example.document, [...specifiedRules, ...validationRules]);
    expect(errors.map((error) => error.message)).toEqual([]);
    expect(operationCost(schema, example.document, example.operation, {}).cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
  });
});
