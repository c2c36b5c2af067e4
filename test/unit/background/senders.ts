/**
 * What the background's unit tests send: senders as `runtime.onMessage` reports them (WXT's fake browser
 * supplies the extension id) and the article text that the engine finds Lazarus, Tornado Cash and the FBI in.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const ID = fakeBrowser.runtime.id;
export const ORIGIN = `chrome-extension://${ID}/`;
export const PAGE = 'https://news.example/story';

/** our content script in a tab (top frame unless `frameId` says otherwise) */
export const content = (tabId = 5, { frameId = 0, url = PAGE }: { frameId?: number; url?: string } = {}) => ({ id: ID, url, tab: { id: tabId }, frameId });
/** our popup page */
export const popup = { id: ID, url: `${ORIGIN}popup.html` };

/** Paragraphs of a short crypto-security article, written for these tests. */
export const ARTICLE_PARAGRAPHS = [
  'Hackers linked to North Korea stole $100 million from the Horizon bridge, the FBI said.',
  'The FBI said the Lazarus Group, also tracked as APT38, laundered the stolen ether through Tornado Cash, which the US Treasury sanctioned.',
  'Blockchain analysts traced the crypto through dozens of wallets and exchanges after the hack.',
  'The bridge operator said it would compensate users for the theft and was working with investigators to recover the stolen funds.',
  'According to the post-mortem, the attackers obtained two of the five keys that controlled the multisig wallet holding the locked tokens, enough to approve withdrawals of ether, stablecoins and wrapped bitcoin over a few hours.',
  'Investigators said the pattern of splitting and swapping the coins matched earlier thefts by the same operators, who have targeted exchanges and bridges in Asia, Europe and North America since 2017.',
];
