import { badUserInput, notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { NodeLabel } from '../model/graph-model';
import type { EntityRow } from '../nodes/entity-row';
import { createEntity, deleteEntity, updateEntity } from '../nodes/entity-writes';
import { labelsOf } from '../nodes/labels-of';

/** The fields of an asset and who it belongs to; on update every field is optional. */
export interface AssetInput {
  serialNumber?: string | null;
  installedAt?: string | null;
  status?: string | null;
  operatorId?: string | null;
  productId?: string | null;
  maintainerIds?: readonly string[] | null;
}

// Each replaces one kind of link of the asset; the ids were checked in the same transaction.
const SET_OPERATOR = `
MATCH (a:Entity {id: $assetId})
OPTIONAL MATCH (:Organization)-[old:OPERATES]->(a)
DELETE old
WITH DISTINCT a
MATCH (o:Entity {id: $operatorId})
CREATE (o)-[:OPERATES {createdAt: $now, updatedAt: $now}]->(a)`;

const SET_PRODUCT = `
MATCH (a:Entity {id: $assetId})
OPTIONAL MATCH (a)-[old:OF_PRODUCT]->(:Product)
DELETE old
WITH DISTINCT a
MATCH (p:Entity {id: $productId})
CREATE (a)-[:OF_PRODUCT {createdAt: $now, updatedAt: $now}]->(p)`;

const SET_MAINTAINERS = `
MATCH (a:Entity {id: $assetId})
OPTIONAL MATCH (:Organization)-[old:MAINTAINS]->(a)
DELETE old
WITH DISTINCT a
UNWIND $maintainerIds AS maintainerId
MATCH (m:Entity {id: maintainerId})
CREATE (m)-[:MAINTAINS {createdAt: $now, updatedAt: $now}]->(a)`;

/** Installs an asset: its properties, the organization that OPERATES it, its product and who MAINTAINS it. */
export async function createAsset(tx: Tx, input: AssetInput & { key?: string | null }): Promise<EntityRow> {
  if (!input.operatorId) throw badUserInput('"operatorId" is required: the organization that runs the asset.');
  if (!input.productId) throw badUserInput('"productId" is required: which of our products the asset is.');
  await checkLinks(tx, input);
  const asset = await createEntity(tx, 'Asset', { ...assetProperties(input), status: input.status ?? 'ACTIVE' }, input.key);
  await setLinks(tx, asset.id, input);
  return asset;
}

/** Changes the given fields (null removes an optional one); given links replace the old ones. NOT_FOUND for an unknown id. */
export async function updateAsset(tx: Tx, id: string, input: AssetInput): Promise<EntityRow> {
  if (input.operatorId === null) throw badUserInput('"operatorId" cannot be removed: an asset always has an operator.');
  if (input.productId === null) throw badUserInput('"productId" cannot be removed: an asset is always one of our products.');
  if (input.status === null) throw badUserInput('"status" cannot be removed; set ACTIVE, OUT_OF_SERVICE or REPLACED.');
  await checkLinks(tx, input);
  const asset = await updateEntity(tx, 'Asset', id, assetProperties(input));
  await setLinks(tx, id, input);
  return asset;
}

/** Removes an asset and its links; cases about it stay (without it). NOT_FOUND for an unknown id. */
export function deleteAsset(tx: Tx, id: string): Promise<EntityRow> {
  return deleteEntity(tx, 'Asset', id);
}

function assetProperties(input: AssetInput): Record<string, unknown> {
  const { serialNumber, installedAt, status } = input;
  return Object.fromEntries(Object.entries({ serialNumber, installedAt, status }).filter(([, value]) => value !== undefined));
}

/** NOT_FOUND for an unknown id, BAD_USER_INPUT for an id of the wrong kind; before anything is written. */
async function checkLinks(tx: Tx, input: AssetInput): Promise<void> {
  const wanted: [string, NodeLabel, string][] = [
    ...(input.operatorId ? [[input.operatorId, 'Organization', 'operatorId'] as [string, NodeLabel, string]] : []),
    ...(input.productId ? [[input.productId, 'Product', 'productId'] as [string, NodeLabel, string]] : []),
    ...(input.maintainerIds ?? []).map((id): [string, NodeLabel, string] => [id, 'Organization', 'maintainerIds']),
  ];
  const labels = await labelsOf(tx, wanted.map(([id]) => id));
  for (const [id, label, field] of wanted) {
    const found = labels.get(id);
    if (!found) throw notFound(label, id);
    if (found !== label) throw badUserInput(`"${field}" must name ${label === 'Organization' ? 'an' : 'a'} ${label}, but ${id} is a ${found}.`);
  }
}

async function setLinks(tx: Tx, assetId: string, input: AssetInput): Promise<void> {
  const now = param.now();
  if (input.operatorId) await tx.run(SET_OPERATOR, { assetId, operatorId: input.operatorId, now });
  if (input.productId) await tx.run(SET_PRODUCT, { assetId, productId: input.productId, now });
  if (input.maintainerIds) await tx.run(SET_MAINTAINERS, { assetId, maintainerIds: [...new Set(input.maintainerIds)], now });
}
