/** Webhooks (DESIGN §10): the change events pushed to other systems, signed per Standard Webhooks. */
import type { WebhookRow } from './webhook-writes';

export { webhookResolvers as resolvers } from './resolvers';
export { startWebhookDelivery, type WebhookDelivery } from './delivery-worker';
export { deliveryBody } from './deliver-event';

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    Webhook: WebhookRow;
  }
}
