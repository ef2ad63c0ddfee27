import DataLoader from 'dataloader';
import { readerIn, type Reader } from '../neo4j/database';
import type { EntityRow } from '../nodes/entity-row';
import { nodesOnPaths } from './nodes-on-paths';
import type { EndRow } from './path-ends';
import type { PathRow } from './path-row';
import { strongestPaths, type StrongestPathsQuery } from './strongest-paths';

/** A path field's search (checked: within the caps) and the nodes it names, to be refused by the field if need be. */
export interface PathQuestion extends StrongestPathsQuery {
  endIds: readonly string[];
}

/** What a question's search found: the visible nodes of `endIds`, the paths, the rows of the nodes on them. */
export interface PathAnswer {
  ends: Map<string, EndRow>;
  paths: PathRow[];
  nodes: Map<string, EntityRow>;
}

/**
 * The path questions of one request's fields in one read transaction, each in one statement where
 * the search runs inside Neo4j: the nodes it names, the search and the rows of the nodes on the
 * paths found. The fields then refuse a missing, hidden or restricted end from the answer. One
 * batch for all of them keeps which field fails first, and so the answer to a request where several
 * fail, independent of timing (their answers arrive together, in the order the fields asked).
 */
async function answerQuestions(db: Reader, questions: readonly PathQuestion[]): Promise<PathAnswer[]> {
  return db.readTransaction(async (tx) => {
    const reader = readerIn(tx);
    const answers: PathAnswer[] = [];
    for (const { endIds, ...query } of questions) {
      const ends = new Map<string, EndRow>();
      const found = new Map<string, EntityRow>();
      const paths = await strongestPaths(reader, query, { pathNodes: found, ends: { ids: endIds, found: ends } });
      answers.push({ ends, paths, nodes: await nodesOnPaths(reader, paths, found) });
    }
    return answers;
  });
}

/** `pathsByQuestion.load(question)`: the answer to a relationshipPaths or warmIntroductions field (no caching: each field asks its own). */
export function createPathLoaders(db: Reader) {
  return {
    pathsByQuestion: new DataLoader<PathQuestion, PathAnswer>((questions) => answerQuestions(db, questions), { cache: false }),
  };
}
