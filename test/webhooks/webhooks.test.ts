import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import type { WebhookTiming } from '../../src/config';
import { startWebhookDelivery, type WebhookDelivery } from '../../src/webhooks';
import { startTestServer, useTestServer, type TestServer } from '../support/test-server';
import { freePort, startReceiver, waitUntil, type Receiver } from './receiver';

const FAST: WebhookTiming = { pollMs: 50, timeoutMs: 5_000, retryFirstMs: 100, retryMaxMs: 400, retryForMs: 600_000 };
const silent = pino({ level: 'silent' });

const CREATE_WEBHOOK = /* GraphQL */ `mutation ($url: String!, $types: [String!]) {
  createWebhook(input: { url: $url, types: $types, description: "test receiver" }) { secret webhook { id url types failing lastDeliveredSeq } } }`;
const CREATE_ORG = /* GraphQL */ `mutation ($name: String!) { createOrganization(input: { name: $name }) { id } }`;
const EVENTS = /* GraphQL */ `query ($after: Int) { events(after: $after, first: 100) { id seq type targetIds } }`;
const WEBHOOKS = /* GraphQL */ `{ webhooks { id failing lastError lastDeliveredSeq attempts } }`;

const bodies = (receiver: Receiver) => receiver.deliveries.filter((d) => d.status === 200).map((d) => JSON.parse(d.body));
const webhookState = async (server: TestServer, id: string) => (await server.data(WEBHOOKS)).webhooks.find((w: any) => w.id === id);

