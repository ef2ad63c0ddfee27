import { textHash } from './text-hash';

/** 2^22 words of 32 bits (16 MB): about 1 false "may hold" in 1,000 after 3.2·10^6 relationships (measured), more beyond. */
const WORDS = 2 ** 22;
const BITS_PER_IDENTITY = 4;

/**
 * What one import has written so far, as a Bloom filter of identities (a relationship's type,
 * ends and keying property): `mayHold` is false only for an identity never added. A false
 * "may hold" costs nothing but speed (the row is then merged, not created), so memory stays
 * 16 MB whatever the size of the import, where an exact set of 3·10^6 identities takes ≈ 250 MB.
 * An identity's bits lie in one word, so a look-up costs one cache miss, not one per bit.
 */
export class WrittenSoFar {
  private readonly words = new Uint32Array(WORDS);

  /** Adds an identity; true when it was surely not added before. */
  add(identity: string): boolean {
    const { word, mask } = place(identity);
    const surelyNew = (this.words[word] & mask) !== mask;
    this.words[word] |= mask;
    return surelyNew;
  }

  mayHold(identity: string): boolean {
    const { word, mask } = place(identity);
    return (this.words[word] & mask) === mask;
  }
}

/** The word of an identity (by one half of its hash) and its bits in that word (5 bits each of the other half). */
function place(identity: string): { word: number; mask: number } {
  const [high, low] = textHash(identity);
  let mask = 0;
  for (let i = 0; i < BITS_PER_IDENTITY; i += 1) mask |= 1 << ((low >>> (5 * i)) & 31);
  return { word: high & (WORDS - 1), mask };
}
