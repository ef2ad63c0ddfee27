import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.__embeddedNeo4j;
  if (embedded) {
    await Promise.all(embedded.servers.map((server) => server.stop()));
    for (const dataDir of embedded.dataDirs) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
