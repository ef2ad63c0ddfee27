import { gql } from './client';

const DASHBOARD = /* GraphQL */ `
query Dashboard {
  dashboard {
    asOf openOpportunities openPipeline weightedPipeline winRate newLeads dormantCustomers
    interactionsLast30Days buyingCentersWithMissingRoles
    openCasesBySeverity { severity count }
    accountsPerTier { tier accounts }
  }
  pipeline { stages { stage count amount weightedAmount } }
}`;

export interface DashboardAnswer {
  dashboard: {
    asOf: string;
    openOpportunities: number;
    openPipeline: number;
    weightedPipeline: number;
    winRate: number | null;
    newLeads: number;
    dormantCustomers: number;
    interactionsLast30Days: number;
    buyingCentersWithMissingRoles: number;
    openCasesBySeverity: { severity: string; count: number }[];
    accountsPerTier: { tier: string; accounts: number }[];
  };
  pipeline: { stages: { stage: string; count: number; amount: number; weightedAmount: number }[] };
}

/** Today's KPIs and the pipeline by stage. */
export function fetchDashboard(): Promise<DashboardAnswer> {
  return gql<DashboardAnswer>(DASHBOARD);
}
