import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '../../components/welcome/Welcome';
import { localizePage } from '../../lib/shared/i18n';
import '../../components/shared/ui.css';
import '../../components/options/options.css';

/** The shortcuts the user actually has (they can change them); the defaults otherwise. */
async function shortcuts(): Promise<{ lookup?: string; toggle?: string }> {
  try {
    const commands = await browser.commands.getAll();
    return {
      lookup: commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action')?.shortcut,
      toggle: commands.find((c) => c.name === 'toggle-annotations')?.shortcut,
    };
  } catch {
    return {};
  }
}

localizePage(document, 'welTitle');
const root = document.getElementById('app');
if (root) {
  void shortcuts().then((keys) =>
    render(<Welcome shortcuts={keys} onOpenOptions={() => void browser.runtime.openOptionsPage()} />, root),
  );
}
