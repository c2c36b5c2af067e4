/** A translated message with an element (a name in bold, a key, a button) in the place of its last placeholder. */
import type { ComponentChildren } from 'preact';
import { t } from '../../lib/shared/i18n';

/** A private-use character put where the placeholder goes, to put the element there. */
const SLOT = '\uE000';

/** `t(key, [...before, element])`, with `element` as a node: the words around it stay in the message. */
export function withElement(key: string, element: ComponentChildren, before: readonly string[] = []): ComponentChildren {
  const [head, tail = ''] = t(key, [...before, SLOT]).split(SLOT);
  return (
    <>
      {head}
      {element}
      {tail}
    </>
  );
}
