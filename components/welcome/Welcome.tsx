/** First-run page: what the extension does, the privacy promise, how to use it. */
import { useEffect } from 'preact/hooks';
import { getSettings } from '../../lib/settings';
import { applyTheme } from '../shared/theme';
import { DataUpdates } from '../options/DataUpdates';

export function Welcome(props: { onOpenOptions: () => void; shortcuts?: { lookup?: string; toggle?: string } }) {
  useEffect(() => {
    void getSettings().then((s) => applyTheme(s.theme));
  }, []);
  const lookupKey = props.shortcuts?.lookup || 'Alt+Shift+L';
  const toggleKey = props.shortcuts?.toggle || 'Alt+Shift+K';
  return (
    <main class="welcome">
      <h1>Welcome to Crypto News Context</h1>
      <p>
        Crypto News Context explains crypto-security news where you read it: exchange and bridge hacks, North Korea’s Lazarus Group and
        the Reconnaissance General Bureau, ransomware, sanctions, mixers and money laundering.
      </p>

      <section aria-labelledby="w-what">
        <h2 id="w-what">What it does</h2>
        <ul>
          <li>Recognises articles about crypto security. Other pages get only a quick look at their title and first lines, and are left alone.</li>
          <li>Marks the groups, agencies, malware, incidents, sanctioned countries and crypto addresses an article names.</li>
          <li>Explains each one in a card with aliases, sanctions, who attributes what to whom, and sources.</li>
          <li>Its toolbar popup gives a summary, the key facts, honest disclaimers and related coverage.</li>
        </ul>
      </section>

      <section aria-labelledby="w-privacy">
        <h2 id="w-privacy">Your privacy</h2>
        <p class="promise">
          <strong>Everything runs on your device.</strong> No page text, address or reading history leaves your browser. There are no
          accounts, no analytics and no remote code. The optional reading history stays in this browser and you can clear it at any time.
        </p>
      </section>

      <DataUpdates />

      <section aria-labelledby="w-how">
        <h2 id="w-how">How to use it</h2>
        <ol>
          <li>Open a news article about a crypto hack, ransomware or sanctions. Names it knows are marked in the text.</li>
          <li>Point at a marked name, or move to it with Tab and press Enter, to open its card. Press Escape to close it.</li>
          <li>
            Click the toolbar button (or press <kbd>{lookupKey}</kbd>) for the summary, key facts and a look-up box for any name, such as
            “APT38” or “Tornado Cash”.
          </li>
          <li>
            Select a name on any page, right-click and choose “Look up in Crypto News Context”. Press <kbd>{toggleKey}</kbd> to hide or
            show the marks.
          </li>
          <li>
            Have it read a page only when you click its toolbar button, turn it off for a site, choose which kinds of names to mark, or
            switch off the reading history in the{' '}
            <button type="button" class="link" onClick={props.onOpenOptions}>
              settings
            </button>
            .
          </li>
        </ol>
      </section>

      <section aria-labelledby="w-limits">
        <h2 id="w-limits">Good to know</h2>
        <p>
          Matching is automatic and can be wrong; attributions are given as stated by the named authority, with how strong they are. It is
          information, not financial or legal advice. Each card has a “Not this?” button for wrong matches.
        </p>
      </section>
    </main>
  );
}
