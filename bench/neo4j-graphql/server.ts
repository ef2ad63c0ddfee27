/**
 * @neo4j/graphql on Apollo Server 5 over the bench's Neo4j, started by npm run bench as a child
 * process (NEO4J_URI, PORT), so that it has a process of its own as the API has. Prints
 * `READY <url>` once it listens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

async function main(): Promise<void> {
  const driver = neo4j.driver(process.env.NEO4J_URI!, undefined, { disableLosslessIntegers: true, maxConnectionPoolSize: 50 });
  const typeDefs = fs.readFileSync(path.join(__dirname, 'type-defs.graphql'), 'utf8');
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema, introspection: false });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 0) } });
  process.stdout.write(`READY ${url}\n`);
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
