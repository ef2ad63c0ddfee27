import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MB = 1024 * 1024;

/** Heap and page cache for the embedded Neo4j, with what they were derived from (for the start log). */
export interface MemoryPlan {
  heapMb: number;
  pageCacheMb: number;
  storeMb: number;
  machineMb: number;
  /** Which sizes came from NEO4J_HEAP_MB / NEO4J_PAGECACHE_MB rather than the rule. */
  overridden: { heap: boolean; pageCache: boolean };
}

export interface MemoryInputs {
  storeBytes: number;
  machineBytes: number;
  heapMb?: number;
  pageCacheMb?: number;
}

/**
 * Sizes the embedded Neo4j like its operations manual advises, scaled to this machine: the page
 * cache holds the whole store plus 20 % to grow (reads never go to disk), the heap starts at
 * 1 GB and grows by half the store size (transaction state and query working sets grow with the
 * graph); each takes at most a quarter of the machine's memory, leaving the rest to the API,
 * the OS and its file cache. The heap never goes below 512 MB, the page cache below 64 MB.
 */
export function planEmbeddedMemory(inputs: MemoryInputs): MemoryPlan {
  const storeMb = Math.ceil(inputs.storeBytes / MB);
  const machineMb = Math.floor(inputs.machineBytes / MB);
  const quarter = Math.floor(machineMb / 4);
  const autoHeap = clamp(1024 + Math.ceil(storeMb / 2), 512, Math.min(8192, quarter));
  const autoPageCache = clamp(Math.ceil(storeMb * 1.2), 64, quarter);
  return {
    heapMb: inputs.heapMb ?? autoHeap,
    pageCacheMb: inputs.pageCacheMb ?? autoPageCache,
    storeMb,
    machineMb,
    overridden: { heap: inputs.heapMb !== undefined, pageCache: inputs.pageCacheMb !== undefined },
  };
}

/** Bytes in the store folder (every file below it; 0 for a new store). */
export function storeSizeBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += storeSizeBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/** The memory this process may use: a container's limit when there is one, else the machine's. */
export function machineMemoryBytes(): number {
  const total = os.totalmem();
  const constrained = process.constrainedMemory?.();
  return constrained && constrained > 0 && constrained < total ? constrained : total;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
