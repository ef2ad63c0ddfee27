/**
 * The one wiring list: every area of the API through its public surface (its index.ts), in the
 * order their resolvers are merged. The server composes the schema and the per-request loaders
 * from it; the plumbing (neo4j, graphql, model, nodes) never imports an area.
 */
import type http from 'node:http';
import type { Resolvers } from './generated/graphql';
import type { Loaders } from './graphql/context';
import { mutator, type MutationRecorder } from './graphql/mutate';
import type { Logger } from './logger';
import type { Database, Reader } from './neo4j/database';
import type { PublicPage } from './web';
import * as nodes from './nodes';
import * as graphImport from './import';
import * as organizations from './organizations';
import * as people from './people';
import * as users from './users';
import * as relationships from './relationships';
import * as search from './search';
import * as paths from './paths';
import * as network from './network';
import * as influence from './influence';
import * as opportunities from './opportunities';
import * as buyingCenter from './buying-center';
import * as partners from './partners';
import * as interactions from './interactions';
import * as commerce from './commerce';
import * as cases from './cases';
import * as analytics from './analytics';
import * as lifecycle from './lifecycle';
import * as consent from './consent';
import * as dashboard from './dashboard';
import * as pipeline from './pipeline';
import * as events from './events';
import * as campaigns from './campaigns';
import * as webForms from './web-forms';
import * as preferences from './preferences';
import * as webhooks from './webhooks';
import * as communities from './communities';
import * as referrals from './referrals';
import * as assets from './assets';
import * as forecast from './forecast';
import * as privacy from './privacy';
import * as access from './access';

const AREAS = [
  nodes, graphImport, organizations, people, users, relationships, search, paths, network, influence,
  opportunities, buyingCenter, partners, interactions, commerce, cases, analytics, lifecycle, consent,
  dashboard, pipeline, events, campaigns, webForms, preferences, webhooks, communities, referrals, assets, forecast, privacy, access,
] as const;

/** What every mutation writes in its transaction after its work: its audit entry and its change event. */
export const mutationRecorders: readonly MutationRecorder[] = [access.recordAudit, events.recordMutationEvents];

/** The resolvers of every area. */
export const resolvers: Resolvers[] = AREAS.map((area) => area.resolvers);

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AreaWithLoaders = Extract<(typeof AREAS)[number], { createLoaders: (db: Reader) => object }>;
/** The loaders the listed areas build; unless it covers every area's part of Loaders, createLoaders fails to compile. */
type ListedLoaders = UnionToIntersection<ReturnType<AreaWithLoaders['createLoaders']>>;

const LOADER_FACTORIES: ((db: Reader) => object)[] = AREAS.flatMap((area) => ('createLoaders' in area ? [area.createLoaders] : []));

/**
 * The loaders of one request, each area's made when one of them is first used: a request reads
 * through a few of the 45, and making them all cost the API about 0.05 ms per request (issue 12).
 * The prototype has a getter per loader name, found once by making every area's set at start.
 */
class RequestLoaders {
  private readonly made: object[] = [];
  constructor(private readonly db: Reader) {}
}
LOADER_FACTORIES.forEach((factory, i) => {
  for (const name of Object.keys(factory(unusedReader()))) {
    Object.defineProperty(RequestLoaders.prototype, name, {
      get(this: { made: object[]; db: Reader }) {
        const loaders = (this.made[i] ??= factory(this.db)) as Record<string, unknown>;
        return loaders[name];
      },
    });
  }
});

/** A reader for making loaders that never load. */
function unusedReader(): Reader {
  const refuse = () => Promise.reject(new Error('the loaders made to learn their names never read'));
  return { read: refuse, readTransaction: refuse };
}

/** The DataLoaders of one request, from every area that has some. */
export function createLoaders(db: Reader): Loaders {
  return new RequestLoaders(db) as unknown as ListedLoaders;
}

/** The pages people reach through links we send (no credential: the link's token is the proof). */
const PUBLIC_PAGES: readonly PublicPage[] = [webForms.consentConfirmationPage, preferences.preferenceCentre];

/** Answers the request when it is for a public page (true), else leaves it to the API's own routes. */
export async function handlePublicPage(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  { db, log }: { db: Database; log: Logger },
): Promise<boolean> {
  const write = (operation: string, personId: string | null) =>
    mutator(db, { id: personId, kind: 'person' }, mutationRecorders)({ operation, args: {}, argumentIds: [] });
  for (const page of PUBLIC_PAGES) if (await page({ req, res, url, db, log, write })) return true;
  return false;
}
