import * as E from './enums';
import {
  boolean, date, datetime, email, float, int, listOf, oneOf, probability, string, strength,
  type PropertyKind,
} from './properties';

/**
 * The allowlist of the graph (DESIGN §3): every label and relationship type Cypher may name,
 * with the properties each may carry. Import and mutations validate against it; nothing
 * outside it is ever interpolated into a query.
 */
export const NODE_LABELS = [
  'Organization', 'Person', 'User', 'Opportunity', 'Interaction', 'Case', 'Product', 'Order', 'Consent',
  'LifecycleChange', 'OpportunityStageChange', 'Campaign', 'Asset', 'Community', 'SalesTarget',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export interface NodeTypeSpec {
  properties: Record<string, PropertyKind>;
  required: readonly string[];
}

export const NODE_TYPES: Record<NodeLabel, NodeTypeSpec> = {
  Organization: {
    required: ['name'],
    properties: {
      name: string(200), kinds: listOf(E.ORGANIZATION_KINDS), lifecycleStage: oneOf(E.LIFECYCLE_STAGES),
      domain: string(200), industry: string(100), country: string(2), region: string(100), city: string(100),
      employees: int(0), annualRevenue: float(0), tier: oneOf(E.TIERS),
    },
  },
  Person: {
    required: ['name'],
    properties: {
      name: string(200), kinds: listOf(E.PERSON_KINDS), email, phone: string(50), title: string(200),
      department: string(100), seniority: oneOf(E.SENIORITIES), city: string(100), country: string(2),
    },
  },
  User: {
    required: ['name'],
    properties: { name: string(200), email, roles: listOf(E.USER_ROLES), active: boolean },
  },
  Opportunity: {
    required: ['name'],
    properties: {
      name: string(200), amount: float(0), currency: string(3), stage: oneOf(E.OPPORTUNITY_STAGES),
      probability, expectedCloseDate: date, closedAt: datetime, closeReason: string(500),
    },
  },
  Interaction: {
    required: ['type', 'occurredAt'],
    properties: {
      type: oneOf(E.INTERACTION_TYPES), direction: oneOf(E.DIRECTIONS), occurredAt: datetime,
      summary: string(2000), outcome: string(500), creditAmount: float(0), creditReason: string(500),
    },
  },
  Case: {
    required: ['subject'],
    properties: {
      subject: string(300), description: string(4000), status: oneOf(E.CASE_STATUSES), severity: oneOf(E.SEVERITIES),
      openedAt: datetime, resolvedAt: datetime, satisfaction: int(1, 5), resolution: string(2000),
    },
  },
  Product: {
    required: ['sku', 'name'],
    properties: { sku: string(50), name: string(200), family: string(100), price: float(0) },
  },
  Order: {
    required: ['date'],
    properties: { number: string(50), date, amount: float(0), currency: string(3) },
  },
  Consent: {
    required: ['channel', 'purpose', 'granted', 'at'],
    properties: {
      channel: oneOf(E.CONSENT_CHANNELS), purpose: string(100), granted: boolean, at: datetime,
      source: string(100), textVersion: string(50),
    },
  },
  LifecycleChange: {
    required: ['to', 'at'],
    properties: { from: oneOf(E.LIFECYCLE_STAGES), to: oneOf(E.LIFECYCLE_STAGES), at: datetime, reason: string(500) },
  },
  OpportunityStageChange: {
    required: ['to', 'at'],
    properties: { from: oneOf(E.OPPORTUNITY_STAGES), to: oneOf(E.OPPORTUNITY_STAGES), at: datetime, reason: string(500) },
  },
  /** A marketing campaign over one channel for one purpose (DESIGN §10). */
  Campaign: {
    required: ['name', 'channel', 'purpose'],
    properties: {
      name: string(200), channel: oneOf(E.CONSENT_CHANNELS), purpose: string(100), startsAt: datetime, endsAt: datetime,
    },
  },
  /** A unit of our equipment installed at a customer (the installed base); ACTIVE when no status is stored. */
  Asset: {
    required: ['installedAt'],
    properties: { serialNumber: string(100), installedAt: date, status: oneOf(E.ASSET_STATUSES) },
  },
  /** A group of the last community detection run; recomputeCommunities replaces them all. */
  Community: {
    required: ['size', 'computedAt'],
    properties: { size: int(1), computedAt: datetime },
  },
  /** A user's sales target for one quarter ('YYYY-Qn'). */
  SalesTarget: {
    required: ['period', 'amount'],
    properties: { period: string(7), amount: float(0) },
  },
};

export const RELATIONSHIP_TYPES = [
  'WORKS_AT', 'REPORTS_TO', 'KNOWS', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES',
  'FOR_ACCOUNT', 'OWNS', 'BUYING_ROLE', 'PARTICIPATED_IN', 'ABOUT', 'RAISED_BY', 'CONCERNS',
  'PLACED', 'CONTAINS', 'UPGRADE_OF', 'COMPLEMENTS', 'GAVE', 'ASSIGNED_TO', 'HAS_LIFECYCLE_CHANGE',
  'HAS_STAGE_CHANGE', 'TARGETED_BY', 'RESPONDED', 'SOURCED_FROM', 'ACTS_FOR', 'REFERRED', 'OPERATES', 'OF_PRODUCT', 'MAINTAINS',
  'IN_COMMUNITY', 'HAS_TARGET',
] as const;
export type RelationshipTypeName = (typeof RELATIONSHIP_TYPES)[number];

export interface RelationshipTypeSpec {
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  properties: Record<string, PropertyKind>;
  /** Stored once per pair whatever the direction (KNOWS). */
  undirected?: boolean;
  /**
   * The property that tells several relationships of this type between the same two nodes apart
   * (RESPONDED: one per kind). It is required, and an import merges on it too.
   */
  keyedBy?: string;
}

export const RELATIONSHIP_SPECS: Record<RelationshipTypeName, RelationshipTypeSpec> = {
  WORKS_AT: {
    from: ['Person'], to: ['Organization'],
    properties: { title: string(200), department: string(100), since: date, until: date },
  },
  REPORTS_TO: { from: ['Person'], to: ['Person'], properties: {} },
  KNOWS: {
    from: ['Person', 'User'], to: ['Person', 'User'], undirected: true,
    properties: {
      strength, declaredStrength: strength, since: date, source: string(100),
      interactionCount: int(0), lastInteractionAt: datetime,
    },
  },
  INFLUENCES: {
    from: ['Person', 'Organization'], to: ['Person', 'Organization'],
    properties: { weight: strength, topic: string(200) },
  },
  SERVES: {
    from: ['Organization'], to: ['Organization'],
    properties: { as: oneOf(E.SERVES_AS), territory: string(200), since: date },
  },
  SUBSIDIARY_OF: { from: ['Organization'], to: ['Organization'], properties: {} },
  MANAGES: { from: ['User'], to: ['Organization'], properties: { as: oneOf(E.MANAGES_AS) } },
  FOR_ACCOUNT: { from: ['Opportunity'], to: ['Organization'], properties: {} },
  OWNS: { from: ['User'], to: ['Opportunity', 'Campaign'], properties: {} },
  BUYING_ROLE: {
    from: ['Person'], to: ['Opportunity'],
    properties: { roles: listOf(E.BUYING_ROLES), stance: oneOf(E.STANCES) },
  },
  PARTICIPATED_IN: { from: ['User', 'Person'], to: ['Interaction'], properties: {} },
  ABOUT: { from: ['Interaction'], to: ['Organization', 'Opportunity', 'Case', 'Campaign'], properties: {} },
  RAISED_BY: { from: ['Case'], to: ['Organization', 'Person'], properties: {} },
  CONCERNS: { from: ['Case'], to: ['Product', 'Asset'], properties: {} },
  PLACED: { from: ['Organization'], to: ['Order'], properties: {} },
  CONTAINS: { from: ['Order'], to: ['Product'], properties: { quantity: int(1), amount: float(0) } },
  UPGRADE_OF: { from: ['Product'], to: ['Product'], properties: {} },
  COMPLEMENTS: { from: ['Product'], to: ['Product'], properties: {} },
  GAVE: { from: ['Person'], to: ['Consent'], properties: {} },
  /** The user who works on a case. */
  ASSIGNED_TO: { from: ['User'], to: ['Case'], properties: {} },
  /** The lifecycle history of an organization, one node per stage change. */
  HAS_LIFECYCLE_CHANGE: { from: ['Organization'], to: ['LifecycleChange'], properties: {} },
  /** The stage history of an opportunity, one node per stage change. */
  HAS_STAGE_CHANGE: { from: ['Opportunity'], to: ['OpportunityStageChange'], properties: {} },
  /** A person a campaign selected (targetCampaign), when. */
  TARGETED_BY: { from: ['Person'], to: ['Campaign'], properties: { at: datetime } },
  /** A targeted person's response to a campaign: one per kind, the first `at` of that kind. */
  RESPONDED: {
    from: ['Person'], to: ['Campaign'], keyedBy: 'kind',
    properties: { kind: oneOf(E.CAMPAIGN_RESPONSE_KINDS), at: datetime },
  },
  /** The campaign an opportunity came from (at most one). */
  SOURCED_FROM: { from: ['Opportunity'], to: ['Campaign'], properties: {} },
  /** A PARTNER user and the channel partner it acts for (DESIGN §9). */
  ACTS_FOR: { from: ['User'], to: ['Organization'], properties: {} },
  /** Someone recommended us to someone (word of mouth); a stakeholder relationship. */
  REFERRED: {
    from: ['Person', 'Organization'], to: ['Person', 'Organization'],
    properties: { at: datetime, note: string(500) },
  },
  /** The customer that runs an asset. */
  OPERATES: { from: ['Organization'], to: ['Asset'], properties: {} },
  /** Which of our products an asset is. */
  OF_PRODUCT: { from: ['Asset'], to: ['Product'], properties: {} },
  /** The service partner that maintains an asset. */
  MAINTAINS: { from: ['Organization'], to: ['Asset'], properties: {} },
  /** Membership in a community of the last detection run, with the member's weighted degree inside it. */
  IN_COMMUNITY: { from: ['Person', 'Organization', 'User'], to: ['Community'], properties: { degree: float(0) } },
  /** A user's sales targets, one per quarter. */
  HAS_TARGET: { from: ['User'], to: ['SalesTarget'], properties: {} },
};

export function isNodeLabel(value: unknown): value is NodeLabel {
  return typeof value === 'string' && (NODE_LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: unknown): value is RelationshipTypeName {
  return typeof value === 'string' && (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/** A property that moves from stage to stage; with `history`, every move is kept as a node. */
export interface StageProperty {
  label: NodeLabel;
  property: string;
  /** The relationship from the node to each recorded change, and the change nodes' label. */
  history?: { type: RelationshipTypeName; label: NodeLabel };
}

/** The stages whose moves are kept: they belong to their node (OWNED_BY) and are deleted with it. */
export const STAGE_HISTORIES = {
  lifecycle: { label: 'Organization', property: 'lifecycleStage', history: { type: 'HAS_LIFECYCLE_CHANGE', label: 'LifecycleChange' } },
  opportunityStage: { label: 'Opportunity', property: 'stage', history: { type: 'HAS_STAGE_CHANGE', label: 'OpportunityStageChange' } },
} as const satisfies Record<string, StageProperty>;

/** One relationship that ties a dependent node to its owner: the owner is at `from` or at `to`. */
export interface Ownership {
  type: RelationshipTypeName;
  /** Which end of the relationship the owner is. */
  owner: 'from' | 'to';
}

/**
 * What a dependent node belongs to: it means nothing without an owner, so deleting its last
 * owner deletes it too (and what it owns in turn). A consent is its person's, a stage change its
 * node's, an order and an opportunity their account's, a case its raiser's, an interaction its
 * participants' (it goes when the last one does), an asset its operator's, a sales target its
 * user's. Nodes not listed stand on their own.
 */
export const OWNED_BY: Partial<Record<NodeLabel, readonly Ownership[]>> = {
  Consent: [{ type: 'GAVE', owner: 'from' }],
  LifecycleChange: [{ type: 'HAS_LIFECYCLE_CHANGE', owner: 'from' }],
  OpportunityStageChange: [{ type: 'HAS_STAGE_CHANGE', owner: 'from' }],
  Order: [{ type: 'PLACED', owner: 'from' }],
  Opportunity: [{ type: 'FOR_ACCOUNT', owner: 'to' }],
  Case: [{ type: 'RAISED_BY', owner: 'to' }],
  Interaction: [{ type: 'PARTICIPATED_IN', owner: 'from' }],
  Asset: [{ type: 'OPERATES', owner: 'from' }],
  SalesTarget: [{ type: 'HAS_TARGET', owner: 'from' }],
};
