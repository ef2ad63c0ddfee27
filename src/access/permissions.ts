import type { UserRole } from '../generated/graphql';

/**
 * Who may use what (DESIGN §9): the one table of the API's permissions, rendered into the README
 * by `npm run permissions:print`. Permissions add up: a viewer may use a field when any of its
 * roles is listed. A root field without an entry is refused (fail closed), and
 * test/access/authorization.test.ts walks the schema to prove every entry answers as written.
 */

/** Reads everything internal (the PARTNER reads only its scope and is listed separately). */
const INTERNAL: readonly UserRole[] = ['ADMIN', 'KEY_ACCOUNT_MANAGER', 'PARTNER_MANAGER', 'SALES', 'SERVICE', 'READ_ONLY'];
/** Reads a PARTNER may make too, of its scope only (the scoped reader hides the rest). */
const INTERNAL_AND_PARTNER: readonly UserRole[] = [...INTERNAL, 'PARTNER'];
/** Internal reads of personal contact data or consent: everyone internal but READ_ONLY. */
const INTERNAL_BUT_READ_ONLY: readonly UserRole[] = INTERNAL.filter((role) => role !== 'READ_ONLY');
/** Write organizations, people, relationships (referrals too), opportunities, buying roles, interactions, orders, assets, lifecycle, consent. */
const SELLERS: readonly UserRole[] = ['ADMIN', 'KEY_ACCOUNT_MANAGER', 'PARTNER_MANAGER', 'SALES'];
/** Write cases (and the credits of the complaint flow); data-subject requests: export and restriction. */
const SERVICE: readonly UserRole[] = ['ADMIN', 'SERVICE'];
/** Write contact history and consent: the sellers and the service. */
const CONTACT: readonly UserRole[] = [...SELLERS, 'SERVICE'];
/** Users, API keys, imports, the audit log, catalogue, sales targets and batch recomputations. */
const ADMIN: readonly UserRole[] = ['ADMIN'];
/** The change-event feed (DESIGN §10): the ERP, telephony or website integration reads it. */
const INTEGRATION: readonly UserRole[] = ['ADMIN', 'INTEGRATION'];
/** A website's contact form may submit contacts and nothing else. */
const WEB_FORM: readonly UserRole[] = ['ADMIN', 'WEB_FORM'];

/** Any signed-in caller, whatever its roles (even none). */
export const ANYONE_SIGNED_IN = 'anyone signed in';

export type RootRule = readonly UserRole[] | typeof ANYONE_SIGNED_IN;

