import { badUserInput, conflict, notFound, type InputProblem } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { validKey } from '../model/validate-properties';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';

export interface OrderLineInput {
  productId: string;
  quantity: number;
  amount: number;
}

export interface PlaceOrderInput {
  accountId: string;
  date: string;
  lines: OrderLineInput[];
  number?: string | null;
  currency?: string | null;
  key?: string | null;
}

const ORDER_ENDPOINTS = `
OPTIONAL MATCH (account:Organization {id: $accountId})
RETURN account IS NOT NULL AS accountExists,
       [id IN $productIds WHERE NOT EXISTS { MATCH (:Product {id: id}) }] AS missingProducts`;

const CREATE_ORDER = `
MATCH (account:Organization {id: $accountId})
CREATE (account)-[:PLACED {createdAt: $now, updatedAt: $now}]->
       (o:Entity:Order {id: randomUUID(), date: $date, amount: $amount, createdAt: $now, updatedAt: $now})
SET o.number = $number, o.currency = $currency, o.key = $key
WITH o
UNWIND $lines AS line
MATCH (p:Product {id: line.productId})
CREATE (o)-[:CONTAINS {quantity: line.quantity, amount: line.amount, createdAt: $now, updatedAt: $now}]->(p)
WITH o, count(*) AS lines
RETURN ${ENTITY_ROW('o')} AS node, lines`;

/**
 * Places an order with its lines in one transaction: the amount is Σ line amounts, so it can
 * never disagree with its lines. Every line problem is reported at once; nothing is written then.
 */
export async function placeOrder(tx: Tx, input: PlaceOrderInput): Promise<EntityRow> {
  const key = validKey(input.key) ?? null;
  const problems = lineProblems(input);
  if (problems.length) {
    throw badUserInput(`The order is invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
  }
  const amount = round2(input.lines.reduce((sum, line) => sum + line.amount, 0));
  const productIds = [...new Set(input.lines.map((line) => line.productId))];
  const [check] = await tx.run<{ accountExists: boolean; missingProducts: string[] }>(ORDER_ENDPOINTS, {
    accountId: input.accountId,
    productIds,
  });
  if (!check.accountExists) throw notFound('Organization', input.accountId);
  if (check.missingProducts.length) throw notFound('Product', check.missingProducts[0]);
  const [row] = await tx.run<{ node: EntityRow; lines: number }>(CREATE_ORDER, {
    accountId: input.accountId,
    date: param.date(input.date),
    amount,
    number: input.number ?? null,
    currency: input.currency ?? 'EUR',
    key,
    lines: input.lines.map((line) => ({ productId: line.productId, quantity: param.integer(line.quantity), amount: line.amount })),
    now: param.now(),
  });
  // A product deleted between the check and the write would silently drop its line: refuse instead.
  if (!row || row.lines !== input.lines.length) {
    throw conflict('A product of this order was deleted while the order was placed; nothing was written. Check the products and retry.');
  }
  return row.node;
}

function lineProblems(input: PlaceOrderInput): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!input.lines.length) problems.push({ path: 'lines', message: 'must hold at least one line' });
  const firstLine = new Map<string, number>();
  input.lines.forEach((line, i) => {
    if (firstLine.has(line.productId)) {
      problems.push({ path: `lines[${i}].productId`, message: `repeats the product of lines[${firstLine.get(line.productId)}]; put it on one line` });
    } else firstLine.set(line.productId, i);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      problems.push({ path: `lines[${i}].quantity`, message: `must be a whole number of at least 1, got ${line.quantity}` });
    }
    if (!Number.isFinite(line.amount) || line.amount < 0) {
      problems.push({ path: `lines[${i}].amount`, message: `must be 0 or more, got ${line.amount}` });
    }
  });
  if (input.currency !== undefined && input.currency !== null && !/^[A-Z]{3}$/.test(input.currency)) {
    problems.push({ path: 'currency', message: `must be a three-letter ISO code like EUR, got ${JSON.stringify(input.currency)}` });
  }
  if (input.number && input.number.length > 50) problems.push({ path: 'number', message: 'must be at most 50 characters' });
  return problems;
}

/** Money is summed in cents so 0.1 + 0.2 stays 0.3. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
