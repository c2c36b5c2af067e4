import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background';
import { openWelcomeOnInstall } from '../lib/background/welcome';

export default defineBackground(() => {
  // Listeners first and synchronously: an MV3 worker woken by an event must find them registered.
  openWelcomeOnInstall();
  startBackground();
});