/** Every root field and mutation → the roles that may use it. */
export const PERMISSIONS: { Query: Record<string, RootRule>; Mutation: Record<string, RootRule> } = {
  Query: {
    viewer: ANYONE_SIGNED_IN,
    node: INTERNAL_AND_PARTNER,
    nodeByKey: INTERNAL_AND_PARTNER,
    organization: INTERNAL_AND_PARTNER,
    organizations: INTERNAL_AND_PARTNER,
    person: INTERNAL_AND_PARTNER,
    people: INTERNAL_AND_PARTNER,
    users: INTERNAL_AND_PARTNER,
    search: INTERNAL_AND_PARTNER,
    relationshipPaths: INTERNAL_AND_PARTNER,
    warmIntroductions: INTERNAL_AND_PARTNER,
    accountNetwork: INTERNAL_AND_PARTNER,
    influencers: INTERNAL_AND_PARTNER,
    accountInfluencers: INTERNAL_AND_PARTNER,
    opportunity: INTERNAL_AND_PARTNER,
    opportunities: INTERNAL_AND_PARTNER,
    buyingCenter: INTERNAL_AND_PARTNER,
    partnerCoverage: INTERNAL_AND_PARTNER,
    pipeline: INTERNAL_AND_PARTNER,
    dashboard: INTERNAL_AND_PARTNER,
    case: INTERNAL,
    openCases: INTERNAL,
    averageTimeToResolve: INTERNAL,
    accountsWithSameProblem: INTERNAL,
    product: INTERNAL,
    alternativesFor: INTERNAL,
    customerValue: INTERNAL,
    dormantCustomers: INTERNAL,
    crossSellCandidates: INTERNAL,
    upgradeCandidates: INTERNAL,
    lifecycleTransitions: INTERNAL,
    audience: INTERNAL_BUT_READ_ONLY,
    communities: INTERNAL,
    referralValue: INTERNAL,
    topReferrers: INTERNAL,
    replacementCandidates: INTERNAL,
    forecast: INTERNAL,
    exportPersonData: SERVICE,
    campaign: INTERNAL,
    campaigns: INTERNAL,
    campaignResults: INTERNAL,
    preferenceLink: INTERNAL_BUT_READ_ONLY,
    events: INTEGRATION,
    eventTypes: INTEGRATION,
    webhooks: ADMIN,
    apiKeys: ADMIN,
    auditLog: ADMIN,
  },
  Mutation: {
    createOrganization: SELLERS,
    updateOrganization: SELLERS,
    deleteOrganization: SELLERS,
    createPerson: SELLERS,
    updatePerson: [...SELLERS, 'SERVICE'],
    deletePerson: SELLERS,
    linkWorksAt: SELLERS,
    linkReportsTo: SELLERS,
    linkKnows: SELLERS,
    linkInfluences: SELLERS,
    linkServes: SELLERS,
    linkSubsidiaryOf: SELLERS,
    linkManages: SELLERS,
    unlinkWorksAt: SELLERS,
    unlinkReportsTo: SELLERS,
    unlinkKnows: SELLERS,
    unlinkInfluences: SELLERS,
    unlinkServes: SELLERS,
    unlinkSubsidiaryOf: SELLERS,
    unlinkManages: SELLERS,
    createOpportunity: SELLERS,
    updateOpportunity: SELLERS,
    deleteOpportunity: SELLERS,
    changeOpportunityStage: SELLERS,
    setBuyingRole: [...SELLERS, 'PARTNER'],
    removeBuyingRole: SELLERS,
    logInteraction: [...CONTACT, 'PARTNER'],
    placeOrder: SELLERS,
    changeLifecycleStage: SELLERS,
    recordConsent: CONTACT,
    withdrawConsent: CONTACT,
    raiseCase: SERVICE,
    assignCase: SERVICE,
    resolveCase: SERVICE,
    rateCase: SERVICE,
    closeCase: SERVICE,
    recordCredit: SERVICE,
    restrictProcessing: SERVICE,
    liftRestriction: SERVICE,
    recordReferral: SELLERS,
    createAsset: SELLERS,
    updateAsset: SELLERS,
    deleteAsset: SELLERS,
    createProduct: ADMIN,
    updateProduct: ADMIN,
    deleteProduct: ADMIN,
    recomputeTiers: ADMIN,
    recomputeCommunities: ADMIN,
    setSalesTarget: ADMIN,
    importGraph: ADMIN,
    createUser: ADMIN,
    updateUser: ADMIN,
    deleteUser: ADMIN,
    createApiKey: ADMIN,
    revokeApiKey: ADMIN,
    erasePerson: ADMIN,
    createCampaign: SELLERS,
    updateCampaign: SELLERS,
    deleteCampaign: SELLERS,
    targetCampaign: SELLERS,
    recordCampaignResponse: CONTACT,
    submitContactForm: WEB_FORM,
    createWebhook: ADMIN,
    enableWebhook: ADMIN,
    deleteWebhook: ADMIN,
  },
};

/**
 * Roles a root field allows only for part of its input: with none of the field's other roles,
 * the viewer may set only these input fields (SERVICE writes people's contact data, nothing else).
 */
export const INPUT_LIMITS: Record<string, { role: UserRole; inputFields: readonly string[] }> = {
  'Mutation.updatePerson': { role: 'SERVICE', inputFields: ['email', 'phone'] },
};

/**
 * Fields of the answer only some roles may read; the others get FORBIDDEN on that field and the
 * rest of the response stands. "Type.field", or "Type" for every field of the type but `id`.
 */
export const FIELD_PERMISSIONS: Record<string, readonly UserRole[]> = {
  'Person.email': [...INTERNAL_BUT_READ_ONLY, 'PARTNER'],
  'Person.phone': [...INTERNAL_BUT_READ_ONLY, 'PARTNER'],
  'Person.consents': [...INTERNAL_BUT_READ_ONLY, 'PARTNER'],
  Consent: [...INTERNAL_BUT_READ_ONLY, 'PARTNER'],
};
