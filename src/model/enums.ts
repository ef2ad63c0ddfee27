/** The closed vocabularies of DESIGN §3; the SDL enums carry the same values. */
export const ORGANIZATION_KINDS = [
  'CUSTOMER', 'PROSPECT', 'DISTRIBUTOR', 'RESELLER', 'AGENT', 'BROKER', 'CONSULTANCY',
  'PLANNER', 'PRESS', 'SERVICE_PARTNER', 'SUPPLIER', 'COMPETITOR',
] as const;
export const LIFECYCLE_STAGES = ['LEAD', 'PROSPECT', 'CUSTOMER', 'KEY_ACCOUNT', 'DORMANT', 'CHURNED'] as const;
export const TIERS = ['A', 'B', 'C'] as const;
export const PERSON_KINDS = [
  'CONTACT', 'INFLUENCER', 'BROKER', 'AGENT', 'JOURNALIST', 'CONSULTANT', 'PLANNER', 'ARCHITECT', 'INSTALLER',
] as const;
export const SENIORITIES = ['JUNIOR', 'MID', 'SENIOR', 'HEAD', 'EXECUTIVE', 'OWNER'] as const;
export const USER_ROLES = [
  'ADMIN', 'KEY_ACCOUNT_MANAGER', 'PARTNER_MANAGER', 'SALES', 'SERVICE', 'READ_ONLY', 'PARTNER',
  'WEB_FORM', 'INTEGRATION',
] as const;
export const OPPORTUNITY_STAGES = ['QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'] as const;
export const INTERACTION_TYPES = ['CALL', 'EMAIL', 'MEETING', 'VISIT', 'CHAT', 'NEWSLETTER', 'SOCIAL', 'WEB_FORM'] as const;
export const DIRECTIONS = ['INBOUND', 'OUTBOUND', 'INTERNAL'] as const;
export const CASE_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const CONSENT_CHANNELS = ['EMAIL', 'PHONE', 'POST', 'SMS', 'SOCIAL'] as const;
export const SERVES_AS = ['DISTRIBUTOR', 'RESELLER', 'AGENT', 'BROKER', 'SERVICE_PARTNER'] as const;
export const MANAGES_AS = ['ACCOUNT_OWNER', 'PARTNER_MANAGER'] as const;
export const BUYING_ROLES = [
  'INITIATOR', 'USER', 'INFLUENCER', 'GATEKEEPER', 'DECISION_MAKER', 'ECONOMIC_BUYER', 'CHAMPION',
  'TECHNICAL_EVALUATOR', 'BLOCKER',
] as const;
export const STANCES = ['SUPPORTER', 'NEUTRAL', 'SKEPTIC', 'OPPONENT', 'UNKNOWN'] as const;
export const CAMPAIGN_RESPONSE_KINDS = ['DELIVERED', 'BOUNCED', 'OPENED', 'CLICKED', 'REPLIED', 'REGISTERED', 'UNSUBSCRIBED'] as const;
export const ASSET_STATUSES = ['ACTIVE', 'OUT_OF_SERVICE', 'REPLACED'] as const;
