/**
 * The one table of change events (DESIGN §10): the event type `<thing>.<verb>` each write emits,
 * by the Mutation field (or public page write) that makes it. A mutation missing here fails
 * (fail closed) and the schema-walking test names it; the README lists this table.
 */
export const EVENT_TYPES: Readonly<Record<string, string>> = {
  // organizations, people, users
  createOrganization: 'organization.created',
  updateOrganization: 'organization.updated',
  deleteOrganization: 'organization.deleted',
  changeLifecycleStage: 'organization.lifecycle_changed',
  recomputeTiers: 'organization.tiers_recomputed',
  createPerson: 'person.created',
  updatePerson: 'person.updated',
  deletePerson: 'person.deleted',
  createUser: 'user.created',
  updateUser: 'user.updated',
  deleteUser: 'user.deleted',
  // stakeholder relationships
  linkWorksAt: 'relationship.linked',
  linkReportsTo: 'relationship.linked',
  linkKnows: 'relationship.linked',
  linkInfluences: 'relationship.linked',
  linkServes: 'relationship.linked',
  linkSubsidiaryOf: 'relationship.linked',
  linkManages: 'relationship.linked',
  unlinkWorksAt: 'relationship.unlinked',
  unlinkReportsTo: 'relationship.unlinked',
  unlinkKnows: 'relationship.unlinked',
  unlinkInfluences: 'relationship.unlinked',
  unlinkServes: 'relationship.unlinked',
  unlinkSubsidiaryOf: 'relationship.unlinked',
  unlinkManages: 'relationship.unlinked',
  // opportunities
  createOpportunity: 'opportunity.created',
  updateOpportunity: 'opportunity.updated',
  deleteOpportunity: 'opportunity.deleted',
  changeOpportunityStage: 'opportunity.stage_changed',
  setBuyingRole: 'opportunity.buying_role_set',
  removeBuyingRole: 'opportunity.buying_role_removed',
  // contact history, service, commerce
  logInteraction: 'interaction.logged',
  recordCredit: 'interaction.credit_recorded',
  raiseCase: 'case.raised',
  assignCase: 'case.assigned',
  resolveCase: 'case.resolved',
  rateCase: 'case.rated',
  closeCase: 'case.closed',
  createProduct: 'product.created',
  updateProduct: 'product.updated',
  deleteProduct: 'product.deleted',
  placeOrder: 'order.placed',
  // consent and the marketing loop
  recordConsent: 'consent.granted',
  withdrawConsent: 'consent.withdrawn',
  submitContactForm: 'contact_form.submitted',
  confirmConsent: 'consent.granted',
  savePreferences: 'preferences.saved',
  requestDataExport: 'case.raised',
  requestErasure: 'case.raised',
  createCampaign: 'campaign.created',
  updateCampaign: 'campaign.updated',
  deleteCampaign: 'campaign.deleted',
  targetCampaign: 'campaign.targeted',
  recordCampaignResponse: 'campaign.response_recorded',
  // interfaces
  createWebhook: 'webhook.created',
  enableWebhook: 'webhook.enabled',
  deleteWebhook: 'webhook.deleted',
  importGraph: 'graph.imported',
  // access and data protection (DESIGN §9, issue 14), and graph depth (§11): named in the design
  createApiKey: 'api_key.created',
  revokeApiKey: 'api_key.revoked',
  restrictProcessing: 'person.restricted',
  liftRestriction: 'person.restriction_lifted',
  erasePerson: 'person.erased',
  createAsset: 'asset.created',
  updateAsset: 'asset.updated',
  deleteAsset: 'asset.deleted',
  recomputeCommunities: 'community.recomputed',
  setSalesTarget: 'sales_target.set',
  recordReferral: 'referral.recorded',
};

/** Emitted by the writes above besides their own event (see ExtraEvent in src/graphql/mutate.ts). */
export const EXTRA_EVENT_TYPES = ['consent.granted', 'consent.withdrawn', 'consent.confirmation_requested', 'interaction.logged'] as const;

/** Every event type there is, sorted: what `createWebhook` and `events` accept in `types`. */
export const ALL_EVENT_TYPES: readonly string[] = [...new Set([...Object.values(EVENT_TYPES), ...EXTRA_EVENT_TYPES])].sort();

/** The event type of a write; throws for one missing from the table (fail closed). */
export function eventTypeOf(operation: string): string {
  const type = EVENT_TYPES[operation];
  if (!type) throw new Error(`No change event type for "${operation}": add it to EVENT_TYPES (src/events/event-types.ts).`);
  return type;
}