describe('webhooks against a local receiver', () => {
  const { server } = useTestServer({ freshEach: true });
  let delivery: WebhookDelivery;
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
    delivery = startWebhookDelivery(server.db, silent, FAST);
  });
  afterEach(async () => {
    await delivery.stop();
    await receiver.close();
  });

  it('signs every delivery per Standard Webhooks and delivers the events in seq order, as the feed has them', async () => {
    const { createWebhook } = await server.data(CREATE_WEBHOOK, { url: receiver.url });
    expect(createWebhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(createWebhook.webhook).toMatchObject({ url: receiver.url, types: [], failing: false });
    for (const name of ['Alpha', 'Beta', 'Gamma']) await server.data(CREATE_ORG, { name });
    const { events } = await server.data(EVENTS, { after: createWebhook.webhook.lastDeliveredSeq });
    expect(events.map((e: any) => e.type)).toEqual(['webhook.created', 'organization.created', 'organization.created', 'organization.created']);
    await waitUntil('four events arrived', () => receiver.deliveries.length >= 4);

    const verifier = new Webhook(createWebhook.secret);
    const verified = receiver.deliveries.map((d) => verifier.verify(d.body, d.headers) as any);
    expect(verified.map((body) => body.data.seq)).toEqual(events.map((e: any) => e.seq));
    expect(verified.map((body) => body.type)).toEqual(events.map((e: any) => e.type));
    expect(verified[1].data.targetIds).toEqual(events[1].targetIds);
    expect(receiver.deliveries.map((d) => d.headers['webhook-id'])).toEqual(events.map((e: any) => e.id));
    // A tampered body or another secret does not verify.
    const [first] = receiver.deliveries;
    expect(() => verifier.verify(first.body.replace('webhook.created', 'webhook.deleted'), first.headers)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.from('another secret of 32 bytes length').toString('base64')}`).verify(first.body, first.headers)).toThrow();
    expect(receiver.deliveries).toHaveLength(4);
    expect((await webhookState(server, createWebhook.webhook.id)).lastDeliveredSeq).toBe(events.at(-1).seq);
  });

  it('sends only the chosen types, and refuses an unknown type or a url that is not http(s)', async () => {
    const { createWebhook } = await server.data(CREATE_WEBHOOK, { url: receiver.url, types: ['organization.updated'] });
    const { createOrganization } = await server.data(CREATE_ORG, { name: 'Alpha' });
    await server.data(/* GraphQL */ `mutation ($id: ID!) { updateOrganization(id: $id, input: { city: "Kiel" }) { id } }`, { id: createOrganization.id });
    await waitUntil('the update arrived', () => receiver.deliveries.length >= 1);
    await waitUntil('the webhook caught up', async () => (await webhookState(server, createWebhook.webhook.id)).lastDeliveredSeq > createWebhook.webhook.lastDeliveredSeq + 1);
    expect(bodies(receiver).map((b) => [b.type, b.data.targetIds])).toEqual([['organization.updated', [createOrganization.id]]]);
    for (const variables of [{ url: receiver.url, types: ['organization.exploded'] }, { url: 'ftp://example.com/' }, { url: 'not a url' }]) {
      expect((await server.gql(CREATE_WEBHOOK, variables)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('retries a 500 with the same webhook-id, then goes on in order', async () => {
    receiver.answers.push(500);
    const { createWebhook } = await server.data(CREATE_WEBHOOK, { url: receiver.url });
    await server.data(CREATE_ORG, { name: 'Alpha' });
    await waitUntil('both events were accepted', () => bodies(receiver).length >= 2);
    const [failed, retried, next] = receiver.deliveries;
    expect([failed.status, retried.status, next.status]).toEqual([500, 200, 200]);
    expect(retried.headers['webhook-id']).toBe(failed.headers['webhook-id']);
    expect(retried.body).toBe(failed.body);
    expect(bodies(receiver).map((b) => b.type)).toEqual(['webhook.created', 'organization.created']);
    expect(await webhookState(server, createWebhook.webhook.id)).toMatchObject({ failing: false, lastError: null, attempts: 0 });
  });

  it('marks a webhook failing after the retry period, and enableWebhook resumes where it stopped', async () => {
    await delivery.stop();
    delivery = startWebhookDelivery(server.db, silent, { ...FAST, retryForMs: 300 });
    receiver.answers.push(...Array(1000).fill(503));
    const { createWebhook } = await server.data(CREATE_WEBHOOK, { url: receiver.url });
    const id = createWebhook.webhook.id;
    await waitUntil('the webhook is failing', async () => (await webhookState(server, id)).failing);
    const failing = await webhookState(server, id);
    expect(failing.lastError).toMatch(/^HTTP 503/);
    expect(failing.lastDeliveredSeq).toBe(createWebhook.webhook.lastDeliveredSeq);
    const attempts = receiver.deliveries.length;
    await server.data(CREATE_ORG, { name: 'Waiting' });
    receiver.answers.length = 0;
    const { enableWebhook } = await server.data(/* GraphQL */ `mutation ($id: ID!) { enableWebhook(id: $id) { failing attempts } }`, { id });
    expect(enableWebhook).toEqual({ failing: false, attempts: 0 });
    await waitUntil('the waiting events arrived', () => bodies(receiver).length >= 3);
    expect(receiver.deliveries.length).toBeGreaterThan(attempts);
    expect(bodies(receiver).map((b) => b.type)).toEqual(['webhook.created', 'organization.created', 'webhook.enabled']);
    expect((await server.gql(/* GraphQL */ `mutation { deleteWebhook(id: "no-such-webhook") }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('webhooks across an API restart', () => {
  it('a receiver that is down while the API restarts still gets every event afterwards, in order', async () => {
    const port = await freePort();
    let server = await startTestServer();
    let delivery = startWebhookDelivery(server.db, silent, FAST);
    let receiver: Receiver | undefined;
    try {
      const { createWebhook } = await server.data(CREATE_WEBHOOK, { url: `http://127.0.0.1:${port}/hooks` });
      for (const name of ['Before 1', 'Before 2']) await server.data(CREATE_ORG, { name });
      await waitUntil('a delivery has failed', async () => (await webhookState(server, createWebhook.webhook.id)).attempts >= 1);
      expect((await webhookState(server, createWebhook.webhook.id)).lastError).toMatch(/ECONNREFUSED/);

      await delivery.stop();
      await server.stop();
      server = await startTestServer({ keepData: true });
      delivery = startWebhookDelivery(server.db, silent, FAST);
      await server.data(CREATE_ORG, { name: 'After restart' });
      receiver = await startReceiver(port);

      const { events } = await server.data(EVENTS, { after: createWebhook.webhook.lastDeliveredSeq });
      expect(events).toHaveLength(4);
      await waitUntil('every event arrived', () => receiver!.deliveries.length >= events.length);
      const verifier = new Webhook(createWebhook.secret);
      expect(receiver.deliveries.map((d) => (verifier.verify(d.body, d.headers) as any).data.seq)).toEqual(events.map((e: any) => e.seq));
    } finally {
      await delivery.stop();
      await receiver?.close();
      await server.stop();
    }
  });
});
