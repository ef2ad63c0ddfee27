/** Web forms with double opt-in (DESIGN §10): the website's contact form and the public confirmation page. */

export { webFormResolvers as resolvers } from './resolvers';
export { consentConfirmationPage, CONFIRM_PATH } from './confirm-page';
