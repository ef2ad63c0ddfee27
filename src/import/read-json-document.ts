import type { Readable } from 'node:stream';
import { chain, none } from 'stream-chain';
import { parser } from 'stream-json';
import type { ImportItem } from './parse-batch';

// stream-json publishes its assembler under a subpath that TypeScript's "node" resolution cannot
// see; the types are those of the same file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Assembler: typeof import('stream-json/src/assembler') = require('stream-json/assembler.js');
type Assembler = InstanceType<typeof Assembler>;
interface Token {
  name: string;
  value?: unknown;
}

const SHAPE = 'The file must hold one JSON object with "nodes" and "relationships" lists (DESIGN §6)';

/**
 * The rows of an import document (DESIGN §6) read from a stream with stream-json's parser: one
 * row is assembled at a time, so memory holds a row, never the file. `nodes` should come before
 * `relationships` (the generator and the export write them so): a batch finds a relationship's
 * ends in the database or in the same batch.
 */
export function documentItems(input: Readable): AsyncIterable<ImportItem> {
  return chain([input, parser({ streamValues: false }), rowsOfDocument()]) as AsyncIterable<ImportItem>;
}

/** A stage of the token stream that turns the elements of the two top-level lists into rows. */
function rowsOfDocument(): (token: Token) => ImportItem | typeof none {
  let depth = 0;
  let list: string | undefined;
  let index = 0;
  let row: Assembler | undefined;
  let reservedName = false;
  return (token) => {
    if (row) {
      // An assembler would turn a "__proto__" name into the row's prototype instead of a field.
      if (token.name === 'keyValue' && token.value === '__proto__') reservedName = true;
      else row.consume(token as never);
      return row.done ? finishRow() : none;
    }
    if (depth === 0) {
      if (token.name !== 'startObject') throw new Error(SHAPE);
      depth = 1;
    } else if (depth === 1) {
      if (token.name === 'keyValue') list = String(token.value);
      else if (token.name === 'endObject') depth = 0;
      else if (token.name === 'startArray' && (list === 'nodes' || list === 'relationships')) {
        depth = 2;
        index = 0;
      }
      else throw new Error(`${SHAPE}; "${list}" is not one of them (or not a list).`);
    } else if (token.name === 'endArray') {
      depth = 1;
    } else {
      row = new Assembler();
      row.consume(token as never);
      if (row.done) return finishRow();
    }
    return none;
  };

  function finishRow(): ImportItem {
    const path = `${list}[${index++}]`;
    const value: unknown = row!.current;
    row = undefined;
    if (reservedName) {
      reservedName = false;
      return { kind: 'invalid', path, message: 'uses the name "__proto__", which an import row cannot have' };
    }
    return { kind: list === 'nodes' ? 'node' : 'relationship', path, row: value };
  }
}
