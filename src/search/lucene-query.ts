import { badUserInput } from '../graphql/errors';

// Everything Lucene's classic query parser treats as syntax.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes Lucene syntax so user text is only ever searched for, never parsed as a query. */
export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (char) => `\\${char}`);
}

/**
 * Turns user text into a Lucene query where every word must match, as a whole word (scored
 * higher) or as a prefix: "wärme kassel" → `(wärme OR wärme*) AND (kassel OR kassel*)`.
 * Words are lower-cased so AND/OR/NOT typed by a user are words, not operators.
 */
export function luceneQuery(text: string): string {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) throw badUserInput('search text must contain at least one word, e.g. "Wärmewerk".');
  return words.map((word) => {
    const escaped = escapeLucene(word);
    return `(${escaped} OR ${escaped}*)`;
  }).join(' AND ');
}
