// npm run lint: the SDL in schema/ against the house rules, and every GraphQL operation the
// repository holds (README examples, bench/, tests, the explorer) against the schema. graphql.config.yml names
// the schema; graphql-eslint's processor finds operations in code by their /* GraphQL */ comment.
import markdown from '@eslint/markdown';
import graphql from '@graphql-eslint/eslint-plugin';
import typescriptParser from '@typescript-eslint/parser';

const plugins = { '@graphql-eslint': graphql };

/**
 * Computed answers and relationship views: a client cache keeps them inside their parent, so they
 * need no id of their own. A new entity type implements Node (with `id: ID!`) instead of joining.
 */
const VALUE_TYPES = [
  'Audience', 'BuyingCenter', 'BuyingCenterMember', 'ChannelConflict', 'CreatedApiKey', 'CreditRecord', 'CrossSellCandidate',
  'CustomerValue', 'Dashboard', 'DormantCustomer', 'ImportReport', 'InfluenceScore', 'LifecycleTransition',
  'Network', 'NetworkNode', 'OpenCase', 'OrderLine', 'PageInfo', 'PartnerCoverage', 'PathStep', 'PersonBuyingRole',
  'Pipeline', 'PipelineStage', 'ProcessingRestriction', 'ProductAlternative', 'RelationshipPath', 'ResolutionTime', 'SameProblemAccount',
  'SearchHit', 'SeverityCount', 'StakeholderLink', 'TierAccounts', 'TierCount', 'TierReport', 'UpgradeCandidate',
  'Viewer',
  'CampaignResponse', 'CampaignResultGroup', 'ContactFormReceipt', 'CreatedWebhook', 'ResponseKindCount', 'TargetingReport',
  'CommunityRun', 'Forecast', 'ForecastRow', 'ReferralValue', 'ReferrerRow', 'ReplacementCandidate',
];

const schemaRules = {
  ...graphql.configs['flat/schema-recommended'].rules,
  ...graphql.configs['flat/schema-relay'].rules,
  // Every type, field, argument, input field and enum value says what it means.
  '@graphql-eslint/require-description': ['error', {
    types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true,
    DirectiveDefinition: true,
  }],
  // Connections page forward (first/after); none pages backward, so last/before are not required.
  '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
  // Plain lists ([Product!]!, [RelationshipPath!]!) are part of the API contract, and a connection's
  // node may be a computed row (OpenCase, DormantCustomer) rather than an entity.
  '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
  '@graphql-eslint/strict-id-in-types': ['error', {
    acceptedIdNames: ['id'], acceptedIdTypes: ['ID'],
    exceptions: { suffixes: ['Connection', 'Edge'], types: VALUE_TYPES },
  }],
};

/**
 * Operations are checked the way the server checks them (graphql-js validation against the
 * schema), plus: one anonymous operation per document, no deprecated field or argument, and
 * the server's depth limit (src/graphql/limits.ts: 12 fields deep).
 */
const operationRules = {
  ...Object.fromEntries(
    [
      'executable-definitions', 'fields-on-correct-type', 'fragments-on-composite-type', 'known-argument-names',
      'known-directives', 'known-fragment-names', 'known-type-names', 'lone-anonymous-operation', 'no-fragment-cycles',
      'no-undefined-variables', 'no-unused-fragments', 'no-unused-variables', 'overlapping-fields-can-be-merged',
      'possible-fragment-spread', 'provided-required-arguments', 'scalar-leafs', 'unique-argument-names',
      'unique-directive-names-per-location', 'unique-input-field-names', 'unique-variable-names',
      'value-literals-of-correct-type', 'variables-are-input-types', 'variables-in-allowed-position',
      'no-duplicate-fields', 'no-deprecated',
    ].map((rule) => [`@graphql-eslint/${rule}`, 'error']),
  ),
  // The rule counts the top-level field as depth 0: 11 here is limits.ts's 12 fields deep.
  '@graphql-eslint/selection-set-depth': ['error', { maxDepth: 11 }],
};

export default [
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.data/', 'embedded-neo4j/target/', 'schema.graphql'] },

  { files: ['schema/*.graphql'], languageOptions: { parser: graphql.parser }, plugins, rules: schemaRules },

  // Operations in code: the processor hands each /* GraphQL */ template literal on as a .graphql
  // block; the TypeScript around it is only parsed (type checking is tsc's job, not ESLint's).
  // Directives for other linters' rules in that TypeScript are none of this config's business.
  {
    files: ['bench/**/*.ts', 'test/**/*.ts', 'src/**/*.test.ts', 'explorer/src/**/*.ts'],
    languageOptions: { parser: typescriptParser },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    processor: graphql.processor,
  },
  // Operations in Markdown: every ```graphql block of the README.
  { files: ['**/*.md'], plugins: { markdown }, processor: 'markdown/markdown' },
  { files: ['**/*.ts/*.graphql', '**/*.md/*.graphql'], languageOptions: { parser: graphql.parser }, plugins, rules: operationRules },
];
