import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { seedIfEmpty } from '../../src/import';
import { runCli } from '../support/run-cli';
import { useTestServer } from '../support/test-server';

const run = (script: string, args: string[]) => runCli(script, args);

/** Every node and relationship with every property and each property's stored type, in a stable order. */
const GRAPH = `
CALL () {
  MATCH (n:Entity)
  WITH n ORDER BY n.id
  RETURN collect({labels: labels(n), properties: properties(n), types: [k IN keys(n) | k + ': ' + valueType(n[k])]}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  WITH a, r, b ORDER BY a.id, type(r), b.id
  RETURN collect({from: a.id, type: type(r), to: b.id, properties: properties(r), types: [k IN keys(r) | k + ': ' + valueType(r[k])]}) AS relationships
}
RETURN nodes, relationships`;

interface Dump {
  nodes: { types: string[] }[];
  relationships: { types: string[] }[];
}

describe('npm run export, then npm run import into an empty store', () => {
  const { server } = useTestServer();

  const dump = async () => {
    const [graph] = await server.db.read<Dump>(GRAPH);
    for (const item of [...graph.nodes, ...graph.relationships]) item.types.sort();
    // Two relationships of one type between the same nodes (RESPONDED per kind) come in any order.
    const order = (rel: object) => JSON.stringify(rel);
    graph.relationships.sort((a, b) => order(a).localeCompare(order(b)));
    return graph;
  };

  it('restores the same nodes, relationships and properties — ids, timestamps and nodes without a key included', async () => {
    await server.onEmptyDatabase(() => seedIfEmpty(server.db, pino({ level: 'silent' })));
    const ids = Object.fromEntries(
      (await server.db.read<{ key: string; id: string }>('MATCH (n:Entity) WHERE n.key IS NOT NULL RETURN n.key AS key, n.id AS id')).map((row) => [row.key, row.id]),
    );
    // Nodes without a key, made through the API: a contact (with a credit), consents, stage histories, an order, a case, an organization.
    const { logInteraction } = await server.data(/* GraphQL */ `mutation ($kim: ID!, $anna: ID!, $account: ID!) {
      logInteraction(input: { type: MEETING, direction: OUTBOUND, occurredAt: "2026-11-24T10:00:00.123Z", summary: "Walkthrough",
        participantIds: [$kim, $anna], aboutIds: [$account] }) { id } }`,
    { kim: ids['u-kim-berg'], anna: ids['p-anna-weber'], account: ids['org-bau-schmidt'] });
    await server.data(/* GraphQL */ `mutation ($id: ID!) { recordCredit(interactionId: $id, amount: 120.5, reason: "Late delivery") { interactionId } }`, { id: logInteraction.id });
    await server.data(/* GraphQL */ `mutation ($anna: ID!) {
      recordConsent(personId: $anna, channel: EMAIL, purpose: "newsletter", source: "test", textVersion: "v2") { id }
      withdrawConsent(personId: $anna, channel: PHONE, purpose: "offers", source: "test") { id } }`, { anna: ids['p-anna-weber'] });
    await server.data(/* GraphQL */ `mutation ($account: ID!, $deal: ID!) {
      changeLifecycleStage(accountId: $account, stage: CUSTOMER, reason: "Test") { id }
      changeOpportunityStage(opportunityId: $deal, stage: WON, reason: "Signed") { id } }`,
    { account: ids['org-bau-schmidt'], deal: ids['opp-bau-schmidt-kiel'] });
    const { createOrganization } = await server.data(/* GraphQL */ `mutation { createOrganization(input: { name: "No Key GmbH", employees: 7, annualRevenue: 1000000 }) { id } }`);
    await server.data(/* GraphQL */ `mutation ($org: ID!, $anna: ID!) {
      linkWorksAt(input: { personId: $anna, organizationId: $org, title: "Advisor", since: "2024-02-29" }) { type } }`,
    { org: createOrganization.id, anna: ids['p-anna-weber'] });
    const before = await dump();
    const keyless = await server.db.read<{ label: string }>('MATCH (n:Entity) WHERE n.key IS NULL RETURN DISTINCT labels(n)[1] AS label');
    expect(keyless.map((row) => row.label).sort()).toEqual(expect.arrayContaining(['Consent', 'Interaction', 'LifecycleChange', 'OpportunityStageChange', 'Organization']));

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-export-')), 'backup.ndjson');
    const exported = await run('src/import/export-cli.ts', ['--out', file]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(new RegExp(`exported ${before.nodes.length} nodes and ${before.relationships.length} relationships`));
    expect(exported.stderr).toMatch(/not exported: 1 SeedState node\(s\), not part of the graph model/);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(before.nodes.length + before.relationships.length);
    expect(lines.find((line) => line.node?.type === 'Consent' && !line.node.key)).toEqual({
      node: { type: 'Consent', id: expect.any(String), createdAt: expect.any(String), updatedAt: expect.any(String), properties: expect.objectContaining({ channel: expect.any(String) }) },
    });

    // Into a store with nothing at all: the backup brings its users back, the test ADMIN too.
    const restored = await server.onEmptyDatabase(() => run('src/import/cli.ts', [file]));
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(new RegExp(`nodes: ${before.nodes.length} created, 0 updated; relationships: ${before.relationships.length} created, 0 updated`));
    const after = await dump();
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);

    const again = await run('src/import/cli.ts', [file]);
    expect(again.stdout).toMatch(/nodes: 0 created, 0 updated; relationships: 0 created, 0 updated/);
    expect(await dump()).toEqual(before);
  }, 600_000);
});
