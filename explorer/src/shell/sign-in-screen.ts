import { SignInRequired } from '../api/client';
import { checkCredential, developmentToken } from '../api/sign-in';
import { signIn, signOut } from '../auth/session';
import { byId } from '../ui/dom';
import { describeError } from './notice';

/**
 * The sign-in screen: a token (a user's JWT) kept for this tab. The token is checked with one
 * request (`viewer`) before the map opens. In development the form comes filled in with the
 * ADMIN token the server printed.
 */
export function showSignIn(onSignedIn: () => void, message?: string): void {
  byId('app').hidden = true;
  byId('sign-in').hidden = false;
  const text = byId('sign-in-message');
  text.textContent = message ?? '';
  text.hidden = !message;
  const form = byId<HTMLFormElement>('sign-in-form');
  const input = byId<HTMLInputElement>('sign-in-token');
  input.focus();
  void developmentToken().then((token) => {
    if (token && !input.value) {
      input.value = token;
      byId('sign-in-hint').textContent = 'Development: the token of the sample world’s ADMIN is filled in; replace it to sign in as someone else.';
    }
  });
  form.onsubmit = async (event) => {
    event.preventDefault();
    const button = byId<HTMLButtonElement>('sign-in-submit');
    button.disabled = true;
    button.textContent = 'Signing in…';
    signIn(input.value);
    try {
      const viewer = await checkCredential();
      input.value = '';
      byId('signed-in-as').textContent = viewer.actsFor ? `${viewer.user.name} · ${viewer.actsFor.name}` : viewer.user.name;
      byId('sign-in').hidden = true;
      onSignedIn();
    } catch (error) {
      signOut();
      text.textContent = error instanceof SignInRequired ? `The API did not accept this token: ${error.message}` : describeError(error);
      text.hidden = false;
    } finally {
      button.disabled = false;
      button.textContent = 'Sign in';
    }
  };
}
