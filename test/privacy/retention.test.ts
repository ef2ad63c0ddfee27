import pino from 'pino';
import type { ImportDocument } from '../../src/import';
import { purgeInteractions, scheduleRetention } from '../../src/privacy';
import { runCli } from '../support/run-cli';
import { useTestServer } from '../support/test-server';

const NOW = new Date('2026-11-20T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number, now = NOW) => new Date(now.getTime() - days * DAY).toISOString();

/** Kim's contacts with Anna at the given ages (days before NOW), each about Acme; KNOWS as contact history left it. */
function history(ages: Record<string, number>, now = NOW): ImportDocument {
  return {
    nodes: [
      { type: 'User', key: 'kim', properties: { name: 'Kim' } },
      { type: 'Person', key: 'anna', properties: { name: 'Anna' } },
      { type: 'Organization', key: 'acme', properties: { name: 'Acme' } },
      ...Object.entries(ages).map(([key, age]) => ({ type: 'Interaction' as const, key, properties: { type: 'CALL', occurredAt: daysAgo(age, now) } })),
    ],
    relationships: [
      { type: 'KNOWS', from: 'kim', to: 'anna', properties: { strength: 0.672, interactionCount: 5, lastInteractionAt: daysAgo(1, now) } },
      ...Object.keys(ages).flatMap((key) => [
        { type: 'PARTICIPATED_IN' as const, from: 'kim', to: key },
        { type: 'PARTICIPATED_IN' as const, from: 'anna', to: key },
        { type: 'ABOUT' as const, from: key, to: 'acme' },
      ]),
    ],
  };
}

const interactionKeys = async (server: { db: { read: <T>(q: string) => Promise<T[]> } }) =>
  (await server.db.read<{ key: string }>('MATCH (i:Interaction) RETURN i.key AS key ORDER BY key')).map((row) => row.key);
const knows = async (server: { db: { read: <T>(q: string) => Promise<T[]> } }) =>
  (await server.db.read<{ properties: Record<string, unknown> }>('MATCH (:User)-[k:KNOWS]-(:Person) RETURN properties(k) AS properties'))
    .map((row) => row.properties);

describe('purgeInteractions (retention of contact history)', () => {
  const { server } = useTestServer({
    freshEach: true,
    graph: history({ 'two-years': 730, 'just-over-a-year': 366, 'exactly-a-year': 365, 'last-month': 30, yesterday: 1 }),
  });

  it('deletes interactions older than the retention in batches, keeps younger ones, and leaves KNOWS as it was', async () => {
    const before = await knows(server);
    const progress: [number, number][] = [];
    const report = await purgeInteractions(server.db, {
      olderThanDays: 365, now: NOW, batchSize: 1, onProgress: (deleted, total) => progress.push([deleted, total]),
    });
    expect(report).toEqual({ cutoff: daysAgo(365), deleted: 2 });
    expect(progress).toEqual([[1, 2], [2, 2]]);
    expect(await interactionKeys(server)).toEqual(['exactly-a-year', 'last-month', 'yesterday']);
    expect(await knows(server)).toEqual(before);
    expect(before[0]).toMatchObject({ strength: 0.672, interactionCount: 5 });
    const [{ about, organizations }] = await server.db.read<{ about: number; organizations: number }>(
      'RETURN COUNT { ()-[:ABOUT]->() } AS about, COUNT { (:Organization) } AS organizations');
    expect([about, organizations]).toEqual([3, 1]);
  });

  it('deletes nothing when nothing is that old', async () => {
    expect(await purgeInteractions(server.db, { olderThanDays: 1000, now: NOW })).toEqual({ cutoff: daysAgo(1000), deleted: 0 });
    expect(await interactionKeys(server)).toHaveLength(5);
  });

  it('runs at once when the server schedules it, and stopping waits for the run', async () => {
    const stop = scheduleRetention(server.db, pino({ level: 'silent' }), 365 + Math.ceil((Date.now() - NOW.getTime()) / DAY));
    await stop();
    expect(await interactionKeys(server)).toEqual(['exactly-a-year', 'last-month', 'yesterday']);
  });
});

/** Runs `npm run purge` (the same entry) against the suite's Neo4j. */
const runPurge = (env: Record<string, string>) => runCli('src/privacy/purge-cli.ts', [], env);

describe('npm run purge', () => {
  const now = new Date();
  const { server } = useTestServer({ graph: history({ old: 400, older: 500, recent: 10 }, now) });

  it('keeps everything while RETENTION_INTERACTIONS_DAYS is unset, and says so', async () => {
    const result = await runPurge({ RETENTION_INTERACTIONS_DAYS: '' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('RETENTION_INTERACTIONS_DAYS is not set: every interaction is kept');
    expect(await interactionKeys(server)).toEqual(['old', 'older', 'recent']);
  });

  it('purges what is older than RETENTION_INTERACTIONS_DAYS with progress, exit code 0', async () => {
    const result = await runPurge({ RETENTION_INTERACTIONS_DAYS: '365' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2/2 interactions deleted');
    expect(result.stdout).toMatch(/purged 2 interactions that occurred before \d{4}-\d{2}-\d{2}T/);
    expect(await interactionKeys(server)).toEqual(['recent']);
  });

  it('stops on a bad RETENTION_INTERACTIONS_DAYS naming the variable', async () => {
    const result = await runPurge({ RETENTION_INTERACTIONS_DAYS: 'a year' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('RETENTION_INTERACTIONS_DAYS must be a whole number from 1 to 36500');
  });
});
