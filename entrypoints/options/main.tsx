import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { popupApi } from '../../lib/shared/channels';
import { localizePage } from '../../lib/shared/i18n';
import '../../components/shared/ui.css';
import '../../components/options/options.css';

const root = document.getElementById('app');
/** Muted names are stored as KB ids: the background knows their names. */
const resolveName = async (id: string) => (await popupApi.getEntity(id))?.name ?? null;

localizePage(document, 'uiOptionsPageTitle');
if (root) render(<Options resolveName={resolveName} />, root);
