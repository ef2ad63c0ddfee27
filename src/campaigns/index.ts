/** Campaigns (DESIGN §10): targeting by the consent rule, responses fed back into the graph, results by group. */
import { createCampaignLoaders } from './loaders';
import type { CampaignResultRow } from './campaign-results';
import type { CampaignResponseRow } from './record-response';
import type { TargetingReport } from './target-campaign';

export { campaignResolvers as resolvers } from './resolvers';
export { createCampaignLoaders as createLoaders };

type CampaignLoaders = ReturnType<typeof createCampaignLoaders>;
declare module '../graphql/context' {
  interface Loaders extends CampaignLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    CampaignResultGroup: CampaignResultRow;
    CampaignResponse: CampaignResponseRow;
    TargetingReport: TargetingReport;
  }
}
