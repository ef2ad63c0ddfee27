import type { Resolvers } from '../generated/graphql';
import { submitContactForm } from './submit-contact-form';

export const webFormResolvers: Resolvers = {
  Mutation: {
    submitContactForm: (_root, { input }, { mutate }) => mutate((tx, report) => submitContactForm(tx, report, input)),
  },
};
