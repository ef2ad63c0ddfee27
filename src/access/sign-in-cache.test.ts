import type { Viewer } from '../graphql/viewer';
import { SignInCache } from './sign-in-cache';

const viewer = (id: string) => ({ kind: 'user', id, userId: id, roles: ['SALES'], actsForId: null }) as unknown as Viewer;

describe('SignInCache', () => {
  it('signs a credential in once and answers the kept viewer after that', async () => {
    const cache = new SignInCache(60);
    const signIn = jest.fn(async () => viewer('kim'));
    expect(await cache.viewerOf('sub:kim', signIn)).toEqual(viewer('kim'));
    expect(await cache.viewerOf('sub:kim', signIn)).toEqual(viewer('kim'));
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('keeps nothing with 0 seconds, and no refusal ever', async () => {
    const none = new SignInCache(0);
    const signIn = jest.fn(async () => viewer('kim'));
    await none.viewerOf('sub:kim', signIn);
    await none.viewerOf('sub:kim', signIn);
    expect(signIn).toHaveBeenCalledTimes(2);

    const cache = new SignInCache(60);
    const refused = jest.fn(async (): Promise<Viewer> => {
      throw new Error('deactivated');
    });
    await expect(cache.viewerOf('sub:kim', refused)).rejects.toThrow('deactivated');
    await expect(cache.viewerOf('sub:kim', refused)).rejects.toThrow('deactivated');
    expect(refused).toHaveBeenCalledTimes(2);
  });

  it('forgets everything after a change, also a sign-in that was reading while the change committed', async () => {
    const cache = new SignInCache(60);
    await cache.viewerOf('sub:kim', async () => viewer('kim'));
    cache.forgetAll();
    const again = jest.fn(async () => viewer('kim'));
    await cache.viewerOf('sub:kim', again);
    expect(again).toHaveBeenCalledTimes(1);

    // Jana's lookup read the old state; the change committed before it answered.
    let answer!: (v: Viewer) => void;
    const reading = cache.viewerOf('sub:jana', () => new Promise<Viewer>((resolve) => (answer = resolve)));
    cache.forgetAll();
    answer(viewer('jana (old roles)'));
    await reading;
    const fresh = jest.fn(async () => viewer('jana'));
    expect(await cache.viewerOf('sub:jana', fresh)).toEqual(viewer('jana'));
    expect(fresh).toHaveBeenCalledTimes(1);
  });
});
