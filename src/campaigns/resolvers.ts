import type { Resolvers } from '../generated/graphql';
import { paginate } from '../graphql/pagination';
import { nodeOfType } from '../nodes/require-node';
import { campaignResults } from './campaign-results';
import { createCampaign, deleteCampaign, updateCampaign } from './campaign-writes';
import { campaignsPage } from './loaders';
import { recordCampaignResponse } from './record-response';
import { targetCampaign } from './target-campaign';

export const campaignResolvers: Resolvers = {
  Query: {
    campaign: (_root, { id }, context) => nodeOfType(context, id, 'Campaign'),
    campaigns: (_root, page, { db }) => paginate(page, (window) => campaignsPage(db, window)),
    campaignResults: (_root, { campaignId, groupBy }, { db }) => campaignResults(db, campaignId, groupBy),
  },
  Mutation: {
    createCampaign: (_root, { input }, { mutate }) => mutate((tx) => createCampaign(tx, input)),
    updateCampaign: (_root, { id, input }, { mutate }) => mutate((tx) => updateCampaign(tx, id, input)),
    deleteCampaign: (_root, { id }, { mutate }) => mutate((tx) => deleteCampaign(tx, id)),
    targetCampaign: (_root, { campaignId, filter, at }, { mutate }) =>
      mutate((tx) => targetCampaign(tx, campaignId, filter ?? {}, at ?? new Date().toISOString())),
    recordCampaignResponse: (_root, { campaignId, personId, kind, at }, { mutate }) =>
      mutate((tx, report) => recordCampaignResponse(tx, report, { campaignId, personId, kind, at: at ?? new Date().toISOString() })),
  },
  Campaign: {
    owner: (campaign, _args, { loaders }) => loaders.ownerByCampaignId.load(campaign.id),
  },
  Opportunity: {
    campaign: (opportunity, _args, { loaders }) => loaders.campaignByOpportunityId.load(opportunity.id),
  },
};
