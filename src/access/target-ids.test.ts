import { targetIdsOf } from './target-ids';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

describe('targetIdsOf', () => {
  it('takes the id arguments at any depth, and the id of the node answered', () => {
    expect(targetIdsOf({ input: { name: 'Anna Weber', participantIds: [A, B], aboutIds: [A] } }, { id: C, name: 'x', ownerId: B })).toEqual([A, B, C]);
  });

  it('takes the ids a link or a record names when the answer is no node', () => {
    expect(targetIdsOf({ input: { fromId: A, toId: B } }, { type: 'KNOWS', fromId: A, toId: B, created: true })).toEqual([A, B]);
    expect(targetIdsOf({}, { apiKey: { id: C, ownerId: A }, secret: 'xrm_secret' })).toEqual([C]);
    expect(targetIdsOf({ id: A }, A)).toEqual([A]);
  });

  it('keeps nothing that is not shaped like an id, so no personal value gets through', () => {
    expect(targetIdsOf({ id: 'anna@acme.example', personId: 'Anna Weber', input: { phoneId: '+49 40 111' } }, 'Anna Weber')).toEqual([]);
  });
});
