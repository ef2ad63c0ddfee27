import type { Resolvers } from '../generated/graphql';
import { placesAhead } from '../relationships';
import { COVERAGE_PLACES, partnerCoverage } from './partner-coverage';

export const partnerResolvers: Resolvers = {
  Query: {
    partnerCoverage: async (_root, { partnerId }, context, info) => {
      // Each place's rows carry what the selection reads there: a distributor's thousands of customers come as ids when only ids are asked.
      const ahead = placesAhead(context, info, COVERAGE_PLACES);
      const coverage = await partnerCoverage(context.db, partnerId, ahead);
      ahead.keep({
        partner: [coverage.partner],
        customers: coverage.customers,
        conflictCustomer: coverage.conflicts.map((conflict) => conflict.customer),
        conflictPartners: coverage.conflicts.flatMap((conflict) => conflict.partners),
        people: coverage.people,
        managers: coverage.managers,
      });
      return coverage;
    },
  },
};
