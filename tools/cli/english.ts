/**
 * The extension's English messages (public/_locales/en/messages.json) for the Node commands: what the popup and
 * options word through browser.i18n, the analyze and kb:verify commands word with the same messages, from this.
 */
import { fillMessage, type Message, type Word } from '../../lib/shared/message-text';
import messages from '../../public/_locales/en/messages.json';

/** A message in English with its substitutions, as the browser would fill it. */
export const english: Word = (key, substitutions) => fillMessage(messages as Record<string, Message>, key, substitutions);
