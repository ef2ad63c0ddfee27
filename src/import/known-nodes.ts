import { NODE_LABELS, type NodeLabel } from '../model/graph-model';
import { textHash } from './text-hash';

/** What an import knows of one node it has written or will write. */
export interface KnownNode {
  label: NodeLabel;
  /** Written by the offline importer (else by the Bolt replay after it). */
  offline: boolean;
}

const EMPTY = 0;
const INITIAL_SLOTS = 1 << 16;

/**
 * Every node an import has named so far (by refId), with its label and the way it is written,
 * in typed arrays: a 64-bit hash per node, so 10^6 nodes cost ≈ 20 MB where a Map of their keys
 * costs hundreds. Two refs of one hash are taken for one node; at 10^6 nodes the chance that an
 * unknown ref looks known is about 10^-13 per look-up, and what it would cause is caught (the
 * offline importer refuses a relationship to a node it has not got).
 */
export class KnownNodes {
  private slots = INITIAL_SLOTS;
  private high = new Uint32Array(this.slots);
  private low = new Uint32Array(this.slots);
  private info = new Uint8Array(this.slots);
  private count = 0;

  get(ref: string): KnownNode | undefined {
    const [high, low] = textHash(ref);
    const info = this.info[this.find(high, low)];
    return info === EMPTY ? undefined : { label: NODE_LABELS[(info >> 1) - 1], offline: (info & 1) === 1 };
  }

  set(ref: string, node: KnownNode): void {
    if ((this.count + 1) * 2 > this.slots) this.grow();
    const [high, low] = textHash(ref);
    const slot = this.find(high, low);
    if (this.info[slot] === EMPTY) this.count += 1;
    this.high[slot] = high;
    this.low[slot] = low;
    this.info[slot] = ((NODE_LABELS.indexOf(node.label) + 1) << 1) | (node.offline ? 1 : 0);
  }

  /** The slot holding this hash, or the empty slot where it would go (linear probing). */
  private find(high: number, low: number): number {
    const mask = this.slots - 1;
    for (let slot = low & mask; ; slot = (slot + 1) & mask) {
      if (this.info[slot] === EMPTY || (this.high[slot] === high && this.low[slot] === low)) return slot;
    }
  }

  private grow(): void {
    const { high, low, info } = this;
    this.slots *= 2;
    this.high = new Uint32Array(this.slots);
    this.low = new Uint32Array(this.slots);
    this.info = new Uint8Array(this.slots);
    for (let old = 0; old < info.length; old += 1) {
      if (info[old] === EMPTY) continue;
      const slot = this.find(high[old], low[old]);
      this.high[slot] = high[old];
      this.low[slot] = low[old];
      this.info[slot] = info[old];
    }
  }
}
