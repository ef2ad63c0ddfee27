import './styles.css';
import { onPartialErrors, onSignInRequired } from './api/client';
import { isSignedIn, signOut } from './auth/session';
import { ExplorerApp } from './shell/explorer-app';
import { showNotice } from './shell/notice';
import { showSignIn } from './shell/sign-in-screen';
import { byId } from './ui/dom';

let app: ExplorerApp | undefined;

function openApp(): void {
  byId('app').hidden = false;
  app ??= new ExplorerApp();
  app.start();
}

onSignInRequired((message) => showSignIn(openApp, `Please sign in again: ${message}`));
onPartialErrors((messages) => showNotice(`Part of the answer is missing: ${messages.join(' · ')}`));
byId('sign-out').addEventListener('click', () => {
  signOut();
  showSignIn(openApp, 'You are signed out.');
});

if (isSignedIn()) openApp();
else showSignIn(openApp);
