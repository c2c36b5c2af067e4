import { render } from 'preact';
import { Options } from '../../components/options/Options';
import '../../components/ui/ui.css';
import '../../components/options/options.css';

const root = document.getElementById('app');
if (root) render(<Options />, root);
