/**
 * Whom and what the bench asks about, chosen from the store by its shape (degrees, distances),
 * never by random ids, so that every run of one store asks the same questions.
 */
import type { Driver } from 'neo4j-driver';

export interface Picks {
  /** People of ordinary degree (2…5 KNOWS), for lookups and the mixed load. */
  people: string[];
  /** Organizations with 5…50 people, for account pages. */
  accounts: string[];
  /** Two ordinary people 3 and 4 hops apart (fewest hops over every stakeholder relationship). */
  pair3: [string, string];
  pair4: [string, string];
  /** Two of the best-connected people (KNOWS hubs), and their degrees. */
  hubs: [string, string];
  hubDegrees: [number, number];
  /** Every pair of the ten best-connected people, for a question that asks about a different pair each time. */
  hubPairs: [string, string][];
  /** A person with 20…60 KNOWS, for two levels of 20. */
  sociable: string;
  bigAccount: string;
  bigAccountStaff: number;
  midAccount: string;
  /** The person most INFLUENCED. */
  influenced: string;
  /** The opportunity on the biggest account with a buying center. */
  bigDeal: string;
  /** The organization that SERVES the most customers. */
  distributor: string;
  distributorCustomers: number;
}

const TYPES = 'KNOWS|REPORTS_TO|WORKS_AT|INFLUENCES|SERVES|SUBSIDIARY_OF|MANAGES';

const SHAPE = `
CALL () {
  MATCH (p:Person) WITH p, COUNT { (p)-[:KNOWS]-() } AS degree ORDER BY degree DESC, p.id LIMIT 10
  RETURN collect(p.id) AS hubs, collect(degree) AS hubDegrees
}
CALL () {
  MATCH (p:Person) WHERE p.key ENDS WITH '7'
  WITH p, COUNT { (p)-[:KNOWS]-() } AS degree WHERE 2 <= degree <= 5
  WITH p ORDER BY p.key LIMIT 200
  RETURN collect(p.id) AS people
}
CALL () {
  MATCH (p:Person) WHERE p.key ENDS WITH '3'
  WITH p, COUNT { (p)-[:KNOWS]-() } AS degree WHERE 20 <= degree <= 60
  RETURN p.id AS sociable ORDER BY p.key LIMIT 1
}
CALL () {
  MATCH (o:Organization) WHERE o.key ENDS WITH '1'
  WITH o, COUNT { (:Person)-[:WORKS_AT]->(o) } AS staff WHERE 5 <= staff <= 50
  WITH o ORDER BY o.key LIMIT 100
  RETURN collect(o.id) AS accounts
}
CALL () {
  MATCH (d:Opportunity)-[:FOR_ACCOUNT]->(o:Organization)
  WITH d, o, COUNT { (:Person)-[:WORKS_AT]->(o) } AS staff ORDER BY staff DESC, o.id LIMIT 1
  RETURN d.id AS bigDeal, o.id AS bigAccount, staff AS bigAccountStaff
}
CALL () {
  MATCH (o:Organization) WITH o, COUNT { (:Person)-[:WORKS_AT]->(o) } AS staff WHERE 10 <= staff <= 30
  RETURN o.id AS midAccount ORDER BY o.key LIMIT 1
}
CALL () {
  MATCH (p:Person) WITH p, COUNT { ()-[:INFLUENCES]->(p) } AS inDegree ORDER BY inDegree DESC, p.id LIMIT 1
  RETURN p.id AS influenced
}
CALL () {
  MATCH (d:Organization) WITH d, COUNT { (d)-[:SERVES]->() } AS served ORDER BY served DESC, d.id LIMIT 1
  RETURN d.id AS distributor, served AS distributorCustomers
}
RETURN hubs, hubDegrees, people, sociable, accounts, bigDeal, bigAccount, bigAccountStaff, midAccount, influenced, distributor, distributorCustomers`;

/** Fewest hops from $a to each of $others within 4, over every stakeholder relationship. */
const DISTANCES = `
MATCH (a:Entity {id: $a})
UNWIND $others AS other
MATCH (b:Entity {id: other})
OPTIONAL MATCH p = ANY SHORTEST (a)-[:${TYPES}]-{1,4}(b)
RETURN other, length(p) AS hops`;

export async function pickSubjects(driver: Driver): Promise<Picks> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const shape = (await session.run(SHAPE)).records[0].toObject();
    const people = shape.people as string[];
    let pair3: [string, string] | undefined;
    let pair4: [string, string] | undefined;
    for (const a of people.slice(0, 20)) {
      const others = people.slice(100, 160);
      const rows = (await session.run(DISTANCES, { a, others })).records.map((r) => r.toObject() as { other: string; hops: number | null });
      pair3 ??= rows.filter((r) => r.hops === 3).map((r): [string, string] => [a, r.other])[0];
      pair4 ??= rows.filter((r) => r.hops === 4).map((r): [string, string] => [a, r.other])[0];
      if (pair3 && pair4) break;
    }
    if (!pair3 || !pair4) throw new Error('no ordinary pair 3 and 4 hops apart among the picked people');
    const hubs = shape.hubs as string[];
    const hubDegrees = shape.hubDegrees as number[];
    return {
      people,
      accounts: shape.accounts as string[],
      pair3,
      pair4,
      hubs: [hubs[5], hubs[9]],
      hubDegrees: [hubDegrees[5], hubDegrees[9]],
      hubPairs: hubs.flatMap((a, i) => hubs.slice(i + 1).map((b): [string, string] => [a, b])),
      sociable: shape.sociable as string,
      bigAccount: shape.bigAccount as string,
      bigAccountStaff: shape.bigAccountStaff as number,
      midAccount: shape.midAccount as string,
      influenced: shape.influenced as string,
      bigDeal: shape.bigDeal as string,
      distributor: shape.distributor as string,
      distributorCustomers: shape.distributorCustomers as number,
    };
  } finally {
    await session.close();
  }
}
