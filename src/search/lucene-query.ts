import { badUserInput } from '../graphql/errors';

// Everything Lucene's classic query parser treats as syntax.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
// The index's standard analyzer splits on these too, so they could never match; dots and @ stay
// inside words so e-mail fragments ("anna.weber") match as prefixes.
const WORD_BREAK = /[^\p{L}\p{N}.@_]+/u;

// Lucene refuses very long prefix terms and more than 1024 clauses; real searches are far shorter.
const MAX_TEXT_LENGTH = 200;
const MAX_WORDS = 20;

/** Escapes Lucene syntax so user text is only ever searched for, never parsed as a query. */
export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (char) => `\\${char}`);
}

/**
 * Turns user text into a Lucene query where every word must match, as a whole word (scored
 * higher) or as a prefix: "Wärme Kassel" → `(wärme OR wärme*) AND (kassel OR kassel*)`.
 * Words are lower-cased so AND/OR/NOT typed by a user are words, not operators. Empty text, or
 * text over 200 characters or 20 words, is BAD_USER_INPUT; text of symbols only gives null
 * (nothing can match).
 */
export function luceneQuery(text: string): string | null {
  if (!text.trim()) throw badUserInput('search text must not be empty; give a word, e.g. "Wärmewerk".');
  if (text.length > MAX_TEXT_LENGTH) {
    throw badUserInput(`search text is ${text.length} characters long; at most ${MAX_TEXT_LENGTH} are allowed. Search for a few words of a name, e-mail or title.`);
  }
  const words = text.toLowerCase().split(WORD_BREAK).filter(Boolean);
  if (words.length > MAX_WORDS) {
    throw badUserInput(`search text has ${words.length} words; at most ${MAX_WORDS} are allowed. Search for a few words of a name, e-mail or title.`);
  }
  if (!words.length) return null;
  return words.map((word) => {
    const escaped = escapeLucene(word);
    return `(${escaped} OR ${escaped}*)`;
  }).join(' AND ');
}
