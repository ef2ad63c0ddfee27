/** The preference centre (DESIGN §10): a signed link per person and the page where they decide what they receive. */

export { preferenceResolvers as resolvers } from './resolvers';
export { preferenceCentre } from './preference-page';
