import { NAME_KEYED_LABELS, nameKeyOf } from '../model/name-key';
import type { Database } from './database';

/**
 * Constraints and indexes the queries rely on. Every statement is idempotent (IF NOT EXISTS),
 * so migrations run on every start. A changed index gets a new name, never an edit in place.
 */
const MIGRATIONS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE',
  'CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name)',
  'CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)',
  // Lists by name read these in order (src/model/name-key.ts).
  'CREATE INDEX organization_name_key IF NOT EXISTS FOR (n:Organization) ON (n.nameKey)',
  'CREATE INDEX person_name_key IF NOT EXISTS FOR (n:Person) ON (n.nameKey)',
  'CREATE INDEX user_name_key IF NOT EXISTS FOR (n:User) ON (n.nameKey)',
  'CREATE INDEX person_email IF NOT EXISTS FOR (n:Person) ON (n.email)',
  'CREATE INDEX user_email IF NOT EXISTS FOR (n:User) ON (n.email)',
  'CREATE INDEX organization_lifecycle_stage IF NOT EXISTS FOR (n:Organization) ON (n.lifecycleStage)',
  'CREATE INDEX organization_tier IF NOT EXISTS FOR (n:Organization) ON (n.tier)',
  'CREATE INDEX opportunity_stage IF NOT EXISTS FOR (n:Opportunity) ON (n.stage)',
  'CREATE INDEX opportunity_close IF NOT EXISTS FOR (n:Opportunity) ON (n.expectedCloseDate)',
  'CREATE INDEX interaction_occurred IF NOT EXISTS FOR (n:Interaction) ON (n.occurredAt)',
  // Idempotency-Key records (src/graphql/idempotency.ts): MERGE on the key locks it.
  'CREATE CONSTRAINT idempotency_owner_key IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE (k.owner, k.key) IS UNIQUE',
  'CREATE INDEX idempotency_key_expires IF NOT EXISTS FOR (k:IdempotencyKey) ON (k.expiresAt)',
  // The change feed: one counter, one event per seq; webhooks, double opt-in requests, form throttles.
  'CREATE CONSTRAINT event_sequence_name IF NOT EXISTS FOR (n:EventSequence) REQUIRE n.name IS UNIQUE',
  'CREATE CONSTRAINT event_seq IF NOT EXISTS FOR (n:Event) REQUIRE n.seq IS UNIQUE',
  'CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT consent_request_token IF NOT EXISTS FOR (n:ConsentRequest) REQUIRE n.tokenHash IS UNIQUE',
  'CREATE CONSTRAINT contact_form_throttle IF NOT EXISTS FOR (n:ContactFormThrottle) REQUIRE n.emailHash IS UNIQUE',
  // Erasure tombstones: not entities (no :Entity label), looked up by the hash of the erased key.
  'CREATE CONSTRAINT erased_person_id IF NOT EXISTS FOR (n:ErasedPerson) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX erased_person_key_hash IF NOT EXISTS FOR (n:ErasedPerson) ON (n.keyHash)',
  `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
     FOR (n:Organization|Person|User|Opportunity|Product|Case)
     ON EACH [n.name, n.email, n.title, n.domain, n.subject, n.sku]`,
  // Access (DESIGN §9): API keys are found by the hash of their secret; the audit log pages by time.
  'CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE',
  'CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE',
  'CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE',
  'CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)',
  'CREATE INDEX audit_entry_actor IF NOT EXISTS FOR (a:AuditEntry) ON (a.actorId)',
];

/** The name a migration creates (every statement names its index or constraint). */
const nameOf = (statement: string) => /^\s*CREATE (?:FULLTEXT )?(?:INDEX|CONSTRAINT) (\w+)/.exec(statement)![1];

/** The name of every index and constraint the migrations make. */
export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map(nameOf);

/**
 * Indexes that only speed up reads: no import write looks a node up through them, and none
 * enforces anything. On a store without entities, `npm run import` builds them after the load,
 * in bulk, instead of updating them row by row (src/import/bulk-load.ts). The uniqueness
 * constraints on `id` and `key` are never among them: imports match nodes through them, and
 * every write is checked against them from the first row on.
 */
export const READ_ONLY_ENTITY_INDEXES: ReadonlySet<string> = new Set([
  'organization_name', 'person_name', 'organization_name_key', 'person_name_key', 'user_name_key', 'person_email', 'user_email', 'organization_lifecycle_stage',
  'organization_tier', 'opportunity_stage', 'opportunity_close', 'interaction_occurred', 'entity_search',
]);

export interface MigrateOptions {
  /** Names of migrations to leave out this time (a bulk load builds them afterwards). */
  except?: ReadonlySet<string>;
  /** Wait (up to 120 s) until every index is online (default); a bulk load follows them itself. */
  wait?: boolean;
}

export async function migrate(database: Database, options: MigrateOptions = {}): Promise<void> {
  // Building an index on a big store takes longer than an ordinary transaction may.
  const db = database.forImport();
  for (const statement of MIGRATIONS) if (!options.except?.has(nameOf(statement))) await db.write(statement);
  await fillNameKeys(db);
  if (options.wait ?? true) await db.write('CALL db.awaitIndexes(120)');
}

const NAMES_WITHOUT_KEY = `
MATCH (n:${NAME_KEYED_LABELS.join('|')}) WHERE n.nameKey IS NULL AND n.name IS NOT NULL
RETURN elementId(n) AS node, n.name AS name`;
const SET_NAME_KEYS = `
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.node AND n.name = row.name
SET n.nameKey = row.nameKey`;
const NAME_KEYS_A_TRANSACTION = 10_000;

/**
 * Gives every node of a store written before nameKey existed its key: read in one pass (a pass per
 * batch would reread the keyed ones, quadratic on a big store), written 10,000 a transaction; a
 * node renamed meanwhile (another replica serving) already has the key of its new name.
 */
async function fillNameKeys(db: Database): Promise<void> {
  const rows = await db.read<{ node: string; name: string }>(NAMES_WITHOUT_KEY);
  for (let start = 0; start < rows.length; start += NAME_KEYS_A_TRANSACTION) {
    const batch = rows.slice(start, start + NAME_KEYS_A_TRANSACTION).map(({ node, name }) => ({ node, name, nameKey: nameKeyOf(name) }));
    await db.write(SET_NAME_KEYS, { rows: batch });
  }
}

export interface IndexState {
  name: string;
  /** ONLINE, POPULATING or FAILED. */
  state: string;
  populationPercent: number;
}

const INDEX_STATES = 'SHOW INDEXES YIELD name, state, populationPercent WHERE name IN $names RETURN name, state, populationPercent ORDER BY name';

/** The states of the named indexes that exist (constraints show as their backing index). */
export async function indexStates(db: Database, names: Iterable<string>): Promise<IndexState[]> {
  return db.read<IndexState>(INDEX_STATES, { names: [...names] });
}
