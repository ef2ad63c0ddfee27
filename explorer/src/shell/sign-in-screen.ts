import { SignInRequired } from '../api/client';
import { checkCredential } from '../api/sign-in';
import { signIn, signOut } from '../auth/session';
import { byId } from '../ui/dom';
import { describeError } from './notice';

/**
 * The sign-in screen: a token (JWT or API key) kept for this tab. The token is checked with one
 * request before the map opens; an empty token is accepted while the API does not ask for one.
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
  form.onsubmit = async (event) => {
    event.preventDefault();
    const button = byId<HTMLButtonElement>('sign-in-submit');
    button.disabled = true;
    button.textContent = 'Signing in…';
    signIn(input.value);
    try {
      await checkCredential();
      input.value = '';
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
