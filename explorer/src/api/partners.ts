import { gql } from './client';

const PARTNER_COVERAGE = /* GraphQL */ `
query PartnerCoverage($partnerId: ID!) {
  partnerCoverage(partnerId: $partnerId) {
    partner { id name orgKinds: kinds }
    customers { id name orgKinds: kinds city }
    openPipeline
    conflicts { customer { id name } partners { id name orgKinds: kinds } }
    people { id name title }
    managers { id name }
  }
}`;

interface Org {
  id: string;
  name: string;
  orgKinds: string[];
}

export interface PartnerCoverage {
  partner: Org;
  customers: (Org & { city: string | null })[];
  openPipeline: number;
  conflicts: { customer: { id: string; name: string }; partners: Org[] }[];
  people: { id: string; name: string; title: string | null }[];
  managers: { id: string; name: string }[];
}

/** What a channel partner brings: its customers, their open pipeline and the channel conflicts. */
export async function fetchPartnerCoverage(partnerId: string): Promise<PartnerCoverage> {
  const { partnerCoverage } = await gql<{ partnerCoverage: PartnerCoverage }>(PARTNER_COVERAGE, { partnerId });
  return partnerCoverage;
}
