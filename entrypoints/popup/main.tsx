import { render } from 'preact';

function Popup() {
  return (
    <main>
      <h1>Crypto News Context</h1>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
