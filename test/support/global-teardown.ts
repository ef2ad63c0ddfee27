import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.__embeddedNeo4j;
  if (!embedded) return;
  await embedded.server.stop();
  fs.rmSync(embedded.dataDir, { recursive: true, force: true });
}
